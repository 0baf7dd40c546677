/**
 * The control API on a laptop next to a browser: no web page may read or
 * change the mock's state. Each attack found against the built CLI, as the
 * browser sends it: a cross-site `<form enctype=text/plain>` POST (Origin,
 * Sec-Fetch-Site, text/plain), DNS rebinding (the page's own name in Host),
 * and the variations of both; then what must keep working: curl, scripts,
 * same-origin tools, `--allowed-host`, `--control-token`, GitLab's CORS on
 * /api/*.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { exchange, rawRequest, startCli, type Cli } from './cli-support.js'

type Headers = readonly (readonly [string, string])[]

let cli: Cli
beforeAll(async () => {
  cli = await startCli(['--quiet', '--allowed-host', 'mock.test', '--allowed-host', '.corp.test'])
})

const send = (method: string, target: string, headers: Headers, body = '') => exchange(cli.port, rawRequest(method, target, headers, body))
const host = (name: string): [string, string] => ['Host', `${name}:${cli.port}`]
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json']
/** The demo state, as a fingerprint: the control API over a plain same-origin request. */
const state = async () => (await send('GET', '/__mock/scenario', [host('127.0.0.1')])).body
const demoUsers = async () => (await fetch(`${cli.origin}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': cli.token } })).status

describe('attacks are refused and change nothing', () => {
  test('CSRF: a cross-site <form enctype=text/plain> POST to /__mock/reset', async () => {
    const before = await state()
    // What Chromium sends for the form on https://evil.example.
    const answer = await send('POST', '/__mock/reset', [
      host('127.0.0.1'),
      ['Origin', 'https://evil.example'],
      ['Sec-Fetch-Site', 'cross-site'],
      ['Sec-Fetch-Mode', 'navigate'],
      ['Content-Type', 'text/plain'],
    ], 'a=b')
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body).error).toMatch(/^403 Forbidden/)
    expect(await state()).toBe(before)
  })

  test.each<[string, Headers]>([
    ['cross-site Origin, JSON type', [['Origin', 'https://evil.example'], JSON_TYPE]],
    ['Origin: null (sandboxed frame, file:)', [['Origin', 'null'], JSON_TYPE]],
    ['an Origin that only starts like localhost', [['Origin', 'http://localhost.evil.example'], JSON_TYPE]],
    ['an Origin on 127.0.0.1 inside a longer name', [['Origin', 'http://127.0.0.1.evil.example:80'], JSON_TYPE]],
    ['an unparseable Origin', [['Origin', 'http://[evil'], JSON_TYPE]],
    ['Sec-Fetch-Site: cross-site without Origin', [['Sec-Fetch-Site', 'cross-site'], JSON_TYPE]],
    ['text/plain without Origin (a no-cors fetch)', [['Content-Type', 'text/plain']]],
    ['form type without Origin', [['Content-Type', 'application/x-www-form-urlencoded']]],
    ['multipart without Origin', [['Content-Type', 'multipart/form-data; boundary=x']]],
    ['no Content-Type at all', []],
    ['a JSON-looking type that is not JSON', [['Content-Type', 'text/plain; x=application/json']]],
  ])('POST /__mock/reset with %s: refused', async (_name, headers) => {
    await fetch(`${cli.origin}/api/v4/projects/1/services/asana`, { method: 'DELETE', headers: { 'PRIVATE-TOKEN': cli.token } })
    const before = await state()
    const answer = await send('POST', '/__mock/reset', [host('127.0.0.1'), ...headers], '{}')
    expect([403, 415]).toContain(answer.status)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(await state()).toBe(before)
  })

  test.each([
    'rebind.evil.example',
    'localhost.evil.example',
    '127.0.0.1.evil.example',
    'evil.example.localhost.evil.example',
    'mock.test.evil.example',
    'xcorp.test',
    'corp.test.evil',
  ])('DNS rebinding, Host %s: no dump, no replace, no reset, no journal, no OpenAPI echo', async (name) => {
    const forged = host(name)
    const dump = await send('GET', '/__mock/scenario', [forged])
    expect(dump.status).toBe(403)
    expect(dump.body).not.toContain('glpat-')
    expect((await send('GET', '/__mock/requests', [forged])).status).toBe(403)
    const openapi = await send('GET', '/__mock/openapi.json', [forged])
    expect(openapi.status).toBe(403)
    expect(openapi.body).not.toContain(name)
    const put = await send('PUT', '/__mock/scenario', [forged, JSON_TYPE], JSON.stringify({ users: [{ id: 1, username: 'evil', tokens: ['glpat-evil'] }] }))
    expect(put.status).toBe(403)
    expect((await send('POST', '/__mock/reset', [forged, JSON_TYPE], '{}')).status).toBe(403)
    expect((await send('DELETE', '/__mock/requests', [forged])).status).toBe(403)
    expect(await demoUsers()).toBe(200)
  })

  test.each([
    ['empty', ''],
    ['with userinfo', `evil.example@127.0.0.1:1`],
    ['with a path', '127.0.0.1/x'],
    ['two names', '127.0.0.1, evil.example'],
  ])('a malformed Host (%s) is refused', async (_name, value) => {
    expect((await send('GET', '/__mock/scenario', [['Host', value]])).status).toBe(403)
  })

  test('/__mock answers no CORS: a preflight gets no Access-Control-Allow-Origin', async () => {
    const answer = await send('OPTIONS', '/__mock/reset', [
      host('127.0.0.1'),
      ['Origin', 'https://evil.example'],
      ['Access-Control-Request-Method', 'POST'],
      ['Access-Control-Request-Headers', 'content-type'],
    ])
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    const read = await send('GET', '/__mock/scenario', [host('127.0.0.1'), ['Origin', 'http://localhost:6006']])
    expect(read.status).toBe(200)
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('what must keep working', () => {
  test('curl and scripts: no Origin, loopback Host, JSON writes', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST', 'app.localhost']) {
      expect((await send('GET', '/__mock/requests', [host(name)])).status, name).toBe(200)
    }
    expect((await send('POST', '/__mock/reset', [host('localhost'), JSON_TYPE])).status).toBe(204)
    expect((await send('POST', '/__mock/reset', [host('localhost'), ['Content-Type', 'application/json; charset=utf-8']])).status).toBe(204)
    // A body-less DELETE needs no type: browsers always preflight DELETE.
    expect((await send('DELETE', '/__mock/requests', [host('127.0.0.1')])).status).toBe(204)
    // Node's fetch, as the README's scripts use it.
    const dump = await fetch(`${cli.origin}/__mock/scenario`)
    expect(dump.status).toBe(200)
    const put = await fetch(`${cli.origin}/__mock/scenario`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: await dump.text() })
    expect(put.status).toBe(204)
  })

  test('same-origin pages and local dev servers', async () => {
    const own = await send('POST', '/__mock/reset', [host('127.0.0.1'), ['Origin', `http://127.0.0.1:${cli.port}`], ['Sec-Fetch-Site', 'same-origin'], JSON_TYPE])
    expect(own.status).toBe(204)
    const storybook = await send('GET', '/__mock/requests', [host('localhost'), ['Origin', 'http://localhost:6006'], ['Sec-Fetch-Site', 'same-site']])
    expect(storybook.status).toBe(200)
  })

  test('--allowed-host names (and .suffix subdomains) are accepted; their pages too', async () => {
    for (const name of ['mock.test', 'corp.test', 'a.corp.test', 'b.a.corp.test', 'MOCK.TEST']) {
      expect((await send('GET', '/__mock/requests', [host(name)])).status, name).toBe(200)
    }
    const openapi = await send('GET', '/__mock/openapi.json', [host('mock.test')])
    expect(JSON.parse(openapi.body).servers[0].url).toBe(`http://mock.test:${cli.port}/api/v4`)
    expect((await send('POST', '/__mock/reset', [host('mock.test'), ['Origin', `http://mock.test:${cli.port}`], JSON_TYPE])).status).toBe(204)
  })

  test('/api/* keeps GitLab\'s CORS for any origin and any Host', async () => {
    const answer = await send('GET', '/api/v4/projects/1/services', [host('rebind.evil.example'), ['Origin', 'https://evil.example'], ['PRIVATE-TOKEN', cli.token]])
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
  })
})

describe('--control-token', () => {
  test('/__mock needs Authorization: Bearer TOKEN; /api/* does not', async () => {
    const guarded = await startCli(['--quiet', '--control-token', 'control-token-4242'])
    const at = (headers: Headers) => exchange(guarded.port, rawRequest('GET', '/__mock/scenario', [['Host', '127.0.0.1'], ...headers]))
    expect((await at([])).status).toBe(401)
    expect((await at([['Authorization', 'Bearer wrong-token-4242']])).status).toBe(401)
    expect((await at([['Authorization', 'Bearer control-token-424']])).status).toBe(401)
    expect((await at([['Authorization', 'Basic Y29udHJvbC10b2tlbi00MjQy']])).status).toBe(401)
    expect((await at([['Authorization', 'Bearer control-token-4242']])).status).toBe(200)
    expect((await fetch(`${guarded.origin}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': guarded.token } })).status).toBe(200)
    // The token does not lift the other checks.
    const forged = await exchange(guarded.port, rawRequest('GET', '/__mock/scenario', [['Host', 'rebind.evil.example'], ['Authorization', 'Bearer control-token-4242']]))
    expect(forged.status).toBe(403)
  })

  test('from the environment, out of sight of ps', async () => {
    const guarded = await startCli(['--quiet'], { GITLAB_SERVICES_MOCK_CONTROL_TOKEN: 'env-token-123456' })
    expect((await fetch(`${guarded.origin}/__mock/requests`)).status).toBe(401)
    expect((await fetch(`${guarded.origin}/__mock/requests`, { headers: { Authorization: 'Bearer env-token-123456' } })).status).toBe(200)
  })
})
