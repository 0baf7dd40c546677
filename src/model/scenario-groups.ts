/**
 * The group tree of a scenario: each group's full path and parent, each
 * project's group. Checked as GitLab checks them: a parent exists and is
 * not the group itself or one of its descendants, a full path is its
 * parent's plus its own path, a project's `path_with_namespace` is its
 * group's full path plus its own path, and nothing is more visible than
 * the group holding it (Group#visibility_level_allowed_by_parent,
 * Project#visibility_level_allowed_by_group, app/models/group.rb and
 * project.rb).
 */
import { VISIBILITIES } from './records.js'
import { fail } from './scenario-error.js'
import type { ParsedScenario } from './scenario-schema.js'

type ParsedGroup = NonNullable<ParsedScenario['groups']>[number]
type ParsedProject = NonNullable<ParsedScenario['projects']>[number]
type Visibility = (typeof VISIBILITIES)[number]

export interface ResolvedGroup {
  readonly id: number
  readonly path: string
  readonly fullPath: string
  readonly parentId: number | null
  readonly visibility: Visibility
}

export interface GroupTree {
  /** Every group by id. */
  readonly byId: ReadonlyMap<number, ResolvedGroup>
  /** Groups by lower-cased full path. */
  readonly byPath: ReadonlyMap<string, ResolvedGroup>
  /** The group a reference (id or full path) names. */
  find(ref: number | string): ResolvedGroup | undefined
  /** A group and its ancestors, nearest first. */
  selfAndAncestors(group: ResolvedGroup): Generator<ResolvedGroup>
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const prefixOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined)
const rank = (visibility: Visibility) => VISIBILITIES.indexOf(visibility)

/** Resolves the groups' parents and full paths in any declaration order; throws ScenarioError. */
export function resolveGroups(groups: readonly ParsedGroup[]): GroupTree {
  const indexById = new Map<number, number>()
  groups.forEach((group, g) => {
    if (indexById.has(group.id)) fail(['groups', g, 'id'], `duplicate id ${group.id}`)
    indexById.set(group.id, g)
  })
  const ownPath = groups.map((group, g) => {
    if (group.path === undefined && group.full_path === undefined) fail(['groups', g, 'path'], 'a group needs a path or a full_path')
    const path = group.path ?? lastSegment(group.full_path!)
    if (group.full_path !== undefined && lastSegment(group.full_path) !== path)
      fail(['groups', g, 'full_path'], `does not end in the group's path ${JSON.stringify(path)}`)
    return path
  })
  /** Groups by their own (last) path segment, to find a parent named by full path. */
  const bySegment = new Map<string, number[]>()
  ownPath.forEach((path, g) => bySegment.set(path.toLowerCase(), [...(bySegment.get(path.toLowerCase()) ?? []), g]))

  const resolved: (ResolvedGroup | undefined)[] = []
  const visiting = new Set<number>()

  function resolve(g: number): ResolvedGroup {
    const done = resolved[g]
    if (done) return done
    const group = groups[g]!
    const parentRef = group.parent ?? (group.full_path === undefined ? undefined : prefixOf(group.full_path))
    const field = group.parent === undefined ? 'full_path' : 'parent'
    if (visiting.has(g)) fail(['groups', g, field], `cycle: group ${group.id} is its own ancestor`)
    visiting.add(g)
    let parent: ResolvedGroup | undefined
    if (typeof parentRef === 'number') {
      const at = indexById.get(parentRef)
      if (at === undefined) fail(['groups', g, 'parent'], `no group ${parentRef}`)
      parent = resolve(at)
    } else if (parentRef !== undefined) {
      const wanted = parentRef.toLowerCase()
      for (const at of bySegment.get(lastSegment(wanted)) ?? []) {
        if (at === g) continue
        const candidate = resolve(at)
        if (candidate.fullPath.toLowerCase() === wanted) parent = candidate
      }
      if (!parent) fail(['groups', g, field], `no group ${JSON.stringify(parentRef)}`)
    }
    visiting.delete(g)
    const fullPath = parent ? `${parent.fullPath}/${ownPath[g]}` : ownPath[g]!
    if (group.full_path !== undefined && group.full_path.toLowerCase() !== fullPath.toLowerCase())
      fail(['groups', g, 'full_path'], `disagrees with its parent: expected ${JSON.stringify(fullPath)}`)
    const visibility = group.visibility ?? 'private'
    if (parent && rank(visibility) > rank(parent.visibility))
      fail(['groups', g, 'visibility'], `a ${visibility} group cannot be in the ${parent.visibility} group ${JSON.stringify(parent.fullPath)}`)
    const result: ResolvedGroup = { id: group.id, path: ownPath[g]!, fullPath, parentId: parent?.id ?? null, visibility }
    resolved[g] = result
    return result
  }

  const byId = new Map<number, ResolvedGroup>()
  const byPath = new Map<string, ResolvedGroup>()
  groups.forEach((_, g) => {
    const group = resolve(g)
    const key = group.fullPath.toLowerCase()
    if (byPath.has(key)) fail(['groups', g, 'full_path'], `duplicate full_path ${JSON.stringify(group.fullPath)}`)
    byId.set(group.id, group)
    byPath.set(key, group)
  })
  return {
    byId,
    byPath,
    find: (ref) => (typeof ref === 'number' ? byId.get(ref) : byPath.get(ref.toLowerCase())),
    *selfAndAncestors(group) {
      for (let at: ResolvedGroup | undefined = group; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) yield at
    },
  }
}

/**
 * A project's group: the one `namespace` names, else the one whose full
 * path is the project's namespace path, else none (a user's namespace).
 * A namespace path under a declared group must itself be a declared group.
 */
export function projectGroup(tree: GroupTree, project: ParsedProject, p: number): ResolvedGroup | undefined {
  const namespacePath = prefixOf(project.path_with_namespace)!
  let group: ResolvedGroup | undefined
  if (project.namespace !== undefined) {
    group = tree.find(project.namespace)
    if (!group) fail(['projects', p, 'namespace'], `no group ${JSON.stringify(project.namespace)}`)
    if (group.fullPath.toLowerCase() !== namespacePath.toLowerCase())
      fail(['projects', p, 'path_with_namespace'], `is not in its group ${JSON.stringify(group.fullPath)}: expected "${group.fullPath}/${lastSegment(project.path_with_namespace)}"`)
  } else {
    group = tree.byPath.get(namespacePath.toLowerCase())
    for (let above = prefixOf(namespacePath); !group && above !== undefined; above = prefixOf(above)) {
      const ancestor = tree.byPath.get(above.toLowerCase())
      if (ancestor) fail(['projects', p, 'path_with_namespace'], `no group ${JSON.stringify(namespacePath)} in the group ${JSON.stringify(ancestor.fullPath)}`)
    }
  }
  if (group && rank(project.visibility ?? 'private') > rank(group.visibility))
    fail(['projects', p, 'visibility'], `a ${project.visibility} project cannot be in the ${group.visibility} group ${JSON.stringify(group.fullPath)}`)
  return group
}
