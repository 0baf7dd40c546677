/**
 * The endpoints clients call before the Services API: `GET /user`,
 * `GET /version` and `GET /projects/:id`.
 */
import { describe, expect, test } from 'vitest'
import { VERSION_13_12 } from '../support/gitlab-13-12.js'
import {
  call,
  expectJson,
  ORIGIN,
  PROJECT_NOT_FOUND,
  PROJECTS,
  setupMock,
  START_ISO,
  TOKENS,
  UNAUTHORIZED,
} from './support.js'

setupMock()

describe('GET /user', () => {
  test('returns the token’s user', async () => {
    const reply = await call('GET', '/user', { token: TOKENS.maintainer })
    expectJson(reply, 200, {
      id: 3,
      username: 'maintainer',
      name: 'maintainer',
      state: 'active',
      avatar_url: null,
      web_url: `${ORIGIN}/maintainer`,
      created_at: START_ISO,
      email: 'maintainer@example.com',
      is_admin: false,
    })
  })

  test('flags the instance admin', async () => {
    const reply = await call('GET', '/user', { headers: { Authorization: `Bearer ${TOKENS.admin}` } })
    expect(reply.body).toMatchObject({ id: 1, username: 'root', name: 'Administrator', is_admin: true })
  })

  test('read_api and read_user tokens may read it', async () => {
    expectJson(await call('GET', '/user', { token: TOKENS.readApi }), 200)
    expectJson(await call('GET', '/user', { query: { private_token: TOKENS.readUser } }), 200)
  })

  test('trailing slash is ignored', async () => {
    expect((await call('GET', '/user/', { token: TOKENS.developer })).body.username).toBe('developer')
  })

  test.each([
    ['no token', {}],
    ['an unknown token', { token: 'glpat-nobody' }],
    ['a JOB-TOKEN', { headers: { 'JOB-TOKEN': TOKENS.maintainer } }],
  ])('%s → 401', async (_name, options) => {
    expectJson(await call('GET', '/user', options), 401, UNAUTHORIZED)
  })

  test('expired, revoked and blocked', async () => {
    expect((await call('GET', '/user', { token: TOKENS.expired })).body.error).toBe('invalid_token')
    expect((await call('GET', '/user', { token: TOKENS.revoked })).body.error).toBe('invalid_token')
    expectJson(await call('GET', '/user', { token: TOKENS.blocked }), 403, { message: '403 Forbidden - Your account has been blocked.' })
  })
})

describe('GET /version', () => {
  test('reports the 13.12 release to an authenticated caller', async () => {
    const reply = await call('GET', '/version', { token: TOKENS.guest })
    expectJson(reply, 200, VERSION_13_12)
    expect(reply.body.version).toMatch(/^13\.12\./)
  })

  test('requires authentication', async () => {
    expectJson(await call('GET', '/version'), 401, UNAUTHORIZED)
  })
})

describe('GET /projects/:id', () => {
  const entity = {
    id: 1,
    description: null,
    name: 'app',
    name_with_namespace: 'acme / app',
    path: 'app',
    path_with_namespace: 'acme/app',
    created_at: START_ISO,
    default_branch: 'main',
    visibility: 'private',
    web_url: `${ORIGIN}/acme/app`,
    // No group `acme` is declared: the project is in a user's namespace, numbered past the groups.
    namespace: { id: 1, name: 'acme', path: 'acme', kind: 'user', full_path: 'acme', parent_id: null, avatar_url: null, web_url: `${ORIGIN}/acme` },
  }

  test.each(['1', '0001', 'acme%2Fapp', 'ACME%2FAPP'])('finds the project by %s', async (id) => {
    expectJson(await call('GET', `/projects/${id}`, { token: TOKENS.guest }), 200, entity)
    expectJson(await call('GET', `/projects/${id}/`, { token: TOKENS.guest }), 200, entity)
  })

  test('nested namespaces', async () => {
    const reply = await call('GET', `/projects/${encodeURIComponent(PROJECTS.nested.path)}`, { token: TOKENS.admin })
    expect(reply.body).toMatchObject({ id: 4, path: 'deep-app', name_with_namespace: 'acme / platform / deep-app' })
  })

  test('visibility: public to anyone, internal to any user, private to members and admins', async () => {
    expectJson(await call('GET', '/projects/3'), 200)
    expectJson(await call('GET', '/projects/2'), 404, PROJECT_NOT_FOUND)
    expectJson(await call('GET', '/projects/2', { token: TOKENS.outsider }), 200)
    expectJson(await call('GET', '/projects/1'), 404, PROJECT_NOT_FOUND)
    expectJson(await call('GET', '/projects/1', { token: TOKENS.outsider }), 404, PROJECT_NOT_FOUND)
    expectJson(await call('GET', '/projects/4', { token: TOKENS.admin }), 200)
    expectJson(await call('GET', '/projects/4', { token: TOKENS.maintainer }), 404, PROJECT_NOT_FOUND)
  })

  test('a token that is sent must be valid, even for a public project', async () => {
    expectJson(await call('GET', '/projects/3', { token: 'glpat-nobody' }), 401, UNAUTHORIZED)
    expect((await call('GET', '/projects/3', { token: TOKENS.expired })).status).toBe(401)
    expectJson(await call('GET', '/projects/3', { token: TOKENS.blocked }), 403, { message: '403 Forbidden - Your account has been blocked.' })
  })

  test.each(['999', 'app', 'acme%2Fnope'])('%s → 404 Project Not Found', async (id) => {
    expectJson(await call('GET', `/projects/${id}`, { token: TOKENS.admin }), 404, PROJECT_NOT_FOUND)
  })
})
