/** Groups in the fixture kit: `fixtures.group()`, `scenario({ groups })`, and the checked-in groups demo. */
import { readFile } from 'node:fs/promises'
import { getResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { createFixtures, createGitLabMock, type Scenario } from 'gitlab-services-mock'

describe('fixtures.group()', () => {
  test('deterministic, unique paths, private and top-level unless told', () => {
    const a = createFixtures({ seed: 7 })
    const b = createFixtures({ seed: 7 })
    const groups = [a.group(), a.group(), a.group({ parent: 1, visibility: 'internal' })]
    expect([b.group(), b.group(), b.group({ parent: 1, visibility: 'internal' })]).toEqual(groups)
    expect(new Set(groups.map((g) => g.path)).size).toBe(3)
    expect(groups.map((g) => g.id)).toEqual([1, 2, 3])
    expect(groups[0]).toMatchObject({ visibility: 'private', members: [] })
    expect(groups[0]).not.toHaveProperty('parent')
    expect(groups[2]).toMatchObject({ parent: 1, visibility: 'internal' })
  })
})

describe('fixtures.scenario({ groups })', () => {
  test('nested groups with owners hold the projects; the scenario loads and resolves', async () => {
    const f = createFixtures({ gitlab: '19.0', seed: 3 })
    const scenario = f.scenario({ users: 3, groups: 3, projects: 4, integrationsPerProject: 1 })
    expect(scenario.groups).toHaveLength(3)
    expect(scenario.groups![0]).not.toHaveProperty('parent')
    expect(scenario.groups!.slice(1).every((g) => typeof g.parent === 'number')).toBe(true)
    expect(scenario.groups!.every((g) => g.members!.some((m) => m.access_level === 50))).toBe(true)
    const mock = createGitLabMock({ scenario })
    await mock.ready()
    const dumped = mock.dump()
    for (const project of dumped.projects!) {
      const group = dumped.groups!.find((g) => g.id === project.namespace)!
      expect(project.path_with_namespace).toBe(`${group.full_path}/${project.path_with_namespace.split('/').pop()}`)
    }
  })

  test('without groups the scenario is what it was', () => {
    const f = createFixtures({ seed: 3 })
    expect(f.scenario()).not.toHaveProperty('groups')
  })
})

describe('fixtures/groups-scenario.json', () => {
  test('a group-level Slack inherited by two projects, overridden by a third', async () => {
    const scenario = JSON.parse(await readFile(new URL('../../fixtures/groups-scenario.json', import.meta.url), 'utf8')) as Scenario
    const mock = createGitLabMock({ scenario })
    await mock.ready()
    expect(mock.gitlab.version).toBe('19.0')
    const get = async (path: string) => {
      const request = new Request(`https://gitlab.example.com/api/v4${path}`, { headers: { 'PRIVATE-TOKEN': 'glpat-demo-root' } })
      return (await getResponse(mock.handlers, request))!.json()
    }
    for (const project of ['demo-org%2Fstorefront', 'demo-org%2Fbackend%2Forders'])
      expect(await get(`/projects/${project}/services/slack`)).toMatchObject({ active: true, inherited: true, properties: { username: 'demo-org-bot' } })
    expect(await get('/projects/demo-org%2Fbackend%2Fbilling/services/slack')).toMatchObject({ inherited: false, properties: { username: 'billing-bot' } })
    expect(await get('/groups/demo-org/integrations/slack')).toMatchObject({ inherited: false, properties: { push_channel: '#demo-org' } })
  })
})
