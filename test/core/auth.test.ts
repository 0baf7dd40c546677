/**
 * Authentication (spec §2): which credentials are read, and the exact 401
 * and 403 answers for missing, unknown, expired, revoked and under-scoped
 * tokens and for blocked users.
 */
import { describe, expect, test } from 'vitest'
import {
  call,
  expectJson,
  expectUnchanged,
  FAMILIES,
  INSUFFICIENT_SCOPE_DESCRIPTION,
  PROJECTS,
  SEEDED_SLACK,
  servicePath,
  setupMock,
  TOKENS,
  UNAUTHORIZED,
} from './support.js'

const { mock } = setupMock()
const slackBody = { webhook: 'https://hooks.slack.com/services/T1/B1/auth' }

describe.each(FAMILIES)('/%s', (family) => {
  const list = servicePath(PROJECTS.private.id, family)
  const slack = servicePath(PROJECTS.private.id, family, 'slack')

  describe('accepted credentials', () => {
    test('PRIVATE-TOKEN header', async () => {
      expectJson(await call('GET', list, { headers: { 'PRIVATE-TOKEN': TOKENS.maintainer } }), 200)
    })

    test('private_token query param', async () => {
      const reply = await call('GET', list, { query: { private_token: TOKENS.maintainer } })
      expectJson(reply, 200)
      expect(reply.body.map((entity: { slug: string }) => entity.slug)).toContain('slack')
    })

    test('private_token in a JSON body', async () => {
      const reply = await call('PUT', slack, { json: { ...slackBody, private_token: TOKENS.maintainer } })
      expectJson(reply, 200)
      expect(reply.body.properties.webhook).toBe(slackBody.webhook)
    })

    test('private_token in a form-encoded body', async () => {
      const reply = await call('PUT', slack, { form: { ...slackBody, private_token: TOKENS.maintainer } })
      expectJson(reply, 200)
      expect(reply.body.properties.webhook).toBe(slackBody.webhook)
    })

    test('Authorization: Bearer with a personal access token', async () => {
      const reply = await call('GET', slack, { headers: { Authorization: `Bearer ${TOKENS.maintainer}` } })
      expectJson(reply, 200)
      expect(reply.body.id).toBe(SEEDED_SLACK.id)
    })

    test('?access_token= and ?bearer_token= carry a personal access token too (Doorkeeper token sources)', async () => {
      expectJson(await call('GET', slack, { query: { access_token: TOKENS.maintainer } }), 200)
      expectJson(await call('GET', slack, { query: { bearer_token: TOKENS.maintainer } }), 200)
    })

    test('a token of personal-access-token length (20..40) in an OAuth source falls back to PRIVATE-TOKEN first', async () => {
      // find_personal_access_token: the private_token param, then the header, then the OAuth-source token.
      const reply = await call('GET', slack, { token: TOKENS.maintainer, headers: { Authorization: 'Bearer glpat-nobody-but-pat-length' } })
      expectJson(reply, 200)
    })

    test('a token that expires later is still valid', async () => {
      expectJson(await call('GET', slack, { token: TOKENS.expiresLater }), 200)
    })
  })

  describe('rejected credentials', () => {
    test.each([
      ['no credentials', {}],
      ['an unknown PRIVATE-TOKEN', { token: 'glpat-nobody' }],
      ['an unknown private_token param', { query: { private_token: 'glpat-nobody' } }],
      ['an unknown Bearer token', { headers: { Authorization: 'Bearer glpat-nobody' } }],
      ['a valid token as JOB-TOKEN (not job-token enabled)', { headers: { 'JOB-TOKEN': TOKENS.maintainer } }],
      ['a valid token as job_token param', { query: { job_token: TOKENS.maintainer } }],
      ['HTTP Basic', { headers: { Authorization: `Basic ${btoa(`maintainer:${TOKENS.maintainer}`)}` } }],
      ['an empty PRIVATE-TOKEN', { headers: { 'PRIVATE-TOKEN': '' } }],
      // Outside PersonalAccessToken::TOKEN_LENGTH_RANGE (20..40): looked up as OAuth, which fails first.
      ['a short Bearer token beside a valid PRIVATE-TOKEN', { token: TOKENS.maintainer, headers: { Authorization: 'Bearer abc123' } }],
      ['a 41-character ?access_token= beside a valid PRIVATE-TOKEN', { token: TOKENS.maintainer, query: { access_token: 'x'.repeat(41) } }],
    ])('%s → 401 on list, GET, PUT and DELETE', async (_name, options) => {
      for (const [method, path] of [
        ['GET', list],
        ['GET', slack],
        ['PUT', slack],
        ['DELETE', slack],
      ] as const) {
        const json = method === 'PUT' ? slackBody : undefined
        const reply = await expectUnchanged(mock, () => call(method, path, { ...options, ...(json ? { json } : {}) }))
        expectJson(reply, 401, UNAUTHORIZED)
      }
    })

    test.each([
      ['expired', TOKENS.expired, 'Token is expired. You can either do re-authorization or token refresh.'],
      ['revoked', TOKENS.revoked, 'Token was revoked. You have to re-authorize from the user.'],
    ])('an %s token → 401 invalid_token with WWW-Authenticate', async (_name, token, description) => {
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const reply = await expectUnchanged(mock, () =>
          call(method, slack, { token, ...(method === 'PUT' ? { json: slackBody } : {}) }),
        )
        expectJson(reply, 401, { error: 'invalid_token', error_description: description })
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /)
      }
      // The same token as Bearer is rejected the same way.
      const bearer = await call('GET', list, { headers: { Authorization: `Bearer ${token}` } })
      expectJson(bearer, 401, { error: 'invalid_token', error_description: description })
    })

    test('a read_api token can GET but not PUT or DELETE (403 insufficient_scope)', async () => {
      expectJson(await call('GET', list, { token: TOKENS.readApi }), 200)
      expectJson(await call('GET', slack, { token: TOKENS.readApi }), 200)
      for (const method of ['PUT', 'DELETE'] as const) {
        const reply = await expectUnchanged(mock, () =>
          call(method, slack, { token: TOKENS.readApi, ...(method === 'PUT' ? { json: slackBody } : {}) }),
        )
        expect(reply.status).toBe(403)
        expect(reply.headers.get('content-type')).toBe('application/json')
        expect(reply.body).toEqual({
          error: 'insufficient_scope',
          error_description: INSUFFICIENT_SCOPE_DESCRIPTION,
          scope: expect.stringMatching(/^api\b/),
        })
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer .*insufficient_scope/)
      }
    })

    test('a read_user token cannot use the Services API at all', async () => {
      for (const path of [list, slack]) {
        const reply = await call('GET', path, { token: TOKENS.readUser })
        expect(reply.status).toBe(403)
        expect(reply.body).toMatchObject({ error: 'insufficient_scope', error_description: INSUFFICIENT_SCOPE_DESCRIPTION })
      }
    })

    test.each([
      ['blocked', TOKENS.blocked, '403 Forbidden - Your account has been blocked.'],
      [
        'deactivated',
        TOKENS.deactivated,
        '403 Forbidden - Your account has been deactivated by your administrator. Please log back in to reactivate your account.',
      ],
    ])('a %s maintainer → 403 with the reason', async (_name, token, message) => {
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const reply = await expectUnchanged(mock, () =>
          call(method, slack, { token, ...(method === 'PUT' ? { json: slackBody } : {}) }),
        )
        expectJson(reply, 403, { message })
      }
      expectJson(await call('GET', list, { token }), 403, { message })
    })
  })

  test('authentication comes before parameter validation and before the slug check', async () => {
    // A PUT missing every param and a GET of an unknown slug: still 401 without a token.
    expectJson(await call('PUT', slack, { json: {} }), 401, UNAUTHORIZED)
    expectJson(await call('GET', servicePath(PROJECTS.private.id, family, 'no-such-slug')), 401, UNAUTHORIZED)
    expectJson(await call('DELETE', servicePath(PROJECTS.private.id, family, 'no-such-slug')), 401, UNAUTHORIZED)
  })
})
