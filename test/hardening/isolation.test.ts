/**
 * Isolation: two mocks in one process never see each other's data, journal,
 * faults or scenario, not even when they are built from one (frozen)
 * scenario object and driven concurrently; what goes into `seed()` and
 * comes out of `dump()` is copied. Tests running concurrently in one worker,
 * and sessions in parallel worker threads (the built kit, each with its own
 * fixture set and standalone server), end exactly as they do alone: same
 * data, same faker sequence.
 */
import { Worker } from 'node:worker_threads'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createFixtures, createGitLabMock, type GitLabMock, type Scenario } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'
import { FAIL_UNHANDLED } from '../core/support.js'
import { PROJECT, SCENARIO, START, TOKENS } from './support.js'

const HOOK = 'https://hooks.slack.com/services/T0/B0/isolation'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

/** What a sequence of requests produced: each answer, the final state, the journal. */
interface Outcome {
  answers: string[]
  state: Scenario
  journal: unknown
}

type Send = (request: Request) => Promise<Response>

/**
 * A fixture-driven session on one mock: PUT every configurable slug's
 * fixture, DELETE every third, list; `pause` between requests lets another
 * session's requests interleave.
 */
async function session(mock: GitLabMock, seed: number, send: Send, pause = false): Promise<Outcome> {
  const fixtures = createFixtures({ seed })
  const base = `${mock.baseUrl}/projects/${PROJECT.id}/services`
  const headers = { 'PRIVATE-TOKEN': TOKENS.maintainer, 'Content-Type': 'application/json' }
  const answers: string[] = []
  const run = async (request: Request) => {
    const response = await send(request)
    answers.push(`${response.status} ${await response.text()}`)
    if (pause) await new Promise((resolve) => setImmediate(resolve))
  }
  const slugs = fixtures.slugs.filter((slug) => slug !== 'alerts' && slug !== 'mock-ci')
  for (const slug of slugs)
    await run(new Request(`${base}/${slug}`, { method: 'PUT', headers, body: JSON.stringify(fixtures.integration(slug).params) }))
  for (const slug of slugs.filter((_, i) => i % 3 === 0)) await run(new Request(`${base}/${slug}`, { method: 'DELETE', headers }))
  await run(new Request(base, { headers }))
  return { answers, state: mock.dump(), journal: mock.requests }
}

/** The same session alone, on a fresh mock, without MSW. */
async function alone(scenario: Scenario, seed: number): Promise<Outcome> {
  const mock = createGitLabMock({ scenario, now: () => START })
  return session(mock, seed, async (request) => (await mock.dispatch(request))!)
}

describe('two mocks in one process', () => {
  const shared = deepFreeze(structuredClone(SCENARIO))
  const a = createGitLabMock({ scenario: shared, now: () => START })
  const b = createGitLabMock({ scenario: shared, now: () => START, baseUrl: 'https://gitlab.other.example/api/v4' })
  const server = setupServer(...a.handlers, ...b.handlers)
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterEach(async () => {
    await Promise.all([a.reset(), b.reset()])
    a.clearRequests()
    b.clearRequests()
  })
  afterAll(() => server.close())

  test('driven concurrently from one frozen scenario object, each ends exactly where it would alone', async () => {
    const [outA, outB] = await Promise.all([session(a, 1, fetch, true), session(b, 2, fetch, true)])
    expect(outA).toEqual(await alone(SCENARIO, 1))
    expect(outB).toEqual(await alone(SCENARIO, 2))
    expect(outA.state).not.toEqual(outB.state)
    // The object both were built from is untouched (and still frozen), and reset goes back to it.
    expect(shared).toEqual(SCENARIO)
    await Promise.all([a.reset(), b.reset()])
    expect(a.dump()).toEqual(b.dump())
  })

  test('seed, reset, clearRequests and failNext act on one mock only', async () => {
    const list = (mock: GitLabMock) => fetch(`${mock.baseUrl}/projects/1/services`, { headers: { 'PRIVATE-TOKEN': TOKENS.maintainer } })
    await list(a)
    await list(b)
    a.clearRequests()
    expect([a.requests.length, b.requests.length]).toEqual([0, 1])

    a.failNext({ path: '/projects/1/services', status: 503 })
    expect((await list(b)).status).toBe(200)
    expect((await list(a)).status).toBe(503)

    await b.seed({ users: [{ id: 1, username: 'solo', tokens: ['glpat-solo'] }] })
    expect((await list(a)).status).toBe(200)
    expect((await list(b)).status).toBe(401)
    await a.reset()
    expect((await list(b)).status).toBe(401)
  })

  test('what goes into seed() and comes out of dump() is a copy', async () => {
    const input = structuredClone(SCENARIO)
    await a.seed(input)
    const before = a.dump()
    const inputSlack = input.integrations![0]!.properties as Record<string, unknown>
    inputSlack.webhook = 'https://changed.example.com'
    input.users!.pop()
    const out = a.dump()
    const outSlack = out.integrations![0]!.properties as Record<string, unknown>
    outSlack.webhook = 'https://changed.example.com'
    out.users![0]!.tokens!.push('glpat-injected')
    ;(out.users![1]!.tokens![1] as { scopes: string[] }).scopes.push('sudo')
    expect(a.dump()).toEqual(before)
    expect((await fetch(`${a.baseUrl}/user`, { headers: { 'PRIVATE-TOKEN': 'glpat-injected' } })).status).toBe(401)
    expect(b.dump()).toEqual(before)
  })
})

test('two standalone servers in one process: data, control API and journals are separate', async () => {
  const [one, two] = await Promise.all([startMockServer({ scenario: SCENARIO, now: () => START }), startMockServer({ scenario: SCENARIO, now: () => START })])
  try {
    const headers = { 'PRIVATE-TOKEN': TOKENS.maintainer, 'Content-Type': 'application/json' }
    const put = await fetch(`${one.url}/projects/3/services/slack`, { method: 'PUT', headers, body: JSON.stringify({ webhook: HOOK }) })
    expect(put.status).toBe(200)
    expect((await fetch(`${two.url}/projects/3/services/slack`, { headers })).status).toBe(404)
    expect(one.mock.requests).toHaveLength(1)
    expect(await (await fetch(`${new URL(two.url).origin}/__mock/requests`)).json()).toHaveLength(1)

    expect((await fetch(`${new URL(two.url).origin}/__mock/scenario`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(204)
    expect((await fetch(`${one.url}/projects/3/services/slack`, { headers })).status).toBe(200)
    expect((await fetch(`${new URL(one.url).origin}/__mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } })).status).toBe(204)
    expect((await fetch(`${one.url}/projects/3/services/slack`, { headers })).status).toBe(404)
    expect(two.mock.dump()).toMatchObject({ users: [], projects: [], integrations: [] })
  } finally {
    await Promise.all([one.close(), two.close()])
  }
})

// ---------------------------------------------------------------- concurrent tests, one worker

const SEEDS = [11, 12, 13, 14] as const
/** One mock per concurrent test, each under its own host, all on one MSW server. */
const mocks = new Map(SEEDS.map((seed) => [seed, createGitLabMock({ scenario: SCENARIO, now: () => START, baseUrl: `https://gitlab-${seed}.example.com/api/v4` })]))
const expected = new Map<number, Outcome>()

describe.concurrent('tests running concurrently in one worker', () => {
  const server = setupServer(...[...mocks.values()].flatMap((mock) => mock.handlers))
  beforeAll(async () => {
    for (const seed of SEEDS) expected.set(seed, await alone(SCENARIO, seed))
    server.listen(FAIL_UNHANDLED)
  })
  afterAll(() => server.close())

  test.each(SEEDS)('seed %i: same fixtures, answers, state and journal as alone', async (seed) => {
    const outcome = await session(mocks.get(seed)!, seed, fetch, true)
    expect(outcome).toEqual(expected.get(seed))
  })

  test.each(SEEDS)('seed %i: a fixture set’s sequence is its own across awaits', async (seed) => {
    const mine = createFixtures({ seed })
    const values: unknown[] = []
    for (let i = 0; i < 20; i++) {
      values.push(mine.slack().params, mine.user())
      await new Promise((resolve) => setImmediate(resolve))
    }
    const quiet = createFixtures({ seed })
    const reference = Array.from({ length: 20 }, () => [quiet.slack().params, quiet.user()]).flat()
    expect(values).toEqual(reference)
  })
})

// ---------------------------------------------------------------- parallel worker threads

describe('sessions in parallel worker threads (built kit)', () => {
  const module = new URL('./isolated-session.mjs', import.meta.url).href

  function inWorker(seed: number): Promise<unknown> {
    const worker = new Worker(`import(${JSON.stringify(module)}).then(async ({ session }) => require('node:worker_threads').parentPort.postMessage(await session(${seed})))`, {
      eval: true,
    })
    return new Promise((resolve, reject) => {
      worker.once('message', (value) => {
        resolve(value)
        void worker.terminate()
      })
      worker.once('error', reject)
      worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited ${code}`)))
    })
  }

  test('four at once, two sharing a seed: each equals its solo run, same seed same everything', async () => {
    const [w1, w2, w3, w1again] = await Promise.all([inWorker(1), inWorker(2), inWorker(3), inWorker(1)])
    const { session } = (await import(module)) as { session: (seed: number) => Promise<{ answers: [string, number, unknown][] }> }
    const solo1 = await session(1)
    expect(w1).toEqual(solo1)
    expect(w1again).toEqual(solo1)
    expect(w2).toEqual(await session(2))
    expect(w3).toEqual(await session(3))
    expect(w2).not.toEqual(w1)
    // The sessions did real work: most fixtures were accepted.
    expect(solo1.answers.filter(([, status]) => status === 200).length).toBeGreaterThan(25)
  }, 30_000)
})
