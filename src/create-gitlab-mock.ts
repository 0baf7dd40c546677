/**
 * The public entry point: one mock = one model, one route table, and the
 * MSW handlers that serve it under a base URL. Mocks share nothing, so two
 * can run side by side (different base URLs, different data).
 */
import type { HttpHandler } from 'msw'
import { DEFAULT_BASE_URL, parseBaseUrl } from './core/base-url.js'
import { runRoute } from './core/dispatch.js'
import { withBody } from './core/responses.js'
import { Faults, type FaultSpec } from './core/faults.js'
import { DEFAULT_JOURNAL_SIZE, Journal, type JournalEntry } from './core/journal.js'
import { findRoute, relativePath, type Route, type RouteMatch, type RouteRequest } from './core/router.js'
import { requestBytes } from './core/request-bytes.js'
import type { MockState } from './core/state.js'
import { createHandlers } from './msw/handlers.js'
import { createDatabase, type Database } from './model/database.js'
import { dumpScenario, loadScenario, parseScenario, type Scenario } from './model/scenario.js'
import { routes } from './routes/table.js'

export interface GitLabMockOptions {
  /** Absolute (`https://gitlab.example.com/api/v4`, the default) or, in a browser, relative (`/api/v4`). */
  baseUrl?: string
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
  /** The route table both dispatchers serve. */
  readonly routes: readonly Route[]
  readonly baseUrl: string
  /** The model's collections and indexes (replaced by `seed` and `reset`). */
  readonly db: Database
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
  /** Answers a Fetch request from the route table, or undefined when no route serves it. */
  dispatch(request: Request): Promise<Response | undefined>
  /**
   * @internal Like `dispatch`, for adapters that write bytes themselves (the
   * node:http server): a JSON answer comes body-less, its text available
   * through the core's `jsonParts()`, which saves building a body stream.
   */
  answer(request: RouteRequest, body: Uint8Array | null): Promise<Response | undefined>
}

export function createGitLabMock(options: GitLabMockOptions = {}): GitLabMock {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const base = parseBaseUrl(baseUrl)
  const now = options.now ?? Date.now
  const initial = parseScenario(options.scenario ?? {})
  const state: MockState = { db: createDatabase(), now, development: false, nextIntegrationId: 1, writes: Promise.resolve() }

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
    const nextId = await loadScenario(db, scenario, new Date(now()).toISOString())
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve))
    drained = undefined
    state.db = db
    state.development = scenario.development ?? false
    state.nextIntegrationId = nextId
  }

  let loading = apply(initial)
  const journal = new Journal(options.journalSize ?? DEFAULT_JOURNAL_SIZE)
  const faults = new Faults()
  const latency = options.latency ?? 0

  /** Both dispatchers end here: faults, the route, latency, the journal. */
  async function serve(
    match: RouteMatch,
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
      response = faults.take(request.method, path) ?? (await runRoute(match, request, body, url, state))
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

  /** `body` is the request's bytes, read once by the caller: routes parse them and the journal keeps them. */
  async function answer(request: RouteRequest, body: Uint8Array | null): Promise<Response | undefined> {
    const url = new URL(request.url)
    const path = relativePath(url.pathname, base.path)
    const match = path === undefined ? undefined : findRoute(routes, request.method, path)
    return match && path !== undefined ? serve(match, request, url, path, body) : undefined
  }

  return {
    handlers: createHandlers(routes, base, serve),
    routes,
    baseUrl,
    get db() {
      return state.db
    },
    async seed(scenario) {
      const parsed = parseScenario(scenario)
      loading = loading.catch(() => undefined).then(() => apply(parsed))
      return loading
    },
    async reset() {
      loading = loading.catch(() => undefined).then(() => apply(initial))
      return loading
    },
    dump: () => dumpScenario(state.db, state.development),
    ready: () => loading,
    get requests() {
      return journal.entries()
    },
    clearRequests: () => journal.clear(),
    failNext: (fault) => faults.add(fault),
    async dispatch(request) {
      const response = await answer(request, await requestBytes(request))
      return response && withBody(response)
    },
    answer,
  }
}
