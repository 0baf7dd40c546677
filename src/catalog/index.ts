/**
 * The catalog: every integration entry, declared once. Which GitLab has
 * which entry, and what later releases change in it, is declared by the
 * release files in `src/versions/releases/`; the compiled profile of a
 * mock (`src/versions/compile.ts`) derives everything else.
 */
import { chatIntegrations } from './chat.js'
import { ciIntegrations } from './ci.js'
import { issueTrackerIntegrations } from './issue-trackers.js'
import { otherIntegrations } from './others.js'
import { addedChatIntegrations } from './added/chat.js'
import { addedEnterpriseIntegrations } from './added/enterprise.js'
import { addedIssueTrackers } from './added/issue-trackers.js'
import { addedOtherIntegrations } from './added/others.js'

export type * from './types.js'

/** The entries of GitLab 13.12, in the order the README lists them. */
export const catalog13_12 = [...chatIntegrations, ...ciIntegrations, ...issueTrackerIntegrations, ...otherIntegrations] as const

/** The entries later releases add (each release file names the ones it adds). */
export const catalogAdded = [...addedChatIntegrations, ...addedIssueTrackers, ...addedOtherIntegrations, ...addedEnterpriseIntegrations] as const

/** Every entry of every release, as first added (later releases may change them). */
export const catalog = [...catalog13_12, ...catalogAdded] as const

type Entry = (typeof catalog)[number]

/** Every slug the catalog knows, configurable or not. */
export type IntegrationSlug = Entry['slug']

/** The catalog entry of one slug, with its literal types. */
export type IntegrationEntry<S extends IntegrationSlug> = Extract<Entry, { slug: S }>

type ValueOf<P> = P extends { type: 'boolean' } ? boolean : P extends { type: 'integer' } ? number : string

type ParamsOf<S extends IntegrationSlug> = IntegrationEntry<S>['params'][number]
type ExtraFieldsOf<S extends IntegrationSlug> = IntegrationEntry<S> extends { extraFields: readonly (infer F)[] }
  ? F & string
  : never

/**
 * What a PUT accepts for slug `S`, besides event flags:
 * `IntegrationProperties<'slack'>` has `webhook`, `channel`, `username`, ...
 */
export type IntegrationProperties<S extends IntegrationSlug> = {
  [P in ParamsOf<S> as P['name']]?: ValueOf<P> | null
} & { [F in ExtraFieldsOf<S>]?: string | boolean | null }

/** The event flags a PUT for slug `S` accepts. */
export type IntegrationEvents<S extends IntegrationSlug> = {
  [E in IntegrationEntry<S>['events'][number]]?: boolean
}

/** A complete PUT body for slug `S`. */
export type IntegrationParams<S extends IntegrationSlug> = IntegrationProperties<S> & IntegrationEvents<S>
