/**
 * Scenarios are typed from the catalog (an unknown slug, or a property the
 * integration does not have, does not compile), and the same mistakes in
 * JSON read at run time name the JSON path, what was expected and the
 * nearest known name.
 */
import { describe, expect, test } from 'vitest'
import { createGitLabMock, ScenarioError, type Scenario } from 'gitlab-services-mock'

const base = { projects: [{ id: 1, path_with_namespace: 'acme/app' }] }

/** The ScenarioError a scenario read from JSON (so untyped) is rejected with. */
function rejection(input: unknown): ScenarioError {
  try {
    createGitLabMock({ scenario: input as Scenario })
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError)
    return error as ScenarioError
  }
  throw new Error('the scenario was accepted')
}

describe('the Scenario type', () => {
  test('rejects unknown slugs and properties at compile time, and what it accepts loads', async () => {
    const wrong: Scenario[] = [
      // @ts-expect-error no integration is called "slakc"
      { ...base, integrations: [{ project: 1, slug: 'slakc' }] },
      // @ts-expect-error slack has no property "webhok"
      { ...base, integrations: [{ project: 1, slug: 'slack', properties: { webhok: 'https://hooks.slack.com/services/T0/B0/x' } }] },
      // @ts-expect-error `webhook` is slack's, not jira's
      { ...base, integrations: [{ project: 1, slug: 'jira', properties: { webhook: 'https://hooks.slack.com/services/T0/B0/x' } }] },
    ]
    for (const scenario of wrong) expect(() => createGitLabMock({ scenario })).toThrow(ScenarioError)

    const right: Scenario = {
      ...base,
      integrations: [
        { project: 1, slug: 'slack', push_events: true, properties: { webhook: 'https://hooks.slack.com/services/T0/B0/x', channel: '#ci' } },
        { project: 1, slug: 'jira', properties: { url: 'https://jira.example.com', username: 'bot', password: 's3cret' } },
        { project: 1, slug: 'mattermost', properties: { labels_to_be_notified: null } },
      ],
    }
    const gitlab = createGitLabMock({ scenario: right })
    await gitlab.ready()
    expect(gitlab.dump().integrations?.map((i) => i.slug)).toEqual(['slack', 'jira', 'mattermost'])
  })
})

describe('run-time errors', () => {
  test('an unknown slug: the path, what was expected, the nearest slug', () => {
    const error = rejection({ ...base, integrations: [{ project: 1, slug: 'slakc' }] })
    expect(error.path).toBe('$.integrations[0].slug')
    expect(error.message).toMatch(/^Invalid scenario at \$\.integrations\[0\]\.slug: unknown integration: expected one of the \d+ integrations of GitLab 13\.12 \(ee\), got "slakc"; did you mean "slack"\?$/)
  })

  test('a slug nothing resembles lists the known ones', () => {
    const error = rejection({ ...base, integrations: [{ project: 1, slug: 'zzzzzzzzzz' }] })
    expect(error.message).toContain('got "zzzzzzzzzz"')
    expect(error.message).toContain('slack, mattermost, microsoft-teams')
    expect(error.message).not.toContain('did you mean')
  })

  test('an unknown property: the path, the integration, the nearest property', () => {
    const error = rejection({ ...base, integrations: [{ project: 1, slug: 'slack', properties: { webhok: 'x' } }] })
    expect(error.path).toBe('$.integrations[0].properties.webhok')
    expect(error.message).toContain('unknown property: expected a property of slack, got "webhok"; did you mean "webhook"?')
  })

  test('an unknown field: the path, the fields of that object, the nearest field', () => {
    const user = rejection({ users: [{ id: 1, username: 'alice', tokns: ['t'] }] })
    expect(user.path).toBe('$.users[0].tokns')
    expect(user.message).toContain('unknown field: expected a field of this object, got "tokns"; did you mean "tokens"?')
    const flag = rejection({ ...base, integrations: [{ project: 1, slug: 'slack', push_event: true }] })
    expect(flag.message).toContain('got "push_event"; did you mean "push_events"?')
    const top = rejection({ colour: 'blue' })
    expect(top.message).toContain('(version, gitlab, edition, development, application_settings, users, groups, projects, integrations), got "colour"')
  })

  test('a value of the wrong kind says what was expected', () => {
    const member = rejection({ users: [{ id: 1, username: 'alice' }], projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: true, access_level: 40 }] }] })
    expect(member.path).toBe('$.projects[0].members[0].user')
    expect(member.message).toContain('expected a username or a user id')
    const level = rejection({ users: [{ id: 1, username: 'alice' }], projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 1, access_level: 35 }] }] })
    expect(level.message).toContain("expected one of GitLab's access levels 10, 20, 30, 40, 50")
    const token = rejection({ users: [{ id: 1, username: 'alice', tokens: [42] }] })
    expect(token.message).toContain('expected a token string, or { token, scopes?, expires_at?, revoked? }')
    const property = rejection({ ...base, integrations: [{ project: 1, slug: 'slack', properties: { webhook: ['x'] } }] })
    expect(property.message).toContain('expected a string, number, boolean or null')
  })
})
