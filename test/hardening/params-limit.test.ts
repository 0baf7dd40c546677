/**
 * Parameter parsing is linear and bounded the way Rack bounds it
 * (`params_limit` 4096): a form body of `a[]=&` x 100 000 used to hold the
 * event loop for about a minute (every pair copied the array so far), and
 * `a=&` x 50 000 made every later `GET /__mock/requests` take 16 s (the
 * journal parsed it the same way). Past the limit: a 400 naming it, before
 * authentication, nothing changed, and the server keeps answering others.
 */
import { setupServer } from 'msw/node'
import { FAIL_UNHANDLED } from '../core/support.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'
import { startCli, type Cli } from './cli-support.js'
import { SCENARIO, START, TOKENS } from './support.js'

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
const LIMIT_ERROR = /^total number of query parameters \(\d+\) exceeds limit \(4096\)$/

/** Bodies past the limit, of every shape Rack counts. */
const OVER: readonly [string, string][] = [
  ['a[]=& x 100 000', 'a[]=&'.repeat(100_000)],
  ['a=& x 50 000', 'a=&'.repeat(50_000)],
  ['a[b][]=1& x 40 000', 'a[b][]=1&'.repeat(40_000)],
  ['& x 200 000', '&'.repeat(200_000)],
  ['4 097 distinct names', Array.from({ length: 4_097 }, (_, i) => `p${i}=${i}`).join('&')],
]

describe('the standalone server (built CLI)', () => {
  let cli: Cli
  beforeAll(async () => {
    cli = await startCli(['--quiet'])
  })

  test.each(OVER)('%s: 400 naming the limit, before authentication, fast; others served meanwhile', async (_name, body) => {
    const url = `${cli.origin}/api/v4/projects/1/services/slack`
    const attack = fetch(url, { method: 'PUT', headers: FORM, body })
    // A probe sent at the same time is answered, not queued behind a frozen event loop.
    const probe = fetch(`${cli.origin}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': cli.token } })
    const [answer, probed] = await Promise.all([attack, probe])
    expect(probed.status).toBe(200)
    expect(answer.status).toBe(400)
    expect((await answer.json()).error).toMatch(LIMIT_ERROR)
  }, 5_000)

  test('a query past the limit is refused the same way', async () => {
    const response = await fetch(`${cli.origin}/api/v4/projects/1/services?${'x=&'.repeat(4_100)}`, {
      headers: { 'PRIVATE-TOKEN': cli.token },
    })
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(LIMIT_ERROR)
  })

  test('multipart past 4 096 parts: 400', async () => {
    const form = new FormData()
    for (let i = 0; i < 5_000; i++) form.append('a[]', '')
    const response = await fetch(`${cli.origin}/api/v4/projects/1/services/slack`, { method: 'PUT', body: form })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'Maximum total multiparts in content reached' })
  }, 5_000)

  test('within the limit it is parsed: 4 096 pairs, 4 095 of them one undeclared array', async () => {
    const webhook = 'https://hooks.slack.com/services/T/B/within'
    const response = await fetch(`${cli.origin}/api/v4/projects/1/services/slack`, {
      method: 'PUT',
      headers: { ...FORM, 'PRIVATE-TOKEN': cli.token },
      body: `webhook=${webhook}&${'x[]=c&'.repeat(4_094)}x[]=c`,
    })
    expect(response.status).toBe(200)
    expect((await response.json()).properties.webhook).toBe(webhook)
  }, 5_000)

  test('the journal afterwards reads quickly and shows no parsed body for the refused request', async () => {
    await fetch(`${cli.origin}/__mock/requests`, { method: 'DELETE' })
    await fetch(`${cli.origin}/api/v4/projects/1/services/slack`, { method: 'PUT', headers: FORM, body: 'a=&'.repeat(50_000) })
    await fetch(`${cli.origin}/api/v4/projects/1/services/slack`, { method: 'PUT', headers: FORM, body: 'a=&'.repeat(5_000) })
    for (let i = 0; i < 5; i++) {
      const journal = await fetch(`${cli.origin}/__mock/requests`)
      expect(journal.status).toBe(200)
      const [big, small] = (await journal.json()) as { status: number; body: unknown }[]
      expect([big!.status, small!.status]).toEqual([400, 400])
      expect(big!.body).toMatch(/^\[body not kept: 150000 bytes\]$/)
      expect(small!.body).toBe('[not parsed: total number of query parameters (5001) exceeds limit (4096)]')
    }
  }, 5_000)
})

describe('MSW', () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterAll(() => server.close())

  test.each(OVER)('%s: 400 naming the limit, nothing changed', async (_name, body) => {
    const before = mock.dump()
    const response = await fetch('https://gitlab.example.com/api/v4/projects/1/services/slack', {
      method: 'PUT',
      headers: { ...FORM, 'PRIVATE-TOKEN': TOKENS.admin },
      body,
    })
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(LIMIT_ERROR)
    expect(mock.dump()).toEqual(before)
    expect(mock.requests.at(-1)!.body).toMatch(/^\[(not parsed: total number|body not kept)/)
  }, 5_000)
})
