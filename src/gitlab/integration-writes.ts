/**
 * What PUT and DELETE do to an integration record (13.12:
 * lib/api/services.rb; later: lib/api/integrations/integratable_operations.rb
 * and app/services/integrations/update_service.rb). Both compute the whole
 * next record first and write once, so a request that fails validation
 * changes nothing. The record is a project's or (17.9+) a group's.
 * Synchronous on purpose: read, compute and store happen in one turn, so two
 * concurrent first PUTs of one integration cannot both see "no record".
 */
import type { StoredIntegration } from '../model/database.js'
import type { IntegrationRecord } from '../model/records.js'
import type { IntegrationInfo } from '../versions/index.js'
import { copySettings, defaultIntegration, propagate } from './inheritance.js'
import { activeAfterSave, assignParams, copyRecord, newRecord } from './integration-record.js'
import { ownerOf, recordOf, type Parent } from './parent.js'
import { timestamp, type MockState } from './state.js'
import type { Accepted } from './validate-params.js'
import { validateModel, type ModelError } from './validate-model.js'

function store(state: MockState, existing: StoredIntegration | undefined, next: IntegrationRecord): StoredIntegration {
  if (existing) return state.db.replaceIntegration(existing, next)
  next.id = state.db.nextIntegrationId()
  return state.db.addIntegration(next)
}

function current(state: MockState, parent: Parent, info: IntegrationInfo): [StoredIntegration | undefined, IntegrationRecord] {
  const existing = recordOf(state.db, parent, info.spec.slug)
  return [existing, existing ? copyRecord(existing) : newRecord(info, ownerOf(parent), timestamp(state))]
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

export type SaveResult =
  | { readonly saved: StoredIntegration }
  | { readonly errors: readonly ModelError[] }
  /** `use_inherited_settings` with no group above that has the integration. */
  | { readonly noDefault: true }

/**
 * UpdateService#handle_inherited_settings? (17.3+): inherit when the PUT
 * says `use_inherited_settings: true`, or says nothing about it and the
 * record already inherits.
 */
function inherits(state: MockState, existing: StoredIntegration | undefined, values: Accepted): boolean {
  if (!state.gitlab.behaviour.inheritance) return false
  return values.has('use_inherited_settings') ? values.get('use_inherited_settings') === true : (existing?.inherit_from_id ?? null) !== null
}

/**
 * UpdateService#handle_inherited_settings: the record points at the default
 * and the sent attributes are ignored; a project's record takes the
 * default's settings at once (BulkUpdateService), a group's keeps its own
 * until a later propagation (GitLab runs BulkUpdateService for project-level
 * records only).
 */
function saveInheriting(state: MockState, parent: Parent, info: IntegrationInfo, existing: StoredIntegration | undefined, next: IntegrationRecord): SaveResult {
  const base = defaultIntegration(state.db, parent, info.spec.slug)
  if (!base) return { noDefault: true }
  const now = timestamp(state)
  next.inherit_from_id = base.id
  next.updated_at = now
  if (parent.project) copySettings(next, base, now)
  return { saved: store(state, existing, next) }
}

/**
 * Applies a validated PUT: sent params only, then `active: true` (unless the
 * integration is not manually activated, or the catalog's save hook decides),
 * then the model validations of an active record. A group's successful save
 * propagates to its tree (UpdateService#execute, 17.9+).
 */
export function saveIntegration(state: MockState, parent: Parent, info: IntegrationInfo, values: Accepted): SaveResult {
  const [existing, next] = current(state, parent, info)
  const result = inherits(state, existing, values)
    ? saveInheriting(state, parent, info, existing, next)
    : saveOwn(state, info, existing, next, values)
  if ('saved' in result && parent.group) propagate(state.db, info, parent.group, result.saved, timestamp(state))
  return result
}

/** UpdateService#handle_default_settings: the record stops inheriting and keeps (a copy of) its settings. */
function saveOwn(state: MockState, info: IntegrationInfo, existing: StoredIntegration | undefined, next: IntegrationRecord, values: Accepted): SaveResult {
  const before = copyRecord(next)
  assignParams(next, info, values)
  if (state.gitlab.behaviour.resetSecrets) resetSecrets(info, before, next, values)
  if (info.spec.apiCreatable !== false) next.active = activeAfterSave(info, next)
  next.inherit_from_id = null
  const errors = next.active ? validateModel(info.spec.validations, next.properties) : []
  if (errors.length > 0) return { errors }
  next.updated_at = timestamp(state)
  return { saved: store(state, existing, next) }
}

/**
 * DELETE: keep the record, reset every model field, deactivate; flags
 * stay. 13.12 sets the fields to nil; later GitLab to their column
 * defaults (nil for fields kept in the properties hash). Nothing propagates:
 * the API's DELETE is a plain `integration.update` (integratable_operations.rb),
 * so inheriting records keep the settings they were given.
 */
export function deactivateIntegration(state: MockState, parent: Parent, info: IntegrationInfo): StoredIntegration {
  const [existing, next] = current(state, parent, info)
  const defaults = state.gitlab.behaviour.deleteResets === 'column-defaults' ? info.spec.columnDefaults : undefined
  next.active = false
  for (const field of info.fields) next.properties[field] = defaults?.[field] ?? null
  next.updated_at = timestamp(state)
  return store(state, existing, next)
}
