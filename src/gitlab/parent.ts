/**
 * What an integration belongs to: a project or (17.9+) a group, GitLab's
 * `parent_resource` of lib/api/integrations/integratable_operations.rb.
 * The writes, the inheritance rules and the routes take one of these, so a
 * group's integration is handled by the same code as a project's.
 */
import type { Database, StoredGroup, StoredIntegration, StoredProject } from '../model/database.js'
import { groupOwner, projectOwner, type IntegrationOwner } from './integration-record.js'

export type Parent = { readonly project: StoredProject; readonly group?: undefined } | { readonly group: StoredGroup; readonly project?: undefined }

export const ownerOf = (parent: Parent): IntegrationOwner => (parent.project ? projectOwner(parent.project.id) : groupOwner(parent.group.id))

export function recordOf(db: Database, parent: Parent, slug: string): StoredIntegration | undefined {
  return parent.project ? db.integration(parent.project.id, slug) : db.groupIntegration(parent.group.id, slug)
}

export function recordsOf(db: Database, parent: Parent): Iterable<StoredIntegration> {
  return parent.project ? db.integrationsOf(parent.project.id) : db.groupIntegrationsOf(parent.group.id)
}

/**
 * The groups above a parent, nearest first: a project's group and its
 * ancestors, a group's ancestors without itself (`scope.ancestors` in
 * Integration.closest_group_integration, app/models/integration.rb).
 */
export function* ancestorGroups(db: Database, parent: Parent): Generator<StoredGroup> {
  const start = parent.project
    ? parent.project.group_id === null
      ? undefined
      : db.groupById(parent.project.group_id)
    : parent.group.parent_id === null
      ? undefined
      : db.groupById(parent.group.parent_id)
  if (start) yield* db.selfAndAncestors(start)
}
