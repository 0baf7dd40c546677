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
}

/** GitLab's timestamp format: UTC, milliseconds, `Z` (ActiveSupport's JSON encoding of a UTC time). */
export function timestamp(state: MockState): string {
  const ms = state.now()
  // toISOString() was about 0.6 µs of a PUT's ~8: requests within one millisecond share the text.
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastText
}
let lastMs = Number.NaN
let lastText = ''
