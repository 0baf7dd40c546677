/**
 * Scenarios: validation errors name the JSON path and load nothing;
 * `dump()` round-trips through `seed()`; `reset()` returns to the start-up
 * state; defaults a scenario may leave out.
 */
import { describe, expect, test } from 'vitest'
import { createGitLabMock, ScenarioError, type Scenario } from 'gitlab-services-mock'
import {
  call,
  clock,
  expectJson,
  PROJECTS,
  scenario,
  setupMock,
  START_ISO,
  TOKENS,
  UNAUTHORIZED,
} from './support.js'

const { mock } = setupMock()
const token = TOKENS.maintainer

const users: Scenario['users'] = [{ id: 1, username: 'alice', tokens: ['glpat-alice'] }]
const projects: Scenario['projects'] = [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'alice', access_level: 40 }] }]

/** Invalid scenarios and the JSON path their error must name. */
const INVALID_CASES: readonly (readonly [string, unknown, string])[] = [
  ['an unknown top-level field', { colour: 'blue' }, '$.colour'],
  ['an unknown user field', { users: [{ id: 1, username: 'alice', nickname: 'al' }] }, '$.users[0].nickname'],
  ['an unknown integration field', { users, projects, integrations: [{ project: 1, slug: 'slack', enabled: true }] }, '$.integrations[0].enabled'],
  ['an unknown slug', { users, projects, integrations: [{ project: 1, slug: 'slack' }, { project: 1, slug: 'skype' }] }, '$.integrations[1].slug'],
  ['a dangling project id', { users, projects, integrations: [{ project: 2, slug: 'slack' }] }, '$.integrations[0].project'],
  ['a dangling project path', { users, projects, integrations: [{ project: 'acme/other', slug: 'slack' }] }, '$.integrations[0].project'],
  ['a dangling member username', { users, projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'bob', access_level: 40 }] }] }, '$.projects[0].members[0].user'],
  ['a dangling member id', { users, projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 7, access_level: 30 }] }] }, '$.projects[0].members[0].user'],
  ['a string user id', { users: [{ id: 'one', username: 'alice' }] }, '$.users[0].id'],
  ['an unknown visibility', { projects: [{ id: 1, path_with_namespace: 'acme/app', visibility: 'secret' }] }, '$.projects[0].visibility'],
  ['an unknown access level', { users, projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'alice', access_level: 35 }] }] }, '$.projects[0].members[0].access_level'],
  ['a string event flag', { users, projects, integrations: [{ project: 1, slug: 'slack', push_events: 'yes' }] }, '$.integrations[0].push_events'],
  ['an array of users that is an object', { users: { alice: {} } }, '$.users'],
  ['a property the integration does not have', { users, projects, integrations: [{ project: 1, slug: 'slack', properties: { colour: 'blue' } }] }, '$.integrations[0].properties.colour'],
  ['a property with an odd name', { users, projects, integrations: [{ project: 1, slug: 'slack', properties: { 'web-hook': 'x' } }] }, '$.integrations[0].properties["web-hook"]'],
  ['a duplicate user id', { users: [{ id: 1, username: 'alice' }, { id: 1, username: 'bob' }] }, '$.users[1].id'],
  ['a duplicate token', { users: [{ id: 1, username: 'alice', tokens: ['t'] }, { id: 2, username: 'bob', tokens: ['t'] }] }, '$.users[1].tokens[0]'],
  ['a duplicate integration', { users, projects, integrations: [{ project: 1, slug: 'slack' }, { project: 'acme/app', slug: 'slack' }] }, '$.integrations[1].slug'],
  ['a project path without namespace', { projects: [{ id: 1, path_with_namespace: 'app' }] }, '$.projects[0].path_with_namespace'],
]

/** As [name, path, input], so test titles read "… at $.path". */
const INVALID = INVALID_CASES.map(([name, input, path]) => [name, path, input] as const)

describe('invalid scenarios', () => {
  test.each(INVALID)('%s → ScenarioError at %s (createGitLabMock)', (_name, path, input) => {
    let error: unknown
    try {
      createGitLabMock({ scenario: input as Scenario })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ScenarioError)
    expect(error).toBeInstanceOf(Error)
    const scenarioError = error as ScenarioError
    expect(scenarioError.name).toBe('ScenarioError')
    expect(scenarioError.path).toBe(path)
    expect(scenarioError.message).toContain(path)
  })

  test.each(INVALID)('%s → seed() fails with the path and loads nothing', async (_name, path, input) => {
    const before = structuredClone(mock.dump())
    // seed() may throw synchronously or reject: accept either.
    const outcome = (async () => mock.seed(input as Scenario))()
    await expect(outcome).rejects.toBeInstanceOf(ScenarioError)
    await expect(outcome).rejects.toMatchObject({ path })
    expect(mock.dump()).toEqual(before)
    // The mock still serves the previous state.
    expectJson(await call('GET', '/projects/1/services/slack', { token }), 200)
  })
})

describe('dump, seed and reset', () => {
  test('dump() of the start-up scenario loads into an identical mock', async () => {
    const dumped = mock.dump()
    expect(JSON.parse(JSON.stringify(dumped))).toEqual(dumped)
    await mock.seed(dumped)
    expect(mock.dump()).toEqual(dumped)
  })

  test('changes made over HTTP survive dump → seed and dump → new mock', async () => {
    clock.advance(60_000)
    await call('PUT', '/projects/5/services/jira', {
      token,
      json: { url: 'https://jira.example.com', username: 'bot', password: 'hunter2', commit_events: false, comment_on_event_enabled: false },
    })
    await call('PUT', '/projects/5/services/irker', { token, json: { recipients: 'irc://irc.example.net/#a', server_port: '6697' } })
    await call('DELETE', '/projects/1/services/slack', { token })
    await call('DELETE', '/projects/5/services/asana', { token })
    const dumped = structuredClone(mock.dump())
    const jiraBefore = await call('GET', '/projects/5/services/jira', { token })
    const listBefore = await call('GET', '/projects/5/services', { token })

    await mock.seed(JSON.parse(JSON.stringify(dumped)) as Scenario)
    expect(mock.dump()).toEqual(dumped)
    expectJson(await call('GET', '/projects/5/services/jira', { token }), 200, jiraBefore.body)
    expectJson(await call('GET', '/projects/5/services', { token }), 200, listBefore.body)

    // A second mock started from the dump holds the same state (secrets included).
    const other = createGitLabMock({ scenario: dumped, baseUrl: 'https://other.example.com/api/v4', now: () => clock.now })
    await other.ready()
    expect(other.dump()).toEqual(dumped)
    expect(JSON.stringify(dumped)).toContain('hunter2')
  })

  test('new ids continue after the seeded ones', async () => {
    await mock.seed(mock.dump())
    const put = await call('PUT', '/projects/5/services/asana', { token, json: { api_key: 'k' } })
    const ids = (mock.dump().integrations ?? []).map((i) => i.id ?? 0)
    expect(put.body.id).toBe(Math.max(...ids))
    expect(put.body.id).toBeGreaterThan(105)
  })

  test('seed() replaces all state', async () => {
    await mock.seed({ users, projects })
    expectJson(await call('GET', '/projects/1/services', { token }), 401, UNAUTHORIZED)
    expectJson(await call('GET', '/projects/1/services', { token: 'glpat-alice' }), 200, [])
    expect(mock.dump().integrations).toEqual([])
  })

  test('reset() returns to the start-up scenario', async () => {
    const start = structuredClone(mock.dump())
    await call('PUT', '/projects/5/services/slack', { token, json: { webhook: 'https://hooks.slack.com/x' } })
    await mock.seed({ users, projects })
    await mock.reset()
    expect(mock.dump()).toEqual(start)
    expectJson(await call('GET', '/projects/5/services/slack', { token }), 404, { message: '404 Service Not Found' })
  })
})

describe('what a scenario may leave out', () => {
  test('defaults: private project, active integration with creation defaults, api token', async () => {
    await mock.seed({
      users,
      projects,
      integrations: [
        { project: 1, slug: 'slack', properties: { webhook: 'https://hooks.slack.com/s' } },
        { project: 'ACME/APP', slug: 'jenkins', properties: { jenkins_url: 'https://ci.example.com', project_name: 'app' } },
      ],
    })
    const alice = 'glpat-alice'
    const slack = await call('GET', '/projects/1/services/slack', { token: alice })
    expectJson(slack, 200)
    expect(slack.body).toMatchObject({
      active: true,
      created_at: START_ISO,
      updated_at: START_ISO,
      push_events: true,
      comment_on_event_enabled: true,
      properties: { webhook: 'https://hooks.slack.com/s', notify_only_broken_pipelines: true, branches_to_be_notified: 'default' },
    })
    const jenkins = await call('GET', '/projects/1/services/jenkins', { token: alice })
    expect(jenkins.body).toMatchObject({ active: true, merge_requests_events: false, tag_push_events: false, push_events: true })
    expectJson(await call('GET', '/projects/1'), 404, { message: '404 Project Not Found' })
    expectJson(await call('PUT', '/projects/1/services/asana', { token: alice, json: { api_key: 'k' } }), 200)
  })

  test('a scenario may describe the full 13.12 entity (ids, dates, flags, inactive records)', async () => {
    await mock.seed({
      users,
      projects,
      integrations: [
        {
          id: 42,
          project: 1,
          slug: 'emails-on-push',
          active: false,
          created_at: '2020-01-02T03:04:05.678Z',
          updated_at: '2020-02-03T04:05:06.789Z',
          push_events: false,
          tag_push_events: null,
          comment_on_event_enabled: false,
          properties: { recipients: 'a@example.com', disable_diffs: true },
        },
      ],
    })
    const reply = await call('GET', '/projects/1/services/emails-on-push', { token: 'glpat-alice' })
    expect(reply.body).toMatchObject({
      id: 42,
      active: false,
      created_at: '2020-01-02T03:04:05.678Z',
      updated_at: '2020-02-03T04:05:06.789Z',
      push_events: false,
      tag_push_events: null,
      comment_on_event_enabled: false,
      properties: { recipients: 'a@example.com', disable_diffs: true, branches_to_be_notified: 'all' },
    })
    expectJson(await call('GET', '/projects/1/services', { token: 'glpat-alice' }), 200, [])
  })

  test('the shared scenario is valid and loads every project', async () => {
    expect(scenario.projects?.map((p) => p.id)).toEqual(Object.values(PROJECTS).map((p) => p.id))
    for (const { id } of Object.values(PROJECTS)) expect((await call('GET', `/projects/${id}`, { token: TOKENS.admin })).status).toBe(200)
  })
})
