/**
 * Routing and project resolution (spec §1, §4.2, §8): the forms of `:id`,
 * trailing slashes, Grape's catch-all 404 (no auth) for unknown paths,
 * wrong methods and slugs without a PUT route, and the 400 for an invalid
 * slug on GET/DELETE (after auth).
 */
import { describe, expect, test } from 'vitest'
import {
  call,
  expectJson,
  expectUnchanged,
  FAMILIES,
  INVALID_SLUG,
  PROJECT_NOT_FOUND,
  PROJECTS,
  ROUTE_NOT_FOUND,
  scenario,
  SEEDED_SLACK,
  setupMock,
  TOKENS,
  UNAUTHORIZED,
} from './support.js'

const { mock } = setupMock()
const token = TOKENS.maintainer
const HOOK = 'https://hooks.slack.com/services/T0/B0/routing'

describe.each(FAMILIES)('/%s', (family) => {
  describe('project :id', () => {
    test.each([
      ['a number', '1'],
      ['a zero-padded number', '0001'],
      ['a URL-encoded path', 'acme%2Fapp'],
      ['a URL-encoded path, lower-case escape', 'acme%2fapp'],
      ['a URL-encoded path in other letter case', 'ACME%2FApp'],
    ])('%s (%s) finds the project', async (_name, id) => {
      const get = await call('GET', `/projects/${id}/${family}/slack`, { token })
      expectJson(get, 200)
      expect(get.body.id).toBe(SEEDED_SLACK.id)
      expectJson(await call('GET', `/projects/${id}/${family}`, { token }), 200)
      const put = await call('PUT', `/projects/${id}/${family}/slack`, { token, json: { webhook: HOOK } })
      expect(put.body.id).toBe(SEEDED_SLACK.id)
    })

    test('a nested namespace path', async () => {
      const put = await call('PUT', `/projects/acme%2Fplatform%2Fdeep-app/${family}/slack`, { token: TOKENS.owner, json: { webhook: HOOK } })
      expectJson(put, 200)
      expect(mock.dump().integrations?.some((i) => i.project === PROJECTS.nested.id && i.slug === 'slack')).toBe(true)
    })

    test.each([
      ['a bare project name', 'app'],
      ['a namespace alone', 'acme'],
      ['an unknown id', '999'],
      ['an unknown path', 'acme%2Fnope'],
      ['a partial path', 'acme%2Fap'],
      ['a negative number', '-1'],
      ['a malformed escape', 'acme%2'],
    ])('%s (%s) → 404 Project Not Found', async (_name, id) => {
      for (const [method, path] of [
        ['GET', `/projects/${id}/${family}`],
        ['GET', `/projects/${id}/${family}/slack`],
        ['PUT', `/projects/${id}/${family}/slack`],
        ['DELETE', `/projects/${id}/${family}/slack`],
      ] as const) {
        const reply = await expectUnchanged(mock, () => call(method, path, { token, ...(method === 'PUT' ? { json: { webhook: HOOK } } : {}) }))
        expectJson(reply, 404, PROJECT_NOT_FOUND)
      }
    })
  })

  test('a trailing slash is ignored', async () => {
    expectJson(await call('GET', `/projects/1/${family}/`, { token }), 200)
    expectJson(await call('GET', `/projects/1/${family}/slack/`, { token }), 200)
    const put = await call('PUT', `/projects/5/${family}/slack/`, { token, json: { webhook: HOOK } })
    expectJson(put, 200)
    expect(put.body.properties.webhook).toBe(HOOK)
    const del = await call('DELETE', `/projects/5/${family}/slack/`, { token })
    expect(del.status).toBe(204)
    expect((await call('GET', `/projects/acme%2Fblank/${family}/slack/`, { token })).body.active).toBe(false)
  })

  describe("Grape's catch-all: 404 {\"error\":\"404 Not Found\"}, no authentication", () => {
    const cases: readonly (readonly [string, string])[] = [
      ['POST', `/projects/1/${family}/slack`],
      ['PATCH', `/projects/1/${family}/slack`],
      ['POST', `/projects/1/${family}`],
      ['PUT', `/projects/1/${family}`],
      ['DELETE', `/projects/1/${family}`],
      ['PATCH', `/projects/1/${family}`],
      ['GET', `/projects/1/${family}/slack/extra`],
      ['PUT', `/projects/1/${family}/slack/extra`],
      ['POST', `/projects/1/${family}/slack/trigger`],
      ['POST', `/projects/1/${family}/slack-slash-commands/trigger`],
      ['GET', `/projects/1/${family}/slack_slash_commands/trigger`],
      ['PUT', `/projects/1/${family}/no-such-slug`],
      ['PUT', `/projects/1/${family}/jenkins-deprecated`],
      ['PUT', `/projects/1/${family}/mock-ci`],
      ['PUT', `/projects/1/${family}/alerts`],
      ['PUT', `/projects/1/${family}/emails_on_push`],
      ['PUT', `/projects/999/${family}/no-such-slug`],
      ['POST', `/projects/999/${family}/slack`],
    ]

    test.each(cases)('%s %s', async (method, path) => {
      for (const auth of [{}, { token }, { token: TOKENS.outsider }, { token: 'glpat-nobody' }]) {
        const reply = await expectUnchanged(mock, () => call(method, path, { ...auth, ...(method === 'GET' ? {} : { json: { webhook: HOOK, token: 'x' } }) }))
        expectJson(reply, 404, ROUTE_NOT_FOUND)
      }
    })
  })

  describe('GET/DELETE of a slug the API does not route → 400 after auth', () => {
    test.each(['no-such-slug', 'jenkins-deprecated', 'mock-ci', 'alerts', 'emails_on_push', 'Slack'])('%s', async (slug) => {
      for (const method of ['GET', 'DELETE'] as const) {
        const path = `/projects/1/${family}/${slug}`
        expectJson(await call(method, path), 401, UNAUTHORIZED)
        const reply = await expectUnchanged(mock, () => call(method, path, { token }))
        expectJson(reply, 400, INVALID_SLUG)
      }
    })
  })

  test('mock-ci is routed when the scenario sets development: true', async () => {
    await mock.seed({ ...scenario, development: true })
    const path = `/projects/5/${family}/mock-ci`
    expectJson(await call('GET', path, { token }), 404, { message: '404 Service Not Found' })
    const put = await call('PUT', path, { token, json: { mock_service_url: 'http://localhost:4004' } })
    expectJson(put, 200)
    expect(put.body).toMatchObject({ slug: 'mock-ci', title: 'MockCI', active: true, properties: { mock_service_url: 'http://localhost:4004' } })
    expectJson(await call('PUT', path, { token, json: {} }), 400, { error: 'mock_service_url is missing' })
    expect((await call('DELETE', path, { token })).status).toBe(204)
    // jenkins-deprecated stays removed.
    expectJson(await call('PUT', `/projects/5/${family}/jenkins-deprecated`, { token, json: {} }), 404, ROUTE_NOT_FOUND)
  })
})

test('the two families are one API: a write through one is read through the other', async () => {
  const put = await call('PUT', '/projects/5/services/slack', { token, json: { webhook: HOOK } })
  expectJson(await call('GET', '/projects/5/integrations/slack', { token }), 200, put.body)
  expect((await call('DELETE', '/projects/5/integrations/slack', { token })).status).toBe(204)
  expect((await call('GET', '/projects/5/services/slack', { token })).body.active).toBe(false)
})
