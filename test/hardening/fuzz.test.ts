/**
 * Fuzzing with fast-check, seeded and reproducible, against the in-process
 * MSW handlers and the standalone server over loopback. Each case is a
 * short sequence (1-4) of requests from a freshly reset mock; about a third
 * of the requests are valid, the rest bent (see arbitraries.ts). For every
 * response:
 *
 * - never a 5xx, never an exception (console.error stays silent: both
 *   dispatchers log there before answering 500), never a hang (10 s);
 * - `Content-Type: application/json` and a JSON body, except 204 (no body)
 *   and HEAD (no body);
 * - a non-2xx answer, and any GET/HEAD, leaves `mock.dump()` deep-equal;
 * - the journal grows by exactly the request (its path, method and status)
 *   whenever the route table serves its target, and not otherwise; on the
 *   server a forged Host header changes nothing of that (it used to).
 *
 * `FUZZ_RUNS=5000` for a long run, `FUZZ_SEED=n` for other cases,
 * `FUZZ_SEED=n FUZZ_PATH=p` to replay the counterexample fast-check prints.
 */
import { http } from 'msw'
import { setupServer } from 'msw/node'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest'
import { createGitLabMock, type GitLabMock } from 'gitlab-services-mock'
import { startMockServer, type StartedMockServer } from 'gitlab-services-mock/server'
import { FAIL_UNHANDLED } from '../core/support.js'
import { controlDraft, fuzzedDraft, hostHeader, render, type Draft } from './arbitraries.js'
import {
  fetchTransport,
  fuzzParameters,
  httpTransport,
  parseJson,
  SCENARIO,
  START,
  TOKENS,
  type RawRequest,
  type Transport,
} from './support.js'

const RUNS = 200
const ORIGIN = 'https://gitlab.example.com'
const FALLTHROUGH = 'x-fuzz-fallthrough'

interface Target {
  readonly mock: GitLabMock
  readonly send: Transport
  /** Where a journaled request's path comes from: the URL the dispatcher built. */
  readonly origin: string
}

/** Status classes seen, so the suite can insist the fuzzer reaches success paths too. */
type Tally = Record<'2xx' | '3xx' | '4xx' | 'fallthrough' | 'requests', number>
const newTally = (): Tally => ({ '2xx': 0, '3xx': 0, '4xx': 0, fallthrough: 0, requests: 0 })

let consoleError: MockInstance
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
})
afterEach(() => {
  consoleError.mockRestore()
})

function isControl(request: RawRequest): boolean {
  const pathname = request.target.split('?')[0]!
  return pathname === '/__mock' || pathname.startsWith('/__mock/')
}

/**
 * Whether the route table serves this request, judged from the URL the
 * client meant (the target, normalised): the Host header must not matter.
 */
function routed(mock: GitLabMock, method: string, target: string): boolean {
  const { pathname } = new URL(`http://localhost${target}`)
  const path = pathname === '/api/v4' ? '/' : pathname.startsWith('/api/v4/') ? pathname.slice('/api/v4'.length) : undefined
  if (path === undefined) return false
  return mock.serves(method, path)
}

async function exercise(target: Target, request: RawRequest, tally: Tally): Promise<void> {
  const { mock } = target
  const what = `${request.method} ${request.target.slice(0, 300)}`
  const method = request.method.toUpperCase()
  const before = mock.dump()
  const journal = mock.requests.length
  const response = await target.send(request)
  tally.requests++

  expect(response.status, what).toBeLessThan(500)
  expect(consoleError, what).not.toHaveBeenCalled()

  const served = !isControl(request) && routed(mock, method, request.target)
  if (response.headers[FALLTHROUGH]) {
    // MSW: the kit left it to the next handler, and only what it does not serve, untouched.
    tally.fallthrough++
    expect(served, `${what} fell through`).toBe(false)
    expect(mock.dump(), what).toEqual(before)
    expect(mock.requests.length, what).toBe(journal)
    return
  }
  tally[`${Math.floor(response.status / 100)}xx` as '2xx' | '3xx' | '4xx']++

  let body: unknown
  if (response.status === 204) expect(response.text, what).toBe('')
  else {
    expect(response.headers['content-type'], what).toBe('application/json')
    if (method === 'HEAD') expect(response.text, what).toBe('')
    else body = parseJson(response, what)
  }

  const ok = response.status >= 200 && response.status < 300
  if (!ok || method === 'GET' || method === 'HEAD') expect(mock.dump(), what).toEqual(before)

  const entries = mock.requests
  if (isControl(request)) {
    // The control API is not journaled; reset and DELETE /__mock/requests empty the journal.
    expect([journal, 0], what).toContain(entries.length)
  } else if (!served) {
    // The server's catch-all (MSW would have fallen through): GitLab's 404, not journaled.
    expect(response.status, what).toBe(404)
    if (method !== 'HEAD') expect(body, what).toEqual({ error: '404 Not Found' })
    expect(entries.length, what).toBe(journal)
  } else if (response.status === 413) {
    // Refused by the server's body limit before the route table.
    expect(entries.length, what).toBe(journal)
  } else {
    expect(entries.length, `${what} answered ${response.status}: journaled once`).toBe(journal + 1)
    expect(entries.at(-1), what).toMatchObject({ method, path: new URL(target.origin + request.target).pathname, status: response.status })
  }
}

function property(target: () => Target, drafts: fc.Arbitrary<Draft>, tally: Tally, reset: () => Promise<void>) {
  return fc.asyncProperty(fc.array(drafts, { minLength: 1, maxLength: 4 }), async (sequence) => {
    await reset()
    for (const draft of sequence) await exercise(target(), render(draft), tally)
  })
}

function report(name: string, tally: Tally): void {
  if (process.env.FUZZ_RUNS || process.env.FUZZ_REPORT)
    console.info(`fuzz ${name}: ${JSON.stringify(tally)} (seed ${fuzzParameters(RUNS).seed})`)
}

/** Fuzzing must exercise success paths and rejections alike, or it proves little. */
function expectCoverage(tally: Tally): void {
  expect(tally.requests).toBeGreaterThanOrEqual(fuzzParameters(RUNS).numRuns!)
  const answered = tally.requests - tally.fallthrough
  expect(tally['2xx'] / answered).toBeGreaterThan(0.2)
  expect(tally['4xx'] / answered).toBeGreaterThan(0.2)
}

/** Long runs (`FUZZ_RUNS`) get time in proportion. */
const TIMEOUT = 30_000 + fuzzParameters(RUNS).numRuns! * 30

describe('in-process MSW handlers', () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
  /** Whatever the kit leaves alone lands here, marked, instead of the network. */
  const fallthrough = http.all(/.*/, () => new Response('{}', { status: 418, headers: { [FALLTHROUGH]: '1', 'Content-Type': 'application/json' } }))
  const server = setupServer(...mock.handlers, fallthrough)
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterAll(() => server.close())

  const target: Target = { mock, send: fetchTransport(ORIGIN), origin: ORIGIN }
  const reset = async () => {
    await mock.reset()
    mock.clearRequests()
  }

  test('random requests: no 5xx, JSON or 204, rejected requests change nothing', async () => {
    const tally = newTally()
    await fc.assert(property(() => target, fuzzedDraft(), tally, reset), fuzzParameters(RUNS))
    report('msw', tally)
    expectCoverage(tally)
  }, TIMEOUT)

  test.each([
    ['a 100 000-character segment', 'GET', `/api/v4/projects/${'a'.repeat(100_000)}/services`],
    ['a 100 000-character slug', 'PUT', `/api/v4/projects/1/services/${'b'.repeat(100_000)}`],
    ['a query of 5 000 parameters', 'GET', `/api/v4/projects/1/services?${'x[]=1&'.repeat(5_000)}`],
  ])('%s', async (_name, method, path) => {
    await reset()
    await exercise(target, { method, target: path, headers: [['PRIVATE-TOKEN', TOKENS.admin]] }, newTally())
  })

  test('a 20 MB JSON body', async () => {
    await reset()
    const body = JSON.stringify({ webhook: `https://hooks.slack.com/services/${'z'.repeat(20_000_000)}` })
    await exercise(
      target,
      { method: 'PUT', target: '/api/v4/projects/1/services/slack', headers: [['PRIVATE-TOKEN', TOKENS.admin], ['Content-Type', 'application/json']], body },
      newTally(),
    )
  })
})

describe('standalone server over loopback', () => {
  let server: StartedMockServer
  let target: Target
  const lines: string[] = []
  beforeAll(async () => {
    server = await startMockServer({ scenario: SCENARIO, now: () => START, log: (line) => lines.push(line) })
    target = { mock: server.mock, send: httpTransport(new URL(server.url).origin), origin: 'http://localhost' }
  })
  afterAll(() => server.close())

  const reset = async () => {
    await server.mock.reset()
    server.mock.clearRequests()
  }

  /** Server cases may also forge the Host header and call the control API. */
  const drafts = fc.tuple(fuzzedDraft(controlDraft), hostHeader).map(([draft, host]) => {
    if (host !== undefined) draft.headers.push(['Host', host])
    return draft
  })

  test('random requests: no 5xx, JSON or 204, rejected requests change nothing', async () => {
    const tally = newTally()
    await fc.assert(property(() => target, drafts, tally, reset), fuzzParameters(RUNS))
    report('server', tally)
    expectCoverage(tally)
    expect(lines.filter((line) => / 5\d\d /.test(line))).toEqual([])
  }, TIMEOUT)

  test('a body over the limit: 413 JSON, nothing changed', async () => {
    await reset()
    const body = JSON.stringify({ webhook: `https://hooks.slack.com/services/${'z'.repeat(1_100_000)}` })
    await exercise(
      target,
      { method: 'PUT', target: '/api/v4/projects/1/services/slack', headers: [['PRIVATE-TOKEN', TOKENS.admin], ['Content-Type', 'application/json']], body },
      newTally(),
    )
  })
})
