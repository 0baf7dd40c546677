/**
 * Concurrency over the standalone server (loopback, one connection per
 * request): 200 parallel PUTs to one integration from 200 different
 * tokens, mixed traffic, and the control API (`POST /__mock/reset`,
 * `PUT /__mock/scenario`) swapping whole scenarios while requests are in
 * flight. Never a 5xx, never a dropped connection, every request journaled,
 * and every answer consistent with one whole scenario, never a mix or a
 * half-loaded one.
 */
import { Agent } from 'node:http'
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest'
import { createGitLabMock, type Scenario, type ScenarioIntegration } from 'gitlab-services-mock'
import { startMockServer, type StartedMockServer } from 'gitlab-services-mock/server'
import { httpTransport, parseJson, START, type RawRequest, type RawResponse, type Transport } from './support.js'

const N = 200

let consoleError: MockInstance
let started: StartedMockServer | undefined
let lines: string[]
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
  lines = []
})
afterEach(async () => {
  await started?.close()
  started = undefined
  // Both dispatchers log here before answering 500: it must stay silent.
  expect(consoleError).not.toHaveBeenCalled()
  consoleError.mockRestore()
})

async function start(scenario: Scenario): Promise<{ server: StartedMockServer; send: Transport }> {
  started = await startMockServer({ scenario, now: () => START, log: (line) => lines.push(line) })
  const origin = new URL(started.url).origin
  // A fresh connection per request, so the 200 really arrive in parallel.
  return { server: started, send: httpTransport(origin, new Agent({ keepAlive: false, maxSockets: Infinity })) }
}

const json = (method: string, target: string, token: string | undefined, body?: unknown): RawRequest => ({
  method,
  target,
  headers: [...(token ? [['PRIVATE-TOKEN', token] as const] : []), ...(body === undefined ? [] : [['Content-Type', 'application/json'] as const])],
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

const tokenOf = (i: number) => `glpat-concurrent-${i}`

/** N maintainers of one project. */
const crowd: Scenario = {
  users: Array.from({ length: N }, (_, i) => ({ id: i + 1, username: `user${i}`, tokens: [tokenOf(i)] })),
  projects: [{ id: 1, path_with_namespace: 'acme/app', members: Array.from({ length: N }, (_, i) => ({ user: `user${i}`, access_level: 40 as const })) }],
}

describe('200 parallel PUTs to one integration', () => {
  const bodies = Array.from({ length: N }, (_, i) => ({
    webhook: `https://hooks.slack.com/services/T${i}/B${i}/x${i}`,
    username: `bot-${i}`,
    branches_to_be_notified: ['all', 'default', 'protected'][i % 3],
    push_channel: `#push-${i}`,
    push_events: i % 2 === 0,
    note_events: i % 3 === 0,
  }))

  test.each(['services', 'integrations'])('over /%s: state equals one request, all journaled, no 5xx', async (family) => {
    const { server, send } = await start(crowd)
    const path = `/api/v4/projects/1/${family}/slack`
    const responses = await Promise.all(bodies.map((body, i) => send(json('PUT', path, tokenOf(i), body))))

    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(200))
    const entities = responses.map((r, i) => parseJson(r, `PUT #${i}`) as { id: number; properties: Record<string, unknown>; push_events: boolean })
    // Each answer is its own request's write, whole: no field from another request.
    entities.forEach((entity, i) => {
      expect(entity.properties).toMatchObject({ webhook: bodies[i]!.webhook, username: bodies[i]!.username, push_channel: bodies[i]!.push_channel })
      expect(entity.push_events).toBe(bodies[i]!.push_events)
    })
    // One record, created once and updated 199 times.
    expect(new Set(entities.map((e) => e.id)).size).toBe(1)
    const slacks = server.mock.dump().integrations!.filter((i) => i.slug === 'slack')
    expect(slacks).toHaveLength(1)

    // All 200 in the journal, in the API and over the control API.
    expect(server.mock.requests).toHaveLength(N)
    expect(server.mock.requests.every((e) => e.method === 'PUT' && e.status === 200)).toBe(true)
    const journal = parseJson(await send(json('GET', '/__mock/requests', undefined)), 'journal') as { body: { username: string } }[]
    expect(journal).toHaveLength(N)
    expect(new Set(journal.map((e) => e.body.username))).toEqual(new Set(bodies.map((b) => b.username)))
    expect(lines.filter((line) => line.startsWith('PUT '))).toHaveLength(N)
    expect(lines.filter((line) => / 5\d\d /.test(line))).toEqual([])

    // The final state is exactly what one of the 200 requests answered.
    const final = parseJson(await send(json('GET', path, tokenOf(0))), 'GET')
    expect(entities).toContainEqual(final)
  })

  test('200 parallel mixed requests (list, GET, PUT, DELETE, bad tokens): no 5xx, all journaled', async () => {
    const { server, send } = await start(crowd)
    const slugs = ['slack', 'jira', 'asana', 'external-wiki']
    const requests = Array.from({ length: N }, (_, i): RawRequest => {
      const slug = slugs[i % slugs.length]!
      const token = i % 7 === 0 ? 'glpat-wrong' : tokenOf(i)
      const family = i % 2 ? 'services' : 'integrations'
      switch (i % 5) {
        case 0:
          return json('GET', `/api/v4/projects/1/${family}`, token)
        case 1:
          return json('GET', `/api/v4/projects/acme%2Fapp/${family}/${slug}`, token)
        case 2:
          return json('DELETE', `/api/v4/projects/1/${family}/${slug}`, token)
        default:
          return json('PUT', `/api/v4/projects/1/${family}/${slug}`, token, {
            webhook: `https://hooks.slack.com/services/T/B/${i}`,
            url: `https://jira${i}.example.com`,
            username: `u${i}`,
            password: `p${i}`,
            api_key: `k${i}`,
            external_wiki_url: `https://wiki${i}.example.com`,
          })
      }
    })
    const responses = await Promise.all(requests.map(send))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(new Set(statuses)).toEqual(new Set([200, 204, 401, 404]))
    expect(server.mock.requests).toHaveLength(N)
    // Whatever interleaving happened, the result is a state the API can dump and load again.
    const dump = server.mock.dump()
    await expect(server.mock.seed(dump)).resolves.toBeUndefined()
    expect(server.mock.dump()).toEqual(dump)
  })
})

// ---------------------------------------------------------------- control API under traffic

const READER = 'glpat-concurrent-reader'
/** Control writes carry JSON's content type (a browser could not send it cross-site without a preflight). */
const JSON_TYPE: [string, string][] = [['Content-Type', 'application/json']]
const BASE = 'https://gitlab.example.com/api/v4'
const JSON_HEADERS = { 'PRIVATE-TOKEN': READER, 'Content-Type': 'application/json' }
const HOOK = (tag: string) => `https://hooks.slack.com/services/T0/B0/${tag}`

/**
 * A: project 1 with 24 integrations. B: no project 1, project 2 with 12
 * integrations, and 300 filler projects so loading it takes a while (the
 * window in which a half-loaded scenario could show). The reader token
 * exists in both, under another name.
 */
function scenarioA(): Scenario {
  return {
    users: [{ id: 1, username: 'alice-a', admin: true, tokens: [READER] }],
    projects: [{ id: 1, path_with_namespace: 'acme/app' }],
    integrations: [
      { project: 1, slug: 'slack', properties: { webhook: HOOK('a') } },
      ...['asana', 'assembla', 'campfire', 'flowdock', 'pivotaltracker', 'slack-slash-commands', 'mattermost-slash-commands',
        'packagist', 'pushover', 'datadog', 'drone-ci', 'buildkite', 'emails-on-push', 'pipelines-email', 'irker',
        'external-wiki', 'confluence', 'bugzilla', 'redmine', 'youtrack', 'custom-issue-tracker', 'ewm', 'jira'].map((slug) => ({ project: 1, slug }) as ScenarioIntegration),
    ],
  }
}

function scenarioB(): Scenario {
  return {
    users: [{ id: 1, username: 'alice-b', admin: true, tokens: [READER] }],
    projects: [
      { id: 2, path_with_namespace: 'acme/other' },
      ...Array.from({ length: 300 }, (_, i) => ({ id: 100 + i, path_with_namespace: `filler/p${i}` })),
    ],
    integrations: [
      { project: 2, slug: 'slack', properties: { webhook: HOOK('b') } },
      ...['asana', 'assembla', 'campfire', 'flowdock', 'pivotaltracker', 'packagist', 'pushover', 'datadog', 'drone-ci', 'buildkite', 'jira'].map((slug) => ({ project: 2, slug }) as ScenarioIntegration),
      ...Array.from({ length: 300 }, (_, i) => ['slack', 'jira', 'asana'].map((slug) => ({ project: 100 + i, slug }) as ScenarioIntegration)).flat(),
    ],
  }
}

/** What the readers ask, over and over. */
const READS: readonly RawRequest[] = [
  json('GET', '/api/v4/projects/1/services', READER),
  json('GET', '/api/v4/projects/1/integrations/slack', READER),
  json('GET', '/api/v4/projects/2/services', READER),
  json('GET', '/api/v4/projects/acme%2Fother/integrations/slack', READER),
  json('GET', '/api/v4/user', READER),
  json('GET', '/__mock/scenario', undefined),
]

const answer = (r: RawResponse) => `${r.status} ${r.text}`

describe('control API during traffic', () => {
  /** Each read's answer under A and under B, taken while nothing else runs. */
  async function expectations(send: Transport) {
    const under = async () => Promise.all(READS.map(async (r) => answer(await send(r))))
    const a = await under()
    expect((await send({ method: 'PUT', target: '/__mock/scenario', headers: JSON_TYPE, body: JSON.stringify(scenarioB()) })).status).toBe(204)
    const b = await under()
    expect((await send({ method: 'POST', target: '/__mock/reset', headers: JSON_TYPE })).status).toBe(204)
    // The two scenarios disagree on every read, so a mix cannot pass for either.
    READS.forEach((_, i) => expect(a[i]).not.toBe(b[i]))
    return { a, b }
  }

  /** Alternates B, invalid, reset, `rounds` times; every control answer as documented. */
  async function churn(send: Transport, rounds: number) {
    for (let round = 0; round < rounds; round++) {
      expect((await send({ method: 'PUT', target: '/__mock/scenario', headers: JSON_TYPE, body: JSON.stringify(scenarioB()) })).status).toBe(204)
      const invalid = await send({ method: 'PUT', target: '/__mock/scenario', headers: JSON_TYPE, body: JSON.stringify({ integrations: [{ project: 9, slug: 'slack' }] }) })
      expect(invalid.status).toBe(400)
      expect((await send({ method: 'POST', target: '/__mock/reset', headers: JSON_TYPE })).status).toBe(204)
    }
  }

  test('readers see scenario A or scenario B, whole, on every request', async () => {
    const { send } = await start(scenarioA())
    const { a, b } = await expectations(send)
    let stop = false
    const seen = { a: 0, b: 0 }
    const readers = Array.from({ length: 16 }, async (_, r) => {
      for (let i = r; !stop; i++) {
        const index = i % READS.length
        const got = answer(await send(READS[index]!))
        if (got === a[index]) seen.a++
        else if (got === b[index]) seen.b++
        else expect.fail(`${READS[index]!.method} ${READS[index]!.target} answered neither A nor B: ${got.slice(0, 300)}`)
      }
    })
    await churn(send, 15)
    stop = true
    await Promise.all(readers)
    // Both scenarios were really observed under traffic.
    expect(seen.a).toBeGreaterThan(0)
    expect(seen.b).toBeGreaterThan(0)
    expect(lines.filter((line) => / 5\d\d /.test(line))).toEqual([])
    // 16 clients and 45 scenario swaps: seconds, many more on a busy 2-core machine.
  }, 30_000)

  test('writers racing scenario swaps: no 5xx, and every state the server holds is whole and loadable', async () => {
    const { server, send } = await start(scenarioA())
    await expectations(send)
    let stop = false
    const statuses = new Set<number>()
    const writers = Array.from({ length: 16 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const slug = ['slack', 'jira', 'asana'][i % 3]!
        const project = i % 2 ? 1 : 2
        const response = await send(
          json(i % 5 === 4 ? 'DELETE' : 'PUT', `/api/v4/projects/${project}/services/${slug}`, READER, {
            webhook: HOOK(`w${w}-${i}`),
            url: 'https://jira.example.com',
            username: 'bot',
            password: 'pw',
            api_key: 'key',
          }),
        )
        statuses.add(response.status)
        expect(response.status, `${response.status} ${response.text}`).toBeLessThan(500)
      }
    })
    // B (slow to load), a tiny scenario (loads in a few ticks, the likeliest to land inside a
    // request) and the start-up one, in turn.
    const tiny = JSON.stringify({ users: [{ id: 1, username: 'alice-c', admin: true, tokens: [READER] }] })
    const swaps = [JSON.stringify(scenarioB()), tiny, undefined]
    for (let round = 0; round < 30; round++) {
      const body = swaps[round % swaps.length]
      const swapped = await send(body === undefined ? { method: 'POST', target: '/__mock/reset', headers: JSON_TYPE } : { method: 'PUT', target: '/__mock/scenario', headers: JSON_TYPE, body })
      expect(swapped.status).toBe(204)
      // Whatever raced with the swap, what the server holds is one whole scenario: no record
      // of a project it does not have, and a dump that loads again.
      const dump = parseJson(await send(json('GET', '/__mock/scenario', undefined)), 'dump') as Scenario
      const projects = new Set(dump.projects!.map((p) => p.id))
      expect(dump.integrations!.filter((i) => !projects.has(i.project as number)), `round ${round}`).toEqual([])
      expect(dump.users!).toHaveLength(1)
      expect((await send({ method: 'PUT', target: '/__mock/scenario', headers: JSON_TYPE, body: JSON.stringify(dump) })).status).toBe(204)
    }
    stop = true
    await Promise.all(writers)
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200]))
    // Back to the start-up scenario exactly: no write leaked across a reset.
    await send({ method: 'POST', target: '/__mock/reset', headers: JSON_TYPE })
    const fresh = await startMockServer({ scenario: scenarioA(), now: () => START })
    try {
      expect(server.mock.dump()).toEqual(fresh.mock.dump())
    } finally {
      await fresh.close()
    }
    expect(lines.filter((line) => / 5\d\d /.test(line))).toEqual([])
  }, 30_000)
})

describe('a scenario swap at every point of a request’s life (in process, tick by tick)', () => {
  const A: Scenario = {
    users: [{ id: 1, username: 'a', admin: true, tokens: [READER] }],
    projects: [{ id: 1, path_with_namespace: 'acme/app' }],
    integrations: [{ project: 1, slug: 'jira', properties: { url: 'https://jira.example.com', username: 'u', password: 'p' } }],
  }
  /** Small scenarios load in a few ticks, so the swap can land inside a request. */
  const SWAPS: [string, Scenario][] = [
    ['an empty scenario', {}],
    ['the same token, no project', { users: [{ id: 1, username: 'b', admin: true, tokens: [READER] }] }],
  ]
  const REQUESTS: [string, () => Request][] = [
    ['PUT', () => new Request(`${BASE}/projects/1/services/slack`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ webhook: HOOK('scan') }) })],
    ['DELETE', () => new Request(`${BASE}/projects/1/services/jira`, { method: 'DELETE', headers: JSON_HEADERS })],
    ['list', () => new Request(`${BASE}/projects/1/services`, { headers: JSON_HEADERS })],
    ['GET', () => new Request(`${BASE}/projects/1/integrations/jira`, { headers: JSON_HEADERS })],
  ]

  async function answerOf(scenario: Scenario, request: Request) {
    const mock = createGitLabMock({ scenario, now: () => START })
    const response = (await mock.dispatch(request))!
    return `${response.status} ${await response.text()}`
  }

  describe.each(SWAPS)('to %s', (_name, B) => {
    test.each(REQUESTS)('%s: answered wholly under A or wholly under B, and the state is then exactly B', async (_kind, make) => {
      const underA = await answerOf(A, make())
      const underB = await answerOf(B, make())
      expect(underA).not.toBe(underB)
      const fresh = createGitLabMock({ scenario: B, now: () => START })
      await fresh.ready()
      const stateB = fresh.dump()
      const outcomes = new Set<string>()
      for (let ticks = 0; ticks < 40; ticks++) {
        const mock = createGitLabMock({ scenario: A, now: () => START })
        await mock.ready()
        const pending = mock.dispatch(make())
        for (let i = 0; i < ticks; i++) await null
        const seeded = mock.seed(B)
        const response = (await pending)!
        await seeded
        const got = `${response.status} ${await response.text()}`
        expect([underA, underB], `swap after ${ticks} ticks`).toContain(got)
        outcomes.add(got === underA ? 'A' : 'B')
        // Nothing the request did leaked into B (no record of a project B does not have).
        expect(mock.dump(), `swap after ${ticks} ticks`).toEqual(stateB)
      }
      expect([...outcomes].sort()).toEqual(['A', 'B'])
    })
  })
})
