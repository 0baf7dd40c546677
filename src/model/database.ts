/**
 * The in-memory model: one @msw/data collection per entity, plus hash
 * indexes so every lookup a request makes is O(1) instead of a collection
 * scan. Indexes follow the collections' create/delete hooks; updates go
 * through `replaceIntegration`, which keeps the record's identity.
 */
import { Collection } from '@msw/data'
import {
  groupMemberRecord,
  groupRecord,
  integrationRecord,
  memberRecord,
  projectRecord,
  tokenRecord,
  userRecord,
  type IntegrationRecord,
} from './records.js'


/** A record as a collection holds it (with @msw/data's internal keys). */
type Stored<C extends Collection<any>> = ReturnType<C['all']>[number]
export type StoredUser = Stored<Collections['users']>
export type StoredToken = Stored<Collections['tokens']>
export type StoredGroup = Stored<Collections['groups']>
export type StoredGroupMember = Stored<Collections['groupMembers']>
export type StoredProject = Stored<Collections['projects']>
export type StoredMember = Stored<Collections['members']>
export type StoredIntegration = Stored<Collections['integrations']>

export interface Collections {
  readonly users: Collection<typeof userRecord>
  readonly tokens: Collection<typeof tokenRecord>
  readonly groups: Collection<typeof groupRecord>
  readonly groupMembers: Collection<typeof groupMemberRecord>
  readonly projects: Collection<typeof projectRecord>
  readonly members: Collection<typeof memberRecord>
  readonly integrations: Collection<typeof integrationRecord>
}

/**
 * A namespace no declared group holds: a user's (`alice/app`), or the
 * undeclared prefix of a scenario that declares no groups. It has an id
 * (namespaces and groups share GitLab's `namespaces` table) but no members.
 */
export interface UserNamespace {
  readonly id: number
  readonly path: string
}

/** The collections and their indexes. Every lookup here is a hash lookup. */
export interface Database {
  readonly collections: Collections
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
  integrationsOf(projectId: number): Generator<StoredIntegration>
  groupIntegration(groupId: number, slug: string): StoredIntegration | undefined
  groupIntegrationsOf(groupId: number): Generator<StoredIntegration>
  integrationById(id: number): StoredIntegration | undefined
  replaceIntegration(record: StoredIntegration, next: IntegrationRecord): Promise<StoredIntegration>
  /** The next integration id: ids are a sequence past every stored one, as in GitLab. */
  nextIntegrationId(): number
  /** Instance settings a scenario sets. */
  readonly settings: InstanceSettings
  clear(): void
}

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

function createCollections(): Collections {
  return {
    users: new Collection({ schema: userRecord }),
    tokens: new Collection({ schema: tokenRecord }),
    groups: new Collection({ schema: groupRecord }),
    groupMembers: new Collection({ schema: groupMemberRecord }),
    projects: new Collection({ schema: projectRecord }),
    members: new Collection({ schema: memberRecord }),
    integrations: new Collection({ schema: integrationRecord }),
  }
}

/** A record's owner as an index key: `p1` (project 1) or `g1` (group 1). */
type Owner = `p${number}` | `g${number}`
const ownerOf = (record: { project_id: number | null; group_id: number | null }): Owner =>
  record.group_id !== null ? `g${record.group_id}` : `p${record.project_id!}`
const integrationKey = (owner: Owner, slug: string) => `${owner}\u0000${slug}`
const memberKey = (ownerId: number, userId: number) => `${ownerId}\u0000${userId}`

/** Adds `item` to the list at `key`. */
function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

/** Removes `item` from the list at `key`. */
function pull<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  const at = list?.indexOf(item) ?? -1
  if (at >= 0) list!.splice(at, 1)
}

export function createDatabase(): Database {
  const db = createCollections()

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
  const integrationsByKey = new Map<string, StoredIntegration>()
  const integrationsById = new Map<number, StoredIntegration>()
  /** Slugs of each owner's integrations in creation (id) order: the list endpoint's order. */
  const slugsByOwner = new Map<Owner, string[]>()

  function* selfAndAncestors(group: StoredGroup): Generator<StoredGroup> {
    for (let at: StoredGroup | undefined = group; at; at = at.parent_id === null ? undefined : groupsById.get(at.parent_id)) yield at
  }
  function countMembershipUnder(projectId: number, userId: number, delta: 1 | -1): void {
    const project = projectsById.get(projectId)
    const group = project?.group_id == null ? undefined : groupsById.get(project.group_id)
    if (!group) return
    for (const at of selfAndAncestors(group)) {
      const key = memberKey(at.id, userId)
      const count = (projectMembershipsUnder.get(key) ?? 0) + delta
      if (count > 0) projectMembershipsUnder.set(key, count)
      else projectMembershipsUnder.delete(key)
    }
  }

  db.users.hooks.on('create', ({ data: { record } }) => {
    usersById.set(record.id, record)
    usersByName.set(record.username.toLowerCase(), record)
  })
  db.users.hooks.on('delete', ({ data: { deletedRecord } }) => {
    usersById.delete(deletedRecord.id)
    usersByName.delete(deletedRecord.username.toLowerCase())
  })
  db.tokens.hooks.on('create', ({ data: { record } }) => void tokensByValue.set(record.token, record))
  db.tokens.hooks.on('delete', ({ data: { deletedRecord } }) => void tokensByValue.delete(deletedRecord.token))
  /** User namespaces take ids past every group's: groups and namespaces share GitLab's `namespaces` table. */
  let lastNamespaceId = 0
  db.groups.hooks.on('create', ({ data: { record } }) => {
    if (record.id > lastNamespaceId) lastNamespaceId = record.id
    groupsById.set(record.id, record)
    groupsByPath.set(record.full_path.toLowerCase(), record)
    if (record.parent_id !== null) push(subgroups, record.parent_id, record)
  })
  db.groups.hooks.on('delete', ({ data: { deletedRecord } }) => {
    groupsById.delete(deletedRecord.id)
    groupsByPath.delete(deletedRecord.full_path.toLowerCase())
    if (deletedRecord.parent_id !== null) pull(subgroups, deletedRecord.parent_id, deletedRecord)
  })
  db.groupMembers.hooks.on('create', ({ data: { record } }) =>
    void groupMembersByKey.set(memberKey(record.group_id, record.user_id), record),
  )
  db.groupMembers.hooks.on('delete', ({ data: { deletedRecord } }) =>
    void groupMembersByKey.delete(memberKey(deletedRecord.group_id, deletedRecord.user_id)),
  )
  db.projects.hooks.on('create', ({ data: { record } }) => {
    projectsById.set(record.id, record)
    projectsByPath.set(record.path_with_namespace.toLowerCase(), record)
    if (record.group_id !== null) push(projectsByGroup, record.group_id, record)
  })
  db.projects.hooks.on('delete', ({ data: { deletedRecord } }) => {
    projectsById.delete(deletedRecord.id)
    projectsByPath.delete(deletedRecord.path_with_namespace.toLowerCase())
    if (deletedRecord.group_id !== null) pull(projectsByGroup, deletedRecord.group_id, deletedRecord)
  })
  db.members.hooks.on('create', ({ data: { record } }) => {
    membersByKey.set(memberKey(record.project_id, record.user_id), record)
    countMembershipUnder(record.project_id, record.user_id, 1)
  })
  db.members.hooks.on('delete', ({ data: { deletedRecord } }) => {
    membersByKey.delete(memberKey(deletedRecord.project_id, deletedRecord.user_id))
    countMembershipUnder(deletedRecord.project_id, deletedRecord.user_id, -1)
  })
  let lastIntegrationId = 0
  const settings: InstanceSettings = { ...DEFAULT_SETTINGS }

  db.integrations.hooks.on('create', ({ data: { record } }) => {
    if (record.id > lastIntegrationId) lastIntegrationId = record.id
    integrationsByKey.set(integrationKey(ownerOf(record), record.slug), record)
    integrationsById.set(record.id, record)
    push(slugsByOwner, ownerOf(record), record.slug)
  })
  db.integrations.hooks.on('delete', ({ data: { deletedRecord } }) => {
    integrationsByKey.delete(integrationKey(ownerOf(deletedRecord), deletedRecord.slug))
    integrationsById.delete(deletedRecord.id)
    pull(slugsByOwner, ownerOf(deletedRecord), deletedRecord.slug)
  })

  function* recordsOf(owner: Owner): Generator<StoredIntegration> {
    for (const slug of slugsByOwner.get(owner) ?? []) {
      const record = integrationsByKey.get(integrationKey(owner, slug))
      if (record) yield record
    }
  }

  return {
    collections: db,
    userById: (id: number) => usersById.get(id),
    userByName: (username: string) => usersByName.get(username.toLowerCase()),
    token: (value: string) => tokensByValue.get(value),
    groupById: (id: number) => groupsById.get(id),
    /** Group paths are matched case-insensitively, as GitLab's `find_by_full_path` does. */
    groupByPath: (fullPath: string) => groupsByPath.get(fullPath.toLowerCase()),
    selfAndAncestors,
    subgroupsOf: (groupId: number) => subgroups.get(groupId) ?? [],
    projectsOf: (groupId: number) => projectsByGroup.get(groupId) ?? [],
    groupMember: (groupId: number, userId: number) => groupMembersByKey.get(memberKey(groupId, userId)),
    hasProjectUnder: (groupId: number, userId: number) => projectMembershipsUnder.has(memberKey(groupId, userId)),
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
    member: (projectId: number, userId: number) => membersByKey.get(memberKey(projectId, userId)),
    integration: (projectId: number, slug: string) => integrationsByKey.get(integrationKey(`p${projectId}`, slug)),
    /** A project's integrations in creation order. */
    integrationsOf: (projectId: number) => recordsOf(`p${projectId}`),
    groupIntegration: (groupId: number, slug: string) => integrationsByKey.get(integrationKey(`g${groupId}`, slug)),
    groupIntegrationsOf: (groupId: number) => recordsOf(`g${groupId}`),
    integrationById: (id: number) => integrationsById.get(id),
    /**
     * Writes a validated next state into the stored record, in place.
     * @msw/data 1.1's `update()` is O(collection size) (a findFirst plus a
     * findIndex over every record, then a mutative draft and a schema
     * re-parse), which breaks the kit's flat-latency goal at 100k records;
     * the routes validate before writing, so the record is updated directly.
     * The record keeps its identity, so every index stays valid.
     */
    async replaceIntegration(record: StoredIntegration, next: IntegrationRecord): Promise<StoredIntegration> {
      Object.assign(record, next)
      return record
    },
    nextIntegrationId: () => ++lastIntegrationId,
    settings,
    /**
     * Empties every collection and index. (Collection#clear() in @msw/data
     * 1.1 splices while iterating, so its delete hooks miss records: the
     * indexes are reset here rather than through hooks.)
     */
    clear(): void {
      for (const collection of Object.values(db)) collection.clear()
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
        integrationsByKey,
        integrationsById,
        slugsByOwner,
      ])
        index.clear()
      lastIntegrationId = 0
      lastNamespaceId = 0
      Object.assign(settings, DEFAULT_SETTINGS)
    },
  }
}
