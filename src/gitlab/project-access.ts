/**
 * Project and group resolution and GitLab's permission rules for the
 * integrations API (lib/api/helpers.rb `find_project!`, `find_group!`,
 * `user_project`, `user_group`): the resource must be readable by the
 * caller (else 404, so private ones do not leak), then the admin ability
 * is required (else 403).
 *
 * Membership is GitLab's: a project member's level is the higher of the
 * direct one and the one inherited from the project's group and its
 * ancestors; a group member's the highest over the group and its
 * ancestors (Group#max_member_access_for_user over `members_with_parents`).
 * Every lookup is a hash lookup per ancestor: O(depth).
 */
import type { Database, StoredGroup, StoredProject, StoredUser } from '../model/database.js'
import { forbidden, groupNotFound, projectNotFound } from './responses.js'

export const MAINTAINER = 40
export const OWNER = 50

/** `:id` as GitLab reads it: digits are an id, anything else a URL-encoded full path. */
function decodedId(rawId: string): string | undefined {
  try {
    return decodeURIComponent(rawId)
  } catch {
    return undefined
  }
}

/** `:id` is a numeric id or a URL-encoded full path; anything else finds nothing. */
export function findProject(db: Database, rawId: string): StoredProject | undefined {
  const id = decodedId(rawId)
  if (id === undefined) return undefined
  if (/^\d+$/.test(id)) return db.projectById(Number(id))
  return id.includes('/') ? db.projectByPath(id) : undefined
}

/** `find_group`: `id =~ /^\d+$/ ? find_by(id:) : find_by_full_path(id)` (lib/api/helpers.rb). */
export function findGroup(db: Database, rawId: string): StoredGroup | undefined {
  const id = decodedId(rawId)
  if (id === undefined) return undefined
  return /^\d+$/.test(id) ? db.groupById(Number(id)) : db.groupByPath(id)
}

/** The user's level in a group: the highest of its own and its ancestors' memberships; 0 for none. */
export function groupAccessLevel(db: Database, user: StoredUser, group: StoredGroup): number {
  let level = 0
  for (const at of db.selfAndAncestors(group)) level = Math.max(level, db.groupMember(at.id, user.id)?.access_level ?? 0)
  return level
}

/** The user's level in a project: the higher of the direct membership and the group's. */
export function projectAccessLevel(db: Database, user: StoredUser, project: StoredProject): number {
  const direct = db.member(project.id, user.id)?.access_level ?? 0
  const group = project.group_id === null ? undefined : db.groupById(project.group_id)
  return group ? Math.max(direct, groupAccessLevel(db, user, group)) : direct
}

export function canRead(db: Database, user: StoredUser | undefined, project: StoredProject): boolean {
  if (project.visibility === 'public') return true
  if (!user) return false
  if (user.admin || project.visibility === 'internal') return true
  return projectAccessLevel(db, user, project) > 0
}

export function canAdmin(db: Database, user: StoredUser, project: StoredProject): boolean {
  return user.admin || projectAccessLevel(db, user, project) >= MAINTAINER
}

/**
 * GroupPolicy's `read_group` (app/policies/group_policy.rb): a public
 * group; an internal one for any signed-in user; an admin; a member of it
 * or an ancestor (`guest`); or a member of a project in it or a subgroup
 * (`has_projects`).
 */
export function canReadGroup(db: Database, user: StoredUser | undefined, group: StoredGroup): boolean {
  if (group.visibility === 'public') return true
  if (!user) return false
  if (user.admin || group.visibility === 'internal') return true
  return groupAccessLevel(db, user, group) > 0 || db.hasProjectUnder(group.id, user.id)
}

/**
 * `authorize_admin_group_integrations` (lib/api/integrations.rb, 17.9+),
 * read as its project sibling `authorize_admin_integrations` is written
 * (`authorize! :admin_integrations, ...`, lib/api/helpers.rb). GroupPolicy
 * (app/policies/group_policy.rb): `rule { owner }.policy { enable
 * :admin_integrations }`, so Owner, although doc/api/group_integrations.md
 * says "at least the Maintainer role" (copied from the project page); an admin's
 * level is OWNER everywhere (Group#max_member_access_for_user: `return
 * GroupMember::OWNER if user.can_admin_all_resources?`, app/models/group.rb).
 */
export function canAdminGroupIntegrations(db: Database, user: StoredUser, group: StoredGroup): boolean {
  return user.admin || groupAccessLevel(db, user, group) >= OWNER
}

/** The project a maintainer-only endpoint acts on, or GitLab's 404/403. */
export function projectForAdmin(db: Database, user: StoredUser, rawId: string): StoredProject | Response {
  const project = findProject(db, rawId)
  if (!project || !canRead(db, user, project)) return projectNotFound()
  if (!canAdmin(db, user, project)) return forbidden()
  return project
}

/**
 * The group of `/groups/:id/integrations`: `user_group` (find_group!: 404
 * `Group Not Found` unless readable), then `authorize_admin_group_integrations`
 * (403 unless `admin_integrations`), lib/api/integrations.rb (17.9+).
 */
export function groupForIntegrations(db: Database, user: StoredUser, rawId: string): StoredGroup | Response {
  const group = findGroup(db, rawId)
  if (!group || !canReadGroup(db, user, group)) return groupNotFound()
  if (!canAdminGroupIntegrations(db, user, group)) return forbidden()
  return group
}
