/**
 * One mock = one GitLab profile, one model, one route table, served under a
 * base URL. Mocks share nothing, so two can run side by side (different
 * base URLs, different data, different GitLab versions). Its MSW handlers
 * come from an adapter (`msw/adapter.ts`, which `createGitLabMock` passes):
 * the standalone server makes its mocks without one, so it never loads msw
 * (about 120 ms and 25 MB of a start).
 */
import type { HttpHandler } from 'msw'
import type { Caller } from './gitlab/authenticate.js'
import { runPipeline } from './gitlab/pipeline.js'
import type { MockState } from './gitlab/state.js'
import { MockEvents } from './harness/events.js'
import { Faults, type FaultSpec } from './harness/faults.js'
import { Journal, type JournalEntry } from './harness/journal.js'
import { DEFAULT_BASE_URL, parseBaseUrl, type BaseUrl } from './http/base-url.js'
import { json, withBody, withoutBody } from './http/json-response.js'
import { BodyTooLarge, bodyTooLarge, DEFAULT_BODY_LIMIT, requestBytes } from './http/request-bytes.js'
import { paramsLimitResponse } from './gitlab/request-params.js'
import { notFoundRoute } from './gitlab/responses.js'
import { createMockFetch, type FetchFunction } from './http/mock-fetch.js'
import { requestUrl, type RequestUrl } from './http/request-url.js'
import { findRoute, relativePath, type RouteMatch, type RouteRequest } from './http/router.js'
import type { Match, Serve } from './msw/handlers.js'
import { createDatabase, type Database } from './model/database.js'
import { dumpScenario, loadScenario, parseScenario, ScenarioError, scenarioGitLab, type Scenario } from './model/scenario.js'
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
  /**
   * Body and query bytes the journal keeps in all (default 8 MiB); past it the
   * oldest entries lose theirs first. An entry keeps at most 64 KiB of them.
   */
  journalBytes?: number
  /** Largest request body the MSW handlers and `dispatch()` accept, in bytes (default 1 MiB); larger ones get 413. */
  bodyLimit?: number
}

export interface GitLabMock {
  /** MSW handlers: pass to `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[]
  /** The GitLab this mock emulates: its version, edition, integrations and rules. */
  readonly gitlab: GitLabProfile
  /** The route table both dispatchers serve. */
  readonly routes: readonly MockRoute[]
  readonly baseUrl: string
  /** The model: its records and their lookups, to read (replaced by `seed` and `reset`). */
  readonly db: Database
  /** Lifecycle events (`unhandledException`), as msw's `server.events`. */
  readonly events: Pick<MockEvents, 'on' | 'off'>
  /**
   * Replaces all state with a scenario. Rejects with ScenarioError (naming
   * the JSON path) and keeps the previous state serving when the scenario is
   * invalid or cannot be loaded.
   */
  seed(scenario: Scenario): Promise<void>
  /**
   * Back to the start: the start-up scenario, an empty journal and no
   * pending faults (what `POST /__mock/reset` does on the server too).
   */
  reset(): Promise<void>
  /** The current state as scenario JSON (secrets included). */
  dump(): Scenario
  /** Resolves when the latest seed/reset has been applied; rejects (ScenarioError) when it failed. */
  ready(): Promise<void>
  /** The request journal, oldest first (secrets redacted). */
  readonly requests: readonly JournalEntry[]
  clearRequests(): void
  /** Makes the next matching request(s) fail (a status such as 500 or 429, or a network error) or wait; returns the fault's id. */
  failNext(fault: FaultSpec): string
  /** The faults still pending, and their removal (the HTTP control API's `/__mock/faults`). */
  readonly faults: Pick<Faults, 'pending' | 'remove' | 'clear'>
  /** The OpenAPI 3.1 document of this mock's GitLab, for a server at `serverUrl` (default: the base URL). */
  openapi(serverUrl?: string): Record<string, unknown>
  /** Whether the route table serves `method` on `path` (below the base URL, `/projects/1/services`), in the current state. */
  serves(method: string, path: string): boolean
  /** Answers a Fetch request from the route table, or undefined when no route serves it. */
  dispatch(request: Request): Promise<Response | undefined>
  /**
   * A Fetch-compatible function answering from the route table, for code
   * that takes a `fetch` (no MSW, no interception): the base URL's origin
   * is this GitLab, any other origin is unreachable (rejects as fetch does).
   */
  readonly fetch: FetchFunction
  /**
   * @internal Like `dispatch`, for adapters that write bytes themselves (the
   * node:http server): a JSON answer comes body-less, its text available
   * through `jsonParts()`, which saves building a body stream. `seen.user`
   * is set to the username the pipeline authenticated.
   */
  answer(request: RouteRequest, body: Uint8Array | null, seen?: Seen): Response | Promise<Response> | undefined
}

/** An answer and the username the pipeline authenticated for it (null: none). */
type Answered = [Response, string | null]

/** @internal Receives the username the pipeline authenticated (null: none), for adapters that log it; never a token. */
export interface Seen {
  user: string | null
}

/** What a mock's MSW handlers are made with (msw/adapter.ts): kept out of here so that making a mock loads no msw. */
export interface MswAdapter {
  /** The handlers that serve `mock`, built once, at its first `mock.handlers`. */
  create(mock: GitLabMock, match: Match<Found>, base: BaseUrl, serve: Serve<Found>, bodyLimit: number): HttpHandler[]
  /** Runs at every `mock.handlers`: the checks and bookkeeping of handing them out. */
  taken(mock: GitLabMock): void
}

type Found = RouteMatch<MockState, MockRoute['endpoint']>

const NO_MSW =
  "gitlab-services-mock: this mock was made by the standalone server, which does not load msw. For MSW handlers, make the mock with createGitLabMock() from 'gitlab-services-mock' (pass it to createMockServer({ mock }) to serve it over HTTP as well)."

/**
 * A mock whose `handlers` come from `msw` (the main entry passes the msw
 * adapter; the standalone server passes none).
 */
export function createMock(options: GitLabMockOptions = {}, msw?: MswAdapter): GitLabMock {
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
  const webPath = base.path.replace(/\/api\/v4$/, '')
  const state: MockState = { db: createDatabase(), now, gitlab, webPath }

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
   * scenario nor straddle two. A load that fails changes nothing.
   */
  async function apply(scenario: ReturnType<typeof parseScenario>): Promise<void> {
    const db = createDatabase()
    try {
      await loadScenario(db, scenario, gitlab, new Date(now()).toISOString())
    } catch (error) {
      // Anything but a ScenarioError (out of memory, a RangeError) is still the scenario's: it could not be loaded.
      if (error instanceof ScenarioError) throw error
      throw Object.assign(new ScenarioError('$', `cannot be loaded: ${String(error)}`), { cause: error })
    }
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve))
    drained = undefined
    state.db = db
  }

  /**
   * `loading` is what requests wait for: it never rejects, so a failed load
   * leaves the previous state serving. `attempt` is the latest load as its
   * caller sees it (seed, reset, ready); marked handled, so an unawaited
   * failed load (`createGitLabMock({ scenario })` without `ready()`) is no
   * unhandled rejection.
   */
  let attempt: Promise<void> = Promise.resolve()
  let loading: Promise<void> = Promise.resolve()
  /** `loading` once it has settled: requests then enter without an await. */
  let loaded: Promise<void> | undefined
  function load(scenario: ReturnType<typeof parseScenario>): Promise<void> {
    attempt = loading.then(() => apply(scenario))
    const current = (loading = attempt.catch(() => undefined))
    void current.then(() => {
      if (loading === current) loaded = current
    })
    return attempt
  }
  load(initial)
  const journal = new Journal({
    ...(options.journalSize !== undefined ? { size: options.journalSize } : {}),
    ...(options.journalBytes !== undefined ? { bytes: options.journalBytes } : {}),
  })
  const faults = new Faults()
  const latency = options.latency ?? 0
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT

  /**
   * The route's answer and the username the pipeline authenticated (for the
   * journal); an exception becomes GitLab's 500 and an event, never an
   * escaped error. Synchronous when the pipeline is.
   */
  function run(
    match: RouteMatch<MockState, MockRoute['endpoint']>,
    request: RouteRequest,
    body: Uint8Array | null,
    url: RequestUrl,
  ): Answered | Promise<Answered> {
    const context: Parameters<typeof runPipeline>[1] = { state, request, url, path: match.params, body }
    try {
      const response = runPipeline(match.route.endpoint, context)
      if (!(response instanceof Promise)) return answered(request, context, response)
      return response.then(
        (settled) => answered(request, context, settled),
        (error: unknown) => failed(request, error),
      )
    } catch (error) {
      return failed(request, error)
    }
  }

  /** HEAD is served by GET routes: same status and headers, no body. */
  function answered(request: RouteRequest, context: { readonly caller?: Caller | undefined }, response: Response): Answered {
    return [request.method === 'HEAD' ? withoutBody(response) : response, context.caller?.user.username ?? null]
  }

  function failed(request: RouteRequest, error: unknown): Answered {
    events.emit('unhandledException', { error, method: request.method, url: request.url })
    return [json({ message: '500 Internal Server Error' }, 500), null]
  }

  /**
   * Both dispatchers end here: Rack's params limits, faults, the route,
   * latency, the journal. Synchronous when nothing waits (no load pending,
   * no latency, a synchronous pipeline): the node server then writes the
   * answer in the same turn it read the request. `seen`, when given,
   * receives the username the pipeline authenticated (for an adapter's log).
   */
  function serve(
    match: RouteMatch<MockState, MockRoute['endpoint']>,
    request: RouteRequest,
    url: RequestUrl,
    path: string,
    body: Uint8Array | null,
    seen?: Seen,
  ): Response | Promise<Response> {
    return loading === loaded ? serveLoaded(match, request, url, path, body, seen) : serveAfterLoad(match, request, url, path, body, seen)
  }

  /** Waits for the latest seed/reset and enters in the same tick, so no swap starts in between. */
  async function serveAfterLoad(...args: Parameters<typeof serve>): Promise<Response> {
    for (let current = loading; ; current = loading) {
      await current
      if (current === loading) break
    }
    return serveLoaded(...args)
  }

  function serveLoaded(...[match, request, url, path, body, seen]: Parameters<typeof serve>): Response | Promise<Response> {
    inFlight++
    const time = now()
    let delay = latency
    let outcome: Answered | Promise<Answered>
    try {
      const refused = paramsLimitResponse(url, request.headers.get('content-type'), body)
      const fault = refused ? undefined : faults.take(request.method, path, time)
      delay += fault?.latency ?? 0
      outcome = refused ? [refused, null] : fault?.response ? [fault.response, null] : run(match, request, body, url)
    } catch (error) {
      leave()
      throw error
    }
    if (!(outcome instanceof Promise)) {
      leave()
      if (delay === 0) return record(outcome, request, url, body, time, seen)
    }
    return settle(outcome, delay, request, url, body, time, seen)
  }

  /** The rest of serve() when something waits: the pipeline, the latency. */
  async function settle(
    outcome: Answered | Promise<Answered>,
    delay: number,
    request: RouteRequest,
    url: RequestUrl,
    body: Uint8Array | null,
    time: number,
    seen: Seen | undefined,
  ): Promise<Response> {
    let answered: Answered
    if (outcome instanceof Promise) {
      try {
        answered = await outcome
      } finally {
        leave()
      }
    } else answered = outcome
    if (delay > 0) await wait(delay, (request as { signal?: AbortSignal }).signal)
    return record(answered, request, url, body, time, seen)
  }

  /** Journals an answered request and tells `seen` who made it; returns the answer. */
  function record([response, user]: Answered, request: RouteRequest, url: RequestUrl, body: Uint8Array | null, time: number, seen?: Seen): Response {
    if (journal.size > 0)
      journal.add({
        method: request.method,
        path: url.pathname,
        search: url.search,
        status: response.type === 'error' ? 0 : response.status,
        contentType: request.headers.get('content-type'),
        body,
        time,
        user,
      })
    if (seen) seen.user = user
    return response
  }

  const match = (method: string, path: string) => findRoute(routes, method, path, state)

  /** `body` is the request's bytes, read once by the caller: routes parse them and the journal keeps them. */
  function answer(request: RouteRequest, body: Uint8Array | null, seen?: Seen): Response | Promise<Response> | undefined {
    const url = requestUrl(request.url)
    const path = relativePath(url.pathname, base.path)
    const found = path === undefined ? undefined : match(request.method, path)
    return found && path !== undefined ? serve(found, request, url, path, body, seen) : undefined
  }

  async function dispatch(request: Request): Promise<Response | undefined> {
    let bytes: Uint8Array | null
    try {
      bytes = await requestBytes(request, bodyLimit)
    } catch (error) {
      if (error instanceof BodyTooLarge) return withBody(bodyTooLarge())
      throw error
    }
    const response = await answer(request, bytes)
    return response && withBody(response)
  }

  let handlers: HttpHandler[] | undefined
  const mock: GitLabMock = {
    // A getter, built on first use: the standalone server never takes the handlers, and runs where msw 3 cannot.
    get handlers() {
      if (!msw) throw new Error(NO_MSW)
      msw.taken(mock)
      return (handlers ??= msw.create(mock, match, base, serve, bodyLimit))
    },
    gitlab,
    routes,
    baseUrl,
    get db() {
      return state.db
    },
    events,
    seed: async (scenario) => load(parseScenario(scenario, gitlab)),
    reset: async () => {
      journal.clear()
      faults.clear()
      return load(initial)
    },
    dump: () => dumpScenario(state.db, gitlab),
    ready: () => attempt,
    get requests() {
      return journal.entries()
    },
    clearRequests: () => journal.clear(),
    failNext: (fault) => faults.add(fault),
    faults,
    serves: (method, path) => match(method.toUpperCase(), path) !== undefined,
    openapi: (serverUrl) => createOpenApiDocument(gitlab, serverUrl ?? (base.origin ? baseUrl : undefined)),
    dispatch,
    fetch: createMockFetch(dispatch, base.origin || undefined, notFoundRoute),
    answer,
  }
  return mock
}

/**
 * Waits `ms`, or less if `signal` aborts (the client went away, the server
 * closed): a pending latency timer must not keep a process alive after its
 * server is closed.
 */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
