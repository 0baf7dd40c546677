/**
 * No prototype pollution: `__proto__`, `constructor` and `prototype` keys in
 * PUT bodies (JSON, form, multipart), query strings and scenarios (`seed`,
 * the control API) are at most plain data. They never reach
 * Object.prototype (or Array/Function/String.prototype), never change
 * another record, never smuggle a value into the record they target; in a
 * scenario they are unknown fields, rejected with their JSON path.
 */
import { setupServer } from 'msw/node'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock, ScenarioError, type Scenario } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'
import { call, FAIL_UNHANDLED, type CallOptions } from '../core/support.js'
import { fuzzParameters, PROJECT, prototypeSnapshot, ROUTABLE, SCENARIO, START, TOKENS } from './support.js'

const PRISTINE = prototypeSnapshot()
const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
const server = setupServer(...mock.handlers)
afterEach(async () => {
  expect(prototypeSnapshot()).toEqual(PRISTINE)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  server.resetHandlers()
  await mock.reset()
})

/** MSW intercepts only inside these blocks, so the standalone server's tests reach loopback. */
function withMsw(): void {
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterAll(() => server.close())
}

const HOOK = 'https://hooks.slack.com/services/T0/B0/legit'
const EVIL = { polluted: 'yes', webhook: 'https://evil.example.com/', active: false, push_events: false }
const token = TOKENS.maintainer

/** Everything in the dump except one integration record. */
function othersThan(dump: Scenario, slug: string) {
  return { ...dump, integrations: dump.integrations?.filter((i) => !(i.project === PROJECT.id && i.slug === slug)) }
}

function record(slug: string) {
  return mock.dump().integrations!.find((i) => i.project === PROJECT.id && i.slug === slug)!
}

const raw = (text: string): CallOptions => ({ token, body: text, headers: { 'Content-Type': 'application/json' } })
const form = (text: string): CallOptions => ({ token, body: text, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
const multipart = (fields: [string, string][]): CallOptions => {
  const body = new FormData()
  for (const [name, value] of fields) body.append(name, value)
  return { token, body }
}
const hook = `webhook=${encodeURIComponent(HOOK)}`

describe.each(['services', 'integrations'])('PUT /projects/:id/%s/slack', (family) => {
  withMsw()
  const path = `/projects/${PROJECT.id}/${family}/slack`
  test.each<[string, string, CallOptions, number]>([
    ['JSON __proto__ object', '', raw(`{"webhook":${JSON.stringify(HOOK)},"__proto__":${JSON.stringify(EVIL)}}`), 200],
    ['JSON __proto__ first', '', raw(`{"__proto__":${JSON.stringify(EVIL)},"webhook":${JSON.stringify(HOOK)}}`), 200],
    ['JSON __proto__ string', '', raw(`{"webhook":${JSON.stringify(HOOK)},"__proto__":"x"}`), 200],
    ['JSON constructor.prototype', '', raw(`{"webhook":${JSON.stringify(HOOK)},"constructor":{"prototype":${JSON.stringify(EVIL)}}}`), 200],
    ['JSON prototype', '', raw(`{"webhook":${JSON.stringify(HOOK)},"prototype":${JSON.stringify(EVIL)}}`), 200],
    ['JSON __proto__ inside a param', '', raw(`{"webhook":{"__proto__":${JSON.stringify(EVIL)}}}`), 400],
    ['JSON __proto__ inside an array', '', raw(`{"webhook":${JSON.stringify(HOOK)},"username":[{"__proto__":${JSON.stringify(EVIL)}}]}`), 400],
    ['form __proto__[...]', '', form(`${hook}&__proto__[polluted]=yes&__proto__[webhook]=x&constructor[prototype][polluted]=yes`), 200],
    ['form __proto__=', '', form(`${hook}&__proto__=x&prototype=x&constructor=x`), 200],
    ['form __proto__[] array', '', form(`${hook}&__proto__[]=x&push_events[__proto__]=false`), 400],
    ['query __proto__[...]', `?${hook}&__proto__[polluted]=yes&constructor[prototype][polluted]=yes`, { token }, 200],
    ['query __proto__=', `?${hook}&__proto__=x&__proto__=y`, { token }, 200],
    ['multipart __proto__', '', multipart([['webhook', HOOK], ['__proto__', 'x'], ['__proto__[polluted]', 'yes'], ['constructor[prototype][polluted]', 'yes']]), 200],
  ])('%s', async (_name, query, options, status) => {
    const before = mock.dump()
    const reply = await call('PUT', `${path}${query}`, options)
    expect(reply.status).toBe(status)
    // Nothing else moved, and the target holds exactly what a clean PUT would store.
    expect(othersThan(mock.dump(), 'slack')).toEqual(othersThan(before, 'slack'))
    const stored = record('slack')
    if (status === 200) {
      expect(stored.properties).toMatchObject({ webhook: HOOK })
      expect(stored).toMatchObject({ active: true, push_events: true })
      expect(reply.body.properties.webhook).toBe(HOOK)
    } else expect(stored).toEqual(before.integrations!.find((i) => i.project === PROJECT.id && i.slug === 'slack'))
    expect(Object.keys(stored.properties!).filter((key) => /proto|constructor|polluted/.test(key))).toEqual([])
    expect(Object.getPrototypeOf(stored.properties)).toBe(Object.prototype)
    expect(Object.hasOwn(reply.body ?? {}, 'polluted')).toBe(false)
  })
})

describe('through MSW', () => {
  withMsw()

  test('fuzz: pollution keys at any depth of a PUT body or query string change only the target record', async () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'webhook', 'active', 'push_events', 'token')
    /** Raw JSON text, so `__proto__` is an own key as JSON.parse sees it (not a prototype of the generator's object). */
    const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('"yes"', 'true', 'false', 'null', '1', `"${HOOK}"`),
        fc.array(tie('v'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
        fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
      ),
    })).v
    const spec = fc.constantFrom(...ROUTABLE)
    const query = fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', 'prototype[x]'), fc.constantFrom('yes', 'false', '')), { maxLength: 4 })
    await fc.assert(
      fc.asyncProperty(spec, fc.array(fc.tuple(key, value), { maxLength: 5 }), query, async (target, entries, pairs) => {
        await mock.reset()
        const before = mock.dump()
        const body = `{${entries.map(([k, v]) => `"${k}":${v}`).join(',')}}`
        const search = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
        const reply = await call('PUT', `/projects/${PROJECT.id}/services/${target.slug}?${search}`, raw(body))
        expect(reply.status).toBeLessThan(500)
        expect(prototypeSnapshot()).toEqual(PRISTINE)
        expect(othersThan(mock.dump(), target.slug)).toEqual(othersThan(before, target.slug))
        const stored = record(target.slug)
        expect(Object.keys(stored.properties!).filter((k) => /proto|constructor|polluted/.test(k))).toEqual([])
      }),
      fuzzParameters(100),
    )
  }, 30_000)

  test('the journal keeps pollution keys as plain data', async () => {
    mock.clearRequests()
    await call('PUT', `/projects/${PROJECT.id}/services/slack?__proto__[polluted]=yes`, raw(`{"webhook":"${HOOK}","__proto__":{"polluted":"yes"}}`))
    const [entry] = mock.requests
    expect(Object.hasOwn(entry!.body as object, '__proto__')).toBe(true)
    expect((entry!.body as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(entry!.query)).toEqual(['__proto__[polluted]'])
  })
})

// ---------------------------------------------------------------- scenarios

const BASE_SCENARIO = {
  users: [{ id: 1, username: 'root', admin: true, tokens: ['glpat-root', { token: 'glpat-scoped', scopes: ['api'] }] }],
  projects: [{ id: 1, path_with_namespace: 'a/b', members: [{ user: 'root', access_level: 50 }] }],
  integrations: [{ project: 1, slug: 'slack', properties: { webhook: HOOK } }],
}

/** The scenario as a file holds it, with `key: {"polluted": ...}` inserted into the object at `at`. */
function poisoned(at: string, key: string): string {
  const text = JSON.stringify(BASE_SCENARIO)
  const evil = `${JSON.stringify(key)}:${JSON.stringify(EVIL)},`
  const anchors: Record<string, string> = {
    $: '{',
    'users[0]': '{"id":1,',
    'tokens[1]': '{"token":"glpat-scoped",',
    'projects[0]': '{"id":1,"path',
    'members[0]': '{"user":"root",',
    'integrations[0]': '{"project":1,',
    'properties': '{"webhook":',
  }
  const anchor = anchors[at]!
  const index = text.indexOf(anchor)
  return text.slice(0, index + 1) + evil + text.slice(index + 1)
}

const PATHS: Record<string, (key: string) => string> = {
  $: (key) => `$.${key}`,
  'users[0]': (key) => `$.users[0].${key}`,
  'tokens[1]': (key) => `$.users[0].tokens[1].${key}`,
  'projects[0]': (key) => `$.projects[0].${key}`,
  'members[0]': (key) => `$.projects[0].members[0].${key}`,
  'integrations[0]': (key) => `$.integrations[0].${key}`,
  properties: (key) => `$.integrations[0].properties.${key}`,
}

const CASES = Object.keys(PATHS).flatMap((at) => ['__proto__', 'constructor', 'prototype'].map((key) => [at, key] as const))

describe('scenarios', () => {
  describe('seed() and values', () => {
    withMsw()

    test.each(CASES)('seed(): %s.%s is an unknown field, nothing loaded', async (at, key) => {
      const before = mock.dump()
      const scenario = JSON.parse(poisoned(at, key)) as Scenario
      const error = await mock.seed(scenario).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ScenarioError)
      expect((error as ScenarioError).path).toBe(PATHS[at]!(key))
      expect(mock.dump()).toEqual(before)
      // The rejected object was not altered by the attempt either.
      expect(JSON.parse(poisoned(at, key))).toEqual(scenario)
    })

    test('pollution words as values are plain data: usernames, tokens, paths', async () => {
      const other = createGitLabMock({
        baseUrl: 'https://proto.example/api/v4',
        scenario: {
          users: [
            { id: 1, username: '__proto__', admin: true, tokens: ['__proto__'] },
            { id: 2, username: 'constructor', tokens: ['constructor'] },
          ],
          projects: [
            { id: 1, path_with_namespace: '__proto__/constructor', members: [{ user: 'constructor', access_level: 40 }] },
            { id: 2, path_with_namespace: 'prototype/toString' },
          ],
          integrations: [{ project: '__proto__/constructor', slug: 'slack', properties: { webhook: HOOK, username: '__proto__' } }],
        },
      })
      server.use(...other.handlers)
      const base = 'https://proto.example/api/v4'
      const list = await call('GET', `${base}/projects/__proto__%2Fconstructor/services`, { token: 'constructor' })
      expect(list.status).toBe(200)
      expect(list.body.map((i: { slug: string }) => i.slug)).toEqual(['slack'])
      expect((await call('GET', `${base}/user`, { token: '__proto__' })).body.username).toBe('__proto__')
      expect((await call('GET', `${base}/projects/prototype%2FtoString/services`, { token: 'constructor' })).status).toBe(404)
      expect((await call('GET', `${base}/projects/1/services`, { token: 'toString' })).status).toBe(401)
      expect((await call('GET', `${base}/projects/1/services`, { token: 'hasOwnProperty' })).status).toBe(401)
    })
  })

  test('PUT /__mock/scenario: every poisoned scenario is refused with its path, state unchanged', async () => {
    const started = await startMockServer({ scenario: BASE_SCENARIO as Scenario, now: () => START })
    try {
      const origin = new URL(started.url).origin
      const before = await (await fetch(`${origin}/__mock/scenario`)).text()
      for (const [at, key] of CASES) {
        const response = await fetch(`${origin}/__mock/scenario`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: poisoned(at, key) })
        expect(response.status, `${at}.${key}`).toBe(400)
        expect(await response.json()).toMatchObject({ path: PATHS[at]!(key) })
      }
      expect(await (await fetch(`${origin}/__mock/scenario`)).text()).toBe(before)
      expect(prototypeSnapshot()).toEqual(PRISTINE)
    } finally {
      await started.close()
    }
  })
})
