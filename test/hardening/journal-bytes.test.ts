/**
 * The journal is bounded in bytes, not only in entries: 1 000
 * unauthenticated 1 MiB PUTs grew the server from 76 MB to 1.1 GB, and
 * `GET /__mock/requests` then answered 500 (`Invalid string length`) until
 * cleared. Now an entry keeps at most 64 KiB of body and query, the journal
 * 8 MiB in all (oldest first to go), and each cut says so. The CLI exposes
 * `--journal-size` and `--no-journal`; MSW mode has a body limit too. The
 * long form (a 60 s soak with 1 MiB bodies) is `npm run soak -- --heavy`.
 */
import { setupServer } from 'msw/node'
import { FAIL_UNHANDLED } from '../core/support.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'
import { startCli } from './cli-support.js'
import { SCENARIO, START, TOKENS } from './support.js'

const MiB = 1024 * 1024
interface Entry {
  status: number
  query: Record<string, unknown>
  body: unknown
  cut?: string
}

describe('the standalone server (built CLI)', () => {
  test('40 unauthenticated 1 MiB PUTs: the journal stays under 9 MB and says what it cut', async () => {
    const cli = await startCli(['--quiet'])
    const body = 'x'.repeat(MiB - 100)
    // curl's default type for -d, as in the attack.
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' }
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`${cli.origin}/api/v4/projects/1/services/slack?i=${i}`, { method: 'PUT', headers, body })
      expect(response.status).toBe(401)
    }
    const small = await fetch(`${cli.origin}/api/v4/projects/1/services/slack?i=last`, { method: 'PUT', headers, body: 'username=w' })
    expect(small.status).toBe(401)
    const journal = await fetch(`${cli.origin}/__mock/requests`)
    expect(journal.status).toBe(200)
    const text = await journal.text()
    expect(text.length).toBeLessThan(9_000_000)
    const entries = JSON.parse(text) as Entry[]
    expect(entries).toHaveLength(41)
    for (const entry of entries.slice(0, 40)) {
      expect(entry.status).toBe(401)
      expect(entry.body).toBe(`[body not kept: ${MiB - 100} bytes]`)
      expect(entry.cut).toMatch(/over the journal's limit of 65536 bytes per entry/)
    }
    expect(entries[40]).toMatchObject({ query: { i: 'last' }, body: { username: 'w' } })
    expect(entries[40]!.cut).toBeUndefined()
  }, 20_000)

  test('--journal-size N keeps the newest N; --no-journal keeps none', async () => {
    const sized = await startCli(['--quiet', '--journal-size', '3'])
    for (let i = 0; i < 5; i++) await fetch(`${sized.origin}/api/v4/user?i=${i}`)
    const kept = (await (await fetch(`${sized.origin}/__mock/requests`)).json()) as Entry[]
    expect(kept.map((entry) => entry.query.i)).toEqual(['2', '3', '4'])

    const off = await startCli(['--quiet', '--no-journal'])
    for (let i = 0; i < 5; i++) expect((await fetch(`${off.origin}/api/v4/user?i=${i}`)).status).toBe(401)
    expect(await (await fetch(`${off.origin}/__mock/requests`)).json()).toEqual([])
  })
})

describe('in process', () => {
  test('bodies under the per-entry limit are dropped oldest first once the total is reached', async () => {
    const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalBytes: 200_000 })
    for (let i = 0; i < 10; i++) {
      const body = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T/B/x', username: `${i}`.repeat(50_000) })
      await mock.dispatch(new Request(`https://gitlab.example.com/api/v4/projects/1/services/slack?i=${i}`, {
        method: 'PUT',
        headers: { 'PRIVATE-TOKEN': TOKENS.maintainer, 'Content-Type': 'application/json' },
        body,
      }))
    }
    const entries = mock.requests
    expect(entries).toHaveLength(10)
    // 200 000 bytes hold three 50 kB bodies and their queries: the newest three.
    expect(entries.slice(7).map((entry) => (entry.body as { username: string }).username[0])).toEqual(['7', '8', '9'])
    for (const entry of entries.slice(0, 7)) {
      expect(entry.body).toMatch(/^\[body not kept: \d+ bytes\]$/)
      expect(entry.cut).toMatch(/dropped to keep the journal under 200000 bytes/)
      expect(entry.query).toEqual({})
    }
    expect(JSON.stringify(entries).length).toBeLessThan(200_000 + 10_000)
  })

  test('MSW: bodies over 1 MiB get 413 (unless bodyLimit says otherwise), not journaled, nothing changed', async () => {
    const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
    const roomy = createGitLabMock({ scenario: SCENARIO, now: () => START, baseUrl: 'https://roomy.example.com/api/v4', bodyLimit: 4 * MiB })
    await Promise.all([mock.ready(), roomy.ready()])
    const server = setupServer(...mock.handlers, ...roomy.handlers)
    server.listen(FAIL_UNHANDLED)
    try {
      const body = JSON.stringify({ webhook: `https://hooks.slack.com/services/${'z'.repeat(2 * MiB)}` })
      const init = { method: 'PUT', headers: { 'PRIVATE-TOKEN': TOKENS.admin, 'Content-Type': 'application/json' }, body }
      const before = mock.dump()
      const refused = await fetch('https://gitlab.example.com/api/v4/projects/1/services/slack', init)
      expect(refused.status).toBe(413)
      expect(await refused.json()).toEqual({ message: '413 Request Entity Too Large' })
      expect(mock.dump()).toEqual(before)
      expect(mock.requests).toEqual([])
      // dispatch() too.
      const dispatched = await mock.dispatch(new Request('https://gitlab.example.com/api/v4/projects/1/services/slack', init))
      expect(dispatched?.status).toBe(413)
      // A mock given a larger limit reads it (and validates it).
      const accepted = await fetch('https://roomy.example.com/api/v4/projects/1/services/slack', init)
      expect(accepted.status).not.toBe(413)
      expect(roomy.requests).toHaveLength(1)
    } finally {
      server.close()
    }
  })
})
