/**
 * GitLab's own request spec for the Services API, ported case by case:
 * spec/requests/api/services_spec.rb as of the 13.12/14.0 line (the
 * stored copy read is the 14.0 development one; its cases hold for 13.12).
 * Its shared context configures every service from the model's field list
 * (`service_attrs`): token/key fields 'secrettoken', URLs
 * 'http://example.com', booleans true, irker recipients an IRC URI, jira's
 * transition ids '1,2,3', confluence an atlassian.net wiki, datadog's site
 * 'datadoghq.com', else 'someword'. `user` owns the project, `user2` is a developer.
 */
import { describe, expect, test } from 'vitest'
import type { Scenario } from 'gitlab-services-mock'
import { call, expectJson, setupMock } from './support.js'

const OWNER = 'glpat-request-spec-owner'
const USER2 = 'glpat-request-spec-user2'

const scenario: Scenario = {
  users: [
    { id: 1, username: 'user', tokens: [OWNER] },
    { id: 2, username: 'user2', tokens: [USER2] },
  ],
  projects: [
    { id: 1, path_with_namespace: 'user/project', members: [{ user: 'user', access_level: 50 }, { user: 'user2', access_level: 30 }] },
    { id: 2, path_with_namespace: 'user/project2', members: [{ user: 'user', access_level: 50 }] },
  ],
}
const { mock } = setupMock({ scenario })

/** The routed services of GitLab 13.12 and the attributes the spec's shared context gives them. */
const SERVICE_ATTRS: Record<string, Record<string, string | boolean | number>> = {
  asana: { api_key: 'secrettoken', restrict_to_branch: 'someword' },
  assembla: { token: 'secrettoken', subdomain: 'someword' },
  bamboo: { bamboo_url: 'http://example.com', build_key: 'secrettoken', username: 'someword', password: 'someword' },
  bugzilla: { project_url: 'http://example.com', issues_url: 'http://example.com', new_issue_url: 'http://example.com' },
  buildkite: { token: 'secrettoken', project_url: 'http://example.com', enable_ssl_verification: true },
  campfire: { token: 'secrettoken', subdomain: 'someword', room: 'someword' },
  confluence: { confluence_url: 'https://example.atlassian.net/wiki' },
  'custom-issue-tracker': { project_url: 'http://example.com', issues_url: 'http://example.com', new_issue_url: 'http://example.com' },
  datadog: { api_key: 'secrettoken', datadog_site: 'datadoghq.com', api_url: 'http://example.com', datadog_service: 'someword', datadog_env: 'someword' },
  discord: { webhook: 'http://example.com' },
  'drone-ci': { token: 'secrettoken', drone_url: 'http://example.com', enable_ssl_verification: true },
  'emails-on-push': { recipients: 'foo@bar.com', disable_diffs: true, send_from_committer_email: true, branches_to_be_notified: 'someword' },
  ewm: { project_url: 'http://example.com', issues_url: 'http://example.com', new_issue_url: 'http://example.com' },
  'external-wiki': { external_wiki_url: 'http://example.com' },
  flowdock: { token: 'secrettoken' },
  github: { token: 'secrettoken', repository_url: 'http://example.com', static_context: true },
  'hangouts-chat': { webhook: 'http://example.com', branches_to_be_notified: 'someword' },
  irker: { recipients: 'irc://irc.network.net:666/#channel', server_port: 1234, default_irc_uri: 'someword', server_host: 'someword', colorize_messages: true },
  jenkins: { jenkins_url: 'http://example.com', project_name: 'someword', username: 'someword', password: 'someword' },
  jira: { url: 'http://example.com', api_url: 'http://example.com', username: 'someword', password: 'someword', jira_issue_transition_id: '1,2,3' },
  mattermost: { webhook: 'http://example.com', username: 'someword' },
  'mattermost-slash-commands': { token: 'secrettoken' },
  'microsoft-teams': { webhook: 'http://example.com' },
  packagist: { username: 'someword', token: 'secrettoken', server: 'someword' },
  'pipelines-email': { recipients: 'foo@bar.com', notify_only_broken_pipelines: true, branches_to_be_notified: 'someword' },
  pivotaltracker: { token: 'secrettoken', restrict_to_branch: 'someword' },
  prometheus: { api_url: 'http://example.com', google_iap_audience_client_id: 'someword', google_iap_service_account_json: 'someword' },
  pushover: { api_key: 'secrettoken', user_key: 'secrettoken', priority: 'someword', device: 'someword', sound: 'someword' },
  redmine: { project_url: 'http://example.com', issues_url: 'http://example.com', new_issue_url: 'http://example.com' },
  slack: { webhook: 'http://example.com', username: 'someword' },
  'slack-slash-commands': { token: 'secrettoken' },
  teamcity: { teamcity_url: 'http://example.com', build_type: 'someword', username: 'someword', password: 'someword' },
  'unify-circuit': { webhook: 'http://example.com' },
  'webex-teams': { webhook: 'http://example.com' },
  youtrack: { project_url: 'http://example.com', issues_url: 'http://example.com' },
}

/**
 * Service#api_field_names (13.12): the model's field names without
 * password/token/key/title/description: the keys `properties` may hold.
 */
const API_FIELD_NAMES: Record<string, readonly string[]> = {
  slack: ['webhook', 'username', 'notify_only_broken_pipelines', 'branches_to_be_notified'],
  jira: ['url', 'api_url', 'username'],
  bugzilla: ['project_url', 'issues_url', 'new_issue_url'],
  irker: ['server_host', 'server_port', 'default_irc_uri', 'recipients', 'colorize_messages'],
  datadog: ['datadog_site', 'api_url', 'datadog_service', 'datadog_env'],
}

const at = (slug: string, project = 1) => `/projects/${project}/services/${slug}`

describe('GET /projects/:id/services', () => {
  test('returns authentication error when unauthenticated', async () => {
    expect((await call('GET', '/projects/1/services')).status).toBe(401)
  })

  test('returns error when authenticated but user is not a project owner', async () => {
    expect((await call('GET', '/projects/1/services', { token: USER2 })).status).toBe(403)
  })

  test('project with services: returns a list of all active services', async () => {
    await call('PUT', at('emails-on-push'), { token: OWNER, json: { recipients: 'foo@bar.com' } })
    await call('PUT', at('custom-issue-tracker'), { token: OWNER, json: SERVICE_ATTRS['custom-issue-tracker'] })
    await call('DELETE', at('custom-issue-tracker'), { token: OWNER })
    const reply = await call('GET', '/projects/1/services', { token: OWNER })
    expectJson(reply, 200)
    expect(reply.body.map((service: { slug: string }) => service.slug)).toEqual(['emails-on-push'])
  })
})

describe.each(Object.keys(SERVICE_ATTRS))('%s', (slug) => {
  const attrs = SERVICE_ATTRS[slug]!

  test(`PUT updates ${slug} settings, and event flags toggle through the query string`, async () => {
    const first = await call('PUT', at(slug), { token: OWNER, json: attrs })
    expect(first.status, first.text).toBe(200)
    expect(first.body.slug).toBe(slug)
    const events = Object.keys(first.body).filter((key) => key.endsWith('_events') && typeof first.body[key] === 'boolean')
    const query = Object.fromEntries(events.map((event) => [event, String(!first.body[event])]))
    const second = await call('PUT', at(slug), { token: OWNER, json: attrs, query })
    expect(second.status, second.text).toBe(200)
  })

  test(`DELETE deletes ${slug}: 204, and the service is no longer active`, async () => {
    await call('PUT', at(slug), { token: OWNER, json: attrs })
    expect((await call('DELETE', at(slug), { token: OWNER })).status).toBe(204)
    const after = await call('GET', at(slug), { token: OWNER })
    expect(after.body.active).toBe(false)
  })

  test('GET returns authentication error when unauthenticated', async () => {
    expect((await call('GET', at(slug))).status).toBe(401)
  })

  test(`GET returns the properties of the configured ${slug}, none of them secret`, async () => {
    await call('PUT', at(slug), { token: OWNER, json: attrs })
    const reply = await call('GET', at(slug), { token: OWNER })
    expectJson(reply, 200)
    for (const key of Object.keys(reply.body.properties)) expect(key).not.toMatch(/password|token|key|title|description/)
    const expected = API_FIELD_NAMES[slug]
    if (expected) expect(Object.keys(reply.body.properties)).toEqual(expected)
  })

  test('GET returns not found if the service does not exist', async () => {
    expectJson(await call('GET', at(slug, 2), { token: OWNER }), 404, { message: '404 Service Not Found' })
  })

  test('GET returns error when authenticated but not a project owner', async () => {
    expect((await call('GET', at(slug), { token: USER2 })).status).toBe(403)
  })
})

describe('POST trigger', () => {
  test('no service is available: the catch-all 404', async () => {
    expectJson(await call('POST', '/projects/1/services/idonotexist/trigger', { form: { token: 'token' } }), 404, { error: '404 Not Found' })
  })

  test('the service is inactive: 404', async () => {
    await call('PUT', at('mattermost-slash-commands'), { token: OWNER, json: { token: 'token' } })
    await call('DELETE', at('mattermost-slash-commands'), { token: OWNER })
    const reply = await call('POST', '/projects/1/services/mattermost_slash_commands/trigger', { form: { token: 'token' } })
    expect(reply.status).toBe(404)
  })

  test.each(['mattermost', 'slack'])('the %s service is active: 200, ephemeral', async (chat) => {
    await call('PUT', at(`${chat}-slash-commands`), { token: OWNER, json: { token: 'token' } })
    const reply = await call('POST', `/projects/1/services/${chat}_slash_commands/trigger`, { form: { token: 'token', text: 'help' } })
    expectJson(reply, 200)
    expect(reply.body.response_type).toBe('ephemeral')
  })

  test('when the project can not be found: a generic 404', async () => {
    const reply = await call('POST', '/projects/404/services/mattermost_slash_commands/trigger', { form: { token: 'token' } })
    expectJson(reply, 404, { message: '404 Service Not Found' })
  })
})

describe('updates of existing services', () => {
  test('Mattermost accepts a username for update', async () => {
    await call('PUT', at('mattermost'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x', username: 'old' } })
    const reply = await call('PUT', at('mattermost'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x', username: 'new_username' } })
    expect(reply.body.properties.username).toBe('new_username')
  })

  test('Microsoft Teams accepts branches_to_be_notified and notify_only_broken_pipelines', async () => {
    await call('PUT', at('microsoft-teams'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x' } })
    const branches = await call('PUT', at('microsoft-teams'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x', branches_to_be_notified: 'all' } })
    expect(branches.body.properties.branches_to_be_notified).toBe('all')
    const broken = await call('PUT', at('microsoft-teams'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x', notify_only_broken_pipelines: true } })
    expect(broken.body.properties.notify_only_broken_pipelines).toBe(true)
  })

  test('Hangouts Chat accepts branches_to_be_notified, and only requires the webhook', async () => {
    const minimal = await call('PUT', at('hangouts-chat'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x' } })
    expect(minimal.status).toBe(200)
    const branches = await call('PUT', at('hangouts-chat'), { token: OWNER, json: { webhook: 'https://hooks.example.com/x', branches_to_be_notified: 'all' } })
    expect(branches.body.properties.branches_to_be_notified).toBe('all')
  })
})
