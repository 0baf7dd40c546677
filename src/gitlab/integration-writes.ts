/**
 * What PUT and DELETE do to an integration record (13.12:
 * lib/api/services.rb; later: lib/api/integrations/integratable_operations.rb
 * and app/services/integrations/update_service.rb). Both compute the whole
 * next record first and write once, so a request that fails validation
 * changes nothing.
 */
import type { StoredIntegration, StoredProject } from '../model/database.js'
import type { IntegrationRecord } from '../model/records.js'
import type { IntegrationInfo } from '../versions/index.js'
import { activeAfterSave, assignParams, copyRecord, newRecord } from './integration-record.js'
import { exclusive, timestamp, type MockState } from './state.js'
import type { Accepted } from './validate-params.js'
import { validateModel, type ModelError } from './validate-model.js'

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
 * Integrations::ResetSecretFields (15.2.1+): when a field the secrets are
 * sent to (`exposes_secrets`, a URL) changes, every secret not sent with it
 * is cleared, so a stored password never follows a new URL.
 */
function resetSecrets(info: IntegrationInfo, before: IntegrationRecord, next: IntegrationRecord, sent: Accepted): void {
  const moved = info.spec.params.some((param) => param.exposesSecrets && next.properties[param.name] !== before.properties[param.name])
  if (!moved) return
  for (const param of info.spec.params) if (param.secret && !sent.has(param.name)) delete next.properties[param.name]
}

export type SaveResult = { readonly saved: StoredIntegration } | { readonly errors: readonly ModelError[] }

/**
 * Applies a validated PUT: sent params only, then `active: true` (unless the
 * integration is not manually activated, or the catalog's save hook decides),
 * then the model validations of an active record.
 */
export function saveIntegration(state: MockState, project: StoredProject, info: IntegrationInfo, values: Accepted): Promise<SaveResult> {
  return exclusive(state, async () => {
    const [existing, next] = current(state, project, info)
    const before = copyRecord(next)
    assignParams(next, info, values)
    if (state.gitlab.behaviour.resetSecrets) resetSecrets(info, before, next, values)
    if (info.spec.apiCreatable !== false) next.active = activeAfterSave(info, next)
    next.inherit_from_id = null
    const errors = next.active ? validateModel(info.spec.validations, next.properties) : []
    if (errors.length > 0) return { errors }
    next.updated_at = timestamp(state)
    return { saved: await store(state, existing, next) }
  })
}

/**
 * DELETE: keep the record, reset every model field, deactivate; flags
 * stay. 13.12 sets the fields to nil; later GitLab to their column
 * defaults (nil for fields kept in the properties hash).
 */
export function deactivateIntegration(state: MockState, project: StoredProject, info: IntegrationInfo): Promise<StoredIntegration> {
  return exclusive(state, async () => {
    const [existing, next] = current(state, project, info)
    const defaults = state.gitlab.behaviour.deleteResets === 'column-defaults' ? info.spec.columnDefaults : undefined
    next.active = false
    for (const field of info.fields) next.properties[field] = defaults?.[field] ?? null
    next.updated_at = timestamp(state)
    return store(state, existing, next)
  })
}
