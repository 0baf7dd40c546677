/**
 * GitLab's request order, in one place. Grape answers an API request in
 * this order, and the first step that objects answers:
 *
 *   formatter     the body is parsed by the formatter middleware, before
 *                 any endpoint runs: malformed JSON 400, unsupported 415
 *   route         the router picks the endpoint; an unmatched request hits
 *                 the catch-all `route :any, '*path'`: 404, no auth
 *   authenticate  the endpoint's `before { authenticate! }`: 401 (and the
 *                 token's 401/403 variants)
 *   project       `user_project` / `authorize_admin_project`: 404 when the
 *                 caller may not see the project, 403 when not a maintainer
 *                 (a group endpoint: `user_group`, 404 `Group Not Found`,
 *                 then `authorize_admin_group_integrations`, 403)
 *   slug          Grape's param validation of the path's `:slug` (`values:`): 400
 *   params        the declared params of the integration: 400
 *   model         the endpoint body: model validations, the write, the answer
 *
 * (13.12: lib/api/api.rb mounts the formatter and the catch-all;
 * lib/api/services.rb has the before filters and param declarations.)
 * The order itself is data of the GitLab profile, so a release that
 * reorders is one change in its release file. Routes only declare which
 * steps they take part in.
 */
import type { StoredGroup, StoredProject, StoredUser } from '../model/database.js'
import type { IntegrationInfo, Step } from '../versions/index.js'
import type { RouteRequest } from '../http/router.js'
import type { RequestUrl } from '../http/request-url.js'
import { authenticate, type Caller } from './authenticate.js'
import { canRead, canReadGroup, findGroup, findProject, groupForIntegrations, projectForAdmin } from './project-access.js'
import { queryParams, readParams, type Params } from './request-params.js'
import { groupNotFound, integrationNotAvailable, notFoundRoute, paramsInvalid, projectNotFound, slugInvalid } from './responses.js'
import type { MockState } from './state.js'
import { validateParams, type Accepted } from './validate-params.js'

/** What an endpoint declares: the steps it takes part in, and its body (the `model` step). */
export interface Endpoint {
  /** Grape's catch-all: answers 404 at the `route` step. */
  readonly catchAll?: boolean
  /** `authenticate!` (`required`), or a user only when a credential is sent (`optional`); absent: none. */
  readonly auth?: { readonly required: boolean; readonly allowReadUser?: boolean }
  /** `admin`: the caller must maintain the project; `read`: see it. Absent: no project step. */
  readonly project?: 'admin' | 'read'
  /**
   * The group instead of a project, at the same step (`user_group`):
   * `integrations`: `authorize_admin_group_integrations` (17.9+); `read`: see it.
   */
  readonly group?: 'integrations' | 'read'
  /** The path's `:slug` must name an integration this GitLab routes (GET/DELETE's `values:`). */
  readonly slug?: boolean
  /** The slug's declared params are validated (PUT). */
  readonly params?: boolean
  readonly handle: (context: EndpointContext) => Response | Promise<Response>
}

/** What the steps found, for the endpoint body. Fields are set by the steps the endpoint takes part in. */
export interface EndpointContext {
  readonly state: MockState
  readonly request: RouteRequest
  readonly url: RequestUrl
  /** Named path segments, still percent-encoded. */
  readonly path: Readonly<Record<string, string>>
  /** The request's bytes, read once by the dispatcher. */
  readonly body: Uint8Array | null
  params: Params
  caller?: Caller | undefined
  project?: StoredProject
  group?: StoredGroup
  info?: IntegrationInfo
  values?: Accepted
}

type StepRunner = (endpoint: Endpoint, context: EndpointContext) => Response | undefined | Promise<Response | undefined>

/**
 * The integration a path slug names, when this GitLab routes it for
 * GET/PUT/DELETE (the route's `values:` list and its per-slug PUT routes):
 * development-only ones only in development mode.
 */
export function routableIntegration(state: MockState, slug: string): IntegrationInfo | undefined {
  const info = state.gitlab.integrations.get(slug)
  if (!info) return undefined
  const { availability } = info
  return availability === 'available' || availability === 'disabled' || (availability === 'development' && state.db.settings.development)
    ? info
    : undefined
}

/**
 * Whether `find_or_initialize_integration` finds it for a project: not in
 * `Project#disabled_integrations`, and its instance setting, if any, is on
 * (Integration.disabled_integration_names).
 */
export function availableIntegration(state: MockState, info: IntegrationInfo): boolean {
  if (info.availability === 'disabled') return false
  const condition = info.spec.condition
  if (!condition) return true
  const value = state.db.settings[condition.setting]
  return (typeof value === 'string' ? value !== '' : value === true) === condition.when
}

function decodedSlug(context: EndpointContext): string | undefined {
  try {
    return decodeURIComponent(context.path.slug!)
  } catch {
    return undefined
  }
}

/**
 * The `project` step of a group endpoint: `user_group`, then for the
 * integrations API `authorize_admin_group_integrations` and
 * IntegratableOperations' own `before`, which answers `400 Integration not
 * available` for a project-level-only `:slug` (a PUT's path has no `:slug`
 * param, so its check comes later, from `find_or_initialize_integration`),
 * lib/api/integrations/integratable_operations.rb (17.9+).
 */
function groupStep(kind: 'integrations' | 'read', context: EndpointContext): Response | undefined {
  const { db } = context.state
  const user = context.caller?.user
  if (kind === 'read') {
    const group = findGroup(db, context.path.id!)
    if (!group || !canReadGroup(db, user, group)) return groupNotFound()
    context.group = group
    return undefined
  }
  const group = groupForIntegrations(db, user!, context.path.id!)
  if (group instanceof Response) return group
  context.group = group
  const slug = context.path.slug === undefined || context.request.method === 'PUT' ? undefined : decodedSlug(context)
  if (slug !== undefined && context.state.gitlab.integrations.get(slug)?.spec.projectOnly) return integrationNotAvailable()
  return undefined
}

function paramsRead(context: EndpointContext, params: Params | Response): Response | undefined {
  if (params instanceof Response) return params
  context.params = params
  return undefined
}

const STEPS: Readonly<Record<Step, StepRunner>> = {
  formatter(_endpoint, context) {
    const params = readParams(context.request, queryParams(context.url), context.body)
    if (params instanceof Promise) return params.then((read) => paramsRead(context, read))
    return paramsRead(context, params)
  },
  route: (endpoint) => (endpoint.catchAll ? notFoundRoute() : undefined),
  authenticate(endpoint, context) {
    if (!endpoint.auth) return undefined
    const { state, request, params } = context
    const options = { allowReadUser: endpoint.auth.allowReadUser ?? false }
    const caller = endpoint.auth.required
      ? authenticate(state.db, request, params, state.now(), options)
      : authenticate(state.db, request, params, state.now(), { ...options, anonymous: true })
    if (caller instanceof Response) return caller
    context.caller = caller
    return undefined
  },
  project(endpoint, context) {
    if (endpoint.group) return groupStep(endpoint.group, context)
    if (!endpoint.project) return undefined
    const { db } = context.state
    const user: StoredUser | undefined = context.caller?.user
    if (endpoint.project === 'admin') {
      const project = projectForAdmin(db, user!, context.path.id!)
      if (project instanceof Response) return project
      context.project = project
      return undefined
    }
    const project = findProject(db, context.path.id!)
    if (!project || !canRead(db, user, project)) return projectNotFound()
    context.project = project
    return undefined
  },
  slug(endpoint, context) {
    if (!endpoint.slug) return undefined
    const slug = decodedSlug(context)
    const info = slug === undefined ? undefined : routableIntegration(context.state, slug)
    if (!info) return slugInvalid(context.state.gitlab)
    context.info = info
    return undefined
  },
  params(endpoint, context) {
    if (!endpoint.params) return undefined
    const check = validateParams(context.info!, context.params)
    if (!check.ok) return paramsInvalid(check.errors)
    context.values = check.values
    return undefined
  },
  model: (endpoint, context) => endpoint.handle(context),
}

/**
 * Runs the steps of the mock's GitLab in its order; the first answer wins.
 * Synchronous while the steps are (most requests): a promise only when a
 * step returns one, so a plain request costs no microtask hops.
 */
export function runPipeline(
  endpoint: Endpoint,
  context: Omit<EndpointContext, 'params'> & { readonly caller?: Caller | undefined },
): Response | Promise<Response> {
  return runFrom(0, endpoint, context as EndpointContext)
}

function runFrom(first: number, endpoint: Endpoint, context: EndpointContext): Response | Promise<Response> {
  const order = context.state.gitlab.order
  for (let at = first; at < order.length; at++) {
    const answer = STEPS[order[at]!](endpoint, context)
    if (answer instanceof Promise) return answer.then((settled) => settled ?? runFrom(at + 1, endpoint, context))
    if (answer) return answer
  }
  // A profile whose order lacks `model` would answer nothing: treat it as a catch-all.
  return notFoundRoute()
}
