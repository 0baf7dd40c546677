/**
 * A GitLab release as data. The first release (13.12) declares everything
 * the API did then; each later release declares only what it changed. A
 * mock's GitLab is the fold of every release up to the one it was asked for
 * (`compile.ts`), so "what does 15.6 do" is answered by data, never by a
 * version check in a route.
 */
import type { EventFlag, IntegrationSpec, ParamSpec } from '../catalog/types.js'

/** `major.minor`, as GitLab numbers its monthly releases. */
export type GitLabVersion = `${number}.${number}`

export type Edition = 'ee' | 'ce'

/** Where a fact comes from: a GitLab source file at a version, a doc history line, an MR or an issue. */
export type Citation = string

/** The path segments an integration is served under (`/projects/:id/services/...`). */
export type PathFamily = 'services' | 'integrations'

/**
 * One step of GitLab's request order, as Grape runs it: the formatter
 * middleware parses the body, the router picks an endpoint (or the
 * catch-all), the endpoint's `before` filters authenticate and load the
 * project, then Grape validates the declared params (the slug's `values:`
 * first), and the endpoint body runs the model.
 */
export type Step = 'formatter' | 'route' | 'authenticate' | 'project' | 'slug' | 'params' | 'model'

/** Which `properties` an entity shows. */
export type HiddenRule =
  /** 13.12: a field is hidden when its name matches (Service#api_field_names filter). */
  | { readonly kind: 'name'; readonly pattern: string; readonly cite: Citation; readonly approximate?: string }
  /** 14.10.1 on: fields of `type: :password` are hidden, and fields of these names (`webhook`, 15.6/15.7). */
  | { readonly kind: 'secret'; readonly names: readonly string[]; readonly cite: Citation; readonly approximate?: string }

/** A key of the integration entity after `active`: an event flag or one of the two non-flag keys. */
export type EntityKey = EventFlag | 'comment_on_event_enabled' | 'inherited'

/** Texts GitLab answers with that a release may reword. */
export interface Wording {
  /** GET of a slug the project has no record of. */
  readonly integrationNotFound: string
  /** GET/DELETE of a slug outside the route's `values:` list. */
  readonly slugInvalid: string
}

/** Behaviours that a release may change, each named for what it decides. */
export interface Behaviour {
  /**
   * DELETE of a slug the project never configured: 13.12 builds, wipes and
   * saves a record (204); later GitLab answers `404 Integration Not Found`.
   */
  readonly deleteUnconfigured: 'create-inactive' | 'not-found'
  /** What DELETE sets the fields to: nil (13.12), or their column defaults. */
  readonly deleteResets: 'nil' | 'column-defaults'
  /**
   * What a failed model validation answers: 13.12 hides the model's
   * messages (`400 Bad Request`); later `Failed to update integration. {:field=>["message"]}`.
   */
  readonly modelInvalid: 'bare-400' | 'failed-to-update'
  /**
   * Which keys `properties` holds: 13.12 shows stored keys only
   * (side-table integrations all of theirs); later every visible field, unset ones null.
   */
  readonly properties: 'stored' | 'all-fields'
  /**
   * How event params are declared: 13.12 appends the model's events as
   * `type: String` (a lenient database cast) beside the chat helper's
   * Boolean ones; later every event param is `Grape::API::Boolean`.
   */
  readonly eventParams: 'mixed' | 'boolean'
  /** PUT accepts `use_inherited_settings` and entities say `inherited` (17.3). */
  readonly inheritance: boolean
  /** `/groups/:id/integrations` is routed: groups configure integrations their projects inherit (17.9). */
  readonly groupIntegrations: boolean
  /** A changed `exposesSecrets` field clears the secrets not sent with it (Integrations::ResetSecretFields). */
  readonly resetSecrets: boolean
}

/**
 * A change to one integration entry in a later release: `set` replaces
 * whole fields of the entry (its validations, its field list, its events,
 * ...); the param operations edit its param list in place.
 */
export interface IntegrationChange {
  readonly slug: string
  readonly cite: Citation
  /** Why the version is not certain, when it is not (shown in the README). */
  readonly approximate?: string
  readonly set?: Partial<Omit<IntegrationSpec, 'slug' | 'params'>>
  /** Appended to the params (or inserted before `before`). */
  readonly addParams?: readonly ParamSpec[]
  readonly before?: string
  readonly removeParams?: readonly string[]
  /** Merged into the named params. */
  readonly changeParams?: Readonly<Record<string, Partial<ParamSpec>>>
}

/** What one release declares. Every key but `version` and `build` is optional for a later release. */
export interface Release {
  readonly version: GitLabVersion
  /** Why facts of this release not tied to one section are not certain (shown in docs/gitlab-versions.md). */
  readonly approximate?: readonly string[]
  /** What `GET /version` answers; default `X.Y.0-ee` with the mock's revision marker. */
  readonly build?: { readonly version: string; readonly revision: string }
  readonly integrations?: {
    readonly add?: readonly IntegrationSpec[]
    /** Where each added entry comes from, by slug (doc history line, MR), and why its version is uncertain when it is. */
    readonly added?: Readonly<Record<string, { readonly cite: Citation; readonly approximate?: string }>>
    readonly remove?: readonly { readonly slug: string; readonly cite: Citation; readonly approximate?: string }[]
    readonly change?: readonly IntegrationChange[]
  }
  /**
   * The event flags every entity exposes, in GitLab's order, and the flag
   * columns every record has, with their column defaults.
   */
  readonly entity?: {
    /** The entity's keys after `active`, in GitLab's order; `ee` ones only on EE. */
    readonly keys: readonly EntityKey[]
    readonly eeKeys?: readonly EntityKey[]
    readonly columns: Readonly<Partial<Record<EventFlag, boolean>>>
    readonly cite: Citation
    /** Why the version of this section's change is not certain, when it is not (as on every section below). */
    readonly approximate?: string
  }
  readonly hidden?: HiddenRule
  readonly wording?: Partial<Wording> & { readonly cite: Citation; readonly approximate?: string }
  readonly families?: { readonly list: readonly PathFamily[]; readonly cite: Citation; readonly approximate?: string }
  readonly behaviour?: Partial<Behaviour> & { readonly cite: Citation; readonly approximate?: string }
  readonly order?: { readonly steps: readonly Step[]; readonly cite: Citation }
}
