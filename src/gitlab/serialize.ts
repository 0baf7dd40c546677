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
  for (const flag of gitlab.entityFlags) entity[flag] = record.events[flag] ?? null
  entity.comment_on_event_enabled = record.comment_on_event_enabled
  return entity
}

function visibleProperties(record: IntegrationRecord, info: IntegrationInfo): Record<string, PropertyValue> {
  const properties: Record<string, PropertyValue> = {}
  for (const field of info.visibleFields) {
    if (Object.hasOwn(record.properties, field)) properties[field] = record.properties[field]!
    else if (info.spec.showsAllFields) properties[field] = null
  }
  return properties
}

export function fullEntity(gitlab: GitLabProfile, record: IntegrationRecord): Entity {
  const info = gitlab.integrations.get(record.slug)
  const entity = basicEntity(gitlab, record, info)
  entity.properties = info ? visibleProperties(record, info) : {}
  return entity
}
