/**
 * The in-memory model: plain records in hash maps, one map per lookup a
 * request makes, so every lookup is O(1) and nothing scans. Records are
 * stored as given (the loader and the writes build them with one object
 * literal each, so records of a kind share a hidden class) and never
 * copied; an update writes into the stored record (`replaceIntegration`),
 * which keeps its identity, so every index stays valid.
 *
 * This replaced @msw/data collections (issue #16): its `create()` deep-copied
 * each record, re-parsed it with its schema, gave it a UUID, a Map and a
 * MessageEvent per hook: 45% of a 100,000-integration load's CPU profile.
 * Its `update()` scans the collection. Maps iterate in insertion order, which
 * is the creation order the read iterators promise.
 */
import type {
  GroupMemberRecord,
  GroupRecord,
  IntegrationRecord,
  MemberRecord,
  ProjectRecord,
  TokenRecord,
  UserRecord,
} from './records.js'

export type StoredUser = UserRecord
export type StoredToken = TokenRecord
export type StoredGroup = GroupRecord
export type StoredGroupMember = GroupMemberRecord
export type StoredProject = ProjectRecord
export type StoredMember = MemberRecord
export type StoredIntegration = IntegrationRecord

/**
 * A namespace no declared group holds: a user's (`alice/app`), or the
 * undeclared prefix of a scenario that declares no groups. It has an id
 * (namespaces and groups share GitLab's `namespaces` table) but no members.
 */
export interface UserNamespace {
  readonly id: number
  readonly path: string
}

/**
 * The model. Reads: every record of a kind in creation order (`users()`,
 * `projects()`, `integrations()`, ...) and hash lookups. Writes (`add*`,
 * `replaceIntegration`) are the loader's and the routes'; they do not
 * validate, so change state through the API or a scenario instead.
 */
export interface Database {
  /** Every user, in creation order. */
  users(): IterableIterator<StoredUser>
  /** Every token, in creation order. */
  tokens(): IterableIterator<StoredToken>
  /** Every group, in creation order. */
  groups(): IterableIterator<StoredGroup>
  /** Every group membership, in creation order. */
  groupMembers(): IterableIterator<StoredGroupMember>
  /** Every project, in creation order. */
  projects(): IterableIterator<StoredProject>
  /** Every project membership, in creation order. */
  members(): IterableIterator<StoredMember>
  /** Every integration record, projects' and groups', in creation order. */
  integrations(): IterableIterator<StoredIntegration>
  /** How many records of each kind the model holds. */
  counts(): Readonly<Record<'users' | 'tokens' | 'groups' | 'groupMembers' | 'projects' | 'members' | 'integrations', number>>

  userById(id: number): StoredUser | undefined
  userByName(username: string): StoredUser | undefined
  token(value: string): StoredToken | undefined
  groupById(id: number): StoredGroup | undefined
  groupByPath(fullPath: string): StoredGroup | undefined
  /** The group, then its parent, up to the root: O(depth). */
  selfAndAncestors(group: StoredGroup): Generator<StoredGroup>
  /** The direct subgroups of a group. */
  subgroupsOf(groupId: number): readonly StoredGroup[]
  /** The projects directly in a group. */
  projectsOf(groupId: number): readonly StoredProject[]
  groupMember(groupId: number, userId: number): StoredGroupMember | undefined
  /** Whether the user is a direct member of a project in this group or one of its subgroups. */
  hasProjectUnder(groupId: number, userId: number): boolean
  /** Registers a user namespace (ids past every group's); returns the one the path already has. */
  addUserNamespace(path: string): UserNamespace
  userNamespaceById(id: number): UserNamespace | undefined
  userNamespaceByPath(path: string): UserNamespace | undefined
  projectById(id: number): StoredProject | undefined
  projectByPath(path: string): StoredProject | undefined
  member(projectId: number, userId: number): StoredMember | undefined
  integration(projectId: number, slug: string): StoredIntegration | undefined
  /** A project's integrations in creation order. */
  integrationsOf(projectId: number): IterableIterator<StoredIntegration>
  groupIntegration(groupId: number, slug: string): StoredIntegration | undefined
  /** A group's integrations in creation order. */
  groupIntegrationsOf(groupId: number): IterableIterator<StoredIntegration>
  integrationById(id: number): StoredIntegration | undefined

  /** Stores a user (the record itself, not a copy). Ids and usernames are the caller's to keep unique. */
  addUser(record: UserRecord): StoredUser
  addToken(record: TokenRecord): StoredToken
  /** Stores a group; its parent must be stored first. */
  addGroup(record: GroupRecord): StoredGroup
  addGroupMember(record: GroupMemberRecord): StoredGroupMember
  /** Stores a project; its group must be stored first. */
  addProject(record: ProjectRecord): StoredProject
  /** Stores a project membership; the project must be stored first. */
  addMember(record: MemberRecord): StoredMember
  /** Stores an integration record (with its id: see `nextIntegrationId`); its owner has no record of the slug yet. */
  addIntegration(record: IntegrationRecord): StoredIntegration
  /** Writes a validated next state into the stored record, in place: it keeps its identity and its indexes. */
  replaceIntegration(record: StoredIntegration, next: IntegrationRecord): StoredIntegration
  /**
   * What `compute` makes of the record (the JSON a GET answers), made once and
   * kept until the record is next written: every write goes through
   * `replaceIntegration`, which drops it.
   */
  integrationView(record: StoredIntegration, kind: IntegrationView, compute: (record: StoredIntegration) => string): string
  /** The next integration id: ids are a sequence past every stored one, as in GitLab. */
  nextIntegrationId(): number
  /** Instance settings a scenario sets. */
  readonly settings: InstanceSettings
  /** Empties the model. */
  clear(): void
}

/** The serialised views of an integration the API answers with: its entity in a list, and alone (with `properties`). */
export type IntegrationView = 'basic' | 'full'

/** The instance's own settings, as far as the API's answers depend on them. */
export interface InstanceSettings {
  /** GitLab runs in development mode: development-only integrations (`mock-ci`) are routed. */
  development: boolean
  /** `application_settings.slack_app_enabled`: the GitLab for Slack app is set up. */
  slack_app_enabled: boolean
  /** `application_settings.jira_connect_application_key`: the GitLab for Jira Cloud app is set up. */
  jira_connect_application_key: string | null
}

const DEFAULT_SETTINGS: InstanceSettings = { development: false, slack_app_enabled: false, jira_connect_application_key: null }

/** A (group or project, user) pair as one map key. */
const pairKey = (ownerId: number, userId: number) => `${ownerId}\u0000${userId}`

/** Adds `item` to the list at `key`. */
function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

const EMPTY: ReadonlyMap<string, StoredIntegration> = new Map()

/** Whether two flat objects have the same own keys with the same values. */
function sameEntries(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  let count = 0
  for (const key in a) {
    if (!Object.hasOwn(b, key) || a[key] !== b[key]) return false
    count++
  }
  for (const _ in b) count--
  return count === 0
}

/** Per slug, the objects stored records share: the first one stored, and the latest that differed from it. */
interface Shared<T> {
  readonly first: Map<string, T>
  readonly latest: Map<string, T>
}

/**
 * A stored record's `events` and `properties` are values: nothing changes
 * them in place (a write builds a whole next record with copies, see
 * `copyRecord`), so they are frozen and records with equal ones share one.
 * The two objects were about a third of a stored integration's heap (a
 * heap snapshot: ~200 of ~640 bytes). Most records of a slug hold either
 * the slug's defaults (the first stored, as a rule) or what a group just
 * propagated to all of its projects (the latest), so those two are the
 * ones compared against.
 */
function shared<T extends Readonly<Record<string, unknown>>>(cache: Shared<T>, slug: string, value: T): T {
  const first = cache.first.get(slug)
  if (first === undefined) {
    cache.first.set(slug, Object.freeze(value))
    return value
  }
  if (first === value || sameEntries(first, value)) return first
  const latest = cache.latest.get(slug)
  if (latest !== undefined && (latest === value || sameEntries(latest, value))) return latest
  cache.latest.set(slug, Object.freeze(value))
  return value
}

export function createDatabase(): Database {
  const usersById = new Map<number, StoredUser>()
  const usersByName = new Map<string, StoredUser>()
  const tokensByValue = new Map<string, StoredToken>()
  const projectsById = new Map<number, StoredProject>()
  const projectsByPath = new Map<string, StoredProject>()
  const membersByKey = new Map<string, StoredMember>()
  const groupsById = new Map<number, StoredGroup>()
  const groupsByPath = new Map<string, StoredGroup>()
  const subgroups = new Map<number, StoredGroup[]>()
  const projectsByGroup = new Map<number, StoredProject[]>()
  const groupMembersByKey = new Map<string, StoredGroupMember>()
  /** `group\0user` → how many projects under the group the user is a direct member of (GroupPolicy's `has_projects`). */
  const projectMembershipsUnder = new Map<string, number>()
  const namespacesById = new Map<number, UserNamespace>()
  const namespacesByPath = new Map<string, UserNamespace>()
  const integrationsById = new Map<number, StoredIntegration>()
  /**
   * Each owner's records by slug, in creation order (the list endpoint's
   * order): one small map per owner costs less than a global map keyed by
   * `owner\0slug`, which allocated a key string per record.
   */
  const projectIntegrations = new Map<number, Map<string, StoredIntegration>>()
  const groupIntegrations = new Map<number, Map<string, StoredIntegration>>()
  /** User namespaces take ids past every group's: groups and namespaces share GitLab's `namespaces` table. */
  let lastNamespaceId = 0
  let lastIntegrationId = 0
  /** `integrationView`s by record; a WeakMap, so a cleared database keeps none alive. */
  const views = new WeakMap<StoredIntegration, Partial<Record<IntegrationView, string>>>()
  const settings: InstanceSettings = { ...DEFAULT_SETTINGS }
  /** The `events` and `properties` objects records share (see `shared`). */
  const sharedEvents: Shared<IntegrationRecord['events']> = { first: new Map(), latest: new Map() }
  const sharedProperties: Shared<IntegrationRecord['properties']> = { first: new Map(), latest: new Map() }

  function* selfAndAncestors(group: StoredGroup): Generator<StoredGroup> {
    for (let at: StoredGroup | undefined = group; at; at = at.parent_id === null ? undefined : groupsById.get(at.parent_id)) yield at
  }
  function countMembershipUnder(projectId: number, userId: number): void {
    const project = projectsById.get(projectId)
    const group = project?.group_id == null ? undefined : groupsById.get(project.group_id)
    if (!group) return
    for (const at of selfAndAncestors(group)) {
      const key = pairKey(at.id, userId)
      projectMembershipsUnder.set(key, (projectMembershipsUnder.get(key) ?? 0) + 1)
    }
  }
  function ownerMap(record: IntegrationRecord): Map<string, StoredIntegration> {
    const [byOwner, id] = record.group_id !== null ? [groupIntegrations, record.group_id] : [projectIntegrations, record.project_id!]
    let map = byOwner.get(id)
    if (!map) byOwner.set(id, (map = new Map()))
    return map
  }

  return {
    users: () => usersById.values(),
    tokens: () => tokensByValue.values(),
    groups: () => groupsById.values(),
    groupMembers: () => groupMembersByKey.values(),
    projects: () => projectsById.values(),
    members: () => membersByKey.values(),
    integrations: () => integrationsById.values(),
    counts: () => ({
      users: usersById.size,
      tokens: tokensByValue.size,
      groups: groupsById.size,
      groupMembers: groupMembersByKey.size,
      projects: projectsById.size,
      members: membersByKey.size,
      integrations: integrationsById.size,
    }),

    userById: (id: number) => usersById.get(id),
    userByName: (username: string) => usersByName.get(username.toLowerCase()),
    token: (value: string) => tokensByValue.get(value),
    groupById: (id: number) => groupsById.get(id),
    /** Group paths are matched case-insensitively, as GitLab's `find_by_full_path` does. */
    groupByPath: (fullPath: string) => groupsByPath.get(fullPath.toLowerCase()),
    selfAndAncestors,
    subgroupsOf: (groupId: number) => subgroups.get(groupId) ?? [],
    projectsOf: (groupId: number) => projectsByGroup.get(groupId) ?? [],
    groupMember: (groupId: number, userId: number) => groupMembersByKey.get(pairKey(groupId, userId)),
    hasProjectUnder: (groupId: number, userId: number) => projectMembershipsUnder.has(pairKey(groupId, userId)),
    addUserNamespace(path: string): UserNamespace {
      const known = namespacesByPath.get(path.toLowerCase())
      if (known) return known
      const namespace = { id: ++lastNamespaceId, path }
      namespacesById.set(namespace.id, namespace)
      namespacesByPath.set(path.toLowerCase(), namespace)
      return namespace
    },
    userNamespaceById: (id: number) => namespacesById.get(id),
    userNamespaceByPath: (path: string) => namespacesByPath.get(path.toLowerCase()),
    projectById: (id: number) => projectsById.get(id),
    /** Project paths are matched case-insensitively, as GitLab does. */
    projectByPath: (path: string) => projectsByPath.get(path.toLowerCase()),
    member: (projectId: number, userId: number) => membersByKey.get(pairKey(projectId, userId)),
    integration: (projectId: number, slug: string) => projectIntegrations.get(projectId)?.get(slug),
    integrationsOf: (projectId: number) => (projectIntegrations.get(projectId) ?? EMPTY).values(),
    groupIntegration: (groupId: number, slug: string) => groupIntegrations.get(groupId)?.get(slug),
    groupIntegrationsOf: (groupId: number) => (groupIntegrations.get(groupId) ?? EMPTY).values(),
    integrationById: (id: number) => integrationsById.get(id),

    addUser(record) {
      usersById.set(record.id, record)
      usersByName.set(record.username.toLowerCase(), record)
      return record
    },
    addToken(record) {
      tokensByValue.set(record.token, record)
      return record
    },
    addGroup(record) {
      if (record.id > lastNamespaceId) lastNamespaceId = record.id
      groupsById.set(record.id, record)
      groupsByPath.set(record.full_path.toLowerCase(), record)
      if (record.parent_id !== null) push(subgroups, record.parent_id, record)
      return record
    },
    addGroupMember(record) {
      groupMembersByKey.set(pairKey(record.group_id, record.user_id), record)
      return record
    },
    addProject(record) {
      projectsById.set(record.id, record)
      projectsByPath.set(record.path_with_namespace.toLowerCase(), record)
      if (record.group_id !== null) push(projectsByGroup, record.group_id, record)
      return record
    },
    addMember(record) {
      membersByKey.set(pairKey(record.project_id, record.user_id), record)
      countMembershipUnder(record.project_id, record.user_id)
      return record
    },
    addIntegration(record) {
      if (record.id > lastIntegrationId) lastIntegrationId = record.id
      record.events = shared(sharedEvents, record.slug, record.events)
      record.properties = shared(sharedProperties, record.slug, record.properties)
      integrationsById.set(record.id, record)
      ownerMap(record).set(record.slug, record)
      return record
    },
    replaceIntegration(record, next) {
      views.delete(record)
      Object.assign(record, next)
      record.events = shared(sharedEvents, record.slug, record.events)
      record.properties = shared(sharedProperties, record.slug, record.properties)
      return record
    },
    integrationView(record, kind, compute) {
      let made = views.get(record)
      if (made === undefined) views.set(record, (made = {}))
      return (made[kind] ??= compute(record))
    },
    nextIntegrationId: () => ++lastIntegrationId,
    settings,
    clear(): void {
      for (const index of [
        usersById,
        usersByName,
        tokensByValue,
        groupsById,
        groupsByPath,
        subgroups,
        projectsByGroup,
        groupMembersByKey,
        projectMembershipsUnder,
        namespacesById,
        namespacesByPath,
        projectsById,
        projectsByPath,
        membersByKey,
        integrationsById,
        projectIntegrations,
        groupIntegrations,
        sharedEvents.first,
        sharedEvents.latest,
        sharedProperties.first,
        sharedProperties.latest,
      ])
        index.clear()
      lastIntegrationId = 0
      lastNamespaceId = 0
      Object.assign(settings, DEFAULT_SETTINGS)
    },
  }
}
