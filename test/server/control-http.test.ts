/**
 * The control API over HTTP, the peer of the in-process one for any
 * language: faults, journal filters and counts, health, and tenants
 * (isolated mocks on one server for parallel test workers).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startMockServer, type StartedMockServer } from 'gitlab-services-mock/server'
import { ROOT, scenario } from './support.js'

let server: StartedMockServer
let origin: string

beforeEach(async () => {
  server = await startMockServer({ scenario, tenants: { max: 3, idleMs: 60_000 } })
  origin = new URL(server.url).origin
})
afterEach(() => server.close())

async function control(method: string, path: string, body?: unknown, prefix = origin) {
  const response = await fetch(`${prefix}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

const slack = () => `${server.url}/projects/1/services/slack`

describe('faults', () => {
  test('POST /__mock/faults fails the next N matching requests, then GitLab answers again', async () => {
    const created = await control('POST', '/__mock/faults', { method: 'GET', path: '/projects/*/services/slack', status: 503, times: 2 })
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), method: 'GET', remaining: 2, status: 503 } })
    expect((await control('GET', '/__mock/faults')).body).toEqual([created.body])
    expect((await fetch(slack(), { headers: ROOT })).status).toBe(503)
    expect((await fetch(slack(), { headers: ROOT })).status).toBe(503)
    expect((await fetch(slack(), { headers: ROOT })).status).not.toBe(503)
    expect((await control('GET', '/__mock/faults')).body).toEqual([])
  })

  test('a 429 carries GitLab’s throttle answer: text/plain, RateLimit-* and Retry-After', async () => {
    await control('POST', '/__mock/faults', { path: '/projects/1/services/slack', status: 429 })
    const response = await fetch(slack(), { headers: ROOT })
    expect(response.status).toBe(429)
    expect(await response.text()).toBe('Retry later\n')
    expect(response.headers.get('content-type')).toBe('text/plain')
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(response.headers.get('ratelimit-remaining')).toBe('0')
    expect(response.headers.get('ratelimit-reset')).toBe(String(retryAfter))
    expect(response.headers.get('ratelimit-name')).toBe('throttle_authenticated_api')
  })

  test('headers given win; latency alone delays without failing', async () => {
    await control('POST', '/__mock/faults', { path: '/projects/1/services/slack', status: 429, headers: { 'Retry-After': '7' } })
    expect((await fetch(slack(), { headers: ROOT })).headers.get('retry-after')).toBe('7')
    await control('POST', '/__mock/faults', { path: '/projects/1/services/jira', latency: 300 })
    const started = performance.now()
    const delayed = await fetch(`${server.url}/projects/1/services/jira`, { headers: ROOT })
    expect(delayed.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  test('DELETE /__mock/faults/<id> and DELETE /__mock/faults remove pending faults', async () => {
    const a = await control('POST', '/__mock/faults', { path: '/projects/**', status: 500 })
    await control('POST', '/__mock/faults', { path: '/user', status: 500 })
    expect((await control('DELETE', `/__mock/faults/${a.body.id}`)).status).toBe(204)
    expect((await control('DELETE', `/__mock/faults/${a.body.id}`)).status).toBe(404)
    expect((await control('GET', '/__mock/faults')).body).toHaveLength(1)
    expect((await control('DELETE', '/__mock/faults')).status).toBe(204)
    expect((await control('GET', '/__mock/faults')).body).toEqual([])
  })

  test.each([
    [{ path: '/x', status: 500, colour: 'red' }, /unknown fault field "colour"/],
    [{ path: 'projects/*', status: 500 }, /path must be a glob/],
    [{ path: '/projects/a*b', status: 500 }, /whole segments/],
    [{ path: '/x', status: 99 }, /status must be/],
    [{ path: '/x', times: 0 }, /times must be/],
    [{ path: '/x', method: 'BREW' }, /method must be one of/],
    [{ path: '/x', headers: { 'Bad Name': 'x' } }, /header "Bad Name"/],
    [[1, 2], /a fault is a JSON object/],
  ])('bad fault %j → 400 naming the problem, nothing added', async (fault, message) => {
    const answer = await control('POST', '/__mock/faults', fault)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatch(message)
    expect((await control('GET', '/__mock/faults')).body).toEqual([])
  })
})

describe('verification', () => {
  test('GET /__mock/requests filters by method, path glob, status and user; /count counts', async () => {
    await fetch(slack(), { headers: ROOT })
    await fetch(slack(), { method: 'PUT', headers: { ...ROOT, 'Content-Type': 'application/json' }, body: '{}' })
    await fetch(slack())
    const puts = await control('GET', '/__mock/requests?method=PUT&path=/projects/*/services/slack&status=400')
    expect(puts.body).toHaveLength(1)
    expect(puts.body[0]).toMatchObject({ method: 'PUT', status: 400, user: 'root' })
    expect((await control('GET', '/__mock/requests/count?path=/projects/1/services/slack')).body).toEqual({ count: 3 })
    expect((await control('GET', '/__mock/requests/count?user=root')).body).toEqual({ count: 2 })
    expect((await control('GET', '/__mock/requests/count?status=401')).body).toEqual({ count: 1 })
    expect(JSON.stringify((await control('GET', '/__mock/requests')).body)).not.toContain(ROOT['PRIVATE-TOKEN'])
  })

  test.each(['?colour=red', '?status=abc', '?path=projects'])('a bad filter %s → 400', async (query) => {
    expect((await control('GET', `/__mock/requests${query}`)).status).toBe(400)
  })

  test('GET /__mock/health answers without a token', async () => {
    expect(await control('GET', '/__mock/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), gitlab: '13.12', edition: 'ee' },
    })
  })
})

describe('tenants', () => {
  test('each tenant is its own GitLab: state, journal and faults do not leak', async () => {
    const a = await control('POST', '/__mock/tenants', {})
    const b = await control('POST', '/__mock/tenants', {})
    expect(a).toMatchObject({ status: 201, body: { id: expect.any(String), base_url: expect.stringMatching(/\/__tenants\/\w+\/api\/v4$/) } })
    const hook = { webhook: 'https://hooks.slack.com/services/T/B/tenant-a' }
    const put = await fetch(`${a.body.base_url}/projects/1/services/slack`, {
      method: 'PUT',
      headers: { ...ROOT, 'Content-Type': 'application/json' },
      body: JSON.stringify(hook),
    })
    expect(put.status).toBe(200)
    const inB = await (await fetch(`${b.body.base_url}/projects/1/services/slack`, { headers: ROOT })).json()
    expect(inB.properties?.webhook).not.toBe(hook.webhook)
    const prefixA = a.body.base_url.replace(/\/api\/v4$/, '')
    expect((await control('GET', '/__mock/requests/count?method=PUT', undefined, prefixA)).body).toEqual({ count: 1 })
    expect((await control('GET', '/__mock/requests/count?method=PUT')).body).toEqual({ count: 0 })
    await control('POST', '/__mock/faults', { path: '/projects/1/services/jira', status: 500 }, prefixA)
    expect((await fetch(`${b.body.base_url}/projects/1/services/jira`, { headers: ROOT })).status).toBe(200)
    expect((await fetch(`${a.body.base_url}/projects/1/services/jira`, { headers: ROOT })).status).toBe(500)
  })

  test('a tenant may start from its own scenario and GitLab version', async () => {
    const created = await control('POST', '/__mock/tenants', { gitlab: '14.3', scenario: { users: [{ id: 1, username: 'solo', tokens: ['glpat-solo-user-000000'] }] } })
    expect(created.body.gitlab).toBe('14.3')
    const version = await (await fetch(`${created.body.base_url}/version`, { headers: { 'PRIVATE-TOKEN': 'glpat-solo-user-000000' } })).json()
    expect(version.version).toMatch(/^14\.3\./)
  })

  test('DELETE drops a tenant; its URLs then answer 404; bounded: 429 when full', async () => {
    const created = await control('POST', '/__mock/tenants', {})
    expect((await control('DELETE', `/__mock/tenants/${created.body.id}`)).status).toBe(204)
    expect((await fetch(`${created.body.base_url}/version`, { headers: ROOT })).status).toBe(404)
    expect((await control('DELETE', `/__mock/tenants/${created.body.id}`)).status).toBe(404)
    for (let i = 0; i < 3; i++) expect((await control('POST', '/__mock/tenants', {})).status).toBe(201)
    expect((await control('POST', '/__mock/tenants', {})).status).toBe(429)
    expect((await control('GET', '/__mock/tenants')).body).toHaveLength(3)
  })

  test.each([
    [{ colour: 'red' }, '$.colour'],
    [{ gitlab: '12.0' }, '$.gitlab'],
    [{ gitlab: '13.12', edition: 'ce', scenario: { projects: [{ id: 1, path_with_namespace: 'a/b' }], integrations: [{ project: 1, slug: 'github' }] } }, '$.scenario.integrations[0].slug'],
  ])('a bad tenant %j → 400 at %s, nothing created', async (body, path) => {
    const answer = await control('POST', '/__mock/tenants', body)
    expect(answer.status).toBe(400)
    expect(answer.body.path).toBe(path)
    expect((await control('GET', '/__mock/tenants')).body).toEqual([])
  })

  test('a tenant’s control API has no tenants of its own', async () => {
    const created = await control('POST', '/__mock/tenants', {})
    const prefix = created.body.base_url.replace(/\/api\/v4$/, '')
    expect((await control('POST', '/__mock/tenants', {}, prefix)).status).toBe(404)
  })
})

test('GET /__mock/openapi.json describes the control API too, served from the root', async () => {
  const document = (await control('GET', '/__mock/openapi.json')).body
  expect(document.paths['/projects/{id}/services']).toBeDefined()
  const faults = document.paths['/__mock/faults']
  expect(faults.servers).toEqual([{ url: origin }])
  expect(Object.keys(faults).filter((key) => key !== 'servers').sort()).toEqual(['delete', 'get', 'post'])
  expect(document.paths['/__mock/tenants/{id}'].delete.summary).toBe('Drop a tenant')
  for (const item of Object.values(document.paths) as Record<string, { summary?: string }>[])
    for (const [key, operation] of Object.entries(item)) if (key !== 'servers' && key !== 'parameters') expect(operation.summary).toBeTruthy()
})
