/**
 * `dump()` (and `GET /__mock/scenario`) was quadratic: every user's tokens
 * and every project's members were found by scanning all of them, so 20 000
 * users and projects took 3.7 s here (40 000: 12.5 s), holding the
 * standalone server's event loop all along. Now it is linear: a deadline 20
 * times what it needs, well under what the quadratic version took.
 */
import { expect, test } from 'vitest'
import { createGitLabMock, type Scenario } from 'gitlab-services-mock'

const N = 20_000

test(`dump() of ${N} users with tokens and ${N} projects with members: whole, and quick`, async () => {
  const scenario: Scenario = {
    users: Array.from({ length: N }, (_, i) => ({ id: i + 1, username: `u${i}`, tokens: [`glpat-u${i}`, { token: `glpat-ro${i}`, scopes: ['read_api'] }] })),
    projects: Array.from({ length: N }, (_, i) => ({ id: i + 1, path_with_namespace: `g/p${i}`, members: [{ user: N - i, access_level: 30 }] })),
  }
  const mock = createGitLabMock({ scenario })
  await mock.ready()
  const started = performance.now()
  const dump = mock.dump()
  const elapsed = performance.now() - started
  expect(dump.users).toHaveLength(N)
  expect(dump.users![123]!.tokens).toEqual(['glpat-u123', { token: 'glpat-ro123', scopes: ['read_api'], expires_at: null, revoked: false }])
  expect(dump.projects![123]!.members).toEqual([{ user: `u${N - 124}`, access_level: 30 }])
  expect(elapsed).toBeLessThan(2_000)
}, 30_000)
