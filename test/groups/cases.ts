/**
 * The group cases, defined once and run through each adapter
 * (test/groups/msw.test.ts, test/server/groups.test.ts): permissions on
 * group integrations by role and inherited membership, every slug at group
 * level, inheritance across two levels of subgroups, detaching, deleting
 * the group's integration, `GET /groups/:id` and `/namespaces/:id`, and
 * the version cut-offs (17.2 / 17.3, 17.8 / 17.9).
 */
import { describe, expect, test } from 'vitest'
import { createFixtures, createGitLabMock, type Scenario } from 'gitlab-services-mock'
import { GROUPS, PROJECTS, scenario, type Adapter, type Caller, type Client } from './support.js'

const LATEST = '19.0'
const HOOK = 'https://hooks.slack.com/services/T000/B000/group-hook'
const GROUP_SLACK = { webhook: HOOK, username: 'acme-bot', push_channel: '#acme-pushes' }

const groupPath = (group: number | string, slug?: string) =>
  `/groups/${typeof group === 'number' ? group : encodeURIComponent(group)}/integrations${slug ? `/${slug}` : ''}`
// `/services`: the project family every version from 13.12 to 19.0 routes.
const projectPath = (project: number, slug?: string) => `/projects/${project}/services${slug ? `/${slug}` : ''}`

/** The slugs of `gitlab` that a PUT can create without instance settings, and the project-only ones. */
function slugsOf(gitlab: string) {
  const infos = [...createGitLabMock({ gitlab }).gitlab.integrations.values()].filter(
    // Not those whose `active` a save hook derives (prometheus), nor those needing instance settings.
    (info) => info.availability === 'available' && !info.spec.condition && info.spec.apiCreatable !== false && !info.spec.activeFrom,
  )
  return {
    group: infos.filter((info) => !info.spec.projectOnly).map((info) => info.spec.slug),
    projectOnly: infos.filter((info) => info.spec.projectOnly).map((info) => info.spec.slug),
  }
}

async function using<T>(adapter: Adapter, gitlab: string, run: (client: Client) => Promise<T>, given: Scenario = scenario): Promise<T> {
  const client = await adapter.start({ gitlab, scenario: given })
  try {
    return await run(client)
  } finally {
    await client.close()
  }
}

/** What an inheriting record must show of its default. */
const settings = (entity: { properties: Record<string, unknown> }) => ({
  username: entity.properties.username,
  push_channel: entity.properties.push_channel,
})

export function defineGroupCases(adapter: Adapter): void {
  const latest = <T>(run: (client: Client) => Promise<T>) => using(adapter, LATEST, run)

  describe('who may manage group integrations (GroupPolicy: owners, and admins)', () => {
    test.each<[Caller | undefined, number, number, unknown]>([
      [undefined, GROUPS.acme, 401, { message: '401 Unauthorized' }],
      ['outsider', GROUPS.acme, 404, { message: '404 Group Not Found' }],
      ['outsider', GROUPS.open, 403, { message: '403 Forbidden' }],
      ['guest', GROUPS.acme, 403, { message: '403 Forbidden' }],
      ['developer', GROUPS.acme, 403, { message: '403 Forbidden' }],
      ['maintainer', GROUPS.acme, 403, { message: '403 Forbidden' }],
      // Inherited: a maintainer of acme is a maintainer of its subgroups, not an owner.
      ['maintainer', GROUPS.core, 403, { message: '403 Forbidden' }],
      // Membership of a subgroup does not reach up; a project member may see the groups above it.
      ['subOwner', GROUPS.acme, 404, { message: '404 Group Not Found' }],
      ['projectMaintainer', GROUPS.platform, 403, { message: '403 Forbidden' }],
      ['projectMaintainer', GROUPS.acme, 403, { message: '403 Forbidden' }],
      ['owner', GROUPS.acme, 200, []],
      // Inherited ownership, two levels down.
      ['owner', GROUPS.core, 200, []],
      ['subOwner', GROUPS.platform, 200, []],
      ['subOwner', GROUPS.core, 200, []],
      ['admin', GROUPS.open, 200, []],
    ])('%s on group %i → %i', async (caller, group, status, body) =>
      latest(async (client) => {
        const reply = await client.call('GET', groupPath(group), caller ? { token: caller } : {})
        expect({ status: reply.status, body: reply.body }).toEqual({ status, body })
      }),
    )

    test('the same rules guard PUT and DELETE, and a refused write changes nothing', () =>
      latest(async (client) => {
        for (const caller of ['developer', 'maintainer', 'projectMaintainer'] as const) {
          expect((await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: caller, json: GROUP_SLACK })).status).toBe(403)
          expect((await client.call('DELETE', groupPath(GROUPS.acme, 'slack'), { token: caller })).status).toBe(403)
        }
        expect((await client.call('GET', groupPath(GROUPS.acme, 'slack'), { token: 'owner' })).status).toBe(404)
        expect((await client.call('GET', projectPath(PROJECTS.web), { token: 'owner' })).body).toEqual([])
      }),
    )

    test('by id or by URL-encoded full path (any case); unknown groups are 404 Group Not Found', () =>
      latest(async (client) => {
        const put = await client.call('PUT', groupPath('acme/platform', 'slack'), { token: 'subOwner', json: GROUP_SLACK })
        expect(put.status).toBe(200)
        expect((await client.call('GET', groupPath('ACME/Platform', 'slack'), { token: 'subOwner' })).body).toEqual(put.body)
        expect((await client.call('GET', groupPath(GROUPS.platform, 'slack'), { token: 'subOwner' })).body).toEqual(put.body)
        for (const id of [999, 'acme/nope', 'platform'])
          expect(await client.call('GET', groupPath(id), { token: 'admin' })).toMatchObject({ status: 404, body: { message: '404 Group Not Found' } })
      }),
    )

    test('group membership grants project access: the higher of direct and inherited levels', () =>
      latest(async (client) => {
        // developer: 30 in acme, 40 in acme/platform → maintainer of acme/platform/api, not of acme/web.
        expect((await client.call('GET', projectPath(PROJECTS.api), { token: 'developer' })).status).toBe(200)
        expect((await client.call('GET', projectPath(PROJECTS.engine), { token: 'developer' })).status).toBe(200)
        expect((await client.call('GET', projectPath(PROJECTS.web), { token: 'developer' })).status).toBe(403)
        // guest of acme sees its private projects (403, not 404); an outsider does not.
        expect((await client.call('GET', projectPath(PROJECTS.engine), { token: 'guest' })).status).toBe(403)
        expect((await client.call('GET', projectPath(PROJECTS.engine), { token: 'outsider' })).status).toBe(404)
        // subOwner owns acme/platform only.
        expect((await client.call('GET', projectPath(PROJECTS.engine), { token: 'subOwner' })).status).toBe(200)
        expect((await client.call('GET', projectPath(PROJECTS.web), { token: 'subOwner' })).status).toBe(404)
      }),
    )
  })

  describe('every slug at group level', () => {
    const { group, projectOnly } = slugsOf(LATEST)
    const fixtures = createFixtures({ gitlab: LATEST })

    test.each(group)('%s: PUT, GET, list, DELETE', (slug) =>
      latest(async (client) => {
        const { params } = fixtures.integration(slug as never)
        const put = await client.call('PUT', groupPath(GROUPS.acme, slug), { token: 'owner', json: params })
        expect(put.status).toBe(200)
        expect(put.body).toMatchObject({ slug, active: true, inherited: false })
        expect((await client.call('GET', groupPath(GROUPS.acme, slug), { token: 'owner' })).body).toEqual(put.body)
        expect((await client.call('GET', groupPath(GROUPS.acme), { token: 'owner' })).body.map((i: { slug: string }) => i.slug)).toEqual([slug])
        const removed = await client.call('DELETE', groupPath(GROUPS.acme, slug), { token: 'owner' })
        expect(removed.status).toBe(204)
        expect((await client.call('GET', groupPath(GROUPS.acme, slug), { token: 'owner' })).body).toMatchObject({ slug, active: false })
        expect((await client.call('GET', groupPath(GROUPS.acme), { token: 'owner' })).body).toEqual([])
      }),
    )

    test.each(projectOnly)('%s is project-level only: 400 Integration not available, after authorization', (slug) =>
      latest(async (client) => {
        const notAvailable = { message: '400 Integration not available' }
        expect(await client.call('GET', groupPath(GROUPS.acme, slug), { token: 'owner' })).toMatchObject({ status: 400, body: notAvailable })
        expect(await client.call('DELETE', groupPath(GROUPS.acme, slug), { token: 'owner' })).toMatchObject({ status: 400, body: notAvailable })
        const { params } = fixtures.integration(slug as never)
        expect(await client.call('PUT', groupPath(GROUPS.acme, slug), { token: 'owner', json: params })).toMatchObject({ status: 400, body: notAvailable })
        // A PUT's path has no `:slug` param: its declared params are checked first.
        expect((await client.call('PUT', groupPath(GROUPS.acme, slug), { token: 'owner', json: {} })).body).toHaveProperty('error')
        expect((await client.call('GET', groupPath(GROUPS.acme, slug), { token: 'maintainer' })).status).toBe(403)
        expect((await client.call('GET', projectPath(PROJECTS.web, slug), { token: 'owner' })).status).not.toBe(400)
      }),
    )

    test('an unknown slug: GET/DELETE 400 (values:), PUT and other methods the catch-all; no /services alias', () =>
      latest(async (client) => {
        expect(await client.call('GET', groupPath(GROUPS.acme, 'nope'), { token: 'owner' })).toMatchObject({ status: 400, body: { error: 'slug does not have a valid value' } })
        expect(await client.call('PUT', groupPath(GROUPS.acme, 'nope'), { token: 'owner', json: {} })).toMatchObject({ status: 404, body: { error: '404 Not Found' }, routed: true })
        expect(await client.call('POST', groupPath(GROUPS.acme, 'slack'))).toMatchObject({ status: 404, body: { error: '404 Not Found' }, routed: true })
        const alias = await client.call('GET', `/groups/${GROUPS.acme}/services/slack`, { token: 'owner' })
        expect(alias).toMatchObject({ status: 404, routed: false })
      }),
    )
  })

  describe('inheritance', () => {
    test('a group PUT propagates at once: every project and subgroup below gets an inheriting copy', () =>
      latest(async (client) => {
        const saved = await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        expect(saved.body).toMatchObject({ active: true, inherited: false })
        for (const project of [PROJECTS.web, PROJECTS.api, PROJECTS.engine]) {
          const got = await client.call('GET', projectPath(project, 'slack'), { token: 'admin' })
          expect(got.body).toMatchObject({ active: true, inherited: true })
          expect(got.body.id).not.toBe(saved.body.id)
          expect(settings(got.body)).toEqual({ username: 'acme-bot', push_channel: '#acme-pushes' })
          expect((await client.call('GET', projectPath(project), { token: 'admin' })).body).toMatchObject([{ slug: 'slack', inherited: true }])
        }
        for (const group of [GROUPS.platform, GROUPS.core])
          expect((await client.call('GET', groupPath(group, 'slack'), { token: 'owner' })).body).toMatchObject({ inherited: true, properties: { username: 'acme-bot' } })
        // Outside the tree: nothing.
        expect((await client.call('GET', projectPath(PROJECTS.sandbox, 'slack'), { token: 'admin' })).status).toBe(404)
        expect((await client.call('GET', groupPath(GROUPS.open, 'slack'), { token: 'admin' })).status).toBe(404)
      }),
    )

    test('changing the group integration changes what its inheriting projects answer, two levels down', () =>
      latest(async (client) => {
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: { webhook: HOOK, push_channel: '#renamed', push_events: false } })
        const engine = await client.call('GET', projectPath(PROJECTS.engine, 'slack'), { token: 'admin' })
        expect(engine.body).toMatchObject({ inherited: true, push_events: false })
        expect(settings(engine.body)).toEqual({ username: 'acme-bot', push_channel: '#renamed' })
      }),
    )

    test('a subgroup with its own settings becomes the default below it', () =>
      latest(async (client) => {
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        const own = { webhook: HOOK, username: 'platform-bot', push_channel: '#platform', use_inherited_settings: false }
        expect((await client.call('PUT', groupPath(GROUPS.platform, 'slack'), { token: 'subOwner', json: own })).body).toMatchObject({ inherited: false })
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: { webhook: HOOK, push_channel: '#acme-2' } })
        const web = (await client.call('GET', projectPath(PROJECTS.web, 'slack'), { token: 'admin' })).body
        const engine = (await client.call('GET', projectPath(PROJECTS.engine, 'slack'), { token: 'admin' })).body
        expect(settings(web)).toEqual({ username: 'acme-bot', push_channel: '#acme-2' })
        expect(settings(engine)).toEqual({ username: 'platform-bot', push_channel: '#platform' })
        expect(engine.inherited).toBe(true)
      }),
    )

    test('use_inherited_settings: false detaches with a copy; true inherits again; absent keeps inheriting', () =>
      latest(async (client) => {
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        const path = projectPath(PROJECTS.web, 'slack')
        // Absent on an inheriting record: it keeps inheriting and the sent attributes are ignored.
        const ignored = await client.call('PUT', path, { token: 'owner', json: { webhook: HOOK, username: 'mine' } })
        expect(ignored.body).toMatchObject({ inherited: true, properties: { username: 'acme-bot' } })

        const detached = await client.call('PUT', path, { token: 'owner', json: { webhook: HOOK, push_channel: '#web', use_inherited_settings: false } })
        expect(detached.body).toMatchObject({ inherited: false })
        expect(settings(detached.body)).toEqual({ username: 'acme-bot', push_channel: '#web' })
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: { webhook: HOOK, username: 'changed' } })
        expect(settings((await client.call('GET', path, { token: 'owner' })).body)).toEqual({ username: 'acme-bot', push_channel: '#web' })

        const again = await client.call('PUT', path, { token: 'owner', json: { webhook: HOOK, username: 'ignored', use_inherited_settings: true } })
        expect(again.body).toMatchObject({ inherited: true })
        expect(settings(again.body)).toEqual({ username: 'changed', push_channel: '#acme-pushes' })
      }),
    )

    test('a project PUT that asks to inherit takes the nearest group with its own integration', () =>
      latest(async (client) => {
        // A project that had its own record before the group's is left alone by propagation.
        await client.call('PUT', projectPath(PROJECTS.engine, 'slack'), { token: 'owner', json: { webhook: HOOK, username: 'engine' } })
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        expect((await client.call('GET', projectPath(PROJECTS.engine, 'slack'), { token: 'owner' })).body).toMatchObject({ inherited: false, properties: { username: 'engine' } })
        const inherit = await client.call('PUT', projectPath(PROJECTS.engine, 'slack'), { token: 'owner', json: { webhook: HOOK, use_inherited_settings: true } })
        expect(inherit.body).toMatchObject({ inherited: true, properties: { username: 'acme-bot' } })
      }),
    )

    test('no group above with the integration: 400 Default integration not found., nothing changes', () =>
      latest(async (client) => {
        const body = { webhook: HOOK, use_inherited_settings: true }
        for (const project of [PROJECTS.web, PROJECTS.sandbox]) {
          const token = project === PROJECTS.sandbox ? 'admin' : 'owner'
          expect(await client.call('PUT', projectPath(project, 'slack'), { token, json: body })).toMatchObject({ status: 400, body: { message: 'Default integration not found.' } })
          expect((await client.call('GET', projectPath(project), { token })).body).toEqual([])
        }
        expect(await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: body })).toMatchObject({ status: 400, body: { message: 'Default integration not found.' } })
      }),
    )

    test("deleting the group's integration deactivates it; inheriting copies keep what they were given", () =>
      latest(async (client) => {
        await client.call('PUT', groupPath(GROUPS.acme, 'slack'), { token: 'owner', json: GROUP_SLACK })
        expect((await client.call('DELETE', groupPath(GROUPS.acme, 'slack'), { token: 'owner' })).status).toBe(204)
        expect((await client.call('GET', groupPath(GROUPS.acme, 'slack'), { token: 'owner' })).body).toMatchObject({ active: false, inherited: false })
        expect((await client.call('GET', groupPath(GROUPS.acme), { token: 'owner' })).body).toEqual([])
        const web = await client.call('GET', projectPath(PROJECTS.web, 'slack'), { token: 'owner' })
        expect(web.body).toMatchObject({ active: true, inherited: true, properties: { username: 'acme-bot' } })
      }),
    )
  })

  describe('GET /groups/:id, /namespaces/:id and the project namespace', () => {
    test('group entity, by id and path, visible to readers only', () =>
      latest(async (client) => {
        const expected = {
          id: GROUPS.platform,
          web_url: `${client.origin}/groups/acme/platform`,
          name: 'Platform',
          path: 'platform',
          description: '',
          visibility: 'private',
          avatar_url: null,
          full_name: 'Acme / Platform',
          full_path: 'acme/platform',
          created_at: '2025-01-15T09:00:00.000Z',
          parent_id: GROUPS.acme,
        }
        expect(await client.call('GET', `/groups/${GROUPS.platform}`, { token: 'guest' })).toMatchObject({ status: 200, body: expected })
        expect((await client.call('GET', '/groups/acme%2Fplatform', { token: 'projectMaintainer' })).body).toEqual(expected)
        expect((await client.call('GET', `/groups/${GROUPS.acme}`, { token: 'admin' })).body).toMatchObject({ parent_id: null, full_path: 'acme' })
        expect(await client.call('GET', `/groups/${GROUPS.acme}`, { token: 'outsider' })).toMatchObject({ status: 404, body: { message: '404 Group Not Found' } })
        expect(await client.call('GET', `/groups/${GROUPS.acme}`)).toMatchObject({ status: 404 })
        expect((await client.call('GET', `/groups/${GROUPS.open}`)).body).toMatchObject({ id: GROUPS.open, visibility: 'public' })
      }),
    )

    test('namespaces: groups to their members, a user namespace to its user', () =>
      latest(async (client) => {
        const core = await client.call('GET', '/namespaces/acme%2Fplatform%2Fcore', { token: 'maintainer' })
        expect(core.body).toEqual({
          id: GROUPS.core,
          name: 'Core',
          path: 'core',
          kind: 'group',
          full_path: 'acme/platform/core',
          parent_id: GROUPS.platform,
          avatar_url: null,
          web_url: `${client.origin}/groups/acme/platform/core`,
        })
        const alice = await client.call('GET', '/namespaces/alice', { token: 'alice' })
        expect(alice.body).toMatchObject({ name: 'alice', path: 'alice', kind: 'user', full_path: 'alice', parent_id: null, web_url: `${client.origin}/alice` })
        expect(alice.body.id).toBeGreaterThan(GROUPS.open)
        expect((await client.call('GET', `/namespaces/${alice.body.id}`, { token: 'admin' })).body).toEqual(alice.body)
        expect(await client.call('GET', '/namespaces/alice', { token: 'owner' })).toMatchObject({ status: 404, body: { message: '404 Namespace Not Found' } })
        expect(await client.call('GET', `/namespaces/${GROUPS.acme}`, { token: 'outsider' })).toMatchObject({ status: 404, body: { message: '404 Namespace Not Found' } })
        expect((await client.call('GET', `/namespaces/${GROUPS.acme}`)).status).toBe(401)
      }),
    )

    test('GET /projects/:id shows its namespace', () =>
      latest(async (client) => {
        const engine = await client.call('GET', '/projects/acme%2Fplatform%2Fcore%2Fengine', { token: 'admin' })
        expect(engine.body).toMatchObject({
          id: PROJECTS.engine,
          name_with_namespace: 'Acme / Platform / Core / engine',
          path_with_namespace: 'acme/platform/core/engine',
          namespace: { id: GROUPS.core, kind: 'group', full_path: 'acme/platform/core', parent_id: GROUPS.platform, web_url: `${client.origin}/groups/acme/platform/core` },
        })
        const sandbox = await client.call('GET', `/projects/${PROJECTS.sandbox}`, { token: 'admin' })
        expect(sandbox.body.namespace).toMatchObject({ kind: 'user', full_path: 'alice', name: 'alice', parent_id: null })
      }),
    )
  })

  describe('version cut-offs', () => {
    test('17.8 does not route /groups/:id/integrations; 17.9 does', async () => {
      await using(adapter, '17.8', async (client) => {
        for (const [method, path] of [['GET', groupPath(GROUPS.acme)], ['GET', groupPath(GROUPS.acme, 'slack')], ['PUT', groupPath(GROUPS.acme, 'slack')], ['DELETE', groupPath(GROUPS.acme, 'slack')]] as const)
          expect(await client.call(method, path, { token: 'owner', json: method === 'PUT' ? GROUP_SLACK : undefined })).toMatchObject({ status: 404, routed: false })
        // The endpoints clients call first exist in every version.
        expect((await client.call('GET', `/groups/${GROUPS.acme}`, { token: 'owner' })).status).toBe(200)
      })
      await using(adapter, '17.9', async (client) => {
        expect(await client.call('GET', groupPath(GROUPS.acme), { token: 'owner' })).toMatchObject({ status: 200, routed: true, body: [] })
      })
    })

    test('17.2 has no inheritance (the param is undeclared, entities have no `inherited`); 17.3 has it', async () => {
      const body = { webhook: HOOK, use_inherited_settings: true }
      await using(adapter, '17.2', async (client) => {
        const put = await client.call('PUT', projectPath(PROJECTS.web, 'slack'), { token: 'owner', json: body })
        expect(put.status).toBe(200)
        expect(put.body).not.toHaveProperty('inherited')
      })
      await using(adapter, '17.3', async (client) => {
        expect(await client.call('PUT', projectPath(PROJECTS.web, 'slack'), { token: 'owner', json: body })).toMatchObject({ status: 400, body: { message: 'Default integration not found.' } })
        const own = await client.call('PUT', projectPath(PROJECTS.web, 'slack'), { token: 'owner', json: { webhook: HOOK } })
        expect(own.body).toMatchObject({ inherited: false })
      })
    })

    test('17.3 inherits from group integrations a scenario declares (configured outside the API then)', () =>
      using(
        adapter,
        '17.3',
        async (client) => {
          expect((await client.call('GET', projectPath(PROJECTS.engine, 'slack'), { token: 'admin' })).body).toMatchObject({ inherited: true, properties: { username: 'acme-bot' } })
          const inherit = await client.call('PUT', projectPath(PROJECTS.web, 'slack'), { token: 'owner', json: { webhook: HOOK, use_inherited_settings: true } })
          expect(inherit.body).toMatchObject({ inherited: true, properties: { push_channel: '#acme-pushes' } })
        },
        {
          ...scenario,
          integrations: [
            { group: 'acme', slug: 'slack', properties: GROUP_SLACK },
            { project: PROJECTS.engine, slug: 'slack', inherited: true },
          ],
        } as Scenario,
      ),
    )
  })
}
