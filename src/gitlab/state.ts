/** What a route may touch: the model, the clock and the GitLab it emulates. */
import type { Database } from '../model/database.js'
import type { GitLabProfile } from '../versions/index.js'

export interface MockState {
  /** Replaced whole by seed/reset, so a scenario load is atomic for requests. */
  db: Database
  /** Milliseconds since the epoch; injectable so tests and fixtures can fix time. */
  readonly now: () => number
  /**
   * The path of the instance's external URL (`external_url`), which
   * `web_url`s start with: the API base without `/api/v4` (a tenant's prefix on the server).
   */
  readonly webPath: string
  /** The compiled GitLab version this mock emulates. */
  readonly gitlab: GitLabProfile
  /** The tail of the write queue (see `exclusive`). */
  writes: Promise<unknown>
}

/**
 * Runs writes one at a time. The model's writes are synchronous today, but
 * a write that ever awaits between reading and storing (as the earlier
 * @msw/data model's `create()` did) would let two concurrent first PUTs of
 * one integration both see "no record" and create two; the queue rules that out.
 */
export function exclusive<T>(state: MockState, write: () => Promise<T>): Promise<T> {
  const result = state.writes.then(write)
  state.writes = result.catch(() => undefined)
  return result
}

/** GitLab's timestamp format: UTC, milliseconds, `Z` (ActiveSupport's JSON encoding of a UTC time). */
export function timestamp(state: MockState): string {
  return new Date(state.now()).toISOString()
}
