/**
 * The harness's control API under `/__mock` (outside GitLab's namespace), in
 * the spirit of WireMock's admin API, declared like the GitLab routes: a
 * path per endpoint, compiled once. It replaces, reads and resets the state,
 * reads and counts the journal, injects faults, and (on the root server)
 * creates and drops tenants. Every answer is JSON or 204; every bad input a
 * 4xx naming the problem, changing nothing.
 */
import type { GitLabMock } from '../create-gitlab-mock.js'
import { globMatcher, parseFault, wholeSegmentGlob } from '../harness/faults.js'
import type { JournalEntry } from '../harness/journal.js'
import { json, noContent } from '../http/json-response.js'
import { compileRoutes, findRoute, type RouteDeclaration } from '../http/router.js'
import { ScenarioError } from '../model/scenario.js'
import { UnknownGitLabError } from '../versions/index.js'
import { PACKAGE_VERSION } from './package-version.js'
import type { Tenants } from './tenants.js'

export const CONTROL_PREFIX = '/__mock'

/** What a control endpoint gets: the mock it controls, the request, and the tenants when it is the root server's. */
export interface ControlContext {
  readonly mock: GitLabMock
  readonly request: Request
  readonly url: URL
  readonly params: Readonly<Record<string, string>>
  /** The root server's tenants; undefined under a tenant's own `/__mock`. */
  readonly tenants: Tenants | undefined
  /** Where this mock's API answers (`http://HOST:PORT/api/v4` or a tenant's prefix). */
  readonly apiUrl: string
}

type ControlEndpoint = (context: ControlContext) => Response | Promise<Response>

const invalid = (error: string, path = '$') => json({ error, path }, 400)
const notFound = (what: string) => json({ error: `404 ${what} Not Found` }, 404)

async function jsonBody(request: Request): Promise<{ value: unknown } | Response> {
  const text = await request.text()
  if (text.trim() === '') return { value: {} }
  try {
    return { value: JSON.parse(text) }
  } catch {
    return invalid('body is not valid JSON')
  }
}

/** The journal filter of `?method=&path=&status=&user=` (path a glob below the API base, as in faults). */
function journalFilter(url: URL, apiPath: string): ((entry: JournalEntry) => boolean) | Response {
  const query = url.searchParams
  for (const key of query.keys())
    if (!['method', 'path', 'status', 'user'].includes(key)) return invalid(`unknown filter ${JSON.stringify(key)}: use method, path, status or user`)
  const method = query.get('method')?.toUpperCase()
  const status = query.get('status')
  if (status !== null && !/^[1-5]\d\d$/.test(status)) return invalid('status must be an HTTP status such as 400')
  const glob = query.get('path')
  if (glob !== null && (!glob.startsWith('/') || !wholeSegmentGlob(glob)))
    return invalid(`path ${JSON.stringify(glob)} must be a glob below the API base, e.g. /projects/*/services/slack`)
  const matches = glob === null ? undefined : globMatcher(glob)
  const user = query.get('user')
  return (entry) =>
    (method === undefined || entry.method === method) &&
    (status === null || entry.status === Number(status)) &&
    (user === null || entry.user === user) &&
    (matches === undefined || (entry.path.startsWith(apiPath) && matches(entry.path.slice(apiPath.length) || '/')))
}

function entries(context: ControlContext): JournalEntry[] | Response {
  const filter = journalFilter(context.url, new URL(context.apiUrl).pathname)
  return filter instanceof Response ? filter : context.mock.requests.filter(filter)
}

const ENDPOINTS: readonly RouteDeclaration<undefined, ControlEndpoint>[] = [
  {
    method: 'GET',
    path: '/health',
    endpoint: ({ mock }) => json({ status: 'ok', version: PACKAGE_VERSION, gitlab: mock.gitlab.version, edition: mock.gitlab.edition }),
  },
  { method: 'GET', path: '/scenario', endpoint: ({ mock }) => json(mock.dump()) },
  {
    method: 'PUT',
    path: '/scenario',
    async endpoint({ mock, request }) {
      const body = await jsonBody(request)
      if (body instanceof Response) return body
      try {
        await mock.seed(body.value as never)
      } catch (error) {
        if (error instanceof ScenarioError) return invalid(error.message, error.path)
        throw error
      }
      return noContent()
    },
  },
  {
    method: 'POST',
    path: '/reset',
    async endpoint({ mock }) {
      // In-process `reset()`: the start-up state, an empty journal, no pending faults.
      await mock.reset()
      return noContent()
    },
  },
  {
    method: 'GET',
    path: '/requests',
    endpoint(context) {
      const found = entries(context)
      return found instanceof Response ? found : json(found)
    },
  },
  {
    method: 'GET',
    path: '/requests/count',
    endpoint(context) {
      const found = entries(context)
      return found instanceof Response ? found : json({ count: found.length })
    },
  },
  {
    method: 'DELETE',
    path: '/requests',
    endpoint({ mock }) {
      mock.clearRequests()
      return noContent()
    },
  },
  { method: 'GET', path: '/faults', endpoint: ({ mock }) => json(mock.faults.pending()) },
  {
    method: 'POST',
    path: '/faults',
    async endpoint({ mock, request }) {
      const body = await jsonBody(request)
      if (body instanceof Response) return body
      const fault = parseFault(body.value)
      if ('error' in fault) return invalid(fault.error)
      const id = mock.failNext(fault)
      return json(mock.faults.pending().find((pending) => pending.id === id), 201)
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    endpoint({ mock }) {
      mock.faults.clear()
      return noContent()
    },
  },
  {
    method: 'DELETE',
    path: '/faults/:id',
    endpoint: ({ mock, params }) => (mock.faults.remove(decodeURIComponent(params.id!)) ? noContent() : notFound('Fault')),
  },
  { method: 'GET', path: '/openapi.json', endpoint: ({ mock, apiUrl, tenants }) => json(withControlPaths(mock.openapi(apiUrl), apiUrl, tenants !== undefined)) },
  {
    method: 'POST',
    path: '/tenants',
    async endpoint({ tenants, request, url }) {
      if (!tenants) return notFound('Route')
      const body = await jsonBody(request)
      if (body instanceof Response) return body
      try {
        const created = tenants.create(body.value)
        if (created instanceof Response) return created
        await created.mock.ready()
        return json({ id: created.id, base_url: `${url.origin}${created.prefix}/api/v4`, gitlab: created.mock.gitlab.version }, 201)
      } catch (error) {
        if (error instanceof ScenarioError) return invalid(error.message, `$.scenario${error.path.slice(1)}`)
        if (error instanceof UnknownGitLabError) return invalid(error.message, '$.gitlab')
        throw error
      }
    },
  },
  {
    method: 'GET',
    path: '/tenants',
    endpoint: ({ tenants, url }) => (tenants ? json(tenants.list(url.origin)) : notFound('Route')),
  },
  {
    method: 'DELETE',
    path: '/tenants/:id',
    endpoint: ({ tenants, params }) =>
      !tenants ? notFound('Route') : tenants.remove(decodeURIComponent(params.id!)) ? noContent() : notFound('Tenant'),
  },
]

const ROUTES = compileRoutes(ENDPOINTS)

/** What each control endpoint does, for the OpenAPI document (keyed `METHOD path`). */
const SUMMARIES: Readonly<Record<string, string>> = {
  'GET /health': 'Liveness: status, kit version, GitLab version and edition',
  'GET /scenario': 'The current state as scenario JSON (secrets included)',
  'PUT /scenario': 'Replace all state with a scenario (400 naming the JSON path when invalid)',
  'POST /reset': 'Back to the start-up scenario, an empty journal, no pending faults',
  'GET /requests': 'The request journal, filtered by method, path glob, status and user',
  'GET /requests/count': 'How many journal entries match the filters',
  'DELETE /requests': 'Clear the journal',
  'GET /faults': 'The pending faults',
  'POST /faults': 'Fail or delay the next requests matching a method and path glob',
  'DELETE /faults': 'Remove every pending fault',
  'DELETE /faults/:id': 'Remove one pending fault',
  'GET /openapi.json': 'This document',
  'POST /tenants': 'Create an isolated GitLab at /__tenants/<id>/api/v4',
  'GET /tenants': 'The tenants',
  'DELETE /tenants/:id': 'Drop a tenant',
}

/**
 * The mock's OpenAPI document with the control API added: its paths are
 * served from the root of the server (a path-level `servers`), not under `/api/v4`.
 */
function withControlPaths(document: Record<string, unknown>, apiUrl: string, withTenants: boolean): Record<string, unknown> {
  const root = apiUrl.replace(/\/api\/v4$/, '')
  const paths: Record<string, Record<string, unknown>> = { ...(document.paths as Record<string, Record<string, unknown>>) }
  for (const { method, path } of ENDPOINTS) {
    if (!withTenants && path.startsWith('/tenants')) continue
    const key = `${CONTROL_PREFIX}${path.replace(/:(\w+)/g, '{$1}')}`
    const operation = {
      summary: SUMMARIES[`${method} ${path}`],
      operationId: `control-${method.toLowerCase()}${path.replace(/[/:.]+/g, '-')}`,
      tags: ['control'],
      ...(path.includes(':id') ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } : {}),
      ...(method === 'POST' || method === 'PUT' ? { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
      responses: { default: { description: 'JSON, or 204 without a body' } },
    }
    paths[key] = { servers: [{ url: root }], ...paths[key], [method.toLowerCase()]: operation }
  }
  return { ...document, paths }
}


/** Answers a control request; `path` is below `/__mock`. */
export async function control(context: Omit<ControlContext, 'params'>, path: string): Promise<Response> {
  const found = findRoute(ROUTES, context.request.method, path === '' ? '/' : path, undefined)
  if (!found) return json({ error: '404 Not Found' }, 404)
  return found.route.endpoint({ ...context, params: found.params })
}
