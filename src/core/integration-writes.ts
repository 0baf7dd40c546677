/**
 * What PUT and DELETE do to an integration record (spec §§4.3-4.4, 5.3).
 * Both compute the whole next record first and write once, so a request
 * that fails validation changes nothing.
 */
import type { IntegrationInfo } from '../catalog/index.js'
import type { StoredIntegration, StoredProject } from '../model/database.js'
import type { IntegrationRecord, PropertyValue } from '../model/records.js'
import { exclusive, timestamp, type MockState } from './state.js'
import type { Accepted } from './validate-params.js'
import { validateModel } from './validate-model.js'

/** A record as GitLab initialises it before the first save (not stored). */
export function newIntegration(state: MockState, project: StoredProject, info: IntegrationInfo): IntegrationRecord {
  const now = timestamp(state)
  return {
    id: 0,
    project_id: project.id,
    slug: info.spec.slug,
    active: false,
    created_at: now,
    updated_at: now,
    comment_on_event_enabled: true,
    properties: { ...info.spec.defaults?.properties } as Record<string, PropertyValue>,
    ...info.initialEvents,
  }
}

async function store(state: MockState, existing: StoredIntegration | undefined, next: IntegrationRecord) {
  if (existing) return state.db.replaceIntegration(existing, next)
  next.id = state.nextIntegrationId++
  return state.db.collections.integrations.create(next)
}

/**
 * Applies a validated PUT: sent params only, then `active: true` (or the
 * catalog's save hook), then the model validations of an active record.
 * Returns undefined when the model rejects the result.
 */
export function saveIntegration(
  state: MockState,
  project: StoredProject,
  info: IntegrationInfo,
  values: Accepted,
): Promise<StoredIntegration | undefined> {
  return exclusive(state, async () => {
    const existing = state.db.integration(project.id, info.spec.slug)
    const base = existing ?? newIntegration(state, project, info)
    const next: IntegrationRecord = { ...base, properties: { ...base.properties } }
    for (const [name, value] of values) {
      const param = info.paramsByName.get(name)!
      if ('event' in param) next[param.name] = value as boolean | null
      else if (param.topLevel) next.comment_on_event_enabled = value === null ? next.comment_on_event_enabled : Boolean(value)
      else if (!param.writeOnly) next.properties[name] = value
    }
    const activeFrom = info.spec.activeFrom
    next.active = activeFrom ? next.properties[activeFrom] === true : true
    if (next.active && !validateModel(info.spec.validations, next.properties)) return undefined
    next.updated_at = timestamp(state)
    return store(state, existing, next)
  })
}

/** DELETE: keep the record, null every model field, deactivate; flags stay. */
export function deactivateIntegration(
  state: MockState,
  project: StoredProject,
  info: IntegrationInfo,
): Promise<StoredIntegration> {
  return exclusive(state, async () => {
    const existing = state.db.integration(project.id, info.spec.slug)
    const base = existing ?? newIntegration(state, project, info)
    const next: IntegrationRecord = { ...base, properties: { ...base.properties }, active: false }
    for (const field of info.fields) next.properties[field] = null
    next.updated_at = timestamp(state)
    return store(state, existing, next)
  })
}
