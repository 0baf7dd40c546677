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
  /** 13.12: a field is hidden when its name matches (Integration#api_field_names filter). */
  | { readonly kind: 'name'; readonly pattern: string; readonly cite: Citation }

/** Texts GitLab answers with that a release may reword. */
export interface Wording {
  /** GET of a slug the project has no record of. */
  readonly integrationNotFound: string
  /** GET/DELETE of a slug outside the route's `values:` list. */
  readonly slugInvalid: string
}

/** Behaviours that a release may change, each named for what it decides. */
export interface Behaviour {
  /** DELETE of a slug the project never configured: 13.12 builds, wipes and saves a record (204). */
  readonly deleteUnconfigured: 'create-inactive'
  /** What a failed model validation answers: 13.12 hides the model's messages. */
  readonly modelInvalid: 'bare-400'
  /** Which keys `properties` holds: 13.12 shows stored keys only (side-table integrations all of theirs). */
  readonly properties: 'stored'
}

/** A change to one integration entry in a later release. */
export interface IntegrationChange {
  readonly slug: string
  readonly cite: Citation
  readonly title?: string
  readonly addParams?: readonly ParamSpec[]
  readonly removeParams?: readonly string[]
  readonly addEvents?: readonly EventFlag[]
}

/** What one release declares. Every key but `version` and `build` is optional for a later release. */
export interface Release {
  readonly version: GitLabVersion
  /** What `GET /version` answers for this release (the last patch release of the line). */
  readonly build: { readonly version: string; readonly revision: string }
  readonly integrations?: {
    readonly add?: readonly IntegrationSpec[]
    readonly remove?: readonly { readonly slug: string; readonly cite: Citation }[]
    readonly change?: readonly IntegrationChange[]
  }
  /**
   * The event flags every entity exposes, in GitLab's order, and the flag
   * columns every record has, with their column defaults.
   */
  readonly entity?: {
    readonly flags: readonly EventFlag[]
    readonly columns: Readonly<Partial<Record<EventFlag, boolean>>>
    readonly cite: Citation
  }
  readonly hidden?: HiddenRule
  readonly wording?: Partial<Wording> & { readonly cite: Citation }
  readonly families?: { readonly list: readonly PathFamily[]; readonly cite: Citation }
  readonly behaviour?: Partial<Behaviour> & { readonly cite: Citation }
  readonly order?: { readonly steps: readonly Step[]; readonly cite: Citation }
}
