/**
 * Bounded memory: the request journal is a ring of the newest N entries
 * (default 1000, `journalSize`; 0 turns it off), in the mock and over the
 * standalone server's control API, whatever the request bodies weigh. The
 * soak run (bench/soak.ts, not part of `npm test`) measures the RSS.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createGitLabMock, type GitLabMock } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'
import { fuzzParameters, SCENARIO, START, TOKENS } from './support.js'

const BASE = 'https://gitlab.example.com/api/v4'

/** Sends `count` requests numbered `?i=0..count-1` (a PUT with `bytes` of body when asked). */
async function send(mock: GitLabMock, count: number, bytes = 0): Promise<void> {
  for (let i = 0; i < count; i++) {
    const request =
      bytes > 0
        ? new Request(`${BASE}/projects/1/services/slack?i=${i}`, {
            method: 'PUT',
            headers: { 'PRIVATE-TOKEN': TOKENS.maintainer, 'Content-Type': 'application/json' },
            body: JSON.stringify({ webhook: 'https://hooks.slack.com/services/T/B/x', username: 'u'.repeat(bytes) }),
          })
        : new Request(`${BASE}/projects/1/services?i=${i}`, { headers: { 'PRIVATE-TOKEN': TOKENS.maintainer } })
    const response = await mock.dispatch(request)
    expect(response?.status).toBe(200)
  }
}

const numbers = (mock: GitLabMock) => mock.requests.map((entry) => Number(entry.query.i))
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k)

test('by default the newest 1000 are kept, oldest first', async () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
  await send(mock, 1005)
  expect(numbers(mock)).toEqual(range(5, 1005))
})

test.each([
  [10, 25],
  [1, 3],
  [50, 50],
  [50, 49],
])('journalSize %i, %i requests: the newest ones', async (size, count) => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: size })
  await send(mock, count)
  expect(numbers(mock)).toEqual(range(Math.max(0, count - size), count))
})

test('journalSize 0 keeps nothing and still answers', async () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: 0 })
  await send(mock, 20)
  expect(mock.requests).toEqual([])
})

test('heavy bodies: 2 000 PUTs of 50 kB leave 20 entries (about 1 MB, not 100 MB)', async () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: 20 })
  await send(mock, 2_000, 50_000)
  expect(numbers(mock)).toEqual(range(1_980, 2_000))
  expect(JSON.stringify(mock.requests).length).toBeLessThan(20 * 50_500)
  // 100 MB through the whole stack: seconds, more on a busy 2-core machine.
}, 20_000)

test('requests is a snapshot: it does not grow or shrink afterwards', async () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: 5 })
  await send(mock, 3)
  const held = mock.requests
  await send(mock, 10)
  mock.clearRequests()
  expect(held.map((entry) => Number(entry.query.i))).toEqual([0, 1, 2])
})

test('any size, any count: exactly the newest min(size, count)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 90 }), async (size, count) => {
      const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: size })
      await send(mock, count)
      expect(numbers(mock)).toEqual(range(Math.max(0, count - size), count))
    }),
    fuzzParameters(60),
  )
})

test('the standalone server: journalSize bounds GET /__mock/requests too', async () => {
  const server = await startMockServer({ scenario: SCENARIO, now: () => START, journalSize: 50 })
  try {
    for (let i = 0; i < 120; i++) {
      const response = await fetch(`${server.url}/projects/1/services?i=${i}`, { headers: { 'PRIVATE-TOKEN': TOKENS.maintainer } })
      expect(response.status).toBe(200)
    }
    const journal = (await (await fetch(`${new URL(server.url).origin}/__mock/requests`)).json()) as { query: { i: string } }[]
    expect(journal.map((entry) => Number(entry.query.i))).toEqual(range(70, 120))
  } finally {
    await server.close()
  }
})
