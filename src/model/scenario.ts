/**
 * Scenario JSON in and out of the model. `parseScenario` checks everything
 * (shape, references, catalog facts) before anything is written, and names
 * the JSON path of the first problem; `loadScenario` fills a database from a
 * parsed scenario; `dumpScenario` writes the model back in the same format.
 */
import { newRecord } from '../gitlab/integration-record.js'
import type { Edition, GitLabProfile } from '../versions/index.js'
import type { Database } from './database.js'
import type { PropertyValue } from './records.js'
import { didYouMean } from './suggest.js'
import { SCENARIO_FIELDS, scenarioSchema, type ParsedScenario, type Scenario, type ScenarioIntegration } from './scenario-schema.js'

export type { Scenario } from './scenario-schema.js'

/** An invalid scenario; `path` is the JSON path of the offending value (`$.integrations[0].slug`). */
export class ScenarioError extends Error {
  readonly path: string
  readonly reason: string
  constructor(path: string, reason: string) {
    super(`Invalid scenario at ${path}: ${reason}`)
    this.path = path
    this.reason = reason
    this.name = 'ScenarioError'
  }
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_]\w*$/.test(String(key)) ? `${path}.${String(key)}` : `${path}[${JSON.stringify(String(key))}]`),
    '$',
  )
}

function fail(segments: readonly PropertyKey[], reason: string): never {
  throw new ScenarioError(jsonPath(segments), reason)
}

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
  const result = scenarioSchema(gitlab).safeParse(input)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    if (key === undefined) fail(issue.path, issue.message)
    fail([...issue.path, key], `unknown field: ${expected(key, 'expected a field of this object', fieldsAt(issue.path, gitlab))}`)
  }
  const scenario = result.data as ParsedScenario
  const users = scenario.users ?? []
  const projects = scenario.projects ?? []
  const integrations = scenario.integrations ?? []

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
  projects.forEach((project, p) => {
    const seen = new Set<string>()
    project.members?.forEach((member, m) => {
      const known = typeof member.user === 'number' ? userIds.has(member.user) : usernames.has(member.user.toLowerCase())
      if (!known) fail(['projects', p, 'members', m, 'user'], `no user ${JSON.stringify(member.user)}`)
      const key = String(member.user).toLowerCase()
      if (seen.has(key)) fail(['projects', p, 'members', m, 'user'], 'duplicate member')
      seen.add(key)
    })
  })

  const projectIds = new Set(projects.map((p) => p.id))
  const projectIdByPath = new Map(projects.map((p) => [p.path_with_namespace.toLowerCase(), p.id]))
  const pairs = new Set<string>()
  unique(
    integrations.filter((i) => i.id !== undefined),
    (i) => i.id,
    'integrations',
    'id',
  )
  integrations.forEach((integration, i) => {
    const ref = integration.project
    const known = typeof ref === 'number' ? projectIds.has(ref) : projectIdByPath.has(ref.toLowerCase())
    if (!known) fail(['integrations', i, 'project'], `no project ${JSON.stringify(ref)}`)
    const info = gitlab.integrations.get(integration.slug)
    if (!info) {
      const slugs = [...gitlab.integrations.keys()]
      fail(['integrations', i, 'slug'], `unknown integration: ${expected(integration.slug, `expected one of the ${slugs.length} integrations of GitLab ${gitlab.version} (${gitlab.edition})`, slugs)}`)
    }
    // Keyed by project id, so `1` and `"acme/app"` naming the same project are caught as duplicates.
    const projectId = typeof ref === 'number' ? ref : projectIdByPath.get(ref.toLowerCase())
    const pair = `${projectId}\u0000${integration.slug}`
    if (pairs.has(pair)) fail(['integrations', i, 'slug'], 'the project already has this integration')
    pairs.add(pair)
    const allowed = new Set([...info.fields, ...info.spec.params.filter((p) => !p.topLevel).map((p) => p.name)])
    // The keys of the input itself: zod's record() silently drops a `__proto__` key, which
    // would otherwise let `properties: {"__proto__": ...}` through as if it were not there.
    const given = (input as { integrations: { properties?: object }[] }).integrations[i]!.properties
    for (const key of Object.keys(given ?? {})) {
      if (!allowed.has(key))
        fail(['integrations', i, 'properties', key], `unknown property: ${expected(key, `expected a property of ${integration.slug}`, [...allowed])}`)
    }
  })
  return scenario
}

/** Fills an empty database from a parsed scenario. */
export async function loadScenario(db: Database, scenario: ParsedScenario, gitlab: GitLabProfile, now: string): Promise<void> {
  const { users, tokens, projects, members, integrations } = db.collections
  db.settings.development = scenario.development ?? false
  for (const user of scenario.users ?? []) {
    await users.create({
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
      await tokens.create({
        token: spec.token,
        user_id: user.id,
        scopes: spec.scopes ?? ['api'],
        expires_at: spec.expires_at ?? null,
        revoked: spec.revoked ?? false,
      })
    }
  }
  for (const project of scenario.projects ?? []) {
    const path = project.path_with_namespace
    await projects.create({
      id: project.id,
      name: project.name ?? path.slice(path.lastIndexOf('/') + 1),
      path_with_namespace: path,
      description: project.description ?? null,
      visibility: project.visibility ?? 'private',
      default_branch: project.default_branch ?? 'main',
      created_at: project.created_at ?? now,
    })
    for (const member of project.members ?? []) {
      const user = typeof member.user === 'number' ? db.userById(member.user) : db.userByName(member.user)
      await members.create({ project_id: project.id, user_id: user!.id, access_level: member.access_level })
    }
  }
  // Records without an id get the next ones past every id the scenario gives (a loop: a spread of
  // a million ids overflows the stack).
  let nextId = 1
  for (const integration of scenario.integrations ?? []) if (integration.id !== undefined && integration.id >= nextId) nextId = integration.id + 1
  for (const integration of scenario.integrations ?? []) {
    const info = gitlab.integrations.get(integration.slug)!
    const ref = integration.project
    const project = typeof ref === 'number' ? db.projectById(ref) : db.projectByPath(ref)
    const record = newRecord(info, project!.id, integration.created_at ?? now)
    record.id = integration.id ?? nextId++
    record.active = integration.active ?? true
    record.updated_at = integration.updated_at ?? integration.created_at ?? now
    record.comment_on_event_enabled = integration.comment_on_event_enabled ?? true
    Object.assign(record.properties, integration.properties as Record<string, PropertyValue> | undefined)
    for (const flag of gitlab.storedFlags) {
      const value = integration[flag]
      if (value !== undefined) record.events[flag] = value
    }
    await integrations.create(record)
  }
}

/** The model as scenario JSON (secrets included: this is the harness's view). Linear in the model's size. */
export function dumpScenario(db: Database, gitlab: GitLabProfile): Scenario {
  const { users, tokens, projects, members, integrations } = db.collections
  const tokensByUser = groupBy(tokens.all(), (t) => t.user_id)
  const membersByProject = groupBy(members.all(), (m) => m.project_id)
  return {
    version: 1,
    gitlab: gitlab.version,
    edition: gitlab.edition,
    ...(db.settings.development ? { development: true } : {}),
    users: users.all().map((u) => ({
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
    projects: projects.all().map((p) => ({
      id: p.id,
      path_with_namespace: p.path_with_namespace,
      name: p.name,
      description: p.description,
      visibility: p.visibility,
      default_branch: p.default_branch,
      created_at: p.created_at,
      members: (membersByProject.get(p.id) ?? []).map((m) => ({
        user: db.userById(m.user_id)!.username,
        access_level: m.access_level as 10,
      })),
    })),
    integrations: [...integrations.all()]
      .sort((a, b) => a.id - b.id)
      .map((i) => ({
        id: i.id,
        project: i.project_id,
        slug: i.slug,
        active: i.active,
        created_at: i.created_at,
        updated_at: i.updated_at,
        ...i.events,
        comment_on_event_enabled: i.comment_on_event_enabled,
        properties: { ...i.properties },
      }) as ScenarioIntegration),
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
