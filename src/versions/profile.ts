/**
 * A compiled GitLab: every fact one release decides, folded from the
 * release files and derived once per mock, so a request does no version
 * work. The mock carries its profile; nothing reads version facts from a
 * module-level constant, so mocks of different versions live side by side.
 */
import type { EventFlag, IntegrationSpec, ParamSpec } from '../catalog/types.js'
import type { Behaviour, Edition, EntityKey, GitLabVersion, PathFamily, Step, Wording } from './types.js'

/** An event flag as a PUT parameter: `strict` when declared Boolean. */
export interface EventParam {
  readonly name: EventFlag
  readonly event: true
  readonly strict: boolean
}

/** Facts derived from one integration entry under one GitLab. */
export interface IntegrationInfo {
  readonly spec: IntegrationSpec
  /** PUT params by name, event flags included. */
  readonly paramsByName: ReadonlyMap<string, ParamSpec | EventParam>
  /** PUT params in declaration order, event flags last (Grape's error order). */
  readonly declared: readonly (ParamSpec | EventParam)[]
  /** The model's field list: what DELETE wipes. */
  readonly fields: readonly string[]
  /** Fields that may appear in `properties`, in the model's order. */
  readonly visibleFields: readonly string[]
  /** The event flags of a new record: the column defaults with the entry's overrides (jenkins). */
  readonly initialEvents: Readonly<Partial<Record<EventFlag, boolean>>>
  /** Whether GET/PUT/DELETE route this slug (with the instance's settings, see `routable`). */
  readonly availability: IntegrationSpec['availability']
}

export interface GitLabProfile {
  readonly version: GitLabVersion
  readonly edition: Edition
  /** What `GET /version` answers. */
  readonly build: { readonly version: string; readonly revision: string }
  /** Every integration this GitLab knows (routable or not), in catalog order. */
  readonly integrations: ReadonlyMap<string, IntegrationInfo>
  /** The entity's keys after `active` (event flags, `comment_on_event_enabled`, `inherited`), in GitLab's order. */
  readonly entityKeys: readonly EntityKey[]
  /** Flag columns every record has. */
  readonly storedFlags: readonly EventFlag[]
  /** Whether `properties` hides this field of this integration. */
  isHidden(spec: IntegrationSpec, field: string): boolean
  readonly wording: Wording
  readonly behaviour: Behaviour
  readonly families: readonly PathFamily[]
  readonly order: readonly Step[]
  /** Slash-command trigger path segment (`slack_slash_commands`) to slug. */
  readonly triggers: ReadonlyMap<string, string>
}
