/**
 * The in-memory model: one @msw/data collection per entity, plus hash
 * indexes so every lookup a request makes is O(1) instead of a collection
 * scan. Indexes follow the collections' create/delete hooks; updates go
 * through `replaceIntegration`, which keeps the record's identity.
 */
import { Collection } from '@msw/data'
import {
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
export type StoredProject = Stored<Collections['projects']>
export type StoredMember = Stored<Collections['members']>
export type StoredIntegration = Stored<Collections['integrations']>

export interface Collections {
  readonly users: Collection<typeof userRecord>
  readonly tokens: Collection<typeof tokenRecord>
  readonly projects: Collection<typeof projectRecord>
  readonly members: Collection<typeof memberRecord>
  readonly integrations: Collection<typeof integrationRecord>
}

/** The collections and their indexes. Every lookup here is a hash lookup. */
export interface Database {
  readonly collections: Collections
  userById(id: number): StoredUser | undefined
  userByName(username: string): StoredUser | undefined
  token(value: string): StoredToken | undefined
  projectById(id: number): StoredProject | undefined
  projectByPath(path: string): StoredProject | undefined
  member(projectId: number, userId: number): StoredMember | undefined
  integration(projectId: number, slug: string): StoredIntegration | undefined
  integrationsOf(projectId: number): Generator<StoredIntegration>
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
    projects: new Collection({ schema: projectRecord }),
    members: new Collection({ schema: memberRecord }),
    integrations: new Collection({ schema: integrationRecord }),
  }
}

const integrationKey = (projectId: number, slug: string) => `${projectId}\u0000${slug}`
const memberKey = (projectId: number, userId: number) => `${projectId}\u0000${userId}`

export function createDatabase(): Database {
  const db = createCollections()

  const usersById = new Map<number, StoredUser>()
  const usersByName = new Map<string, StoredUser>()
  const tokensByValue = new Map<string, StoredToken>()
  const projectsById = new Map<number, StoredProject>()
  const projectsByPath = new Map<string, StoredProject>()
  const membersByKey = new Map<string, StoredMember>()
  const integrationsByKey = new Map<string, StoredIntegration>()
  /** Slugs of each project's integrations in creation (id) order: the list endpoint's order. */
  const slugsByProject = new Map<number, string[]>()

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
  db.projects.hooks.on('create', ({ data: { record } }) => {
    projectsById.set(record.id, record)
    projectsByPath.set(record.path_with_namespace.toLowerCase(), record)
  })
  db.projects.hooks.on('delete', ({ data: { deletedRecord } }) => {
    projectsById.delete(deletedRecord.id)
    projectsByPath.delete(deletedRecord.path_with_namespace.toLowerCase())
  })
  db.members.hooks.on('create', ({ data: { record } }) =>
    void membersByKey.set(memberKey(record.project_id, record.user_id), record),
  )
  db.members.hooks.on('delete', ({ data: { deletedRecord } }) =>
    void membersByKey.delete(memberKey(deletedRecord.project_id, deletedRecord.user_id)),
  )
  let lastIntegrationId = 0
  const settings: InstanceSettings = { ...DEFAULT_SETTINGS }

  db.integrations.hooks.on('create', ({ data: { record } }) => {
    if (record.id > lastIntegrationId) lastIntegrationId = record.id
    integrationsByKey.set(integrationKey(record.project_id, record.slug), record)
    const slugs = slugsByProject.get(record.project_id)
    if (slugs) slugs.push(record.slug)
    else slugsByProject.set(record.project_id, [record.slug])
  })
  db.integrations.hooks.on('delete', ({ data: { deletedRecord } }) => {
    integrationsByKey.delete(integrationKey(deletedRecord.project_id, deletedRecord.slug))
    const slugs = slugsByProject.get(deletedRecord.project_id)
    if (slugs) slugs.splice(slugs.indexOf(deletedRecord.slug), 1)
  })

  return {
    collections: db,
    userById: (id: number) => usersById.get(id),
    userByName: (username: string) => usersByName.get(username.toLowerCase()),
    token: (value: string) => tokensByValue.get(value),
    projectById: (id: number) => projectsById.get(id),
    /** Project paths are matched case-insensitively, as GitLab does. */
    projectByPath: (path: string) => projectsByPath.get(path.toLowerCase()),
    member: (projectId: number, userId: number) => membersByKey.get(memberKey(projectId, userId)),
    integration: (projectId: number, slug: string) => integrationsByKey.get(integrationKey(projectId, slug)),
    /** A project's integrations in creation order. */
    *integrationsOf(projectId: number): Generator<StoredIntegration> {
      for (const slug of slugsByProject.get(projectId) ?? []) {
        const record = integrationsByKey.get(integrationKey(projectId, slug))
        if (record) yield record
      }
    },
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
      for (const index of [usersById, usersByName, tokensByValue, projectsById, projectsByPath, membersByKey, integrationsByKey, slugsByProject]) index.clear()
      lastIntegrationId = 0
      Object.assign(settings, DEFAULT_SETTINGS)
    },
  }
}
