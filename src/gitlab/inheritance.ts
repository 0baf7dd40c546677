/**
 * Inheritance of integration settings from groups (17.3+ in the API):
 * which group integration a record inherits from, what inheriting copies,
 * and the propagation a group's save starts. GitLab propagates in Sidekiq
 * workers; the mock does the same work at once, inside the write.
 */
import type { Database, StoredGroup, StoredIntegration } from '../model/database.js'
import type { IntegrationRecord } from '../model/records.js'
import type { IntegrationInfo } from '../versions/index.js'
import { copyRecord, groupOwner, newRecord, projectOwner, type IntegrationOwner } from './integration-record.js'
import { ancestorGroups, type Parent } from './parent.js'

/**
 * `Integration.default_integration(type, scope)`: the nearest ancestor
 * group's record of the slug that does not itself inherit
 * (`closest_group_integration`: `where(group_id: ancestors, inherit_from_id: nil)`
 * ordered by ancestry, app/models/integration.rb). The mock has no
 * instance-level integrations, GitLab's fallback.
 */
export function defaultIntegration(db: Database, parent: Parent, slug: string): StoredIntegration | undefined {
  for (const group of ancestorGroups(db, parent)) {
    const record = db.groupIntegration(group.id, slug)
    if (record && record.inherit_from_id === null) return record
  }
  return undefined
}

/**
 * What Integrations::Propagation::BulkUpdateService writes into an
 * inheriting record: every column but identity and owner, `inherit_from_id`
 * set to the source's default (`integration.inherit_from_id || integration.id`),
 * `updated_at` now (app/services/concerns/integrations/bulk_operation_hashes.rb).
 */
export function copySettings(into: IntegrationRecord, from: IntegrationRecord, now: string): void {
  into.active = from.active
  into.events = { ...from.events }
  into.comment_on_event_enabled = from.comment_on_event_enabled
  into.properties = { ...from.properties }
  into.inherit_from_id = from.inherit_from_id ?? from.id
  into.updated_at = now
}

/** An inheriting copy of `source` for a new owner (Integrations::Propagation::BulkCreateService). */
function inheritingRecord(info: IntegrationInfo, source: IntegrationRecord, owner: IntegrationOwner, id: number, now: string): IntegrationRecord {
  const record = newRecord(info, owner, now)
  copySettings(record, source, now)
  record.id = id
  return record
}

/** The group's subgroups, every level down, in id order. */
function descendants(db: Database, group: StoredGroup): StoredGroup[] {
  const found = [...db.subgroupsOf(group.id)]
  for (let at = 0; at < found.length; at++) found.push(...db.subgroupsOf(found[at]!.id))
  return found.sort((a, b) => a.id - b.id)
}

/**
 * Integrations::PropagateService for a group's record, after a successful
 * PUT (Integrations::UpdateService#execute queues PropagateIntegrationWorker
 * unless the record is a project's, app/services/integrations/update_service.rb
 * and app/services/integrations/propagate_service.rb):
 * - records below the group that inherit from it or from one of its
 *   ancestors take its settings (`inherited_descendants_from_self_or_ancestors_from`);
 * - subgroups, then projects, of the group's tree without a record of the
 *   slug get an inheriting copy (`without_integration`), even below a
 *   subgroup with its own default, as GitLab's query does.
 */
export function propagate(db: Database, info: IntegrationInfo, group: StoredGroup, source: StoredIntegration, now: string): void {
  const slug = info.spec.slug
  const sources = new Set<number>()
  for (const at of db.selfAndAncestors(group)) {
    const record = db.groupIntegration(at.id, slug)
    if (record) sources.add(record.id)
  }
  const subgroups = descendants(db, group)
  const projects = [group, ...subgroups].flatMap((at) => db.projectsOf(at.id)).sort((a, b) => a.id - b.id)
  const inheriting: StoredIntegration[] = []
  const missing: IntegrationOwner[] = []
  const visit = (record: StoredIntegration | undefined, owner: IntegrationOwner) => {
    if (!record) missing.push(owner)
    else if (record.inherit_from_id !== null && sources.has(record.inherit_from_id)) inheriting.push(record)
  }
  for (const subgroup of subgroups) visit(db.groupIntegration(subgroup.id, slug), groupOwner(subgroup.id))
  for (const project of projects) visit(db.integration(project.id, slug), projectOwner(project.id))
  for (const record of inheriting) {
    const next = copyRecord(record)
    copySettings(next, source, now)
    db.replaceIntegration(record, next)
  }
  for (const owner of missing) db.addIntegration(inheritingRecord(info, source, owner, db.nextIntegrationId(), now))
}
