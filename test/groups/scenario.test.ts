/**
 * Groups in scenario JSON: what is rejected (with the JSON path of the
 * problem), and that `dump()` gives back what `seed()` took.
 */
import { describe, expect, test } from 'vitest'
import { createGitLabMock, ScenarioError, type Scenario } from 'gitlab-services-mock'
import { scenario } from './support.js'

const users = [{ id: 1, username: 'alice' }]

const INVALID: [name: string, path: string, gitlab: string, input: unknown][] = [
  ['a dangling parent', '$.groups[1].parent', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 2, path: 'b', parent: 9 }] }],
  ['a parent named by a path no group has', '$.groups[0].parent', '19.0', { groups: [{ id: 1, path: 'b', parent: 'nope' }] }],
  ['a full_path under no group', '$.groups[0].full_path', '19.0', { groups: [{ id: 1, full_path: 'nope/b' }] }],
  ['a cycle', '$.groups[0].parent', '19.0', { groups: [{ id: 1, path: 'a', parent: 2 }, { id: 2, path: 'b', parent: 1 }] }],
  ['a group that is its own parent', '$.groups[0].parent', '19.0', { groups: [{ id: 1, path: 'a', parent: 1 }] }],
  ['a full_path that disagrees with the parent', '$.groups[1].full_path', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 2, full_path: 'x/b', path: 'b', parent: 1 }] }],
  ['a group without a path', '$.groups[0].path', '19.0', { groups: [{ id: 1 }] }],
  ['a duplicate group id', '$.groups[1].id', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 1, path: 'b' }] }],
  ['a duplicate full path', '$.groups[1].full_path', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 2, path: 'A' }] }],
  ['a public subgroup of a private group', '$.groups[1].visibility', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 2, path: 'b', parent: 1, visibility: 'public' }] }],
  ['a group member who is no user', '$.groups[0].members[0].user', '19.0', { users, groups: [{ id: 1, path: 'a', members: [{ user: 'bob', access_level: 50 }] }] }],
  ['a project whose path disagrees with its group', '$.projects[0].path_with_namespace', '19.0', { groups: [{ id: 1, path: 'a' }], projects: [{ id: 1, path_with_namespace: 'b/app', namespace: 1 }] }],
  ['a project in an undeclared subgroup of a group', '$.projects[0].path_with_namespace', '19.0', { groups: [{ id: 1, path: 'a' }], projects: [{ id: 1, path_with_namespace: 'a/b/app' }] }],
  ['a project whose namespace is no group', '$.projects[0].namespace', '19.0', { projects: [{ id: 1, path_with_namespace: 'a/app', namespace: 'a' }] }],
  ['a public project in a private group', '$.projects[0].visibility', '19.0', { groups: [{ id: 1, path: 'a' }], projects: [{ id: 1, path_with_namespace: 'a/app', visibility: 'public' }] }],
  ['an integration of a project and a group', '$.integrations[0].group', '19.0', { groups: [{ id: 1, path: 'a' }], projects: [{ id: 1, path_with_namespace: 'a/app' }], integrations: [{ project: 1, group: 1, slug: 'slack' }] }],
  ['an integration of nobody', '$.integrations[0].project', '19.0', { integrations: [{ slug: 'slack' }] }],
  ['an integration of an unknown group', '$.integrations[0].group', '19.0', { integrations: [{ group: 'a', slug: 'slack' }] }],
  ['a project-level-only integration on a group', '$.integrations[0].slug', '19.0', { groups: [{ id: 1, path: 'a' }], integrations: [{ group: 1, slug: 'jenkins' }] }],
  ['a duplicate group integration', '$.integrations[1].slug', '19.0', { groups: [{ id: 1, path: 'a' }], integrations: [{ group: 1, slug: 'slack' }, { group: 'a', slug: 'slack' }] }],
  ['inheriting with no group above that has it', '$.integrations[0].inherited', '19.0', { groups: [{ id: 1, path: 'a' }, { id: 2, path: 'b', parent: 1 }], projects: [{ id: 1, path_with_namespace: 'a/b/app' }], integrations: [{ group: 2, slug: 'jira', inherited: true }, { project: 1, slug: 'jira', inherited: true }] }],
  ['a group integration before 17.3', '$.integrations[0].group', '17.2', { groups: [{ id: 1, path: 'a' }], integrations: [{ group: 1, slug: 'slack' }] }],
  ['inheritance before 17.3', '$.integrations[0].inherited', '17.2', { projects: [{ id: 1, path_with_namespace: 'a/app' }], integrations: [{ project: 1, slug: 'slack', inherited: false }] }],
]

describe('invalid group scenarios', () => {
  test.each(INVALID)('%s → ScenarioError at %s', (_name, path, gitlab, input) => {
    expect(() => createGitLabMock({ gitlab, scenario: input as Scenario })).toThrow(expect.objectContaining({ name: 'ScenarioError', path }))
  })

  test('seed() rejects and keeps the state', async () => {
    const mock = createGitLabMock({ gitlab: '19.0', scenario })
    await mock.ready()
    const before = mock.dump()
    await expect((async () => mock.seed(INVALID[3]![3] as Scenario))()).rejects.toBeInstanceOf(ScenarioError)
    expect(mock.dump()).toEqual(before)
  })
})

describe('valid group scenarios', () => {
  test('groups may be declared in any order, by parent or by full path', async () => {
    const mock = createGitLabMock({
      gitlab: '19.0',
      scenario: {
        groups: [
          { id: 3, full_path: 'a/b/c' },
          { id: 2, path: 'b', parent: 'a' },
          { id: 1, path: 'a', visibility: 'internal' },
        ],
        projects: [{ id: 1, path_with_namespace: 'A/B/C/app' }],
      },
    })
    await mock.ready()
    expect(mock.dump().groups).toMatchObject([
      { id: 3, path: 'c', full_path: 'a/b/c', parent: 2 },
      { id: 2, path: 'b', full_path: 'a/b', parent: 1 },
      { id: 1, path: 'a', full_path: 'a', visibility: 'internal' },
    ])
    expect(mock.dump().projects).toMatchObject([{ id: 1, namespace: 3 }])
  })

  test('dump() round-trips groups, members, namespaces, group integrations and inheritance', async () => {
    const mock = createGitLabMock({
      gitlab: '19.0',
      scenario: {
        ...scenario,
        integrations: [
          { project: 1, slug: 'slack', inherited: true },
          { group: 10, slug: 'slack', properties: { webhook: 'https://hooks.slack.com/services/T/B/x', username: 'bot' } },
          { group: 11, slug: 'slack', inherited: true, properties: { username: 'stale copy' } },
        ],
      } as Scenario,
    })
    await mock.ready()
    const dumped = mock.dump()
    expect(dumped.integrations).toMatchObject([
      { id: 1, project: 1, slug: 'slack', inherited: true, properties: { username: 'bot' } },
      { id: 2, group: 10, slug: 'slack', properties: { username: 'bot' } },
      { id: 3, group: 11, slug: 'slack', inherited: true, properties: { username: 'stale copy' } },
    ])
    expect(dumped.integrations![1]).not.toHaveProperty('inherited')
    const again = createGitLabMock({ gitlab: '19.0', scenario: dumped })
    await again.ready()
    expect(again.dump()).toEqual(dumped)
  })

  test('a scenario without groups dumps as before: no groups, no namespace, no inherited', async () => {
    const mock = createGitLabMock({ scenario: { users, projects: [{ id: 1, path_with_namespace: 'a/b/app' }], integrations: [{ project: 1, slug: 'slack' }] } })
    await mock.ready()
    const dumped = mock.dump()
    expect(dumped).not.toHaveProperty('groups')
    expect(dumped.projects![0]).not.toHaveProperty('namespace')
    expect(dumped.integrations![0]).not.toHaveProperty('inherited')
  })
})
