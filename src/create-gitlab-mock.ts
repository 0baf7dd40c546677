/**
 * The public entry point: one mock = one GitLab profile, one model, one
 * route table, and the MSW handler that serves it under a base URL. Mocks
 * share nothing, so two can run side by side (different base URLs,
 * different data, different GitLab versions).
 */
import type { HttpHandler } from 'msw'
import { runPipeline } from './gitlab/pipeline.js'
import type { MockState } from './gitlab/state.js'
import { MockEvents } from './harness/events.js'
import { Faults, type FaultSpec } from './harness/faults.js'
import { DEFAULT_JOURNAL_SIZE, Journal, type JournalEntry } from './harness/journal.js'
import { DEFAULT_BASE_URL, parseBaseUrl } from './http/base-url.js'
import { json, withBody } from './http/json-response.js'
import { requestBytes } from './http/request-bytes.js'
import { findRoute, relativePath, type RouteMatch, type RouteRequest } from './http/router.js'
import { assertMswRuns } from './msw/engine.js'
import { createHandlers } from './msw/handlers.js'
import { createDatabase, type Database } from './model/database.js'
import { dumpScenario, loadScenario, parseScenario, scenarioGitLab, type Scenario } from './model/scenario.js'
import { createOpenApiDocument } from './openapi/document.js'
import { buildRoutes, type MockRoute } from './routes/table.js'
import { compileGitLab, type Edition, type GitLabProfile } from './versions/index.js'

export interface GitLabMockOptions {
  /** Absolute (`https://gitlab.example.com/api/v4`, the default) or, in a browser, relative (`/api/v4`). */
  baseUrl?: string
  /**
   * The GitLab release to emulate, `major.minor` or `'latest'`; default the
   * scenario's `gitlab`, else 13.12. An unknown version throws, naming the known ones.
   */
  gitlab?: string
  /** `'ee'` (default; GitLab.com runs EE) or `'ce'`: EE-only integrations exist only on EE. */
  edition?: Edition
  /** The start-up state; `reset()` returns to it. */
  scenario?: Scenario
  /** The clock (ms since epoch) used for `created_at`/`updated_at` and token expiry. */
  now?: () => number
  /** Delay every response by this many milliseconds. */
  latency?: number
  /** How many requests the journal keeps (oldest dropped first); 0 turns it off. Default 1000. */
  journalSize?: number
}

export interface GitLabMock {
  /** MSW handlers: pass to `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[]
  /** The GitLab this mock emulates: its version, edition, integrations and rules. */
  readonly gitlab: GitLabProfile
  /** The route table both dispatchers serve. */
  readonly routes: readonly MockRoute[]
  readonly baseUrl: string
  /** The model's collections and indexes (replaced by `seed` and `reset`). */
  readonly db: Database
  /** Lifecycle events (`unhandledException`), as msw's `server.events`. */
  readonly events: Pick<MockEvents, 'on' | 'off'>
  /** Replaces all state with a scenario. Rejects with ScenarioError (naming the JSON path) and keeps the state when invalid. */
  seed(scenario: Scenario): Promise<void>
  /** Back to the start-up scenario. */
  reset(): Promise<void>
  /** The current state as scenario JSON (secrets included). */
  dump(): Scenario
  /** Resolves when the latest seed/reset has been applied. */
  ready(): Promise<void>
  /** The request journal, oldest first (secrets redacted). */
  readonly requests: readonly JournalEntry[]
  clearRequests(): void
  /** Makes the next matching request(s) fail: a status such as 500 or 429, or a network error. */
  failNext(fault: FaultSpec): void
  /** The OpenAPI 3.1 document of this mock's GitLab, for a server at `serverUrl` (default: the base URL). */
  openapi(serverUrl?: string): Record<string, unknown>
  /** Whether the route table serves `method` on `path` (below the base URL, `/projects/1/services`), in the current state. */
  serves(method: string, path: string): boolean
  /** Answers a Fetch request from the route table, or undefined when no route serves it. */
  dispatch(request: Request): Promise<Response | undefined>
  /**
   * @internal Like `dispatch`, for adapters that write bytes themselves (the
   * node:http server): a JSON answer comes body-less, its text available
   * through `jsonParts()`, which saves building a body stream.
   */
  answer(request: RouteRequest, body: Uint8Array | null): Promise<Response | undefined>
}

export function createGitLabMock(options: GitLabMockOptions = {}): GitLabMock {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const base = parseBaseUrl(baseUrl)
  const now = options.now ?? Date.now
  const fromScenario = scenarioGitLab(options.scenario)
  const gitlab = compileGitLab({
    ...(options.gitlab ?? fromScenario.gitlab ? { gitlab: options.gitlab ?? fromScenario.gitlab } : {}),
    ...(options.edition ?? fromScenario.edition ? { edition: options.edition ?? fromScenario.edition } : {}),
  })
  const initial = parseScenario(options.scenario ?? {}, gitlab)
  const routes = buildRoutes(gitlab)
  const events = new MockEvents()
  const state: MockState = { db: createDatabase(), now, gitlab, writes: Promise.resolve() }

  /**
   * Requests being answered (past their wait for `loading`). A swap waits
   * until there are none: a request authenticated against the old state
   * could otherwise write into the new one, e.g. PUT an integration of a
   * project the new scenario does not have (a dump that no longer loads).
   */
  let inFlight = 0
  let drained: (() => void) | undefined
  const leave = () => {
    if (--inFlight === 0) drained?.()
  }

  /**
   * Loads into a fresh database and swaps it in at the end, once the
   * requests in flight are answered, so requests never see a half-loaded
   * scenario nor straddle two.
   */
  async function apply(scenario: ReturnType<typeof parseScenario>): Promise<void> {
    const db = createDatabase()
    await loadScenario(db, scenario, gitlab, new Date(now()).toISOString())
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve))
    drained = undefined
    state.db = db
  }

  let loading = apply(initial)
  const journal = new Journal(options.journalSize ?? DEFAULT_JOURNAL_SIZE)
  const faults = new Faults()
  const latency = options.latency ?? 0

  /** The route's answer; an exception becomes GitLab's 500 and an event, never an escaped error. */
  async function run(match: RouteMatch<MockState, MockRoute['endpoint']>, request: RouteRequest, body: Uint8Array | null, url: URL) {
    try {
      const response = await runPipeline(match.route.endpoint, { state, request, url, path: match.params, body })
      // HEAD is served by GET routes: same status and headers, no body.
      return request.method === 'HEAD' ? new Response(null, response) : response
    } catch (error) {
      events.emit('unhandledException', { error, method: request.method, url: request.url })
      return json({ message: '500 Internal Server Error' }, 500)
    }
  }

  /** Both dispatchers end here: faults, the route, latency, the journal. */
  async function serve(
    match: RouteMatch<MockState, MockRoute['endpoint']>,
    request: RouteRequest,
    url: URL,
    path: string,
    body: Uint8Array | null,
  ): Promise<Response> {
    // Wait for the latest seed/reset and enter in the same tick, so no swap starts in between.
    for (let current = loading; ; current = loading) {
      await current
      if (current === loading) break
    }
    inFlight++
    let time: number, response: Response
    try {
      time = now()
      response = faults.take(request.method, path) ?? (await run(match, request, body, url))
    } finally {
      leave()
    }
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
    if (journal.size > 0)
      journal.add({
        method: request.method,
        path: url.pathname,
        search: url.search,
        status: response.type === 'error' ? 0 : response.status,
        contentType: request.headers.get('content-type'),
        body,
        time,
      })
    return response
  }

  const match = (method: string, path: string) => findRoute(routes, method, path, state)

  /** `body` is the request's bytes, read once by the caller: routes parse them and the journal keeps them. */
  async function answer(request: RouteRequest, body: Uint8Array | null): Promise<Response | undefined> {
    const url = new URL(request.url)
    const path = relativePath(url.pathname, base.path)
    const found = path === undefined ? undefined : match(request.method, path)
    return found && path !== undefined ? serve(found, request, url, path, body) : undefined
  }

  const handlers = createHandlers(match, base, serve)
  return {
    // A getter: the standalone server never takes the handlers, and runs where msw 3 cannot.
    get handlers() {
      assertMswRuns()
      return handlers
    },
    gitlab,
    routes,
    baseUrl,
    get db() {
      return state.db
    },
    events,
    async seed(scenario) {
      const parsed = parseScenario(scenario, gitlab)
      loading = loading.catch(() => undefined).then(() => apply(parsed))
      return loading
    },
    async reset() {
      loading = loading.catch(() => undefined).then(() => apply(initial))
      return loading
    },
    dump: () => dumpScenario(state.db, gitlab),
    ready: () => loading,
    get requests() {
      return journal.entries()
    },
    clearRequests: () => journal.clear(),
    failNext: (fault) => faults.add(fault),
    serves: (method, path) => match(method.toUpperCase(), path) !== undefined,
    openapi: (serverUrl) => createOpenApiDocument(gitlab, serverUrl ?? (base.origin ? baseUrl : undefined)),
    async dispatch(request) {
      const response = await answer(request, await requestBytes(request))
      return response && withBody(response)
    },
    answer,
  }
}
