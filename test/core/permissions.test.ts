/**
 * Permissions (spec §3): authenticate → project lookup → admin_project,
 * the same for list, GET one, PUT and DELETE, and always before any 400.
 */
import { describe, expect, test } from 'vitest'
import {
  call,
  type Caller,
  expectJson,
  expectUnchanged,
  FAMILIES,
  FORBIDDEN,
  INVALID_SLUG,
  PROJECT_NOT_FOUND,
  PROJECTS,
  servicePath,
  setupMock,
  TOKENS,
  UNAUTHORIZED,
  type Visibility,
} from './support.js'

const { mock } = setupMock()

type Operation = 'list' | 'get' | 'put' | 'delete'
const OPERATIONS: readonly Operation[] = ['list', 'get', 'put', 'delete']
const ALLOWED_STATUS: Record<Operation, number> = { list: 200, get: 200, put: 200, delete: 204 }

function request(operation: Operation, project: number | string, family: string, token: string | undefined) {
  const base = `/projects/${typeof project === 'number' ? project : encodeURIComponent(project)}/${family}`
  const auth = token === undefined ? {} : { token }
  switch (operation) {
    case 'list':
      return call('GET', base, auth)
    case 'get':
      return call('GET', `${base}/slack`, auth)
    case 'put':
      return call('PUT', `${base}/slack`, { ...auth, json: { webhook: 'https://hooks.slack.com/services/T9/B9/perm' } })
    case 'delete':
      return call('DELETE', `${base}/slack`, auth)
  }
}

type Who = Caller | 'anonymous'
type Outcome = 'allowed' | { status: number; body: unknown }

const denied401 = { status: 401, body: UNAUTHORIZED }
const denied403 = { status: 403, body: FORBIDDEN }
const denied404 = { status: 404, body: PROJECT_NOT_FOUND }

/** The table of spec §3. */
const TABLE: Record<Exclude<Who, 'readApi' | 'readUser' | 'expired' | 'revoked' | 'expiresLater' | 'blocked' | 'deactivated'>, Record<Visibility, Outcome>> = {
  anonymous: { private: denied401, internal: denied401, public: denied401 },
  outsider: { private: denied404, internal: denied403, public: denied403 },
  guest: { private: denied403, internal: denied403, public: denied403 },
  reporter: { private: denied403, internal: denied403, public: denied403 },
  developer: { private: denied403, internal: denied403, public: denied403 },
  maintainer: { private: 'allowed', internal: 'allowed', public: 'allowed' },
  owner: { private: 'allowed', internal: 'allowed', public: 'allowed' },
  admin: { private: 'allowed', internal: 'allowed', public: 'allowed' },
}

const cases = Object.entries(TABLE).flatMap(([who, row]) =>
  (Object.entries(row) as [Visibility, Outcome][]).flatMap(([visibility, outcome]) =>
    OPERATIONS.map((operation) => [who as keyof typeof TABLE, visibility, operation, outcome] as const),
  ),
)

const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : TOKENS[who])

describe.each(FAMILIES)('/%s', (family) => {
  test.each(cases)('%s on a %s project, %s', async (who, visibility, operation, outcome) => {
    const project = PROJECTS[visibility].id
    if (outcome === 'allowed') {
      const reply = await request(operation, project, family, tokenOf(who))
      expect(reply.status).toBe(ALLOWED_STATUS[operation])
      return
    }
    const reply = await expectUnchanged(mock, () => request(operation, project, family, tokenOf(who)))
    expectJson(reply, outcome.status, outcome.body)
  })

  test.each(OPERATIONS)('a project that does not exist, %s: 401 anonymous, 404 Project Not Found otherwise', async (operation) => {
    for (const project of [999, 'acme/missing', '0999']) {
      expectJson(await expectUnchanged(mock, () => request(operation, project, family, undefined)), 401, UNAUTHORIZED)
      for (const who of ['maintainer', 'admin', 'outsider'] as const) {
        const reply = await expectUnchanged(mock, () => request(operation, project, family, TOKENS[who]))
        expectJson(reply, 404, PROJECT_NOT_FOUND)
      }
    }
  })

  test.each(OPERATIONS)('an instance admin manages a private project they are not a member of (%s)', async (operation) => {
    const put = await request('put', PROJECTS.nested.id, family, TOKENS.admin)
    expect(put.status).toBe(200)
    const reply = await request(operation, PROJECTS.nested.id, family, TOKENS.admin)
    expect(reply.status).toBe(ALLOWED_STATUS[operation])
    // A maintainer elsewhere is a stranger here: the private project is not revealed.
    expectJson(await request(operation, PROJECTS.nested.id, family, TOKENS.maintainer), 404, PROJECT_NOT_FOUND)
  })

  describe('permission checks win over parameter and slug validation', () => {
    const privateSlack = servicePath(PROJECTS.private.id, family, 'slack')
    const privateUnknown = servicePath(PROJECTS.private.id, family, 'no-such-slug')
    const publicUnknown = servicePath(PROJECTS.public.id, family, 'no-such-slug')

    test('PUT with missing params: developer 403, outsider 404 on private, 403 on public', async () => {
      expectJson(await expectUnchanged(mock, () => call('PUT', privateSlack, { token: TOKENS.developer, json: {} })), 403, FORBIDDEN)
      expectJson(await expectUnchanged(mock, () => call('PUT', privateSlack, { token: TOKENS.outsider, json: {} })), 404, PROJECT_NOT_FOUND)
      const publicSlack = servicePath(PROJECTS.public.id, family, 'slack')
      expectJson(await expectUnchanged(mock, () => call('PUT', publicSlack, { token: TOKENS.outsider, json: {} })), 403, FORBIDDEN)
      // For the maintainer the same request reaches Grape's validation.
      expectJson(await call('PUT', privateSlack, { token: TOKENS.maintainer, json: {} }), 400, { error: 'webhook is missing' })
    })

    test.each(['GET', 'DELETE'] as const)('%s of an unknown slug: 401, 404, 403 before 400', async (method) => {
      expectJson(await call(method, privateUnknown), 401, UNAUTHORIZED)
      expectJson(await call(method, privateUnknown, { token: TOKENS.outsider }), 404, PROJECT_NOT_FOUND)
      expectJson(await call(method, publicUnknown, { token: TOKENS.outsider }), 403, FORBIDDEN)
      expectJson(await call(method, privateUnknown, { token: TOKENS.developer }), 403, FORBIDDEN)
      expectJson(await call(method, privateUnknown, { token: TOKENS.maintainer }), 400, INVALID_SLUG)
    })
  })
})
