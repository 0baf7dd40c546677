/**
 * Every kind of rejected request, in one table: whatever the reason, the
 * model (`mock.dump()`) is deep-equal before and after.
 */
import { describe, expect, test } from 'vitest'
import {
  call,
  type CallOptions,
  clock,
  expectUnchanged,
  FAMILIES,
  setupMock,
  TOKENS,
} from './support.js'

const { mock } = setupMock()
const m = { token: TOKENS.maintainer }
const HOOK = 'https://hooks.slack.com/services/T0/B0/rejected'
const OLD = new Date(Date.parse('2021-01-01T00:00:00Z')).toUTCString()

describe.each(FAMILIES)('/%s', (family) => {
  const p = (id: number | string, slug?: string) => `/projects/${id}/${family}${slug ? `/${slug}` : ''}`

  const CASES: readonly (readonly [string, string, string, CallOptions, number])[] = [
    ['anonymous PUT', 'PUT', p(1, 'slack'), { json: { webhook: HOOK } }, 401],
    ['anonymous DELETE', 'DELETE', p(1, 'slack'), {}, 401],
    ['JOB-TOKEN PUT', 'PUT', p(1, 'slack'), { headers: { 'JOB-TOKEN': TOKENS.maintainer }, json: { webhook: HOOK } }, 401],
    ['expired token PUT', 'PUT', p(1, 'slack'), { token: TOKENS.expired, json: { webhook: HOOK } }, 401],
    ['revoked token DELETE', 'DELETE', p(1, 'slack'), { token: TOKENS.revoked }, 401],
    ['read_api PUT', 'PUT', p(1, 'slack'), { token: TOKENS.readApi, json: { webhook: HOOK } }, 403],
    ['read_api DELETE', 'DELETE', p(1, 'slack'), { token: TOKENS.readApi }, 403],
    ['blocked PUT', 'PUT', p(1, 'slack'), { token: TOKENS.blocked, json: { webhook: HOOK } }, 403],
    ['developer PUT', 'PUT', p(1, 'slack'), { token: TOKENS.developer, json: { webhook: HOOK } }, 403],
    ['developer DELETE', 'DELETE', p(1, 'slack'), { token: TOKENS.developer }, 403],
    ['outsider PUT on private', 'PUT', p(1, 'slack'), { token: TOKENS.outsider, json: { webhook: HOOK } }, 404],
    ['outsider DELETE on public', 'DELETE', p(3, 'slack'), { token: TOKENS.outsider }, 403],
    ['PUT on a missing project', 'PUT', p(999, 'slack'), { ...m, json: { webhook: HOOK } }, 404],
    ['PUT on a bare name', 'PUT', p('app', 'slack'), { ...m, json: { webhook: HOOK } }, 404],
    ['PUT missing a param', 'PUT', p(1, 'slack'), { ...m, json: { username: 'x' } }, 400],
    ['PUT with a junk Boolean', 'PUT', p(1, 'slack'), { ...m, json: { webhook: HOOK, push_events: 'maybe' } }, 400],
    ['PUT with a junk Integer', 'PUT', p(5, 'irker'), { ...m, json: { recipients: 'irc://irc.example.net/#a', server_port: 'x' } }, 400],
    ['PUT with a private URL', 'PUT', p(1, 'slack'), { ...m, json: { webhook: 'http://10.0.0.1/x' } }, 400],
    ['PUT with a blank required value', 'PUT', p(1, 'slack'), { ...m, json: { webhook: '' } }, 400],
    ['PUT with malformed JSON', 'PUT', p(1, 'slack'), { ...m, body: '{', headers: { 'Content-Type': 'application/json' } }, 400],
    ['PUT with an unsupported media type', 'PUT', p(1, 'slack'), { ...m, body: '<x/>', headers: { 'Content-Type': 'text/xml' } }, 415],
    ['PUT to an unknown slug', 'PUT', p(1, 'skype'), { ...m, json: { webhook: HOOK } }, 404],
    ['PUT to jenkins-deprecated', 'PUT', p(1, 'jenkins-deprecated'), { ...m, json: {} }, 404],
    ['PUT to mock-ci', 'PUT', p(1, 'mock-ci'), { ...m, json: { mock_service_url: 'https://ci.example.com' } }, 404],
    ['POST to a slug', 'POST', p(1, 'slack'), { ...m, json: { webhook: HOOK } }, 404],
    ['PATCH to a slug', 'PATCH', p(1, 'slack'), { ...m, json: { webhook: HOOK } }, 404],
    ['DELETE of an unknown slug', 'DELETE', p(1, 'skype'), m, 400],
    ['DELETE of alerts', 'DELETE', p(1, 'alerts'), m, 400],
    ['DELETE with an old If-Unmodified-Since', 'DELETE', p(1, 'slack'), { ...m, headers: { 'If-Unmodified-Since': OLD } }, 412],
    ['trigger with a wrong token', 'POST', p(1, 'slack_slash_commands/trigger'), { form: { token: 'nope' } }, 404],
    ['trigger without a token', 'POST', p(1, 'mattermost_slash_commands/trigger'), { form: {} }, 400],
    ['GET of a never-configured slug', 'GET', p(1, 'jira'), m, 404],
  ]

  test.each(CASES)('%s (%s %s) changes nothing', async (_name, method, path, options, status) => {
    clock.advance(1000)
    const reply = await expectUnchanged(mock, () => call(method, path, options))
    expect(reply.status).toBe(status)
  })
})
