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

const project = z.strictObject({
  id,
  path_with_namespace: z.string().check(z.regex(/^[^/\s]+(?:\/[^/\s]+)+$/, 'expected "namespace/project"')),
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

/** The scenario schema of one GitLab profile. */
export function scenarioSchema(gitlab: GitLabProfile) {
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
type Shape = z.input<ReturnType<typeof scenarioSchema>>
type ParsedShape = z.output<ReturnType<typeof scenarioSchema>>

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
