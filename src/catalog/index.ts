/**
 * The catalog: every integration GitLab 13.12 knows, declared once, and the
 * facts every other layer derives from it.
 */
import { chatIntegrations } from './chat.js'
import { ciIntegrations } from './ci.js'
import { issueTrackerIntegrations } from './issue-trackers.js'
import { otherIntegrations } from './others.js'
import type { EventFlag, IntegrationSpec, ParamSpec } from './types.js'

export type * from './types.js'

/** All entries, in the order the README lists them. */
export const catalog = [...chatIntegrations, ...ciIntegrations, ...issueTrackerIntegrations, ...otherIntegrations] as const

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

/** Flags every integration entity exposes, in GitLab's order (spec §5.1). */
export const ENTITY_EVENT_FLAGS = [
  'commit_events',
  'push_events',
  'issues_events',
  'confidential_issues_events',
  'merge_requests_events',
  'tag_push_events',
  'note_events',
  'confidential_note_events',
  'pipeline_events',
  'wiki_page_events',
  'job_events',
] as const satisfies readonly EventFlag[]

/** Event flags stored on every record, exposed or not (`deployment_events` is not exposed in 13.12). */
export const STORED_EVENT_FLAGS = [...ENTITY_EVENT_FLAGS, 'deployment_events'] as const satisfies readonly EventFlag[]

/** Defaults of a new record's flags (spec §5.3): every exposed flag on, `deployment_events` off. */
export const DEFAULT_EVENT_FLAGS: Readonly<Record<EventFlag, boolean>> = Object.fromEntries(
  STORED_EVENT_FLAGS.map((flag) => [flag, flag !== 'deployment_events']),
) as Record<EventFlag, boolean>

/**
 * 13.12 hides a field from `properties` when its name contains one of these
 * words (spec §7), which also hides bamboo's harmless `build_key`.
 */
const HIDDEN_NAME = /password|token|key|title|description/

export function isHiddenField(name: string): boolean {
  return HIDDEN_NAME.test(name)
}

/** Facts derived from one entry once, at import, so requests do no catalog work. */
export interface IntegrationInfo {
  readonly spec: IntegrationSpec
  /** PUT params by name, event flags included. */
  readonly paramsByName: ReadonlyMap<string, ParamSpec | EventParam>
  /** PUT params in declaration order, event flags last (Grape's error order). */
  readonly declared: readonly (ParamSpec | EventParam)[]
  /** The model's field list: what DELETE wipes. */
  readonly fields: readonly string[]
  /** Fields that may appear in `properties`. */
  readonly visibleFields: readonly string[]
  /** The event flags of a new record: the defaults with the entry's overrides (jenkins). */
  readonly initialEvents: Readonly<Record<EventFlag, boolean>>
}

/** An event flag as a PUT parameter: `strict` when declared Boolean. */
export interface EventParam {
  readonly name: EventFlag
  readonly event: true
  readonly strict: boolean
}

function describe(spec: IntegrationSpec): IntegrationInfo {
  const strict = new Set<string>(spec.strictEvents ?? [])
  const events: EventParam[] = spec.events.map((name) => ({ name, event: true, strict: strict.has(name) }))
  const declared = [...spec.params, ...events]
  const fields = [
    ...spec.params.filter((p) => !p.writeOnly && !p.topLevel).map((p) => p.name),
    ...(spec.extraFields ?? []),
  ]
  return {
    spec,
    paramsByName: new Map(declared.map((p) => [p.name, p])),
    declared,
    fields,
    visibleFields: fields.filter((name) => !isHiddenField(name)),
    initialEvents: { ...DEFAULT_EVENT_FLAGS, ...spec.defaults?.events },
  }
}

const infos = new Map<string, IntegrationInfo>(catalog.map((spec) => [spec.slug, describe(spec)]))

/** The derived facts of a slug, or undefined for a slug the catalog does not know. */
export function integrationInfo(slug: string): IntegrationInfo | undefined {
  return infos.get(slug)
}

/** All derived entries, in catalog order. */
export function allIntegrations(): IterableIterator<IntegrationInfo> {
  return infos.values()
}
