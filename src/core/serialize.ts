/**
 * GitLab 13.12's integration entities (spec §5): the basic one for lists,
 * the full one (with `properties`) for GET and PUT. Secrets never leave:
 * `properties` is built from the catalog's visible fields only.
 */
import { ENTITY_EVENT_FLAGS, integrationInfo, type IntegrationInfo } from '../catalog/index.js'
import type { IntegrationRecord, PropertyValue } from '../model/records.js'

export type BasicEntity = Record<string, unknown>

export function basicEntity(record: IntegrationRecord, info = integrationInfo(record.slug)): BasicEntity {
  const entity: BasicEntity = {
    id: record.id,
    title: info?.spec.title ?? record.slug,
    slug: record.slug,
    created_at: record.created_at,
    updated_at: record.updated_at,
    active: record.active,
  }
  for (const flag of ENTITY_EVENT_FLAGS) entity[flag] = record[flag]
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

export function fullEntity(record: IntegrationRecord): BasicEntity {
  const info = integrationInfo(record.slug)
  const entity = basicEntity(record, info)
  entity.properties = info ? visibleProperties(record, info) : {}
  return entity
}
