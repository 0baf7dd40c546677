/**
 * Namespaces as the API shows them: a group, or a user's namespace (any
 * project namespace no declared group holds). Entities after
 * lib/api/entities/namespace_basic.rb, namespace.rb and group.rb, trimmed
 * to the fields clients decode; the types are GitLab's (ids integers,
 * `parent_id` an integer or null, `avatar_url` null).
 */
import type { Database, StoredGroup, StoredProject, UserNamespace } from '../model/database.js'

export interface NamespaceView {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly kind: 'group' | 'user'
  readonly full_path: string
  readonly parent_id: number | null
  /** `Acme / Platform`: the names from the root down (Namespace#full_name). */
  readonly full_name: string
  /** The group itself, for a group's namespace. */
  readonly group?: StoredGroup
}

export function groupNamespace(db: Database, group: StoredGroup): NamespaceView {
  const names = [...db.selfAndAncestors(group)].map((at) => at.name).reverse()
  return { id: group.id, name: group.name, path: group.path, kind: 'group', full_path: group.full_path, parent_id: group.parent_id, full_name: names.join(' / '), group }
}

/** A user's namespace is named after its user (User#ensure_namespace_correct), else after its path. */
export function userNamespace(db: Database, namespace: UserNamespace): NamespaceView {
  const user = db.userByName(namespace.path)
  const name = user?.name ?? namespace.path
  const fullName = user?.name ?? namespace.path.split('/').join(' / ')
  return { id: namespace.id, name, path: namespace.path, kind: 'user', full_path: namespace.path, parent_id: null, full_name: fullName }
}

export function projectNamespace(db: Database, project: StoredProject): NamespaceView {
  if (project.group_id !== null) return groupNamespace(db, db.groupById(project.group_id)!)
  const path = project.path_with_namespace.slice(0, project.path_with_namespace.lastIndexOf('/'))
  return userNamespace(db, db.userNamespaceByPath(path) ?? { id: 0, path })
}

/** `find_namespace`: an id (a group's or a user's namespace) or a full path. */
export function findNamespace(db: Database, rawId: string): NamespaceView | undefined {
  let id: string
  try {
    id = decodeURIComponent(rawId)
  } catch {
    return undefined
  }
  const group = /^\d+$/.test(id) ? db.groupById(Number(id)) : db.groupByPath(id)
  if (group) return groupNamespace(db, group)
  const namespace = /^\d+$/.test(id) ? db.userNamespaceById(Number(id)) : db.userNamespaceByPath(id)
  return namespace && userNamespace(db, namespace)
}

/** Group#web_url is under `/groups/`; a user's namespace is the user's page. */
export const namespaceWebUrl = (origin: string, namespace: NamespaceView) =>
  namespace.kind === 'group' ? `${origin}/groups/${namespace.full_path}` : `${origin}/${namespace.full_path}`

/** API::Entities::NamespaceBasic: what `GET /projects/:id` nests as `namespace`. */
export function namespaceEntity(origin: string, namespace: NamespaceView) {
  return {
    id: namespace.id,
    name: namespace.name,
    path: namespace.path,
    kind: namespace.kind,
    full_path: namespace.full_path,
    parent_id: namespace.parent_id,
    avatar_url: null,
    web_url: namespaceWebUrl(origin, namespace),
  }
}

/** API::Entities::Group, trimmed: `GET /groups/:id`. */
export function groupEntity(db: Database, origin: string, group: StoredGroup) {
  const namespace = groupNamespace(db, group)
  return {
    id: group.id,
    web_url: namespaceWebUrl(origin, namespace),
    name: group.name,
    path: group.path,
    description: group.description ?? '',
    visibility: group.visibility,
    avatar_url: null,
    full_name: namespace.full_name,
    full_path: group.full_path,
    created_at: group.created_at,
    parent_id: group.parent_id,
  }
}
