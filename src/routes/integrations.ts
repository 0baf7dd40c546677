/**
 * The integrations API proper (13.12: lib/api/services.rb; 14.4 on:
 * lib/api/integrations.rb and lib/api/integrations/integratable_operations.rb):
 * list, GET, PUT and DELETE, under every path family the GitLab profile
 * serves, for projects and (17.9+) groups. IntegratableOperations serves
 * both with the same code on a `parent_resource`; so do these endpoints.
 */
import { deactivateIntegration, saveIntegration } from '../gitlab/integration-writes.js'
import type { Endpoint } from '../gitlab/pipeline.js'
import { availableIntegration, routableIntegration, type EndpointContext } from '../gitlab/pipeline.js'
import { recordOf, recordsOf, type Parent } from '../gitlab/parent.js'
import {
  cannotFromApi,
  defaultIntegrationNotFound,
  integrationNotAvailable,
  integrationNotFound,
  modelInvalid,
  notFoundRoute,
  preconditionFailed,
} from '../gitlab/responses.js'
import { basicEntity, fullEntity } from '../gitlab/serialize.js'
import type { MockState } from '../gitlab/state.js'
import type { StoredIntegration } from '../model/database.js'
import { jsonText, noContent } from '../http/json-response.js'
import type { RouteDeclaration } from '../http/router.js'
import type { GitLabProfile } from '../versions/index.js'

type Declaration = RouteDeclaration<MockState, Endpoint>

/** `before { authenticate!; authorize_admin_project }` on every integrations endpoint. */
const maintainer = { auth: { required: true }, project: 'admin' } as const
/** `before { authenticate!; authorize_admin_group_integrations }` on the group's (17.9+). */
const groupOwner = { auth: { required: true }, group: 'integrations' } as const

/** IntegratableOperations' `parent_resource`: the project or the group the steps loaded. */
const parentOf = ({ project, group }: EndpointContext): Parent => (group ? { group } : { project: project! })

/** A record's entity as GET and PUT answer it: it depends on the record and the profile only, so it is serialised once per write. */
const fullView = (state: MockState, record: StoredIntegration) =>
  state.db.integrationView(record, 'full', (stored) => JSON.stringify(fullEntity(state.gitlab, stored)))

const list = (access: typeof maintainer | typeof groupOwner): Endpoint => ({
  ...access,
  handle(context) {
    const { state } = context
    // Each entity serialised once per write of its record (as GET's), the array joined from them.
    const entities: string[] = []
    for (const record of recordsOf(state.db, parentOf(context)))
      if (record.active) entities.push(state.db.integrationView(record, 'basic', (stored) => JSON.stringify(basicEntity(state.gitlab, stored))))
    return jsonText(`[${entities.join(',')}]`)
  },
})

const show = (access: typeof maintainer | typeof groupOwner): Endpoint => ({
  ...access,
  slug: true,
  handle(context) {
    const { state, info } = context
    // `not_found!` unless `find_or_initialize_integration` finds a persisted record.
    const record = availableIntegration(state, info!) ? recordOf(state.db, parentOf(context), info!.spec.slug) : undefined
    return record ? jsonText(fullView(state, record)) : integrationNotFound(state.gitlab)
  },
})

const update = (access: typeof maintainer | typeof groupOwner): Endpoint => ({
  ...access,
  // PUT routes are declared per slug (the route's constraint below); the slug step finds its entry.
  slug: true,
  params: true,
  handle(context) {
    const { state, info, values } = context
    const { spec } = info!
    const parent = parentOf(context)
    // `find_or_initialize_integration` is nil: not available here, or (groups) project-level only.
    if (!availableIntegration(state, info!) || (parent.group && spec.projectOnly)) return integrationNotAvailable()
    if (spec.apiCreatable === false && !recordOf(state.db, parent, spec.slug)) return cannotFromApi('create', spec.title)
    const result = saveIntegration(state, parent, info!, values!)
    if ('saved' in result) return jsonText(fullView(state, result.saved))
    // Integrations::UpdateService: inheriting needs a group above with its own integration of the slug.
    if ('noDefault' in result) return defaultIntegrationNotFound()
    return modelInvalid(state.gitlab, result.errors)
  },
})

const remove = (access: typeof maintainer | typeof groupOwner): Endpoint => ({
  ...access,
  slug: true,
  handle(context) {
    const { state, request, info } = context
    const parent = parentOf(context)
    const available = availableIntegration(state, info!)
    const record = available ? recordOf(state.db, parent, info!.spec.slug) : undefined
    // 13.12 builds, wipes and saves a new record; later GitLab answers 404 for one never saved.
    if (!record && (!available || state.gitlab.behaviour.deleteUnconfigured === 'not-found')) return integrationNotFound(state.gitlab)
    if (record && info!.spec.apiDeletable === false) return cannotFromApi('disable', info!.spec.title)
    // `check_unmodified_since!` (lib/api/helpers.rb): 412 when the record changed after the date given.
    const since = request.headers.get('if-unmodified-since')
    if (record && since && Date.parse(record.updated_at) > Date.parse(since)) return preconditionFailed()
    deactivateIntegration(state, parent, info!)
    return noContent()
  },
})

/** Any other method or deeper path under the families: Grape's catch-all (no auth). */
const catchAll: Endpoint = { catchAll: true, handle: notFoundRoute }

const putSlug = (slug: string, state: MockState) => routableIntegration(state, slug) !== undefined

export function integrationRoutes(gitlab: GitLabProfile): Declaration[] {
  const family = new Set<string>(gitlab.families)
  const projectRoutes: Declaration[] = [
    { method: 'GET', path: '/projects/:id/:family', constraints: { family }, endpoint: list(maintainer) },
    { method: 'GET', path: '/projects/:id/:family/:slug', constraints: { family }, endpoint: show(maintainer) },
    { method: 'PUT', path: '/projects/:id/:family/:slug', constraints: { family, slug: putSlug }, endpoint: update(maintainer) },
    { method: 'DELETE', path: '/projects/:id/:family/:slug', constraints: { family }, endpoint: remove(maintainer) },
  ]
  if (!gitlab.behaviour.groupIntegrations) return projectRoutes
  // lib/api/integrations.rb (17.9+): "New API endpoints should use the `:id/integrations` path exclusively."
  return [
    ...projectRoutes,
    { method: 'GET', path: '/groups/:id/integrations', endpoint: list(groupOwner) },
    { method: 'GET', path: '/groups/:id/integrations/:slug', endpoint: show(groupOwner) },
    { method: 'PUT', path: '/groups/:id/integrations/:slug', constraints: { slug: putSlug }, endpoint: update(groupOwner) },
    { method: 'DELETE', path: '/groups/:id/integrations/:slug', endpoint: remove(groupOwner) },
  ]
}

/** Last in the table: whatever the routes above left under the families. */
export function integrationsCatchAll(gitlab: GitLabProfile): Declaration[] {
  const projects: Declaration = { method: 'ANY', path: '/projects/:id/:family/*', constraints: { family: new Set(gitlab.families) }, endpoint: catchAll }
  return gitlab.behaviour.groupIntegrations ? [projects, { method: 'ANY', path: '/groups/:id/integrations/*', endpoint: catchAll }] : [projects]
}
