/**
 * GitLab's integration entities: the basic one for lists, the full one
 * (with `properties`) for GET and PUT (13.12: `lib/api/entities/
 * project_service_basic.rb` and `project_service.rb`). Which flags and which
 * properties show is the profile's; secrets never leave, since `properties`
 * is built from the visible fields only.
 */
import type { IntegrationRecord, PropertyValue } from '../model/records.js'
import type { GitLabProfile, IntegrationInfo } from '../versions/index.js'

export type Entity = Record<string, unknown>

export function basicEntity(gitlab: GitLabProfile, record: IntegrationRecord, info = gitlab.integrations.get(record.slug)): Entity {
  const entity: Entity = {
    id: record.id,
    title: info?.spec.title ?? record.slug,
    slug: record.slug,
    created_at: record.created_at,
    updated_at: record.updated_at,
    active: record.active,
  }
  for (const key of gitlab.entityKeys) {
    if (key === 'comment_on_event_enabled') entity[key] = record.comment_on_event_enabled
    // `inherit_from_id.present?` (lib/api/entities/integration_basic.rb, 17.3+)
    else if (key === 'inherited') entity[key] = record.inherit_from_id !== null
    else entity[key] = record.events[key] ?? null
  }
  return entity
}

/**
 * 13.12 slices the stored properties (`properties.slice(*api_field_names)`),
 * so unset keys are absent unless the integration keeps a data-fields row;
 * later GitLab builds `api_field_names.index_with { public_send }`: every
 * visible field, unset ones null.
 */
function visibleProperties(gitlab: GitLabProfile, record: IntegrationRecord, info: IntegrationInfo): Record<string, PropertyValue> {
  const all = gitlab.behaviour.properties === 'all-fields' || info.spec.showsAllFields === true
  const properties: Record<string, PropertyValue> = {}
  for (const field of info.visibleFields) {
    if (Object.hasOwn(record.properties, field)) properties[field] = record.properties[field]!
    else if (all) properties[field] = null
  }
  return properties
}

export function fullEntity(gitlab: GitLabProfile, record: IntegrationRecord): Entity {
  const info = gitlab.integrations.get(record.slug)
  const entity = basicEntity(gitlab, record, info)
  entity.properties = info ? visibleProperties(gitlab, record, info) : {}
  return entity
}
