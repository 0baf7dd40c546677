/**
 * The stored shapes, as @msw/data collection schemas (Standard Schema via
 * zod/mini, the lighter zod entry). Collections re-apply these on every
 * update, so they check structure only; meaning is checked by the scenario
 * loader and the routes.
 */
import * as z from 'zod/mini'

export const ACCESS_LEVELS = [10, 20, 30, 40, 50] as const
export const VISIBILITIES = ['private', 'internal', 'public'] as const
export const USER_STATES = ['active', 'blocked', 'deactivated'] as const
export const TOKEN_SCOPES = ['api', 'read_api', 'read_user', 'sudo', 'read_repository', 'write_repository'] as const

const nullableString = z.nullable(z.string())
const flag = z.nullable(z.boolean())

export const userRecord = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  admin: z.boolean(),
  state: z.enum(USER_STATES),
  created_at: z.string(),
})

export const tokenRecord = z.object({
  token: z.string(),
  user_id: z.number(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  expires_at: nullableString,
  revoked: z.boolean(),
})

export const groupRecord = z.object({
  id: z.number(),
  name: z.string(),
  /** The last segment of `full_path`. */
  path: z.string(),
  full_path: z.string(),
  /** The parent group (a subgroup's), else null. */
  parent_id: z.nullable(z.number()),
  description: nullableString,
  visibility: z.enum(VISIBILITIES),
  created_at: z.string(),
})

export const groupMemberRecord = z.object({
  group_id: z.number(),
  user_id: z.number(),
  access_level: z.number(),
})

export const projectRecord = z.object({
  id: z.number(),
  name: z.string(),
  path_with_namespace: z.string(),
  /** The group the project belongs to; null when its namespace is a user's (or undeclared). */
  group_id: z.nullable(z.number()),
  description: nullableString,
  visibility: z.enum(VISIBILITIES),
  default_branch: z.string(),
  created_at: z.string(),
})

export const memberRecord = z.object({
  project_id: z.number(),
  user_id: z.number(),
  access_level: z.number(),
})

export const integrationRecord = z.object({
  id: z.number(),
  /** The owner: a project's integration has `project_id`, a group's `group_id` (GitLab's integrations table). */
  project_id: z.nullable(z.number()),
  group_id: z.nullable(z.number()),
  slug: z.string(),
  active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The record's event flag columns (which ones: the mock's GitLab version). */
  events: z.record(z.string(), flag),
  comment_on_event_enabled: z.boolean(),
  /** The group integration this one inherits its settings from (17.3+), else null. */
  inherit_from_id: z.nullable(z.number()),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
})

export type UserRecord = z.infer<typeof userRecord>
export type TokenRecord = z.infer<typeof tokenRecord>
export type GroupRecord = z.infer<typeof groupRecord>
export type GroupMemberRecord = z.infer<typeof groupMemberRecord>
export type ProjectRecord = z.infer<typeof projectRecord>
export type MemberRecord = z.infer<typeof memberRecord>
export type IntegrationRecord = z.infer<typeof integrationRecord>
export type PropertyValue = IntegrationRecord['properties'][string]
