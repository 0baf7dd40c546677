/**
 * The node:http adapter over loopback: the same routes as the MSW handlers,
 * GitLab's catch-all for everything else, the control API, the journal,
 * faults, the body limit and a bounded journal.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startMockServer, type StartedMockServer } from 'gitlab-services-mock/server'
import { JSON_BODY, ROOT, scenario } from './support.js'

let server: StartedMockServer
let origin: string
let lines: string[]

beforeEach(async () => {
  lines = []
  server = await startMockServer({ scenario, log: (line) => lines.push(line) })
  origin = new URL(server.url).origin
})
afterEach(() => server.close())

describe.each(['services', 'integrations'])('flow over /%s', (family) => {
  test.each([
    ['slack', { webhook: 'https://hooks.slack.com/services/T1/B1/abc', channel: '#deploys' }],
    ['pipelines-email', { recipients: 'a@example.com b@example.com' }],
    ['bamboo', { bamboo_url: 'https://bamboo.example.com', build_key: 'KEY', username: 'u', password: 'p-secret' }],
  ])('%s: list, PUT, GET, DELETE', async (slug, body) => {
    const base = `${server.url}/projects/acme%2Fapp/${family}`
    const before = await (await fetch(base, { headers: ROOT })).json()
    expect(before.map((i: { slug: string }) => i.slug)).toEqual(['jira'])

    const put = await fetch(`${base}/${slug}`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify(body) })
    expect(put.status).toBe(200)
    expect(put.headers.get('content-type')).toBe('application/json')
    const saved = await put.json()
    expect(saved).toMatchObject({ slug, active: true })
    expect(JSON.stringify(saved)).not.toContain('secret')

    const got = await (await fetch(`${base}/${slug}`, { headers: ROOT })).json()
    expect(got).toEqual(saved)
    const listed = await (await fetch(base, { headers: ROOT })).json()
    expect(listed.map((i: { slug: string }) => i.slug)).toEqual(['jira', slug])

    const del = await fetch(`${base}/${slug}`, { method: 'DELETE', headers: ROOT })
    expect(del.status).toBe(204)
    expect(await del.text()).toBe('')
    const after = await (await fetch(`${base}/${slug}`, { headers: ROOT })).json()
    expect(after.active).toBe(false)
  })
})

test('unknown paths get the catch-all 404 without authentication', async () => {
  for (const path of ['/api/v4/nope', '/elsewhere', '/api/v4/projects/1/services/slack/extra']) {
    const response = await fetch(origin + path)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: '404 Not Found' })
  }
  const post = await fetch(`${server.url}/projects/1/services/slack`, { method: 'POST' })
  expect(post.status).toBe(404)
})

test('HEAD is answered like GET without a body', async () => {
  const response = await fetch(`${server.url}/projects/1/services/jira`, { method: 'HEAD', headers: ROOT })
  expect(response.status).toBe(200)
  expect(await response.text()).toBe('')
})

test('control API: dump, replace, reset', async () => {
  const dump = await (await fetch(`${origin}/__mock/scenario`)).json()
  expect(dump.integrations[0].properties.password).toBe('jira-pass-secret')

  const replaced = await fetch(`${origin}/__mock/scenario`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ users: [{ id: 7, username: 'zoe', admin: true, tokens: ['glpat-zoe'] }], projects: [{ id: 9, path_with_namespace: 'z/z' }] }),
  })
  expect(replaced.status).toBe(204)
  expect((await fetch(`${server.url}/projects/9/services`, { headers: { 'PRIVATE-TOKEN': 'glpat-zoe' } })).status).toBe(200)
  expect((await fetch(`${server.url}/projects/1/services`, { headers: ROOT })).status).toBe(401)

  const reset = await fetch(`${origin}/__mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } })
  expect(reset.status).toBe(204)
  expect((await fetch(`${server.url}/projects/1/services`, { headers: ROOT })).status).toBe(200)
})

test('an invalid scenario is refused with its JSON path and changes nothing', async () => {
  const before = await (await fetch(`${origin}/__mock/scenario`)).text()
  const response = await fetch(`${origin}/__mock/scenario`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ projects: [{ id: 1, path_with_namespace: 'a/b' }], integrations: [{ project: 1, slug: 'slackk' }] }),
  })
  expect(response.status).toBe(400)
  expect(await response.json()).toMatchObject({ path: '$.integrations[0].slug' })
  expect(await (await fetch(`${origin}/__mock/scenario`)).text()).toBe(before)
  const notJson = await fetch(`${origin}/__mock/scenario`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{' })
  expect(notJson.status).toBe(400)
})

test('the journal records requests with secrets redacted, and the log has no tokens', async () => {
  await fetch(`${server.url}/projects/1/services/jira?private_token=glpat-root-secret`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'https://jira.example.com', username: 'bot', password: 'jira-pass-secret' }),
  })
  const journal = await (await fetch(`${origin}/__mock/requests`)).json()
  expect(journal).toHaveLength(1)
  expect(journal[0]).toMatchObject({
    method: 'PUT',
    path: '/api/v4/projects/1/services/jira',
    status: 200,
    query: { private_token: '[REDACTED]' },
    body: { url: 'https://jira.example.com', username: 'bot', password: '[REDACTED]' },
  })
  expect(JSON.stringify(journal)).not.toContain('secret')
  expect(lines.join('\n')).not.toContain('secret')
  expect(lines[0]).toMatch(/^PUT \/api\/v4\/projects\/1\/services\/jira 200 \d+\.\dms$/)
  expect(server.mock.requests).toHaveLength(1)

  expect((await fetch(`${origin}/__mock/requests`, { method: 'DELETE' })).status).toBe(204)
  expect(await (await fetch(`${origin}/__mock/requests`)).json()).toEqual([])
})

test('injected faults: next N requests fail with a status, then recover', async () => {
  server.mock.failNext({ method: 'GET', path: '/projects/*/services/jira', times: 2, status: 429, headers: { 'Retry-After': '3' } })
  const url = `${server.url}/projects/1/services/jira`
  const first = await fetch(url, { headers: ROOT })
  expect(first.status).toBe(429)
  expect(first.headers.get('retry-after')).toBe('3')
  expect((await fetch(url, { headers: ROOT })).status).toBe(429)
  expect((await fetch(url, { headers: ROOT })).status).toBe(200)

  server.mock.failNext({ path: '/projects/1/services', networkError: true })
  await expect(fetch(`${server.url}/projects/1/services`, { headers: ROOT })).rejects.toThrow()
  expect((await fetch(`${server.url}/projects/1/services`, { headers: ROOT })).status).toBe(200)
})

test('bodies over the limit get 413 and change nothing', async () => {
  const response = await fetch(`${server.url}/projects/1/services/slack`, {
    method: 'PUT',
    headers: JSON_BODY,
    body: JSON.stringify({ webhook: 'https://hooks.slack.com/services/T/B/x', username: 'x'.repeat(2 * 1024 * 1024) }),
  })
  expect(response.status).toBe(413)
  expect((await fetch(`${server.url}/projects/1/services/slack`, { headers: ROOT })).status).toBe(404)
})

test('with control off, /__mock is GitLab\'s 404', async () => {
  const closed = await startMockServer({ scenario, control: false })
  try {
    const response = await fetch(`${new URL(closed.url).origin}/__mock/scenario`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: '404 Not Found' })
  } finally {
    await closed.close()
  }
})

test('a request Node cannot parse still gets a JSON 400', async () => {
  const { connect } = await import('node:net')
  const { port } = new URL(server.url)
  const answer = await new Promise<string>((resolve) => {
    let data = ''
    const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /api/v4/version HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'))
    socket.on('data', (chunk) => (data += chunk))
    socket.on('close', () => resolve(data))
  })
  expect(answer).toMatch(/^HTTP\/1\.1 400 /)
  expect(answer).toContain('Content-Type: application/json')
  expect(answer).toContain('{"error":"400 Bad Request"}')
})

test('CORS as GitLab configures it for /api/*: preflight 200, any origin, no credentials', async () => {
  const preflight = await fetch(`${server.url}/projects/1/services/slack`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'private-token,content-type' },
  })
  expect(preflight.status).toBe(200)
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
  expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT')
  expect(preflight.headers.get('access-control-allow-headers')).toBe('private-token,content-type')
  expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()

  const cross = await fetch(`${server.url}/projects/1/services/jira`, { headers: { ...ROOT, Origin: 'http://localhost:6006' } })
  expect(cross.status).toBe(200)
  expect(cross.headers.get('access-control-allow-origin')).toBe('*')
  expect(cross.headers.get('access-control-expose-headers')).toContain('X-Total')
  const sameOrigin = await fetch(`${server.url}/projects/1/services/jira`, { headers: ROOT })
  expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull()
  // An OPTIONS that is not a preflight is an ordinary request: GitLab's catch-all.
  expect((await fetch(`${server.url}/projects/1/services/slack`, { method: 'OPTIONS' })).status).toBe(404)
})

test('request targets are resolved as a URL parser (and nginx in front of GitLab) resolves them: dot segments, their escapes, an empty query', async () => {
  const { connect } = await import('node:net')
  const { port } = new URL(server.url)
  const get = (target: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      let data = ''
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nPRIVATE-TOKEN: glpat-root-secret\r\nConnection: close\r\n\r\n`),
      )
      socket.on('data', (chunk) => (data += chunk))
      socket.on('error', reject)
      socket.on('close', () => resolve({ status: Number(data.slice(9, 12)), body: data.slice(data.indexOf('\r\n\r\n') + 4) }))
    })
  const direct = await get('/api/v4/projects/1/services/jira')
  expect(direct.status).toBe(200)
  expect(JSON.parse(direct.body)).toMatchObject({ slug: 'jira' })
  for (const target of [
    '/api/v4/projects/1/services/../services/jira',
    '/api/v4/projects/1/services/%2e%2E/services/jira',
    '/api/v4/projects/1/services/./jira',
    '/api/v4/projects/1/services/%2E/jira',
    '/api/v4/projects/2/../1/services/jira?',
    '/api/v4/projects/acme%2Fapp/services/jira',
  ])
    expect(await get(target), target).toEqual(direct)
  // Resolved before routing: a dot segment can climb out of the API to the catch-all.
  expect((await get('/api/v4/projects/1/services/jira/../../../../../v4x')).status).toBe(404)
  // A query the parser would re-encode (`'`) reads the same as its encoded form.
  expect(await get("/api/v4/projects/1/services/jira?a='b")).toEqual(direct)
})
