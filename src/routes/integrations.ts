/**
 * The Services API proper (spec §4): list, GET, PUT and DELETE, served the
 * same under `/services` and its 14.4+ alias `/integrations`.
 */
import { integrationInfo, type IntegrationInfo } from '../catalog/index.js'
import { authenticate } from '../core/authenticate.js'
import { deactivateIntegration, saveIntegration } from '../core/integration-writes.js'
import { projectForAdmin } from '../core/project-access.js'
import { queryParams, readParams } from '../core/request-params.js'
import {
  json,
  modelInvalid,
  noContent,
  notFoundRoute,
  paramsInvalid,
  preconditionFailed,
  serviceNotFound,
} from '../core/responses.js'
import type { Route, RouteContext } from '../core/router.js'
import { basicEntity, fullEntity } from '../core/serialize.js'
import type { MockState } from '../core/state.js'
import { validateParams } from '../core/validate-params.js'
import type { StoredProject, StoredUser } from '../model/database.js'

const FAMILY = '(?:services|integrations)'
const collectionPattern = new RegExp(`^/projects/(?<id>[^/]+)/${FAMILY}/?$`)
const memberPattern = new RegExp(`^/projects/(?<id>[^/]+)/${FAMILY}/(?<slug>[^/]+)/?$`)

/** Slugs the running GitLab routes for GET/PUT/DELETE. */
function routable(state: MockState, slug: string): IntegrationInfo | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(slug)
  } catch {
    return undefined
  }
  const info = integrationInfo(decoded)
  if (!info) return undefined
  const { availability } = info.spec
  return availability === 'available' || (availability === 'development' && state.development) ? info : undefined
}

/** Parameters, caller and project of a maintainer-only request, or the response that ends it. */
async function admitted(context: RouteContext): Promise<
  { params: Record<string, unknown>; user: StoredUser; project: StoredProject } | Response
> {
  const { request, url, state } = context
  const params = await readParams(request, queryParams(url), context.body)
  if (params instanceof Response) return params
  const caller = authenticate(state.db, request, params, state.now())
  if (caller instanceof Response) return caller
  const project = projectForAdmin(state.db, caller.user, context.params.id!)
  if (project instanceof Response) return project
  return { params, user: caller.user, project }
}

/**
 * GET and DELETE: admission first, then Grape's value check of the slug
 * (so a bad slug answers 400 only to a caller who may see the project).
 */
async function admittedWithSlug(context: RouteContext) {
  const access = await admitted(context)
  if (access instanceof Response) return access
  const info = routable(context.state, context.params.slug!)
  if (!info) return json({ error: 'service_slug does not have a valid value' }, 400)
  return { ...access, info, record: context.state.db.integration(access.project.id, info.spec.slug) }
}

export const integrationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/projects/{id}/services',
    pattern: collectionPattern,
    async handle(context) {
      const access = await admitted(context)
      if (access instanceof Response) return access
      const active = [...context.state.db.integrationsOf(access.project.id)].filter((record) => record.active)
      return json(active.map((record) => basicEntity(record)))
    },
  },
  {
    method: 'GET',
    path: '/projects/{id}/services/{slug}',
    pattern: memberPattern,
    async handle(context) {
      const access = await admittedWithSlug(context)
      if (access instanceof Response) return access
      return access.record ? json(fullEntity(access.record)) : serviceNotFound()
    },
  },
  {
    method: 'PUT',
    path: '/projects/{id}/services/{slug}',
    pattern: memberPattern,
    async handle(context) {
      // A slug without a PUT route falls to Grape's catch-all: 404 before any auth (spec §1).
      const info = routable(context.state, context.params.slug!)
      if (!info) return notFoundRoute()
      const access = await admitted(context)
      if (access instanceof Response) return access
      const check = validateParams(info, access.params)
      if (!check.ok) return paramsInvalid(check.errors)
      const saved = await saveIntegration(context.state, access.project, info, check.values)
      return saved ? json(fullEntity(saved)) : modelInvalid()
    },
  },
  {
    method: 'DELETE',
    path: '/projects/{id}/services/{slug}',
    pattern: memberPattern,
    async handle(context) {
      const access = await admittedWithSlug(context)
      if (access instanceof Response) return access
      const since = context.request.headers.get('if-unmodified-since')
      if (access.record && since && Date.parse(access.record.updated_at) > Date.parse(since)) return preconditionFailed()
      await deactivateIntegration(context.state, access.project, access.info)
      return noContent()
    },
  },
]

/** Any other method or deeper path under the two families: Grape's catch-all (no auth). */
export const integrationsCatchAll: Route = {
  method: 'ANY',
  path: '/projects/{id}/services/*',
  pattern: new RegExp(`^/projects/[^/]+/${FAMILY}(?:/.*)?$`),
  handle: notFoundRoute,
}
