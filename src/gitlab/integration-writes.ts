/**
 * What PUT and DELETE do to an integration record (13.12:
 * `lib/api/services.rb`). Both compute the whole next record first and
 * write once, so a request that fails validation changes nothing.
 */
import type { StoredIntegration, StoredProject } from '../model/database.js'
import type { IntegrationRecord } from '../model/records.js'
import type { IntegrationInfo } from '../versions/index.js'
import { activeAfterSave, assignParams, copyRecord, newRecord } from './integration-record.js'
import { exclusive, timestamp, type MockState } from './state.js'
import type { Accepted } from './validate-params.js'
import { validateModel } from './validate-model.js'

async function store(state: MockState, existing: StoredIntegration | undefined, next: IntegrationRecord) {
  if (existing) return state.db.replaceIntegration(existing, next)
  next.id = state.db.nextIntegrationId()
  return state.db.collections.integrations.create(next)
}

function current(state: MockState, project: StoredProject, info: IntegrationInfo): [StoredIntegration | undefined, IntegrationRecord] {
  const existing = state.db.integration(project.id, info.spec.slug)
  return [existing, existing ? copyRecord(existing) : newRecord(info, project.id, timestamp(state))]
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
    const [existing, next] = current(state, project, info)
    assignParams(next, info, values)
    next.active = activeAfterSave(info, next)
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
    const [existing, next] = current(state, project, info)
    next.active = false
    for (const field of info.fields) next.properties[field] = null
    next.updated_at = timestamp(state)
    return store(state, existing, next)
  })
}
