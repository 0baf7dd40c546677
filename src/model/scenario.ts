/**
 * Scenario JSON in and out of the model. `parseScenario` checks everything
 * (shape, references, catalog facts) before anything is written, and names
 * the JSON path of the first problem; `loadScenario` fills a database from a
 * parsed scenario; `dumpScenario` writes the model back in the same format.
 */
import { copySettings } from '../gitlab/inheritance.js'
import { ancestorGroups } from '../gitlab/parent.js'
import { groupOwner, newRecord, projectOwner } from '../gitlab/integration-record.js'
import type { Edition, GitLabProfile } from '../versions/index.js'
import type { Database } from './database.js'
import type { IntegrationRecord, PropertyValue } from './records.js'
import { fail } from './scenario-error.js'
import { projectGroup, resolveGroups, type GroupTree } from './scenario-groups.js'
import { didYouMean } from './suggest.js'
import { parseScenarioShape, SCENARIO_FIELDS, type ParsedScenario, type Scenario, type ScenarioIntegration } from './scenario-schema.js'

export type { Scenario } from './scenario-schema.js'

export { ScenarioError } from './scenario-error.js'

/** Rejects duplicates of `key` among `items`, naming the second occurrence. */
function unique<T>(items: readonly T[], key: (item: T) => unknown, path: string, field: string): void {
  const seen = new Set<unknown>()
  items.forEach((item, index) => {
    const value = key(item)
    if (seen.has(value)) fail([path, index, field], `duplicate ${field} ${JSON.stringify(value)}`)
    seen.add(value)
  })
}

/** The GitLab a scenario names (`gitlab`, `edition`), read before the scenario is checked against one. */
export function scenarioGitLab(input: unknown): { gitlab?: string; edition?: Edition } {
  if (input === null || typeof input !== 'object') return {}
  const { gitlab, edition } = input as { gitlab?: unknown; edition?: unknown }
  return {
    ...(typeof gitlab === 'string' ? { gitlab } : {}),
    ...(edition === 'ee' || edition === 'ce' ? { edition } : {}),
  }
}

/** The fields of the object at `path` (`users[0]` is a user, `users[0].tokens[1]` a token, ...). */
function fieldsAt(path: readonly PropertyKey[], gitlab: GitLabProfile): readonly string[] {
  const where = path.filter((key) => typeof key === 'string').join('.')
  if (where === 'users') return SCENARIO_FIELDS.user
  if (where === 'users.tokens') return SCENARIO_FIELDS.token
  if (where === 'projects') return SCENARIO_FIELDS.project
  if (where === 'projects.members') return SCENARIO_FIELDS.member
  if (where === 'integrations') return [...SCENARIO_FIELDS.integration, ...gitlab.storedFlags]
  return SCENARIO_FIELDS.scenario
}

/** What an unknown name was checked against: a near miss, else the list. */
function expected(given: string, what: string, known: readonly string[]): string {
  const hint = didYouMean(given, known)
  return hint ? `${what}, got ${JSON.stringify(given)}${hint}` : `${what} (${known.join(', ')}), got ${JSON.stringify(given)}`
}

/** Validates a scenario completely against a GitLab profile; throws ScenarioError, never half-accepts. */
export function parseScenario(input: unknown, gitlab: GitLabProfile): ParsedScenario {
  const result = parseScenarioShape(input, gitlab)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    if (key === undefined) fail(issue.path, issue.message)
    fail([...issue.path, key], `unknown field: ${expected(key, 'expected a field of this object', fieldsAt(issue.path, gitlab))}`)
  }
  const scenario = result.data as ParsedScenario
  const users = scenario.users ?? []
  const groups = scenario.groups ?? []
  const projects = scenario.projects ?? []

  unique(users, (u) => u.id, 'users', 'id')
  unique(users, (u) => u.username.toLowerCase(), 'users', 'username')
  const tokens = new Set<string>()
  users.forEach((user, u) =>
    user.tokens?.forEach((token, t) => {
      const value = typeof token === 'string' ? token : token.token
      if (tokens.has(value)) fail(['users', u, 'tokens', t], 'duplicate token')
      tokens.add(value)
    }),
  )
  unique(projects, (p) => p.id, 'projects', 'id')
  unique(projects, (p) => p.path_with_namespace.toLowerCase(), 'projects', 'path_with_namespace')

  const userIds = new Set(users.map((u) => u.id))
  const usernames = new Set(users.map((u) => u.username.toLowerCase()))
  const checkMembers = (members: readonly { user: number | string }[] | undefined, at: readonly PropertyKey[]) => {
    const seen = new Set<string>()
    members?.forEach((member, m) => {
      const known = typeof member.user === 'number' ? userIds.has(member.user) : usernames.has(member.user.toLowerCase())
      if (!known) fail([...at, 'members', m, 'user'], `no user ${JSON.stringify(member.user)}`)
      const key = String(member.user).toLowerCase()
      if (seen.has(key)) fail([...at, 'members', m, 'user'], 'duplicate member')
      seen.add(key)
    })
  }
  const tree = resolveGroups(groups)
  // Normalised for the loader: every group has its path, full path and parent id.
  groups.forEach((group, g) => {
    checkMembers(group.members, ['groups', g])
    const resolved = tree.byId.get(group.id)!
    group.path = resolved.path
    group.full_path = resolved.fullPath
    if (resolved.parentId === null) delete group.parent
    else group.parent = resolved.parentId
  })
  // Normalised for the loader: every project in a group names it by id.
  projects.forEach((project, p) => {
    checkMembers(project.members, ['projects', p])
    const group = projectGroup(tree, project, p)
    if (group) project.namespace = group.id
    else delete project.namespace
  })
  checkIntegrations(input, scenario, tree, gitlab)
  return scenario
}

/** Owners, slugs, properties and inheritance of the scenario's integrations; owners are normalised to ids. */
function checkIntegrations(input: unknown, scenario: ParsedScenario, tree: GroupTree, gitlab: GitLabProfile): void {
  const projects = scenario.projects ?? []
  const integrations = scenario.integrations ?? []
  const projectIdByPath = new Map(projects.map((p) => [p.path_with_namespace.toLowerCase(), p.id]))
  const projectGroup = new Map(projects.map((p) => [p.id, p.namespace as number | undefined]))
  const { inheritance } = gitlab.behaviour
  const needs = `needs GitLab 17.3 or later (this mock is ${gitlab.version})`
  unique(
    integrations.filter((i) => i.id !== undefined),
    (i) => i.id,
    'integrations',
    'id',
  )
  /**
   * Owner id → slug → whether that record inherits, for projects and for
   * groups (nested maps: a key string built per integration showed in a large load's profile).
   */
  const projectSlugs = new Map<number, Map<string, boolean>>()
  const groupSlugs = new Map<number, Map<string, boolean>>()
  const ownerSlugs = (owners: Map<number, Map<string, boolean>>, id: number) => {
    let slugs = owners.get(id)
    if (!slugs) owners.set(id, (slugs = new Map()))
    return slugs
  }
  /** The properties each slug accepts, built once per slug rather than per integration. */
  const allowedBySlug = new Map<string, Set<string>>()
  integrations.forEach((integration, i) => {
    if (integration.project !== undefined && integration.group !== undefined)
      fail(['integrations', i, 'group'], 'an integration belongs to a project or to a group, not both')
    if (integration.group !== undefined) {
      const group = tree.find(integration.group)
      if (!group) fail(['integrations', i, 'group'], `no group ${JSON.stringify(integration.group)}`)
      if (!inheritance) fail(['integrations', i, 'group'], `a group integration ${needs}`)
      integration.group = group.id
    } else {
      const ref = integration.project
      if (ref === undefined) fail(['integrations', i, 'project'], 'required: the project (or group) the integration belongs to')
      const projectId = typeof ref === 'number' ? (projectGroup.has(ref) ? ref : undefined) : projectIdByPath.get(ref.toLowerCase())
      if (projectId === undefined) fail(['integrations', i, 'project'], `no project ${JSON.stringify(ref)}`)
      integration.project = projectId
    }
    const info = gitlab.integrations.get(integration.slug)
    if (!info) {
      const slugs = [...gitlab.integrations.keys()]
      fail(['integrations', i, 'slug'], `unknown integration: ${expected(integration.slug, `expected one of the ${slugs.length} integrations of GitLab ${gitlab.version} (${gitlab.edition})`, slugs)}`)
    }
    if (integration.group !== undefined && info.spec.projectOnly)
      fail(['integrations', i, 'slug'], `${integration.slug} is a project-level integration: groups cannot have it`)
    if (integration.inherited !== undefined && !inheritance) fail(['integrations', i, 'inherited'], `inheritance ${needs}`)
    // Keyed by id, so `1` and `"acme/app"` naming the same project are caught as duplicates.
    const slugs = ownerSlugs(integration.group !== undefined ? groupSlugs : projectSlugs, (integration.group ?? integration.project) as number)
    if (slugs.has(integration.slug)) fail(['integrations', i, 'slug'], `the ${integration.group !== undefined ? 'group' : 'project'} already has this integration`)
    slugs.set(integration.slug, integration.inherited === true)
    let allowed = allowedBySlug.get(integration.slug)
    if (!allowed) allowedBySlug.set(integration.slug, (allowed = new Set([...info.fields, ...info.spec.params.filter((p) => !p.topLevel).map((p) => p.name)])))
    // The keys of the input itself: zod's record() silently drops a `__proto__` key, which
    // would otherwise let `properties: {"__proto__": ...}` through as if it were not there.
    const given = (input as { integrations: { properties?: object }[] }).integrations[i]!.properties
    for (const key of Object.keys(given ?? {})) {
      if (!allowed.has(key))
        fail(['integrations', i, 'properties', key], `unknown property: ${expected(key, `expected a property of ${integration.slug}`, [...allowed])}`)
    }
  })
  // Integration.default_integration: the nearest group above with its own (not inherited) record of the slug.
  integrations.forEach((integration, i) => {
    if (integration.inherited !== true) return
    const start = integration.group !== undefined ? tree.byId.get(integration.group as number)!.parentId : projectGroup.get(integration.project as number)
    const first = start === null || start === undefined ? undefined : tree.byId.get(start)
    const found = first && [...tree.selfAndAncestors(first)].some((group) => groupSlugs.get(group.id)?.get(integration.slug) === false)
    if (!found) fail(['integrations', i, 'inherited'], `no group above has its own ${integration.slug} integration to inherit`)
  })
}

/** Fills an empty database from a parsed scenario. */
export async function loadScenario(db: Database, scenario: ParsedScenario, gitlab: GitLabProfile, now: string): Promise<void> {
  db.settings.development = scenario.development ?? false
  Object.assign(db.settings, scenario.application_settings)
  for (const user of scenario.users ?? []) {
    db.addUser({
      id: user.id,
      username: user.username,
      name: user.name ?? user.username,
      email: user.email ?? `${user.username}@example.com`,
      admin: user.admin ?? false,
      state: user.state ?? 'active',
      created_at: user.created_at ?? now,
    })
    for (const token of user.tokens ?? []) {
      const spec = typeof token === 'string' ? { token } : token
      db.addToken({
        token: spec.token,
        user_id: user.id,
        // A copy: the parsed scenario is kept for reset() and must not share state with the model.
        scopes: spec.scopes ? [...spec.scopes] : ['api'],
        expires_at: spec.expires_at ?? null,
        revoked: spec.revoked ?? false,
      })
    }
  }
  for (const group of scenario.groups ?? []) {
    db.addGroup({
      id: group.id,
      name: group.name ?? group.path!,
      path: group.path!,
      full_path: group.full_path!,
      parent_id: (group.parent as number | undefined) ?? null,
      description: group.description ?? null,
      visibility: group.visibility ?? 'private',
      created_at: group.created_at ?? now,
    })
    for (const member of group.members ?? []) {
      const user = typeof member.user === 'number' ? db.userById(member.user) : db.userByName(member.user)
      db.addGroupMember({ group_id: group.id, user_id: user!.id, access_level: member.access_level })
    }
  }
  for (const project of scenario.projects ?? []) {
    const path = project.path_with_namespace
    const groupId = (project.namespace as number | undefined) ?? null
    if (groupId === null) db.addUserNamespace(path.slice(0, path.lastIndexOf('/')))
    db.addProject({
      id: project.id,
      name: project.name ?? path.slice(path.lastIndexOf('/') + 1),
      path_with_namespace: path,
      group_id: groupId,
      description: project.description ?? null,
      visibility: project.visibility ?? 'private',
      default_branch: project.default_branch ?? 'main',
      created_at: project.created_at ?? now,
    })
    for (const member of project.members ?? []) {
      const user = typeof member.user === 'number' ? db.userById(member.user) : db.userByName(member.user)
      db.addMember({ project_id: project.id, user_id: user!.id, access_level: member.access_level })
    }
  }
  for (const record of integrationRecords(db, scenario, gitlab, now)) db.addIntegration(record)
}

/**
 * The scenario's integration records, in its order. An inheriting record
 * starts as a copy of its default's settings (what BulkUpdateService wrote),
 * then takes the fields the scenario gives (a dump gives them all).
 */
function integrationRecords(db: Database, scenario: ParsedScenario, gitlab: GitLabProfile, now: string): IntegrationRecord[] {
  const given = scenario.integrations ?? []
  // Records without an id get the next ones past every id the scenario gives (a loop: a spread of
  // a million ids overflows the stack).
  let nextId = 1
  for (const integration of given) if (integration.id !== undefined && integration.id >= nextId) nextId = integration.id + 1
  const records = given.map((integration) => {
    const owner = integration.group !== undefined ? groupOwner(integration.group as number) : projectOwner(integration.project as number)
    const record = newRecord(gitlab.integrations.get(integration.slug)!, owner, integration.created_at ?? now, true)
    record.id = integration.id ?? nextId++
    return record
  })
  const defaults = new Map<string, IntegrationRecord>()
  given.forEach((integration, i) => {
    if (integration.group !== undefined && integration.inherited !== true) defaults.set(`${integration.group}\u0000${integration.slug}`, records[i]!)
  })
  const fill = (integration: (typeof given)[number], record: IntegrationRecord) => {
    const updated = integration.updated_at ?? integration.created_at ?? now
    if (integration.inherited === true) {
      const parent = integration.group !== undefined ? { group: db.groupById(integration.group as number)! } : { project: db.projectById(integration.project as number)! }
      const base = [...ancestorGroups(db, parent)].map((group) => defaults.get(`${group.id}\u0000${integration.slug}`)).find(Boolean)!
      copySettings(record, base, updated)
    } else record.active = true
    record.updated_at = updated
    if (integration.active !== undefined) record.active = integration.active
    if (integration.comment_on_event_enabled !== undefined) record.comment_on_event_enabled = integration.comment_on_event_enabled
    // `events` and `properties` may be frozen defaults (newRecord's `frozen`): replaced, never changed.
    const properties = integration.properties as Record<string, PropertyValue> | undefined
    if (properties && !isEmpty(properties)) record.properties = { ...record.properties, ...properties }
    let events: IntegrationRecord['events'] | undefined
    for (const flag of gitlab.storedFlags) {
      const value = integration[flag]
      if (value !== undefined) (events ??= { ...record.events })[flag] = value
    }
    if (events) record.events = events
  }
  // Defaults first: an inheriting record copies its default's finished settings.
  given.forEach((integration, i) => integration.inherited !== true && fill(integration, records[i]!))
  given.forEach((integration, i) => integration.inherited === true && fill(integration, records[i]!))
  return records
}

/** The model as scenario JSON (secrets included: this is the harness's view). Linear in the model's size. */
export function dumpScenario(db: Database, gitlab: GitLabProfile): Scenario {
  const membersByGroup = groupBy(db.groupMembers(), (m) => m.group_id)
  const dumpMembers = (list: readonly { user_id: number; access_level: number }[] = []) =>
    list.map((m) => ({ user: db.userById(m.user_id)!.username, access_level: m.access_level as 10 }))
  const tokensByUser = groupBy(db.tokens(), (t) => t.user_id)
  const membersByProject = groupBy(db.members(), (m) => m.project_id)
  return {
    version: 1,
    gitlab: gitlab.version,
    edition: gitlab.edition,
    ...(db.settings.development ? { development: true } : {}),
    ...(db.settings.slack_app_enabled || db.settings.jira_connect_application_key !== null
      ? {
          application_settings: {
            slack_app_enabled: db.settings.slack_app_enabled,
            jira_connect_application_key: db.settings.jira_connect_application_key,
          },
        }
      : {}),
    users: Array.from(db.users(), (u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      email: u.email,
      admin: u.admin,
      state: u.state,
      created_at: u.created_at,
      tokens: (tokensByUser.get(u.id) ?? []).map((t) =>
        t.scopes.length === 1 && t.scopes[0] === 'api' && t.expires_at === null && !t.revoked
          ? t.token
          : { token: t.token, scopes: [...t.scopes], expires_at: t.expires_at, revoked: t.revoked },
      ),
    })),
    ...(db.counts().groups > 0
      ? {
          groups: Array.from(db.groups(), (g) => ({
            id: g.id,
            path: g.path,
            full_path: g.full_path,
            name: g.name,
            ...(g.parent_id === null ? {} : { parent: g.parent_id }),
            description: g.description,
            visibility: g.visibility,
            created_at: g.created_at,
            members: dumpMembers(membersByGroup.get(g.id)),
          })),
        }
      : {}),
    projects: Array.from(db.projects(), (p) => ({
      id: p.id,
      path_with_namespace: p.path_with_namespace,
      ...(p.group_id === null ? {} : { namespace: p.group_id }),
      name: p.name,
      description: p.description,
      visibility: p.visibility,
      default_branch: p.default_branch,
      created_at: p.created_at,
      members: dumpMembers(membersByProject.get(p.id)),
    })),
    integrations: [...db.integrations()]
      .sort((a, b) => a.id - b.id)
      .map((i) => ({
        id: i.id,
        ...(i.group_id === null ? { project: i.project_id! } : { group: i.group_id }),
        slug: i.slug,
        ...(i.inherit_from_id === null ? {} : { inherited: true }),
        active: i.active,
        created_at: i.created_at,
        updated_at: i.updated_at,
        ...i.events,
        comment_on_event_enabled: i.comment_on_event_enabled,
        properties: { ...i.properties },
      }) as ScenarioIntegration),
  }
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false
  return true
}

function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
