/**
 * The kit inside a user's MSW setup: requests outside its routes fall
 * through to the user's own handlers, runtime overrides win, and two mocks
 * with different base URLs share no state.
 */
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'
import { call, clock, expectJson, FAIL_UNHANDLED, scenario, SERVICE_NOT_FOUND, START, TOKENS } from './support.js'

const A = 'https://gitlab.example.com/api/v4'
const B = 'https://gitlab.other.example/gitlab/api/v4'
const now = () => clock.now

const a = createGitLabMock({ scenario, now })
const b = createGitLabMock({ scenario, now, baseUrl: B })

/** The user's own handlers, registered after the kit's. */
const issues = http.get(`${A}/projects/1/issues`, () => HttpResponse.json([{ iid: 1, title: 'user handler' }]))
const mergeRequests = http.get(`${A}/projects/:id/merge_requests`, ({ params }) =>
  HttpResponse.json({ from: 'user', project: decodeURIComponent(String(params.id)) }),
)
const elsewhere = http.all('https://api.example.net/*', () => HttpResponse.json({ from: 'elsewhere' }))
/** Last resort for both hosts: whatever reaches it was left alone by the kit. */
const fallback = http.all(/^https:\/\/gitlab\.(example\.com|other\.example)\//, () =>
  HttpResponse.json({ from: 'fallback' }, { status: 418 }),
)

const server = setupServer(...a.handlers, ...b.handlers, issues, mergeRequests, elsewhere, fallback)
beforeAll(() => server.listen(FAIL_UNHANDLED))
afterEach(async () => {
  server.resetHandlers()
  await Promise.all([a.reset(), b.reset()])
  clock.now = START
})
afterAll(() => server.close())

const token = TOKENS.maintainer
const HOOK = 'https://hooks.slack.com/services/T0/B0/isolation'

describe('requests outside the kit’s routes', () => {
  test('fall through to handlers registered after the kit’s', async () => {
    expectJson(await call('GET', `${A}/projects/1/issues`, { token }), 200, [{ iid: 1, title: 'user handler' }])
    expectJson(await call('GET', `${A}/projects/acme%2Fapp/merge_requests`), 200, { from: 'user', project: 'acme/app' })
    expectJson(await call('POST', 'https://api.example.net/v1/things', { json: {} }), 200, { from: 'elsewhere' })
  })

  test('the kit still answers its own routes next to them', async () => {
    expectJson(await call('GET', `${A}/projects/1/services/slack`, { token }), 200)
    expectJson(await call('GET', `${B}/projects/1/services/slack`, { token }), 200)
  })

  test.each([
    ['another project endpoint', `${A}/projects/1/pipelines`],
    ['an unencoded project path', `${A}/projects/acme/app/services`],
    ['another API version', `${A.replace('/v4', '/v3')}/projects/1/services`],
    ['the API root', `${A}`],
    ['the web UI', 'https://gitlab.example.com/acme/app/-/settings/integrations'],
    ['mock B’s routes without its path prefix', 'https://gitlab.other.example/api/v4/projects/1/services'],
  ])('%s is left to the next handler', async (_name, url) => {
    expectJson(await call('GET', url, { token }), 418, { from: 'fallback' })
  })

  test('a runtime override (server.use) takes precedence until resetHandlers', async () => {
    server.use(http.get(`${A}/projects/1/services/slack`, () => HttpResponse.json({ overridden: true }, { status: 503 })))
    expectJson(await call('GET', `${A}/projects/1/services/slack`, { token }), 503, { overridden: true })
    server.resetHandlers()
    expect((await call('GET', `${A}/projects/1/services/slack`, { token })).body.id).toBe(101)
  })
})

describe('two mocks with different base URLs', () => {
  test('do not share state', async () => {
    const put = await call('PUT', `${A}/projects/5/services/slack`, { token, json: { webhook: HOOK } })
    expectJson(put, 200)
    expectJson(await call('GET', `${B}/projects/5/services/slack`, { token }), 404, SERVICE_NOT_FOUND)
    expect(a.dump()).not.toEqual(b.dump())

    await call('DELETE', `${B}/projects/1/services/slack`, { token })
    expect((await call('GET', `${A}/projects/1/services/slack`, { token })).body.active).toBe(true)
    expect((await call('GET', `${B}/projects/1/services/slack`, { token })).body.active).toBe(false)
  })

  test('seed and reset act on one mock only', async () => {
    await b.seed({ users: [{ id: 1, username: 'solo', tokens: ['glpat-solo'] }] })
    expectJson(await call('GET', `${B}/user`, { token }), 401, { message: '401 Unauthorized' })
    expectJson(await call('GET', `${A}/user`, { token }), 200)
    expect((await call('GET', `${B}/user`, { token: 'glpat-solo' })).body.username).toBe('solo')
  })

  test('a base URL with a path prefix answers under that prefix', async () => {
    expectJson(await call('GET', `${B}/projects/1/integrations`, { token }), 200)
    expectJson(await call('GET', `${B}/projects/1/integrations/slack/nope`, { token }), 404, { error: '404 Not Found' })
  })
})
