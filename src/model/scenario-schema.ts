/**
 * The scenario format (version 1): plain JSON a user writes by hand to
 * describe users, tokens, projects, memberships and integrations. The shape
 * is checked here with zod; references and catalog facts in scenario.ts.
 */
import * as z from 'zod/mini'
import { STORED_EVENT_FLAGS } from '../catalog/index.js'
import { ACCESS_LEVELS, TOKEN_SCOPES, USER_STATES, VISIBILITIES } from './records.js'

const id = z.int().check(z.positive())
const isoDate = z.iso.datetime({ offset: true })
const nonEmpty = z.string().check(z.minLength(1))
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()])

const token = z.union([
  nonEmpty,
  z.strictObject({
    token: nonEmpty,
    scopes: z.optional(z.array(z.enum(TOKEN_SCOPES)).check(z.minLength(1))),
    expires_at: z.optional(z.nullable(isoDate)),
    revoked: z.optional(z.boolean()),
  }),
])

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

const member = z.strictObject({
  user: z.union([nonEmpty, id]),
  access_level: z.union(ACCESS_LEVELS.map((level) => z.literal(level))),
})

const project = z.strictObject({
  id,
  path_with_namespace: z.string().check(z.regex(/^[^/\s]+(?:\/[^/\s]+)+$/, 'expected "namespace/project"')),
  name: z.optional(z.string()),
  description: z.optional(z.nullable(z.string())),
  visibility: z.optional(z.enum(VISIBILITIES)),
  default_branch: z.optional(z.string()),
  created_at: z.optional(isoDate),
  members: z.optional(z.array(member)),
})

const flag = z.optional(z.nullable(z.boolean()))
const flags = Object.fromEntries(STORED_EVENT_FLAGS.map((name) => [name, flag])) as Record<
  (typeof STORED_EVENT_FLAGS)[number],
  typeof flag
>

const integration = z.strictObject({
  id: z.optional(id),
  project: z.union([id, nonEmpty]),
  slug: nonEmpty,
  active: z.optional(z.boolean()),
  properties: z.optional(z.record(z.string(), propertyValue)),
  comment_on_event_enabled: z.optional(z.boolean()),
  created_at: z.optional(isoDate),
  updated_at: z.optional(isoDate),
  ...flags,
})

export const scenarioSchema = z.strictObject({
  version: z.optional(z.literal(1)),
  /** Route development-only integrations (`mock-ci`), as a GitLab in development mode does. */
  development: z.optional(z.boolean()),
  users: z.optional(z.array(user)),
  projects: z.optional(z.array(project)),
  integrations: z.optional(z.array(integration)),
})

/** A scenario as written by hand (every optional field may be left out). */
export type Scenario = z.input<typeof scenarioSchema>
export type ParsedScenario = z.output<typeof scenarioSchema>
