/** What a route function may touch: the model, the clock and the mock's options. */
import type { Database } from '../model/database.js'

export interface MockState {
  /** Replaced whole by seed/reset, so a scenario load is atomic for requests. */
  db: Database
  /** Milliseconds since the epoch; injectable so tests and fixtures can fix time. */
  readonly now: () => number
  /** Whether development-only integrations (`mock-ci`) are routed (scenario `development: true`). */
  development: boolean
  /** The next integration id (ids are a sequence, as in GitLab). */
  nextIntegrationId: number
  /** The tail of the write queue (see `exclusive`). */
  writes: Promise<unknown>
}

/**
 * Runs writes one at a time. Creating a record awaits @msw/data's async
 * `create()`, so without this two concurrent first PUTs of one integration
 * would both see "no record" and create two.
 */
export function exclusive<T>(state: MockState, write: () => Promise<T>): Promise<T> {
  const result = state.writes.then(write)
  state.writes = result.catch(() => undefined)
  return result
}

/** GitLab's timestamp format: UTC, milliseconds, `Z` (spec §5.4). */
export function timestamp(state: MockState): string {
  return new Date(state.now()).toISOString()
}
