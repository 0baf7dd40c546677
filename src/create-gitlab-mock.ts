/**
 * The public entry point: one mock = one model, one route table, and the
 * MSW handlers that serve it under a base URL. Mocks share nothing, so two
 * can run side by side (different base URLs, different data).
 */
import type { HttpHandler } from 'msw'
import { DEFAULT_BASE_URL, parseBaseUrl } from './core/base-url.js'
import type { Route } from './core/router.js'
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
}

export interface GitLabMock {
  /** MSW handlers: pass to `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[]
  /** The route table both dispatchers serve. */
  readonly routes: readonly Route[]
  readonly baseUrl: string
  /** The model's collections and indexes (replaced by `seed` and `reset`). */
  readonly db: Database
  /** Replaces all state with a scenario. Throws ScenarioError (naming the JSON path) and keeps the state when invalid. */
  seed(scenario: Scenario): Promise<void>
  /** Back to the start-up scenario. */
  reset(): Promise<void>
  /** The current state as scenario JSON (secrets included). */
  dump(): Scenario
  /** Resolves when the latest seed/reset has been applied. */
  ready(): Promise<void>
}

export function createGitLabMock(options: GitLabMockOptions = {}): GitLabMock {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL
  const base = parseBaseUrl(baseUrl)
  const now = options.now ?? Date.now
  const initial = parseScenario(options.scenario ?? {})
  const state: MockState = { db: createDatabase(), now, development: false, nextIntegrationId: 1 }

  /**
   * Loads into a fresh database and swaps it in at the end, so requests
   * never see a half-loaded scenario.
   */
  async function apply(scenario: ReturnType<typeof parseScenario>): Promise<void> {
    const db = createDatabase()
    const nextId = await loadScenario(db, scenario, new Date(now()).toISOString())
    state.db = db
    state.development = scenario.development ?? false
    state.nextIntegrationId = nextId
  }

  let loading = apply(initial)
  const current = async () => {
    await loading
    return state
  }

  return {
    handlers: createHandlers(routes, base, current),
    routes,
    baseUrl,
    get db() {
      return state.db
    },
    seed(scenario) {
      const parsed = parseScenario(scenario)
      loading = loading.catch(() => undefined).then(() => apply(parsed))
      return loading
    },
    reset() {
      loading = loading.catch(() => undefined).then(() => apply(initial))
      return loading
    },
    dump: () => dumpScenario(state.db, state.development),
    ready: () => loading,
  }
}
