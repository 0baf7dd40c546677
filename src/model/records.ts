/**
 * The stored shapes. Plain types, checked nowhere at run time: the scenario
 * loader validates its input once (scenario-schema.ts, scenario.ts) and the
 * routes validate a write before it reaches the model, so a per-record
 * schema pass would only repeat their work (when @msw/data copied and
 * re-parsed every record, that was over a quarter of a large scenario's load).
 */

export const ACCESS_LEVELS = [10, 20, 30, 40, 50] as const
export const VISIBILITIES = ['private', 'internal', 'public'] as const
export const USER_STATES = ['active', 'blocked', 'deactivated'] as const
export const TOKEN_SCOPES = ['api', 'read_api', 'read_user', 'sudo', 'read_repository', 'write_repository'] as const

export type Visibility = (typeof VISIBILITIES)[number]
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export interface UserRecord {
  id: number
  username: string
  name: string
  email: string
  admin: boolean
  state: (typeof USER_STATES)[number]
  created_at: string
}

export interface TokenRecord {
  token: string
  user_id: number
  scopes: TokenScope[]
  expires_at: string | null
  revoked: boolean
}

export interface GroupRecord {
  id: number
  name: string
  /** The last segment of `full_path`. */
  path: string
  full_path: string
  /** The parent group (a subgroup's), else null. */
  parent_id: number | null
  description: string | null
  visibility: Visibility
  created_at: string
}

export interface GroupMemberRecord {
  group_id: number
  user_id: number
  access_level: number
}

export interface ProjectRecord {
  id: number
  name: string
  path_with_namespace: string
  /** The group the project belongs to; null when its namespace is a user's (or undeclared). */
  group_id: number | null
  description: string | null
  visibility: Visibility
  default_branch: string
  created_at: string
}

export interface MemberRecord {
  project_id: number
  user_id: number
  access_level: number
}

export type PropertyValue = string | number | boolean | null

export interface IntegrationRecord {
  id: number
  /** The owner: a project's integration has `project_id`, a group's `group_id` (GitLab's integrations table). */
  project_id: number | null
  group_id: number | null
  slug: string
  active: boolean
  created_at: string
  updated_at: string
  /** The record's event flag columns (which ones: the mock's GitLab version). */
  events: Record<string, boolean | null>
  comment_on_event_enabled: boolean
  /** The group integration this one inherits from (17.3+), else null. */
  inherit_from_id: number | null
  properties: Record<string, PropertyValue>
}
