/**
 * GitLab 19.0, every integration it routes at project level, CE and EE:
 * PUT with the required params, each required param missing, GET (secrets
 * and webhooks hidden, every other field shown, unset ones null), DELETE
 * and DELETE again. The table states GitLab 19.0's own facts
 * (lib/api/helpers/integrations_helpers.rb and the models @ gitlabhq
 * 55eb439f); where the mock hides what GitLab shows, the row says so.
 */
import { describe, expect, test } from 'vitest'
import { call, integration, scenarioWith, versionServer, type Target } from './support.js'

const { target } = versionServer()

const HOOK = 'https://hooks.example.com/services/T0/B0/latest'
const TRACKER3 = { project_url: 'https://tracker.example.com/p', issues_url: 'https://tracker.example.com/i/:id', new_issue_url: 'https://tracker.example.com/new' }
const TRACKER2 = { project_url: 'https://tracker.example.com/p', issues_url: 'https://tracker.example.com/i/:id' }
const NOTIFIER = ['notify_only_broken_pipelines', 'branches_to_be_notified']
const CHANNELS = [
  'push_channel', 'issue_channel', 'confidential_issue_channel', 'merge_request_channel', 'note_channel', 'confidential_note_channel',
  'tag_push_channel', 'pipeline_channel', 'wiki_page_channel', 'deployment_channel', 'incident_channel',
]
const SLACK_STYLE = ['username', 'channel', ...NOTIFIER, 'labels_to_be_notified', 'labels_to_be_notified_behavior', ...CHANNELS]

interface Row {
  readonly slug: string
  readonly title: string
  /** The required params, with values the model accepts; the first is the one left out in the 400 test. */
  readonly body: Readonly<Record<string, string | number | boolean>>
  /** The `properties` keys GitLab 19.0 answers, in its order. */
  readonly properties: readonly string[]
  /** Values of `body` GitLab never returns. */
  readonly secrets?: readonly string[]
}

/** Routed on both editions. */
const CE_ROWS: readonly Row[] = [
  { slug: 'asana', title: 'Asana', body: { api_key: 'asana-secret-key' }, properties: ['restrict_to_branch'], secrets: ['asana-secret-key'] },
  { slug: 'assembla', title: 'Assembla', body: { token: 'assembla-secret' }, properties: ['subdomain'], secrets: ['assembla-secret'] },
  {
    slug: 'bamboo',
    title: 'Atlassian Bamboo',
    body: { bamboo_url: 'https://bamboo.example.com', build_key: 'KEY-PLAN', username: 'ci', password: 'bamboo-secret' },
    properties: ['bamboo_url', 'enable_ssl_verification', 'username'],
    secrets: ['KEY-PLAN', 'bamboo-secret'],
  },
  { slug: 'bugzilla', title: 'Bugzilla', body: TRACKER3, properties: ['project_url', 'issues_url', 'new_issue_url'] },
  {
    slug: 'buildkite',
    title: 'Buildkite',
    body: { token: 'buildkite-secret', project_url: 'https://buildkite.com/acme/app' },
    properties: ['project_url', 'enable_ssl_verification'],
    secrets: ['buildkite-secret'],
  },
  { slug: 'campfire', title: 'Campfire', body: { token: 'campfire-secret' }, properties: ['subdomain', 'room'], secrets: ['campfire-secret'] },
  { slug: 'clickup', title: 'ClickUp', body: TRACKER2, properties: ['project_url', 'issues_url'] },
  { slug: 'confluence', title: 'Confluence Workspace', body: { confluence_url: 'https://acme.atlassian.net/wiki' }, properties: ['confluence_url'] },
  { slug: 'custom-issue-tracker', title: 'Custom issue tracker', body: TRACKER3, properties: ['project_url', 'issues_url', 'new_issue_url'] },
  {
    slug: 'datadog',
    title: 'Datadog',
    body: { api_key: 'ddapikey0123' },
    properties: ['datadog_site', 'api_url', 'datadog_ci_visibility', 'archive_trace_events', 'datadog_service', 'datadog_env', 'datadog_tags'],
    secrets: ['ddapikey0123'],
  },
  {
    slug: 'diffblue-cover',
    title: 'Diffblue Cover',
    body: { diffblue_license_key: 'diffblue-licence', diffblue_access_token_name: 'cover-token', diffblue_access_token_secret: 'diffblue-secret' },
    properties: ['diffblue_access_token_name'],
    secrets: ['diffblue-licence', 'diffblue-secret'],
  },
  { slug: 'discord', title: 'Discord Notifications', body: { webhook: 'https://discord.com/api/webhooks/1/secret' }, properties: NOTIFIER, secrets: ['discord.com/api/webhooks'] },
  { slug: 'drone-ci', title: 'Drone', body: { token: 'drone-secret', drone_url: 'https://drone.example.com' }, properties: ['drone_url', 'enable_ssl_verification'], secrets: ['drone-secret'] },
  {
    slug: 'emails-on-push',
    title: 'Emails on push',
    body: { recipients: 'dev@example.com' },
    properties: ['send_from_committer_email', 'disable_diffs', 'branches_to_be_notified', 'recipients'],
  },
  { slug: 'ewm', title: 'EWM', body: TRACKER3, properties: ['project_url', 'issues_url', 'new_issue_url'] },
  { slug: 'external-wiki', title: 'External wiki', body: { external_wiki_url: 'https://wiki.example.com' }, properties: ['external_wiki_url'] },
  {
    slug: 'google-play',
    title: 'Google Play',
    body: { package_name: 'com.acme.app', service_account_key_file_name: 'key.json', service_account_key: '{"type":"service_account","k":"gp-secret"}' },
    // GitLab 19.0 also shows service_account_key (a text field); the mock hides it on purpose (docs/gitlab-versions.md).
    properties: ['package_name', 'service_account_key_file_name', 'google_play_protected_refs'],
    secrets: ['gp-secret'],
  },
  { slug: 'hangouts-chat', title: 'Google Chat', body: { webhook: HOOK }, properties: NOTIFIER, secrets: [HOOK] },
  {
    slug: 'harbor',
    title: 'Harbor',
    body: { url: 'https://harbor.example.com', project_name: 'app', username: 'robot', password: 'harbor-secret' },
    properties: ['url', 'project_name', 'username'],
    secrets: ['harbor-secret'],
  },
  {
    slug: 'irker',
    title: 'irker (IRC gateway)',
    body: { recipients: 'irc://irc.example.net/#gitlab' },
    properties: ['server_host', 'server_port', 'default_irc_uri', 'recipients', 'colorize_messages'],
  },
  {
    slug: 'jenkins',
    title: 'Jenkins',
    body: { jenkins_url: 'https://jenkins.example.com', project_name: 'app' },
    properties: ['jenkins_url', 'enable_ssl_verification', 'project_name', 'username'],
  },
  {
    slug: 'jira',
    title: 'Jira issues',
    // `username` is required by the model under basic authentication (jira_auth_type 0, the default).
    body: { url: 'https://jira.example.com', password: 'jira-secret', username: 'jira-bot' },
    // GitLab 19.0 also shows project_keys (Array[String]), which the mock does not emulate (docs/gitlab-versions.md).
    properties: ['url', 'api_url', 'jira_auth_type', 'username', 'jira_issue_regex', 'jira_issue_prefix', 'jira_issue_transition_id', 'issues_enabled'],
    secrets: ['jira-secret'],
  },
  { slug: 'linear', title: 'Linear', body: { workspace_url: 'https://linear.app/acme' }, properties: ['workspace_url'] },
  {
    slug: 'matrix',
    title: 'Matrix notifications',
    body: { token: 'syt-matrix-secret', room: '!room:matrix.org' },
    properties: ['hostname', 'room', ...NOTIFIER],
    secrets: ['syt-matrix-secret'],
  },
  { slug: 'mattermost', title: 'Mattermost notifications', body: { webhook: HOOK }, properties: SLACK_STYLE, secrets: [HOOK] },
  { slug: 'mattermost-slash-commands', title: 'Mattermost slash commands', body: { token: 'mm-slash-secret' }, properties: [], secrets: ['mm-slash-secret'] },
  { slug: 'microsoft-teams', title: 'Microsoft Teams notifications', body: { webhook: HOOK }, properties: NOTIFIER, secrets: [HOOK] },
  { slug: 'packagist', title: 'Packagist', body: { username: 'acme', token: 'packagist-secret' }, properties: ['username', 'server'], secrets: ['packagist-secret'] },
  { slug: 'phorge', title: 'Phorge', body: TRACKER2, properties: ['project_url', 'issues_url'] },
  {
    slug: 'pipelines-email',
    title: 'Pipeline status emails',
    body: { recipients: 'dev@example.com' },
    properties: ['recipients', 'notify_only_broken_pipelines', 'notify_only_default_branch', 'branches_to_be_notified'],
  },
  { slug: 'pivotaltracker', title: 'Pivotal Tracker', body: { token: 'pivotal-secret' }, properties: ['restrict_to_branch'], secrets: ['pivotal-secret'] },
  { slug: 'pumble', title: 'Pumble', body: { webhook: HOOK }, properties: NOTIFIER, secrets: [HOOK] },
  {
    slug: 'pushover',
    title: 'Pushover',
    body: { api_key: 'pushover-app-secret', user_key: 'pushover-user-secret', priority: '0' },
    properties: ['device', 'priority', 'sound'],
    secrets: ['pushover-app-secret', 'pushover-user-secret'],
  },
  { slug: 'redmine', title: 'Redmine', body: TRACKER3, properties: ['project_url', 'issues_url', 'new_issue_url'] },
  { slug: 'slack', title: 'Slack notifications', body: { webhook: HOOK }, properties: [...SLACK_STYLE, 'alert_channel'], secrets: [HOOK] },
  { slug: 'squash-tm', title: 'Squash TM', body: { url: 'https://squash.example.com/hook' }, properties: ['url'] },
  {
    slug: 'teamcity',
    title: 'JetBrains TeamCity',
    body: { teamcity_url: 'https://teamcity.example.com', build_type: 'App_Build', username: 'ci', password: 'teamcity-secret' },
    properties: ['teamcity_url', 'enable_ssl_verification', 'build_type', 'username'],
    secrets: ['teamcity-secret'],
  },
  {
    slug: 'telegram',
    title: 'Telegram',
    body: { token: '123456:telegram-secret', room: '@acme' },
    properties: ['hostname', 'room', 'thread', ...NOTIFIER],
    secrets: ['telegram-secret'],
  },
  { slug: 'unify-circuit', title: 'Unify Circuit', body: { webhook: HOOK }, properties: NOTIFIER, secrets: [HOOK] },
  { slug: 'webex-teams', title: 'Webex Teams', body: { webhook: HOOK }, properties: NOTIFIER, secrets: [HOOK] },
  { slug: 'youtrack', title: 'JetBrains YouTrack', body: TRACKER2, properties: ['project_url', 'issues_url'] },
  {
    slug: 'apple-app-store',
    title: 'Apple App Store Connect',
    body: {
      app_store_issuer_id: 'c9a4e9a0-6f2b-4c8e-9d1a-0b2c3d4e5f60',
      app_store_key_id: 'ABC123DEF4',
      app_store_private_key_file_name: 'AuthKey.p8',
      app_store_private_key: '-----BEGIN PRIVATE KEY-----\napple-secret\n-----END PRIVATE KEY-----',
    },
    // GitLab 19.0 also shows app_store_private_key (a text field); the mock hides it on purpose (docs/gitlab-versions.md).
    properties: ['app_store_issuer_id', 'app_store_key_id', 'app_store_private_key_file_name', 'app_store_protected_refs'],
    secrets: ['apple-secret'],
  },
]

/** Enterprise Edition only (ee/lib/ee/api/helpers/integrations_helpers.rb). */
const EE_ROWS: readonly Row[] = [
  {
    slug: 'github',
    title: 'GitHub',
    body: { token: 'ghp_github-secret', repository_url: 'https://github.com/acme/app' },
    properties: ['repository_url', 'static_context'],
    secrets: ['ghp_github-secret'],
  },
  { slug: 'git-guardian', title: 'GitGuardian', body: { token: 'gitguardian-secret' }, properties: ['api_url'], secrets: ['gitguardian-secret'] },
  {
    slug: 'google-cloud-platform-artifact-registry',
    title: 'Google Artifact Management',
    body: { artifact_registry_project_id: 'acme-prod', artifact_registry_repositories: 'app', artifact_registry_location: 'us-east1' },
    properties: ['artifact_registry_project_id', 'artifact_registry_repositories', 'artifact_registry_location'],
  },
  {
    slug: 'google-cloud-platform-workload-identity-federation',
    title: 'Google Cloud IAM',
    body: {
      workload_identity_federation_project_id: 'acme-prod',
      workload_identity_federation_project_number: '123456789012',
      workload_identity_pool_id: 'acme-pool',
      workload_identity_pool_provider_id: 'gitlab-provider',
    },
    properties: ['workload_identity_federation_project_id', 'workload_identity_federation_project_number', 'workload_identity_pool_id', 'workload_identity_pool_provider_id'],
  },
]

/** The entity keys of GitLab 19.0 (lib/api/entities/integration_basic.rb @ 55eb439f), EE's vulnerability_events last. */
const CE_KEYS = [
  'id', 'title', 'slug', 'created_at', 'updated_at', 'active', 'commit_events', 'push_events', 'issues_events', 'incident_events',
  'alert_events', 'confidential_issues_events', 'merge_requests_events', 'tag_push_events', 'deployment_events', 'note_events',
  'confidential_note_events', 'pipeline_events', 'wiki_page_events', 'job_events', 'comment_on_event_enabled', 'inherited',
]

/** DELETE resets every field to its column default: nil for the properties hash, Jira's data-fields defaults. */
const RESET: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { jira: { jira_auth_type: 0, issues_enabled: false } }

function suite(edition: 'ee' | 'ce', rows: readonly Row[]) {
  const gitlab = (): Target => target('19.0', edition)
  const keys = edition === 'ee' ? [...CE_KEYS, 'vulnerability_events', 'properties'] : [...CE_KEYS, 'properties']

  test.each(rows)('$slug: PUT with the required params answers 200 with the 19.0 entity; GET agrees', async (row) => {
    const put = await call(gitlab(), 'PUT', integration(row.slug), row.body)
    expect(put.status, put.text).toBe(200)
    expect(Object.keys(put.body)).toEqual(keys)
    expect(put.body).toMatchObject({ title: row.title, slug: row.slug, active: true, inherited: false })
    expect(Object.keys(put.body.properties)).toEqual(row.properties)
    for (const [name, value] of Object.entries(row.body)) if (row.properties.includes(name)) expect(put.body.properties[name]).toBe(value)
    for (const secret of row.secrets ?? []) expect(put.text).not.toContain(secret)
    const get = await call(gitlab(), 'GET', integration(row.slug, 'services'))
    expect(get).toMatchObject({ status: 200, body: put.body })
  })

  test.each(rows)('$slug: PUT without its first required param is 400 "<name> is missing" and stores nothing', async (row) => {
    const [missing, ...rest] = Object.keys(row.body)
    const body = Object.fromEntries(rest.map((name) => [name, row.body[name]]))
    expect(await call(gitlab(), 'PUT', integration(row.slug), body)).toMatchObject({ status: 400, body: { error: `${missing} is missing` } })
    expect(await call(gitlab(), 'GET', integration(row.slug))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
  })

  test.each(rows)('$slug: DELETE answers 204 and resets; DELETE of an unconfigured one is 404', async (row) => {
    expect(await call(gitlab(), 'DELETE', integration(row.slug))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
    await call(gitlab(), 'PUT', integration(row.slug), row.body)
    expect((await call(gitlab(), 'DELETE', integration(row.slug))).status).toBe(204)
    const get = await call(gitlab(), 'GET', integration(row.slug))
    expect(get.status).toBe(200)
    expect(get.body.active).toBe(false)
    const expected = Object.fromEntries(row.properties.map((name) => [name, RESET[row.slug]?.[name] ?? null]))
    if (row.slug === 'buildkite') expected.enable_ssl_verification = true // the getter is a stub that always answers true
    expect(get.body.properties).toEqual(expected)
    expect((await call(gitlab(), 'GET', '/projects/1/integrations')).body).toEqual([])
  })
}

describe('GitLab 19.0 EE', () => suite('ee', [...CE_ROWS, ...EE_ROWS]))
describe('GitLab 19.0 CE', () => {
  suite('ce', CE_ROWS)

  test.each(EE_ROWS)('$slug is not a CE slug: GET 400, PUT 404', async (row) => {
    const ce = target('19.0', 'ce')
    expect(await call(ce, 'GET', integration(row.slug))).toMatchObject({ status: 400, body: { error: 'slug does not have a valid value' } })
    expect(await call(ce, 'PUT', integration(row.slug), row.body)).toMatchObject({ status: 404, body: { error: '404 Not Found' } })
  })
})

describe('GitLab 19.0: integrations gone since 13.12 answer as unknown slugs', () => {
  test.each(['flowdock', 'prometheus', 'slack-slash-commands', 'shimo', 'jenkins-deprecated'])('%s', async (slug) => {
    for (const edition of ['ee', 'ce'] as const) {
      const gitlab = target('19.0', edition)
      expect(await call(gitlab, 'GET', integration(slug))).toMatchObject({ status: 400, body: { error: 'slug does not have a valid value' } })
      expect(await call(gitlab, 'DELETE', integration(slug, 'services'))).toMatchObject({ status: 400, body: { error: 'slug does not have a valid value' } })
      expect(await call(gitlab, 'PUT', integration(slug), { token: 'x' })).toMatchObject({ status: 404, body: { error: '404 Not Found' } })
    }
  })
})

describe('GitLab 19.0: integrations that depend on instance settings', () => {
  const withSettings = scenarioWith({ application_settings: { slack_app_enabled: true, jira_connect_application_key: 'jira-connect-key' } })
  const seeded = scenarioWith({
    application_settings: { slack_app_enabled: true, jira_connect_application_key: 'jira-connect-key' },
    integrations: [
      { project: 1, slug: 'gitlab-slack-application', active: false, properties: { channel: '#general' } },
      { project: 1, slug: 'jira-cloud-app', active: true },
    ],
  })

  test.each([
    ['gitlab-slack-application', 'GitLab for Slack app'],
    ['jira-cloud-app', 'GitLab for Jira Cloud app'],
  ])('%s: "400 Integration not available" without the setting, 422 (cannot create) with it', async (slug, title) => {
    const plain = target('19.0')
    expect(await call(plain, 'PUT', integration(slug), {})).toMatchObject({ status: 400, body: { message: '400 Integration not available' } })
    expect(await call(plain, 'GET', integration(slug))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
    const set = target('19.0', 'ee', withSettings, 'settings')
    expect(await call(set, 'PUT', integration(slug), {})).toMatchObject({
      status: 422,
      body: { message: `You cannot create the ${title} integration from the API` },
    })
    expect(await call(set, 'GET', integration(slug))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
  })

  test('an existing GitLab for Slack app updates through the API; its channels stay masked', async () => {
    const gitlab = target('19.0', 'ce', seeded, 'seeded')
    const put = await call(gitlab, 'PUT', integration('gitlab-slack-application'), { channel: '#deploys', push_channel: '#pushes' })
    expect(put.status, put.text).toBe(200)
    expect(put.body.properties).toEqual({
      channel: '#deploys',
      // The chat notifiers' initial values (Integrations::Base::ChatNotification#initialize_properties).
      notify_only_broken_pipelines: true,
      branches_to_be_notified: 'default',
      labels_to_be_notified: null,
      labels_to_be_notified_behavior: 'match_any',
    })
    // `active` is not forced for an integration the API cannot create (params.delete(:active)).
    expect(put.body.active).toBe(false)
    expect(put.text).not.toContain('#pushes')
  })

  test('the Jira Cloud app cannot be disabled through the API', async () => {
    const gitlab = target('19.0', 'ce', seeded, 'seeded')
    expect(await call(gitlab, 'DELETE', integration('jira-cloud-app'))).toMatchObject({
      status: 422,
      body: { message: 'You cannot disable the GitLab for Jira Cloud app integration from the API' },
    })
  })

  test('ZenTao is routed but never available to projects: params first, then 400; GET and DELETE 404', async () => {
    const gitlab = target('19.0', 'ce')
    expect(await call(gitlab, 'PUT', integration('zentao'), { url: 'https://zentao.example.com' })).toMatchObject({
      status: 400,
      body: { error: 'api_token is missing, zentao_product_xid is missing' },
    })
    const body = { url: 'https://zentao.example.com', api_token: 'z', zentao_product_xid: '1' }
    expect(await call(gitlab, 'PUT', integration('zentao'), body)).toMatchObject({ status: 400, body: { message: '400 Integration not available' } })
    expect(await call(gitlab, 'DELETE', integration('zentao'))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
  })
})

describe('GitLab 19.0: PUT errors of the newest API', () => {
  test('a failed validation names the model’s errors (Ruby 3.3 Hash#inspect)', async () => {
    expect(await call(target('19.0'), 'PUT', integration('slack'), { webhook: '' })).toMatchObject({
      status: 400,
      body: { message: 'Failed to update integration. {:webhook=>["can\'t be blank", "must be a valid URL"]}' },
    })
    expect(await call(target('19.0'), 'PUT', integration('linear'), { workspace_url: 'https://linear.example.com/acme' })).toMatchObject({
      status: 400,
      body: { message: 'Failed to update integration. {:workspace_url=>["URL must point to a workspace URL like https://linear.app/example"]}' },
    })
  })

  test('use_inherited_settings: true without a group or instance integration is "Default integration not found."', async () => {
    expect(await call(target('19.0', 'ce'), 'PUT', integration('asana'), { api_key: 'k', use_inherited_settings: true })).toMatchObject({
      status: 400,
      body: { message: 'Default integration not found.' },
    })
  })

  test('event flags are Boolean params', async () => {
    expect(await call(target('19.0'), 'PUT', integration('pumble'), { webhook: HOOK, work_item_events: 'sometimes' })).toMatchObject({
      status: 400,
      body: { error: 'work_item_events is invalid' },
    })
  })
})
