/**
 * The scenario format (version 1): plain JSON a user writes by hand to
 * describe users, tokens, groups, projects, memberships and integrations. The shape
 * is checked here with zod; references and catalog facts in scenario.ts.
 * The integrations' flag fields are the flag columns of the mock's GitLab,
 * so the schema is built per profile.
 */
import * as z from 'zod/mini'
import type { EventFlag, IntegrationEntry, IntegrationSlug } from '../catalog/index.js'
import type { GitLabProfile } from '../versions/index.js'
import { ACCESS_LEVELS, TOKEN_SCOPES, USER_STATES, VISIBILITIES } from './records.js'

const id = z.int().check(z.positive())
const isoDate = z.iso.datetime({ offset: true })
const nonEmpty = z.string().check(z.minLength(1))
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'expected a string, number, boolean or null' })

const token = z.union(
  [
  nonEmpty,
  z.strictObject({
    token: nonEmpty,
    scopes: z.optional(z.array(z.enum(TOKEN_SCOPES)).check(z.minLength(1))),
    expires_at: z.optional(z.nullable(isoDate)),
    revoked: z.optional(z.boolean()),
  }),
  ],
  { error: 'expected a token string, or { token, scopes?, expires_at?, revoked? }' },
)

const user = z.strictObject({
  id,
  username: nonEmpty,
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  admin: z.optional(z.boolean()),
  state: z.optional(z.enum(USER_STATES)),
  created_at: z.optional(isoDate),
  tokens: z.optional(z.array(token)),
})

/** A reference to a record: its id, or its path (`username`, group `full_path`, project `path_with_namespace`). */
const ref = z.union([id, nonEmpty])

const member = z.strictObject({
  user: z.union([nonEmpty, id], { error: 'expected a username or a user id' }),
  access_level: z.union(
    ACCESS_LEVELS.map((level) => z.literal(level)),
    { error: `expected one of GitLab's access levels ${ACCESS_LEVELS.join(', ')}` },
  ),
})

/**
 * A group: `path` (one segment) under `parent`, or a `full_path` whose
 * prefix names the parent; when both are given they must agree.
 */
const group = z.strictObject({
  id,
  path: z.optional(z.string().check(z.regex(/^[^/\s]+$/, 'expected one path segment'))),
  full_path: z.optional(z.string().check(z.regex(/^[^/\s]+(?:\/[^/\s]+)*$/, 'expected "group" or "group/subgroup"'))),
  name: z.optional(z.string()),
  /** The parent group, by id or full path. */
  parent: z.optional(ref),
  description: z.optional(z.nullable(z.string())),
  visibility: z.optional(z.enum(VISIBILITIES)),
  created_at: z.optional(isoDate),
  members: z.optional(z.array(member)),
})

const PROJECT_PATH = /^[^/\s]+(?:\/[^/\s]+)+$/

const project = z.strictObject({
  id,
  path_with_namespace: z.string().check(z.regex(PROJECT_PATH, 'expected "namespace/project"')),
  /** The project's group, by id or full path; default: the group whose full path prefixes `path_with_namespace`, if any. */
  namespace: z.optional(ref),
  name: z.optional(z.string()),
  description: z.optional(z.nullable(z.string())),
  visibility: z.optional(z.enum(VISIBILITIES)),
  default_branch: z.optional(z.string()),
  created_at: z.optional(isoDate),
  members: z.optional(z.array(member)),
})

const flag = z.optional(z.nullable(z.boolean()))

function integrationSchema(flags: readonly EventFlag[]) {
  return z.strictObject({
    id: z.optional(id),
    /** The owner: a project or (17.3+) a group, by id or path; exactly one of the two. */
    project: z.optional(z.union([id, nonEmpty], { error: 'expected a project id or path_with_namespace' })),
    group: z.optional(z.union([id, nonEmpty], { error: 'expected a group id or full_path' })),
    slug: nonEmpty,
    /** Inherits from the nearest group above that has its own integration of the slug (17.3+). */
    inherited: z.optional(z.boolean()),
    active: z.optional(z.boolean()),
    properties: z.optional(z.record(z.string(), propertyValue)),
    comment_on_event_enabled: z.optional(z.boolean()),
    created_at: z.optional(isoDate),
    updated_at: z.optional(isoDate),
    ...(Object.fromEntries(flags.map((name) => [name, flag])) as Record<EventFlag, typeof flag>),
  })
}

function buildScenarioSchema(gitlab: GitLabProfile) {
  return z.strictObject({
    version: z.optional(z.literal(1)),
    /** The GitLab the scenario was written for; a mock's own `gitlab` option wins. */
    gitlab: z.optional(z.string()),
    edition: z.optional(z.enum(['ee', 'ce'])),
    /** Route development-only integrations (`mock-ci`), as a GitLab in development mode does. */
    development: z.optional(z.boolean()),
    /** Instance settings some integrations depend on (the GitLab for Slack app, the Jira Cloud app). */
    application_settings: z.optional(
      z.strictObject({
        slack_app_enabled: z.optional(z.boolean()),
        jira_connect_application_key: z.optional(z.nullable(z.string())),
      }),
    ),
    users: z.optional(z.array(user)),
    groups: z.optional(z.array(group)),
    projects: z.optional(z.array(project)),
    integrations: z.optional(z.array(integrationSchema(gitlab.storedFlags))),
  })
}

type ScenarioSchema = ReturnType<typeof buildScenarioSchema>
const schemas = new WeakMap<GitLabProfile, ScenarioSchema>()

/** The scenario schema of one GitLab profile, built once per profile (seed and reset parse again). */
export function scenarioSchema(gitlab: GitLabProfile): ScenarioSchema {
  let schema = schemas.get(gitlab)
  if (!schema) schemas.set(gitlab, (schema = buildScenarioSchema(gitlab)))
  return schema
}

type ShapeResult = ReturnType<ScenarioSchema['safeParse']>

/**
 * The scenario's shape, as `scenarioSchema(gitlab).safeParse(input)` gives
 * it, faster for large scenarios. zod/mini's objects run every key of the
 * shape through its schema one by one (an integration has ~40 keys with its
 * flags), which was over a third of a 100,000-integration load's profile
 * once the model stopped re-parsing records. So the two lists that make a scenario large,
 * `integrations` and `projects`, are checked here by hand, and the rest by
 * the schema. The hand check only vouches for what the schema surely
 * accepts and gives the same output (fresh objects: the parsed scenario,
 * kept for reset(), shares nothing with the caller's); on anything else (an
 * error, an `undefined`, an odd prototype) the whole input goes through the
 * schema, which decides and names the first problem as before.
 */
export function parseScenarioShape(input: unknown, gitlab: GitLabProfile): ShapeResult {
  const schema = scenarioSchema(gitlab)
  return fastShape(input, schema, gitlab) ?? schema.safeParse(input)
}

function fastShape(input: unknown, schema: ScenarioSchema, gitlab: GitLabProfile): ShapeResult | undefined {
  if (!isJsonObject(input)) return undefined
  const { projects, integrations, ...rest } = input
  const dates = new Map<string, string>()
  const checked: Record<string, unknown[]> = {}
  for (const [key, list, shape] of [
    ['projects', projects, PROJECT],
    ['integrations', integrations, integrationShape(gitlab)],
  ] as const) {
    if (list === undefined && !Object.hasOwn(input, key)) continue
    const copy = checkedArray(list, shape, dates)
    if (copy === NO) return undefined
    checked[key] = copy
  }
  const result = schema.safeParse(rest)
  if (!result.success) return undefined
  return { ...result, data: { ...result.data, ...(checked as object) } }
}

/** What the hand check answers for a value it does not vouch for. */
const NO = Symbol('unchecked')

/** Checks a value and returns what the schema would output for it (the value, or a copy), else NO. */
type Check = (value: unknown, dates: Map<string, string>) => unknown

/** An object's checks by key, and the keys it must have. */
interface ObjectShape {
  readonly checks: ReadonlyMap<string, Check>
  readonly required: readonly string[]
}

/** A plain object, as JSON.parse makes them (a class instance or a null prototype is left to the schema). */
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

const scalar =
  (test: (value: unknown) => boolean): Check =>
  (value) =>
    test(value) ? value : NO
const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0
const isNonEmpty = (value: unknown) => typeof value === 'string' && value.length > 0
const idOrPath = scalar((value) => isId(value) || isNonEmpty(value))
const boolean = scalar((value) => typeof value === 'boolean')
const string = scalar((value) => typeof value === 'string')
const nullableString = scalar((value) => value === null || typeof value === 'string')
const matching = (pattern: RegExp) => scalar((value) => typeof value === 'string' && pattern.test(value))
const oneOf = (values: readonly unknown[]) => scalar((value) => values.includes(value))

/**
 * Dates repeat (a dump's `created_at`s, a fixed clock), so each distinct one
 * goes through the schema's check once, and equal ones come out as one
 * string, which the records then share (a JSON parse makes a string per occurrence).
 */
const date: Check = (value, dates) => {
  if (typeof value !== 'string') return NO
  const known = dates.get(value)
  if (known !== undefined) return known
  if (!isoDate.safeParse(value).success) return NO
  dates.set(value, value)
  return value
}

/** An integration's `properties`: a plain object of JSON scalars (no `__proto__` key, which the schema drops). */
const properties: Check = (value) => {
  if (!isJsonObject(value)) return NO
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) return NO
    const item = value[key]
    if (!(typeof item === 'string' || typeof item === 'boolean' || item === null || (typeof item === 'number' && Number.isFinite(item)))) return NO
  }
  return { ...value }
}

/** A copy of a checked object: only keys the shape knows, none missing, each checked; else NO. */
function checkedObject(value: unknown, shape: ObjectShape, dates: Map<string, string>): Record<string, unknown> | typeof NO {
  if (!isJsonObject(value)) return NO
  for (const key of shape.required) if (!Object.hasOwn(value, key)) return NO
  const copy: Record<string, unknown> = {}
  // `for...in`, as zod's strict objects look for unknown keys.
  for (const key in value) {
    const check = shape.checks.get(key)
    const item = check === undefined ? NO : check(value[key], dates)
    if (item === NO) return NO
    copy[key] = item
  }
  return copy
}

function checkedArray(value: unknown, shape: ObjectShape, dates: Map<string, string>): unknown[] | typeof NO {
  if (!Array.isArray(value)) return NO
  const copy = new Array<unknown>(value.length)
  for (let i = 0; i < value.length; i++) {
    const item = checkedObject(value[i], shape, dates)
    if (item === NO) return NO
    copy[i] = item
  }
  return copy
}

const MEMBER: ObjectShape = {
  checks: new Map([
    ['user', idOrPath],
    ['access_level', oneOf(ACCESS_LEVELS)],
  ]),
  required: ['user', 'access_level'],
}

/** `project` above, by hand. */
const PROJECT: ObjectShape = {
  checks: new Map<string, Check>([
    ['id', scalar(isId)],
    ['path_with_namespace', matching(PROJECT_PATH)],
    ['namespace', idOrPath],
    ['name', string],
    ['description', nullableString],
    ['visibility', oneOf(VISIBILITIES)],
    ['default_branch', string],
    ['created_at', date],
    ['members', (value, dates) => checkedArray(value, MEMBER, dates)],
  ]),
  required: ['id', 'path_with_namespace'],
}

const integrationShapes = new WeakMap<GitLabProfile, ObjectShape>()

/** `integrationSchema` above, by hand, for this profile's flags. */
function integrationShape(gitlab: GitLabProfile): ObjectShape {
  let shape = integrationShapes.get(gitlab)
  if (shape) return shape
  const flag = scalar((value) => value === null || typeof value === 'boolean')
  const checks = new Map<string, Check>([
    ['id', scalar(isId)],
    ['project', idOrPath],
    ['group', idOrPath],
    ['slug', scalar(isNonEmpty)],
    ['inherited', boolean],
    ['active', boolean],
    ['properties', properties],
    ['comment_on_event_enabled', boolean],
    ['created_at', date],
    ['updated_at', date],
  ])
  for (const name of gitlab.storedFlags) checks.set(name, flag)
  integrationShapes.set(gitlab, (shape = { checks, required: ['slug'] }))
  return shape
}

/**
 * The fields each kind of scenario object has, by where it sits: what an
 * "unknown field" error lists as expected (the integration's event flags are
 * added per GitLab).
 */
export const SCENARIO_FIELDS = {
  scenario: ['version', 'gitlab', 'edition', 'development', 'application_settings', 'users', 'groups', 'projects', 'integrations'],
  user: Object.keys(user.def.shape),
  token: ['token', 'scopes', 'expires_at', 'revoked'],
  project: Object.keys(project.def.shape),
  member: Object.keys(member.def.shape),
  group: Object.keys(group.def.shape),
  integration: Object.keys(integrationSchema([]).def.shape),
} as const

type Flags = { [F in EventFlag]?: boolean | null }
type Shape = z.input<ScenarioSchema>
type ParsedShape = z.output<ScenarioSchema>

type PropertyValue = string | number | boolean | null
type Param<S extends IntegrationSlug> = IntegrationEntry<S>['params'][number]
type Listed<S extends IntegrationSlug, K extends string> = IntegrationEntry<S> extends { [_ in K]: readonly (infer F)[] } ? F & string : never

/**
 * The `properties` a scenario may give integration `S`: its stored
 * parameters and model fields, as `parseScenario` accepts them (values are
 * stored as given, so any JSON scalar).
 */
export type ScenarioProperties<S extends IntegrationSlug> = {
  [K in Exclude<Param<S>, { topLevel: true }>['name'] | Listed<S, 'extraFields'> | Listed<S, 'fields'>]?: PropertyValue
}

type IntegrationShape = Omit<NonNullable<Shape['integrations']>[number], 'slug' | 'properties'> & Flags

/** One integration of a scenario, for slug `S`: an unknown property is a compile error. */
export type ScenarioIntegrationOf<S extends IntegrationSlug> = IntegrationShape & { slug: S; properties?: ScenarioProperties<S> }

/** Any integration of a scenario: `slug` is a catalog slug, and picks which `properties` it may have. */
export type ScenarioIntegration = { [S in IntegrationSlug]: ScenarioIntegrationOf<S> }[IntegrationSlug]

/** A scenario as written by hand (every optional field may be left out). */
export type Scenario = Omit<Shape, 'integrations'> & { integrations?: ScenarioIntegration[] }
export type ParsedScenario = Omit<ParsedShape, 'integrations'> & {
  integrations?: (NonNullable<ParsedShape['integrations']>[number] & Flags)[]
}
