/**
 * The GitLab version is a value a mock is created with: two mocks of
 * different versions (and editions) answer side by side in one process,
 * each from its own compiled profile; an unknown version is a clear error.
 */
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFixtures, createGitLabMock, GITLAB_VERSIONS, ScenarioError, UnknownGitLabError, type Scenario } from 'gitlab-services-mock'
import { VERSION_13_12 } from '../support/gitlab-13-12.js'
import { FAIL_UNHANDLED } from './support.js'

const TOKEN = 'glpat-versions-maintainer'
const scenario: Scenario = {
  users: [{ id: 1, username: 'root', admin: true, tokens: [TOKEN] }],
  projects: [{ id: 1, path_with_namespace: 'acme/app' }],
  integrations: [{ project: 1, slug: 'github', properties: { token: 'ghp_x', repository_url: 'https://github.com/acme/app' } }],
}
const ceScenario: Scenario = { ...scenario, integrations: [] }

const old = createGitLabMock({ baseUrl: 'https://old.example.com/api/v4', gitlab: '13.12', scenario })
const newer = createGitLabMock({ baseUrl: 'https://newer.example.com/api/v4', gitlab: '14.3', scenario })
const ce = createGitLabMock({ baseUrl: 'https://ce.example.com/api/v4', gitlab: '13.12', edition: 'ce', scenario: ceScenario })
const server = setupServer(...old.handlers, ...newer.handlers, ...ce.handlers)
beforeAll(() => server.listen(FAIL_UNHANDLED))
afterAll(() => server.close())

async function get(base: string, path: string) {
  const response = await fetch(`https://${base}/api/v4${path}`, { headers: { 'PRIVATE-TOKEN': TOKEN } })
  return { status: response.status, body: await response.json() }
}

describe('two GitLab versions in one process', () => {
  test('each answers GET /version from its own release', async () => {
    expect(await get('old.example.com', '/version')).toEqual({ status: 200, body: VERSION_13_12 })
    const answer = await get('newer.example.com', '/version')
    expect(answer.body.version).toMatch(/^14\.3\.\d+-ee$/)
  })

  test('each words the unknown-slug error as its release does (service_slug in 13.12, slug in 14.3)', async () => {
    expect(await get('old.example.com', '/projects/1/services/skype')).toEqual({
      status: 400,
      body: { error: 'service_slug does not have a valid value' },
    })
    expect(await get('newer.example.com', '/projects/1/services/skype')).toEqual({
      status: 400,
      body: { error: 'slug does not have a valid value' },
    })
  })

  test('the mock reports its version, and dump() names it so the state reloads into the same GitLab', () => {
    expect([old.gitlab.version, newer.gitlab.version]).toEqual(['13.12', '14.3'])
    expect(newer.dump()).toMatchObject({ gitlab: '14.3', edition: 'ee' })
    const reloaded = createGitLabMock({ scenario: newer.dump() })
    expect(reloaded.gitlab.version).toBe('14.3')
  })

  test('the option wins over the scenario’s own `gitlab`', () => {
    expect(createGitLabMock({ gitlab: '13.12', scenario: { gitlab: '14.3' } }).gitlab.version).toBe('13.12')
  })
})

describe('editions', () => {
  test('GitHub is an EE integration: CE has no such slug', async () => {
    expect((await get('old.example.com', '/projects/1/services/github')).status).toBe(200)
    expect(await get('ce.example.com', '/projects/1/services/github')).toEqual({
      status: 400,
      body: { error: 'service_slug does not have a valid value' },
    })
  })

  test('a CE scenario with an EE integration is rejected, naming the JSON path and the GitLab', async () => {
    await expect(ce.seed(scenario)).rejects.toThrow(ScenarioError)
    await expect(ce.seed(scenario)).rejects.toMatchObject({ path: '$.integrations[0].slug', message: expect.stringContaining('13.12 (ce)') })
  })

  test('CE reports a version without the -ee suffix', async () => {
    expect((await get('ce.example.com', '/version')).body.version).toBe('13.12.15')
  })

  test('fixtures follow the edition: no github factory on CE', () => {
    expect(createFixtures({ edition: 'ee' }).slugs).toContain('github')
    expect(createFixtures({ edition: 'ce' }).slugs).not.toContain('github')
  })
})

describe('choosing a version', () => {
  test('an unknown version is an error naming the versions that exist', () => {
    expect(() => createGitLabMock({ gitlab: '12.0' })).toThrow(UnknownGitLabError)
    expect(() => createGitLabMock({ gitlab: '12.0' })).toThrow(GITLAB_VERSIONS.join(', '))
    expect(() => createGitLabMock({ scenario: { gitlab: 'nope' } })).toThrow(/Unknown GitLab version "nope"/)
  })

  test('"latest" is the newest version the mock knows; the default is 13.12', () => {
    expect(createGitLabMock({ gitlab: 'latest' }).gitlab.version).toBe(GITLAB_VERSIONS.at(-1))
    expect(createGitLabMock().gitlab.version).toBe('13.12')
  })
})
