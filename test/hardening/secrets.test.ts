/**
 * Secrets never leave: a scenario seeds a known secret in every token and
 * every field GitLab hides (password, token, API key, ...), then every
 * endpoint is driven, under both families and for every routable slug, with
 * new secrets in headers, query strings, JSON, form and multipart bodies,
 * on success and on every kind of rejection. No secret appears in any
 * response (body or header), any log line of the standalone server, or any
 * journal entry (`mock.requests`, `GET /__mock/requests`). The one
 * documented exception is the control API's scenario dump, which must hold
 * them (so the check below is not vacuous).
 *
 * Every secret contains SECRET_MARK and nothing else sent does, so a single
 * substring test catches any of them, whole or in part of a larger string.
 */
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock, type GitLabMock } from 'gitlab-services-mock'
import { startMockServer, type StartedMockServer } from 'gitlab-services-mock/server'
import { FAIL_UNHANDLED } from '../core/support.js'
import {
  fetchTransport,
  httpTransport,
  putBody,
  ROUTABLE,
  SCENARIO,
  SECRET_MARK,
  SEEDED_SECRETS,
  secret,
  START,
  TOKENS,
  type RawRequest,
  type RawResponse,
  type Transport,
} from './support.js'
import { isHiddenField } from '../support/gitlab-13-12.js'

const OLD_DATE = 'Fri, 01 Jan 2021 00:00:00 GMT'
const enc = encodeURIComponent

interface Sent {
  request: RawRequest
  response: RawResponse
}

const auth = (token: string): [string, string][] => [['PRIVATE-TOKEN', token]]
const jsonBody = (body: unknown) => ({ headers: [['Content-Type', 'application/json']] as [string, string][], body: JSON.stringify(body) })
const formBody = (body: Record<string, unknown>) => ({
  headers: [['Content-Type', 'application/x-www-form-urlencoded']] as [string, string][],
  body: Object.entries(body)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&'),
})
function multipartBody(body: Record<string, unknown>) {
  const parts = Object.entries(body).map(([k, v]) => `--s3p\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`)
  return { headers: [['Content-Type', 'multipart/form-data; boundary=s3p']] as [string, string][], body: `${parts.join('')}--s3p--\r\n` }
}

/** Every request of the drive, in order: [expected status, request]. */
function drive(): [number, RawRequest][] {
  const out: [number, RawRequest][] = []
  const add = (status: number, method: string, target: string, headers: [string, string][], extra?: { headers: [string, string][]; body: string }) =>
    out.push([status, { method, target, headers: [...headers, ...(extra?.headers ?? [])], ...(extra ? { body: extra.body } : {}) }])

  for (const family of ['services', 'integrations']) {
    const p = (id: number | string, rest = '') => `/api/v4/projects/${id}/${family}${rest}`
    // The list, with the token in each place GitLab reads it.
    add(200, 'GET', p(1), auth(TOKENS.maintainer))
    add(200, 'GET', `${p('acme%2Fapp')}?private_token=${TOKENS.admin}`, [])
    add(200, 'GET', p(1), [['Authorization', `Bearer ${TOKENS.maintainer}`]])
    add(200, 'HEAD', p(1), auth(TOKENS.readApi))
    for (const [status, token] of [
      [401, TOKENS.expired],
      [401, TOKENS.revoked],
      [401, `${TOKENS.maintainer}-typo`],
      [403, TOKENS.developer],
      [403, TOKENS.blocked],
      [404, TOKENS.outsider],
    ] as const)
      add(status, 'GET', p(1), auth(token))
    add(401, 'GET', p(1), [['JOB-TOKEN', TOKENS.maintainer]])

    for (const spec of ROUTABLE) {
      const one = p(1, `/${spec.slug}`)
      const tag = (how: string) => `${how}-${family}`
      const hidden = spec.params.filter((param) => isHiddenField(param.name))
      const requiredSecret = hidden.find((param) => param.required)

      add(200, 'GET', one, auth(TOKENS.maintainer))
      add(200, 'HEAD', `${one}?private_token=${TOKENS.readApi}`, [])
      add(200, 'PUT', `${one}?private_token=${TOKENS.maintainer}`, [], jsonBody(putBody(spec, tag('json'))))
      add(200, 'PUT', one, auth(TOKENS.admin), formBody(putBody(spec, tag('form'))))
      add(200, 'PUT', one, [['Authorization', `Bearer ${TOKENS.maintainer}`]], multipartBody(putBody(spec, tag('multipart'))))
      add(200, 'PUT', `${one}?${new URLSearchParams(putBody(spec, tag('query')) as Record<string, string>)}`, auth(TOKENS.maintainer))
      // Rejections: caller, scope, params, model, precondition.
      add(403, 'PUT', one, auth(TOKENS.developer), jsonBody(putBody(spec, tag('developer'))))
      add(404, 'PUT', one, auth(TOKENS.outsider), jsonBody(putBody(spec, tag('outsider'))))
      add(401, 'PUT', one, auth(TOKENS.expired), jsonBody(putBody(spec, tag('expired'))))
      add(403, 'PUT', one, auth(TOKENS.readApi), jsonBody(putBody(spec, tag('read-api'))))
      add(401, 'PUT', one, [], jsonBody(putBody(spec, tag('anonymous'))))
      if (requiredSecret) {
        const { [requiredSecret.name]: _dropped, ...missing } = putBody(spec, tag('missing'))
        add(400, 'PUT', one, auth(TOKENS.maintainer), jsonBody(missing))
        add(400, 'PUT', one, auth(TOKENS.maintainer), jsonBody({ ...putBody(spec, tag('array')), [requiredSecret.name]: [secret(tag('in-array'))] }))
        add(400, 'PUT', one, auth(TOKENS.maintainer), jsonBody({ ...putBody(spec, tag('object')), [requiredSecret.name]: { value: secret(tag('in-object')) } }))
      }
      if (spec.params.some((param) => param.name === 'webhook'))
        add(400, 'PUT', one, auth(TOKENS.maintainer), jsonBody({ ...putBody(spec, tag('model')), webhook: 'http://127.0.0.1/private' }))
      add(400, 'PUT', one, auth(TOKENS.maintainer), { headers: [['Content-Type', 'application/json']], body: `{"password":"${secret(tag('malformed'))}",` })
      add(415, 'PUT', one, auth(TOKENS.maintainer), { headers: [['Content-Type', 'text/xml']], body: `<token>${secret(tag('xml'))}</token>` })
      add(412, 'DELETE', one, [...auth(TOKENS.maintainer), ['If-Unmodified-Since', OLD_DATE]])
      add(204, 'DELETE', `${one}?private_token=${TOKENS.admin}`, [])
      add(200, 'GET', one, auth(TOKENS.maintainer))
    }
    add(400, 'GET', p(1, '/jenkins-deprecated'), auth(TOKENS.maintainer))
    add(404, 'PUT', p(1, '/nope'), [], jsonBody({ token: secret(tag2(family, 'unknown-slug')) }))
    add(404, 'GET', `${p(1, '/slack/extra')}?private_token=${TOKENS.admin}`, [])

    // Slash-command triggers: the stored token is the key (spec §4.5). Re-seeded by the PUTs above, then deleted.
    for (const trigger of ['slack_slash_commands', 'mattermost_slash_commands']) {
      add(404, 'POST', p(1, `/${trigger}/trigger`), [], formBody({ token: secret(`seeded-${trigger.replaceAll('_', '-')}-token`) }))
      add(404, 'POST', `${p(1, `/${trigger}/trigger`)}?token=${secret(tag2(family, 'wrong-trigger'))}`, [])
      add(400, 'POST', p(1, `/${trigger}/trigger`), auth(TOKENS.maintainer), jsonBody({ text: 'deploy' }))
    }
  }
  add(200, 'GET', '/api/v4/user', auth(TOKENS.maintainer))
  add(200, 'GET', `/api/v4/version?private_token=${TOKENS.readApi}`, [])
  add(200, 'GET', '/api/v4/projects/1', [['Authorization', `Bearer ${TOKENS.admin}`]])
  add(401, 'GET', '/api/v4/user', auth(TOKENS.revoked))
  add(404, 'GET', `/api/v4/nowhere?private_token=${TOKENS.admin}`, auth(TOKENS.admin))
  return out
}

function tag2(family: string, what: string): string {
  return `${what}-${family}`
}

/** A fresh-token trigger round: configure, trigger with the right token, fail with a wrong one. */
function triggers(): [number, RawRequest][] {
  const out: [number, RawRequest][] = []
  for (const slug of ['slack-slash-commands', 'mattermost-slash-commands']) {
    const token = secret(`trigger-${slug}`)
    const trigger = slug.replace(/-/g, '_')
    out.push([200, { method: 'PUT', target: `/api/v4/projects/1/services/${slug}`, headers: [...auth(TOKENS.maintainer), ['Content-Type', 'application/json']], body: JSON.stringify({ token }) }])
    out.push([200, { method: 'POST', target: `/api/v4/projects/1/integrations/${trigger}/trigger`, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ token, text: 'deploy' }) }])
    out.push([200, { method: 'POST', target: `/api/v4/projects/acme%2Fapp/services/${trigger}/trigger?token=${enc(token)}`, headers: [] }])
    out.push([404, { method: 'POST', target: `/api/v4/projects/1/services/${trigger}/trigger`, headers: [], body: `token=${enc(`${token}x`)}` }])
  }
  return out
}

async function run(send: Transport): Promise<Sent[]> {
  const sent: Sent[] = []
  for (const [status, request] of [...drive(), ...triggers()]) {
    const response = await send(request)
    expect(response.status, `${request.method} ${request.target}: ${response.text.slice(0, 200)}`).toBe(status)
    sent.push({ request, response })
  }
  return sent
}

/** Everything a harness can read besides the dump, checked for the marker. */
function expectNoSecret(where: string, text: string): void {
  const at = text.indexOf(SECRET_MARK)
  expect(at, `${where} leaks a secret: …${text.slice(Math.max(0, at - 80), at + 40)}…`).toBe(-1)
}

function expectClean(sent: readonly Sent[], mock: GitLabMock): void {
  // Sanity: the drive really carried secrets, in the requests and in the state.
  const carried = sent.filter(({ request }) => `${request.target}${JSON.stringify(request.headers)}${String(request.body ?? '')}`.includes(SECRET_MARK))
  expect(carried.length).toBeGreaterThan(1_000)
  for (const { request, response } of sent) {
    expectNoSecret(`${request.method} ${request.target} (body)`, response.text)
    expectNoSecret(`${request.method} ${request.target} (headers)`, JSON.stringify(response.headers))
  }
  expectNoSecret('mock.requests', JSON.stringify(mock.requests))
}

/** The documented exception holds them: seeded ones (tokens) and written ones (the last PUTs' trigger tokens). */
function expectDumpHoldsSecrets(dump: string): void {
  for (const token of Object.values(TOKENS)) expect(dump).toContain(token)
  for (const slug of ['slack-slash-commands', 'mattermost-slash-commands']) expect(dump).toContain(secret(`trigger-${slug}`))
}

describe('standalone server: responses, log lines and journal', () => {
  let server: StartedMockServer
  const lines: string[] = []
  beforeAll(async () => {
    server = await startMockServer({ scenario: SCENARIO, now: () => START, log: (line) => lines.push(line), journalSize: 100_000 })
  })
  afterAll(() => server.close())

  test('no secret in any response, log line or journal entry; the scenario dump holds them', async () => {
    const origin = new URL(server.url).origin
    const send = httpTransport(origin)
    // Before: the state holds every seeded secret (tokens and each hidden field of each slug).
    const seeded = (await send({ method: 'GET', target: '/__mock/scenario', headers: [] })).text
    for (const value of SEEDED_SECRETS) expect(seeded).toContain(value)
    expect(SEEDED_SECRETS.length).toBeGreaterThan(Object.keys(TOKENS).length + 15)
    lines.length = 0

    const sent = await run(send)
    expectClean(sent, server.mock)
    expect(lines).toHaveLength(sent.length)
    for (const line of lines) expectNoSecret(`log line ${line.slice(0, 120)}`, line)

    const journal = await send({ method: 'GET', target: '/__mock/requests', headers: [] })
    // Everything but the path outside the API (the server's catch-all) is journaled.
    expect(JSON.parse(journal.text)).toHaveLength(sent.length - 1)
    expectNoSecret('GET /__mock/requests', journal.text)

    // The documented exception: the control API's scenario dump.
    const dump = await send({ method: 'GET', target: '/__mock/scenario', headers: [] })
    expectDumpHoldsSecrets(dump.text)
  }, 30_000)
})

describe('MSW handlers: responses and journal', () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START, journalSize: 100_000 })
  // What the kit does not serve falls through; here it meets the server's catch-all answer.
  const msw = setupServer(...mock.handlers, http.all(/.*/, () => HttpResponse.json({ error: '404 Not Found' }, { status: 404 })))
  beforeAll(() => msw.listen(FAIL_UNHANDLED))
  afterAll(() => msw.close())

  test('no secret in any response or journal entry; dump() holds them', async () => {
    const sent = await run(fetchTransport('https://gitlab.example.com'))
    expectClean(sent, mock)
    expect(mock.requests).toHaveLength(sent.length - 1)
    expectDumpHoldsSecrets(JSON.stringify(mock.dump()))
  }, 30_000)
})
