/**
 * The one mapping from an integration's parameters to its stored record,
 * shared by PUT, the scenario loader and the fixture kit: event flags go to
 * the flag columns, a top-level param to its column, every other stored
 * param into `properties`; write-only params are dropped.
 */
import type { IntegrationRecord, PropertyValue } from '../model/records.js'
import type { IntegrationInfo } from '../versions/index.js'

export type ParamValue = string | number | boolean | null

/** Whose record it is: a project's (`project_id`) or a group's (`group_id`), as GitLab's integrations table keeps it. */
export type IntegrationOwner = Pick<IntegrationRecord, 'project_id' | 'group_id'>

export const projectOwner = (projectId: number): IntegrationOwner => ({ project_id: projectId, group_id: null })
export const groupOwner = (groupId: number): IntegrationOwner => ({ project_id: null, group_id: groupId })

const defaultProperties = new WeakMap<IntegrationInfo, Readonly<Record<string, PropertyValue>>>()

/** The model's default properties of an integration, frozen, built once per integration of a profile. */
function frozenDefaults(info: IntegrationInfo): Readonly<Record<string, PropertyValue>> {
  let properties = defaultProperties.get(info)
  if (!properties) defaultProperties.set(info, (properties = Object.freeze({ ...info.spec.defaults?.properties } as Record<string, PropertyValue>)))
  return properties
}

/**
 * A record as GitLab initialises it before the first save: column defaults,
 * the model's default properties. Its `events` and `properties` are copies
 * the caller may change; with `frozen`, they are the profile's own frozen
 * defaults, for a caller that replaces them rather than changing them (the
 * scenario loader: most records keep the defaults, and a copy each is
 * garbage the moment the model shares equal objects).
 */
export function newRecord(info: IntegrationInfo, owner: IntegrationOwner, now: string, frozen = false): IntegrationRecord {
  return {
    id: 0,
    project_id: owner.project_id,
    group_id: owner.group_id,
    slug: info.spec.slug,
    active: false,
    created_at: now,
    updated_at: now,
    events: frozen ? (info.initialEvents as IntegrationRecord['events']) : { ...info.initialEvents },
    comment_on_event_enabled: true,
    inherit_from_id: null,
    properties: frozen ? (frozenDefaults(info) as IntegrationRecord['properties']) : { ...frozenDefaults(info) },
  }
}

/** A copy of `record` that the caller may change without touching the stored one. */
export function copyRecord(record: IntegrationRecord): IntegrationRecord {
  return { ...record, events: { ...record.events }, properties: { ...record.properties } }
}

/**
 * Writes parameters onto `record` as a PUT does. Names `info` does not
 * declare are model fields that are not params (prometheus'
 * `manual_configuration`, which a scenario or fixture may set): they go to
 * `properties` when they are fields, and are ignored otherwise.
 */
export function assignParams(record: IntegrationRecord, info: IntegrationInfo, values: Iterable<[string, ParamValue]>): void {
  for (const [name, value] of values) {
    const param = info.paramsByName.get(name)
    if (param && 'event' in param) {
      // Only the flag columns this GitLab has (a record's `events`): anything else could not be dumped and reloaded.
      if (Object.hasOwn(record.events, name)) record.events[name] = value === null ? null : Boolean(value)
    }
    else if (param?.topLevel) {
      if (value !== null) record.comment_on_event_enabled = Boolean(value)
    } else if (param ? !param.writeOnly : info.fields.includes(name)) record.properties[name] = value
  }
}

/**
 * `active` after a save: true, unless the entry's save hook derives it from
 * a property (prometheus' `manual_configuration`,
 * app/models/project_services/prometheus_service.rb in 13.12).
 */
export function activeAfterSave(info: IntegrationInfo, record: IntegrationRecord): boolean {
  const from = info.spec.activeFrom
  return from ? record.properties[from] === true : true
}
