/**
 * The integrations API proper (13.12: lib/api/services.rb; 14.4 on:
 * lib/api/integrations.rb and lib/api/integrations/integratable_operations.rb):
 * list, GET, PUT and DELETE, under every path family the GitLab profile serves.
 */
import { deactivateIntegration, saveIntegration } from '../gitlab/integration-writes.js'
import type { Endpoint } from '../gitlab/pipeline.js'
import { availableIntegration, routableIntegration } from '../gitlab/pipeline.js'
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
import { json, noContent } from '../http/json-response.js'
import type { RouteDeclaration } from '../http/router.js'
import type { GitLabProfile } from '../versions/index.js'

type Declaration = RouteDeclaration<MockState, Endpoint>

/** `before { authenticate!; authorize_admin_project }` on every integrations endpoint. */
const maintainer = { auth: { required: true }, project: 'admin' } as const

const list: Endpoint = {
  ...maintainer,
  handle({ state, project }) {
    const active = [...state.db.integrationsOf(project!.id)].filter((record) => record.active)
    return json(active.map((record) => basicEntity(state.gitlab, record)))
  },
}

const show: Endpoint = {
  ...maintainer,
  slug: true,
  handle({ state, project, info }) {
    // `not_found!` unless `find_or_initialize_integration` finds a persisted record.
    const record = availableIntegration(state, info!) ? state.db.integration(project!.id, info!.spec.slug) : undefined
    return record ? json(fullEntity(state.gitlab, record)) : integrationNotFound(state.gitlab)
  },
}

const update: Endpoint = {
  ...maintainer,
  // PUT routes are declared per slug (the route's constraint below); the slug step finds its entry.
  slug: true,
  params: true,
  async handle({ state, project, info, values }) {
    const { spec } = info!
    if (!availableIntegration(state, info!)) return integrationNotAvailable()
    if (spec.apiCreatable === false && !state.db.integration(project!.id, spec.slug)) return cannotFromApi('create', spec.title)
    // Integrations::UpdateService: inheriting needs a default (group or instance) integration; the mock has none yet.
    if (values!.get('use_inherited_settings') === true) return defaultIntegrationNotFound()
    const result = await saveIntegration(state, project!, info!, values!)
    if ('saved' in result) return json(fullEntity(state.gitlab, result.saved))
    return modelInvalid(state.gitlab, result.errors)
  },
}

const remove: Endpoint = {
  ...maintainer,
  slug: true,
  async handle({ state, request, project, info }) {
    const available = availableIntegration(state, info!)
    const record = available ? state.db.integration(project!.id, info!.spec.slug) : undefined
    // 13.12 builds, wipes and saves a new record; later GitLab answers 404 for one never saved.
    if (!record && (!available || state.gitlab.behaviour.deleteUnconfigured === 'not-found')) return integrationNotFound(state.gitlab)
    if (record && info!.spec.apiDeletable === false) return cannotFromApi('disable', info!.spec.title)
    // `check_unmodified_since!` (lib/api/helpers.rb): 412 when the record changed after the date given.
    const since = request.headers.get('if-unmodified-since')
    if (record && since && Date.parse(record.updated_at) > Date.parse(since)) return preconditionFailed()
    await deactivateIntegration(state, project!, info!)
    return noContent()
  },
}

/** Any other method or deeper path under the families: Grape's catch-all (no auth). */
const catchAll: Endpoint = { catchAll: true, handle: notFoundRoute }

export function integrationRoutes(gitlab: GitLabProfile): Declaration[] {
  const family = new Set<string>(gitlab.families)
  const putSlug = (slug: string, state: MockState) => routableIntegration(state, slug) !== undefined
  return [
    { method: 'GET', path: '/projects/:id/:family', constraints: { family }, endpoint: list },
    { method: 'GET', path: '/projects/:id/:family/:slug', constraints: { family }, endpoint: show },
    { method: 'PUT', path: '/projects/:id/:family/:slug', constraints: { family, slug: putSlug }, endpoint: update },
    { method: 'DELETE', path: '/projects/:id/:family/:slug', constraints: { family }, endpoint: remove },
  ]
}

/** Last in the table: whatever the routes above left under the families. */
export function integrationsCatchAll(gitlab: GitLabProfile): Declaration {
  return { method: 'ANY', path: '/projects/:id/:family/*', constraints: { family: new Set(gitlab.families) }, endpoint: catchAll }
}
