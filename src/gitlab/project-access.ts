/**
 * Project resolution and GitLab's permission rules for the Services API
 * (lib/api/helpers.rb `find_project!`, `user_project`, `authorize_admin_project`): the project must be readable by the caller (else 404, so
 * private projects do not leak), then `admin_project` (Maintainer, Owner or
 * instance admin) is required (else 403).
 */
import type { Database, StoredProject, StoredUser } from '../model/database.js'
import { forbidden, projectNotFound } from './responses.js'

export const MAINTAINER = 40

/** `:id` is a numeric id or a URL-encoded full path; anything else finds nothing. */
export function findProject(db: Database, rawId: string): StoredProject | undefined {
  let id: string
  try {
    id = decodeURIComponent(rawId)
  } catch {
    return undefined
  }
  if (/^\d+$/.test(id)) return db.projectById(Number(id))
  return id.includes('/') ? db.projectByPath(id) : undefined
}

export function canRead(db: Database, user: StoredUser | undefined, project: StoredProject): boolean {
  if (project.visibility === 'public') return true
  if (!user) return false
  if (user.admin || project.visibility === 'internal') return true
  return db.member(project.id, user.id) !== undefined
}

export function canAdmin(db: Database, user: StoredUser, project: StoredProject): boolean {
  return user.admin || (db.member(project.id, user.id)?.access_level ?? 0) >= MAINTAINER
}

/** The project a maintainer-only endpoint acts on, or GitLab's 404/403. */
export function projectForAdmin(db: Database, user: StoredUser, rawId: string): StoredProject | Response {
  const project = findProject(db, rawId)
  if (!project || !canRead(db, user, project)) return projectNotFound()
  if (!canAdmin(db, user, project)) return forbidden()
  return project
}
