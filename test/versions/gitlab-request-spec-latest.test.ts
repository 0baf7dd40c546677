/**
 * GitLab's own request spec for the integrations API, ported case by case:
 * spec/requests/api/integrations_spec.rb @ gitlabhq 55eb439f (a commit of
 * the 19.0 cycle, the one the mock's 19.0 is built from), with the shared
 * examples it calls ('set up an integration', 'disable an integration',
 * 'get an integration settings', the `parent_resource_name:` version),
 * the shared context 'with integration' and its attributes: the factories'
 * `attributes_for(integration_factory).without(:active, :type)`, copied
 * below from spec/factories/integrations.rb @ 55eb439f and, for EE,
 * ee/spec/factories/integrations.rb (its stored copy of the amazon_q era).
 * Run against `--gitlab 19.0` EE and CE, and `latest` (EE). Of the spec's 58
 * `it`s, 50 are ported (each run per integration, per path family); the 8
 * left out are listed below.
 *
 * `user` owns everything; `user2` is a developer of `project` and `group`.
 * As the spec's `project_integrations_map` / `group_integrations_map`, the
 * scenario gives `project` (and `group`) every integration, inactive except
 * Confluence; `project2` and `fresh-group` have none (the spec's
 * `project2` / `fresh_parent_resource`). A spec's `activate!` is a seed of
 * the same scenario with that record active.
 *
 * The integrations iterated are the spec's `where(:integration)`:
 * Integration.available_integration_names(include_instance_specific: false)
 * minus gitlab_slack_application, jira_cloud_app and zentao (projects), or
 * with include_project_specific: false minus gitlab_slack_application and
 * zentao (groups), as app/models/concerns/integrations/base/integration.rb
 * @ 55eb439f and its EE prepend define them (jira_cloud_app is disabled
 * without jira_connect_application_key; the Google Cloud ones are GitLab.com
 * only, which the EE mock stands for, docs/gitlab-versions.md).
 * `properties` keys are checked against the mock's own field list for the
 * slug (`mock.gitlab`), as the spec checks them against the model's
 * `api_field_names`; that list's agreement with GitLab 19.0 is
 * test/versions/latest.test.ts's subject.
 *
 * Not ported, and why (the 8, and the integrations left out):
 * - the dev-only integrations (mock_ci, mock_monitoring): in the spec's list
 *   only because the spec runs in the test environment
 *   (Gitlab.dev_or_test_env?); a production GitLab does not route them;
 * - 'when updates fails' (stubs Integrations::UpdateService), 'when an
 *   integration is disabled' (stubs Integration.disabled_integration_names),
 *   'when an integration is disabled at the parent_resource-level' and
 *   "returns not found if integration exists but is in
 *   `project#disabled_integrations`" (stub Project#disabled_integrations):
 *   they replace GitLab's code with doubles, so no HTTP client can bring
 *   them about. (What is observable of disabled integrations, the Slack and
 *   Jira Cloud apps without their instance settings, is in latest.test.ts.)
 * - `match_response_schema('public_api/v4/integrations')` in the list cases:
 *   the JSON schema file is not ported; the entity keys are checked in
 *   latest.test.ts;
 * - POST /slack/trigger (2 cases): the GitLab for Slack app's instance-wide
 *   slash command endpoint, outside the project integrations API; the mock
 *   does not route it.
 * "returns if required fields missing" (ported) picks the attributes with a
 * presence validator that has no `if:`/`unless:`; the 19.0 models validate
 * presence under `if: :activated?` (app/models/integrations/jira.rb @
 * 55eb439f, and the same convention across app/models/integrations), so the
 * spec takes its `required_attributes.empty?` branch: the full attributes
 * answer 200. That is what is ported; the models were not all read one by
 * one, so a model with an unconditional presence rule would be missed here.
 * Deliberate differences of the mock, docs/gitlab-versions.md ("Deliberate
 * differences from GitLab"), which the field list above already reflects:
 * Apple's app_store_private_key and Google Play's service_account_key stay
 * hidden; Jira's project_keys is not emulated.
 */
import { describe, expect, test } from 'vitest'
import type { Scenario } from 'gitlab-services-mock'
import { call as request, type Reply } from '../core/support.js'
import { versionServer, type Edition, type Target } from './support.js'

const OWNER = 'glpat-request-spec-user-0'
const USER2 = 'glpat-request-spec-user2-0'
const PROJECT = 1
const PROJECT2 = 2
const TEAMS_PROJECT = 3
const GROUP = 10
const FRESH_GROUP = 11
const TEAMS_GROUP = 12

type Value = string | number | boolean | null
type Attrs = Readonly<Record<string, Value>>
/** A scenario record; the tables below are keyed by plain strings, not the slug union. */
type Integration = NonNullable<Scenario['integrations']>[number]

/** trait :chat_notification: a webhook, every chat event off. */
const CHAT: Attrs = {
  webhook: 'https://example.com/webhook/1',
  ...Object.fromEntries(
    ['push', 'issues', 'confidential_issues', 'merge_requests', 'note', 'confidential_note', 'tag_push', 'pipeline', 'wiki_page'].map((event) => [`${event}_events`, false]),
  ),
}
/** trait :issue_tracker. */
const ISSUE_TRACKER: Attrs = {
  project_url: 'http://issuetracker.example.com',
  issues_url: 'http://issues.example.com/issues/:id',
  new_issue_url: 'http://new-issue.example.com',
}

/** `attributes_for` of each factory (spec/factories/integrations.rb @ 55eb439f), by slug. */
const FACTORY: Readonly<Record<string, Attrs>> = {
  'apple-app-store': {
    app_store_issuer_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    app_store_key_id: 'ABC1',
    app_store_private_key_file_name: 'auth_key.p8',
    // File.read('spec/fixtures/auth_key.p8'): a PEM private key.
    app_store_private_key: '-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----\n',
    app_store_protected_refs: true,
  },
  asana: { api_key: 'secrettoken' },
  assembla: { token: 'secrettoken' },
  bamboo: { bamboo_url: 'https://bamboo.example.com', build_key: 'foo', username: 'mic', password: 'password' },
  bugzilla: ISSUE_TRACKER,
  buildkite: { token: 'secrettoken', project_url: 'http://example.com' },
  campfire: { room: '1234', token: 'test' },
  clickup: { project_url: 'http://issuetracker.example.com', issues_url: 'http://issues.example.com/issues/:id' },
  confluence: { confluence_url: 'https://example.atlassian.net/wiki' },
  'custom-issue-tracker': ISSUE_TRACKER,
  datadog: { datadog_ci_visibility: false, datadog_site: 'datadoghq.com', datadog_tags: 'key:value', api_key: 'secret' },
  'diffblue-cover': {
    diffblue_license_key: '1234-ABCD-DCBA-4321',
    diffblue_access_token_name: 'Diffblue CI',
    diffblue_access_token_secret: 'glpat-00112233445566778899',
  },
  discord: { ...CHAT, webhook: 'https://discord.com/api/webhooks/12345/token_12-34' },
  'drone-ci': { drone_url: 'https://drone.example.com', enable_ssl_verification: false, token: 'test' },
  'emails-on-push': {
    push_events: true,
    tag_push_events: true,
    recipients: 'foo@bar.com',
    disable_diffs: true,
    send_from_committer_email: true,
    branches_to_be_notified: 'all',
  },
  ewm: ISSUE_TRACKER,
  'external-wiki': { external_wiki_url: 'http://external-wiki-url.com' },
  'google-play': {
    package_name: 'com.gitlab.foo.bar',
    service_account_key_file_name: 'service_account.json',
    // File.read('spec/fixtures/service_account.json'): a service account's JSON key.
    service_account_key: '{"type":"service_account","project_id":"gitlab-foo","private_key_id":"abc123"}',
    google_play_protected_refs: true,
  },
  'hangouts-chat': CHAT,
  harbor: { url: 'https://demo.goharbor.io', project_name: 'testproject', username: 'harborusername', password: 'harborpassword' },
  irker: { recipients: 'irc://irc.network.net:666/#channel', server_port: 1234 },
  jenkins: { jenkins_url: 'http://jenkins.example.com/', project_name: 'my-project', username: 'jenkings-user', password: 'passw0rd' },
  // The transient attributes (jira_issue_transition_id '56-1', ...) go to the data fields, not to attributes_for.
  jira: { url: 'https://jira.example.com', api_url: '', username: 'jira_username', password: 'jira_password', jira_auth_type: 0 },
  linear: { workspace_url: 'https://linear.app/example' },
  matrix: { token: 'syt-zyx57W2v1u123ew11', room: '!qPKKM111FFKKsfoCVy:matrix.org' },
  mattermost: { ...CHAT, labels_to_be_notified_behavior: 'match_any' },
  'mattermost-slash-commands': { token: 'secrettoken' },
  'microsoft-teams': CHAT,
  packagist: { username: 'username', token: 'secrettoken', server: 'https://packagist.example.comp' },
  phorge: { project_url: 'http://phorge.example.com', issues_url: 'http://phorge.example.com/issues/:id' },
  'pipelines-email': { recipients: 'test@example.com' },
  pivotaltracker: { token: 'test' },
  pumble: CHAT,
  pushover: { api_key: 'secrettoken', user_key: 'secretkey', priority: '0', device: null, sound: null },
  redmine: ISSUE_TRACKER,
  slack: CHAT,
  'squash-tm': { url: 'https://url-to-squash.com', token: 'squash_tm_token' },
  teamcity: { teamcity_url: 'http://example.com', username: 'username', password: 'secrettoken', build_type: '123' },
  telegram: { token: '123456:ABC-DEF1234', room: '@channel', thread: null },
  'unify-circuit': CHAT,
  'webex-teams': CHAT,
  youtrack: { project_url: 'http://issuetracker.example.com', issues_url: 'http://issues.example.com/issues/:id' },
  // ee/spec/factories/integrations.rb
  github: { token: 'github-token', repository_url: 'https://github.com/owner/repository' },
  'git-guardian': { token: 'git_guardian-token' },
  'google-cloud-platform-artifact-registry': {
    artifact_registry_project_id: 'dev-gcp-9abafed1',
    artifact_registry_location: 'us-east1',
    artifact_registry_repositories: 'demo, my-repo',
  },
  'google-cloud-platform-workload-identity-federation': {
    workload_identity_federation_project_id: 'google-wlif-project-id',
    workload_identity_federation_project_number: '123456789',
    workload_identity_pool_id: 'wlif-pool-id',
    workload_identity_pool_provider_id: 'wlif-pool-provider-id',
  },
}

/** INTEGRATION_NAMES @ 55eb439f without gitlab_slack_application and zentao: what groups and projects both configure. */
const SHARED = [
  'asana', 'assembla', 'bamboo', 'bugzilla', 'buildkite', 'campfire', 'clickup', 'confluence', 'custom-issue-tracker', 'datadog',
  'diffblue-cover', 'discord', 'drone-ci', 'emails-on-push', 'ewm', 'external-wiki', 'hangouts-chat', 'harbor', 'irker', 'jira',
  'linear', 'matrix', 'mattermost', 'mattermost-slash-commands', 'microsoft-teams', 'packagist', 'phorge', 'pipelines-email',
  'pivotaltracker', 'pumble', 'pushover', 'redmine', 'slack', 'squash-tm', 'teamcity', 'telegram', 'unify-circuit', 'webex-teams',
  'youtrack',
]
/** PROJECT_LEVEL_ONLY_INTEGRATION_NAMES @ 55eb439f. */
const PROJECT_ONLY = ['apple-app-store', 'google-play', 'jenkins']
/** EE_INTEGRATION_NAMES and EE_PROJECT_LEVEL_ONLY_INTEGRATION_NAMES. */
const EE_SHARED = ['google-cloud-platform-workload-identity-federation', 'git-guardian']
const EE_PROJECT_ONLY = ['github', 'google-cloud-platform-artifact-registry']

const names = (edition: Edition, level: 'project' | 'group') => [
  ...SHARED,
  ...(level === 'project' ? PROJECT_ONLY : []),
  ...(edition === 'ee' ? [...EE_SHARED, ...(level === 'project' ? EE_PROJECT_ONLY : [])] : []),
]

const isEvent = (name: string) => name.endsWith('_events')

/** A factory's attributes as a scenario record: event flags on the record, the rest in `properties`. */
function record(slug: string, owner: { project: number } | { group: number }, active: boolean, extra: Attrs = {}) {
  const attrs = { ...FACTORY[slug]!, ...extra }
  const flags = Object.fromEntries(Object.entries(attrs).filter(([name]) => isEvent(name)))
  const properties = Object.fromEntries(Object.entries(attrs).filter(([name, value]) => !isEvent(name) && value !== null))
  return { ...owner, slug, active, properties, ...flags } as Integration
}

function scenarioFor(edition: Edition, active: { project?: string; group?: string } = {}, extra: Partial<Scenario> = {}): Scenario {
  return {
    users: [
      { id: 1, username: 'user', tokens: [OWNER] },
      { id: 2, username: 'user2', tokens: [USER2] },
    ],
    groups: [
      { id: GROUP, path: 'group', members: [{ user: 'user', access_level: 50 }, { user: 'user2', access_level: 30 }] },
      { id: FRESH_GROUP, path: 'fresh-group', members: [{ user: 'user', access_level: 50 }] },
      { id: TEAMS_GROUP, path: 'teams-group' },
    ],
    projects: [
      { id: PROJECT, path_with_namespace: 'user/project', members: [{ user: 'user', access_level: 50 }, { user: 'user2', access_level: 30 }] },
      { id: PROJECT2, path_with_namespace: 'user/project2', members: [{ user: 'user', access_level: 50 }] },
      { id: TEAMS_PROJECT, path_with_namespace: 'teams-group/project', members: [{ user: 'user', access_level: 50 }] },
    ],
    integrations: [
      ...names(edition, 'project').map((slug) =>
        // The jira factory's transient jira_issue_transition_id lands in its data fields.
        record(slug, { project: PROJECT }, slug === 'confluence' || slug === active.project, slug === 'jira' ? { jira_issue_transition_id: '56-1' } : {}),
      ),
      ...names(edition, 'group').map((slug) => record(slug, { group: GROUP }, slug === 'confluence' || slug === active.group)),
      // The Microsoft Teams block: a group-level integration, and the project (moved into that group) with its own.
      record('microsoft-teams', { group: TEAMS_GROUP }, true),
      record('microsoft-teams', { project: TEAMS_PROJECT }, true),
    ],
    ...extra,
  }
}

const TARGETS: readonly (readonly [string, Edition])[] = [
  ['19.0', 'ee'],
  ['19.0', 'ce'],
  // `latest` resolves to 19.0: once, to pin that it does.
  ['latest', 'ee'],
]

const { target } = versionServer()

describe.each(TARGETS)('GitLab %s %s: spec/requests/api/integrations_spec.rb', (gitlab, edition) => {
  const mock = (): Target => target(gitlab, edition, scenarioFor(edition))
  const call = (method: string, path: string, options: { token?: string; json?: unknown; form?: Record<string, string> } = {}) =>
    request(method, `${mock().base}${path}`, options)
  const as = (token: string | undefined, method: string, path: string, json?: unknown) =>
    call(method, path, { ...(token ? { token } : {}), ...(json !== undefined ? { json } : {}) })
  /** `activate!` (or `update_column(:active, true)`) of one record of the spec's maps. */
  const activate = (active: { project?: string; group?: string }, extra: Partial<Scenario> = {}) => mock().mock.seed(scenarioFor(edition, active, extra))

  const fields = (slug: string) => mock().mock.gitlab.integrations.get(slug)!.visibleFields

  /** `have_attributes(attrs)` as a client sees it: shown fields in `properties`, event flags on the entity, secrets nowhere. */
  function expectAttributes(reply: Reply, slug: string, attrs: Attrs) {
    const shown = fields(slug)
    for (const [name, value] of Object.entries(attrs)) {
      if (isEvent(name)) expect(reply.body[name], name).toBe(value)
      else if (shown.includes(name)) expect(reply.body.properties[name], name).toEqual(value)
      else if (typeof value === 'string' && value.length >= 8) expect(reply.text, name).not.toContain(value)
    }
  }

  /** assert_correct_response_fields: the keys are the integration's api_field_names, none a secret field. */
  function expectFields(reply: Reply, slug: string) {
    expect(Object.keys(reply.body.properties).sort()).toEqual([...fields(slug)].sort())
  }

  const flip = (attrs: Attrs): Attrs => Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, typeof value === 'boolean' ? !value : value]))
  const activeSlugs = async (path: string) => ((await as(OWNER, 'GET', path)).body as { slug: string }[]).map((entity) => entity.slug)

  interface Parent {
    readonly level: 'project' | 'group'
    /** The project or group holding every integration (the spec's map), and one holding none. */
    readonly home: number
    readonly fresh: number
    readonly at: (parent: number, slug?: string) => string
    /** The path as the spec's describe names it. */
    readonly prefix: string
  }

  /** The three shared examples, for each integration of a parent kind. */
  function slugCases(slugs: readonly string[], { level, home, fresh, at, prefix }: Parent) {
    describe.each(slugs)('%s', (slug) => {
      const attrs = FACTORY[slug]!

      describe(`PUT ${prefix}/${slug}: 'set up an integration'`, () => {
        test(`updates ${slug} settings and returns the correct fields`, async () => {
          const reply = await as(OWNER, 'PUT', at(home, slug), attrs)
          expect(reply.status, reply.text).toBe(200)
          expect(reply.body.slug).toBe(slug)
          expectAttributes(reply, slug, attrs)
          expectFields(reply, slug)
          expectAttributes(await as(OWNER, 'GET', at(home, slug)), slug, attrs)
        })

        test(`when all booleans are flipped: updates ${slug} settings and returns the correct fields`, async () => {
          const flipped = flip(attrs)
          const reply = await as(OWNER, 'PUT', at(home, slug), flipped)
          expect(reply.status, reply.text).toBe(200)
          expectAttributes(await as(OWNER, 'GET', at(home, slug)), slug, flipped)
        })

        test('returns if required fields missing (no unconditional presence validator: 200)', async () => {
          expect((await as(OWNER, 'PUT', at(home, slug), attrs)).status).toBe(200)
        })

        test(`when the integration does not exist: creates ${slug} and returns the correct fields`, async () => {
          expect(await activeSlugs(at(fresh))).toEqual([])
          const reply = await as(OWNER, 'PUT', at(fresh, slug), attrs)
          expect(reply.status, reply.text).toBe(200)
          expect(reply.body.slug).toBe(slug)
          expectAttributes(reply, slug, attrs)
          expectFields(reply, slug)
          expect(await activeSlugs(at(fresh))).toEqual([slug])
        })
      })

      describe(`DELETE ${prefix}/${slug}: 'disable an integration'`, () => {
        test(`deletes ${slug}`, async () => {
          await activate({ [level]: slug })
          expect(await activeSlugs(at(home))).toContain(slug)
          expect((await as(OWNER, 'DELETE', at(home, slug))).status).toBe(204)
          expect(await activeSlugs(at(home))).not.toContain(slug)
          expect((await as(OWNER, 'GET', at(home, slug))).body.active).toBe(false)
        })

        test('returns not found if integration does not exist', async () => {
          const reply = await as(OWNER, 'DELETE', at(fresh, slug))
          expect({ status: reply.status, message: reply.body?.message }).toEqual({ status: 404, message: '404 Integration Not Found' })
        })
      })

      describe(`GET ${prefix}/${slug}: 'get an integration settings'`, () => {
        test(`when the integration is not active: returns all properties of inactive integration ${slug}, except password fields`, async () => {
          const reply = await as(OWNER, 'GET', at(home, slug))
          expect(reply.status, reply.text).toBe(200)
          expect(reply.body.active).toBe(slug === 'confluence')
          expectFields(reply, slug)
        })

        test(`when the integration is active: returns all properties of active integration ${slug}, except password fields`, async () => {
          await activate({ [level]: slug })
          const reply = await as(OWNER, 'GET', at(home, slug))
          expect(reply.status, reply.text).toBe(200)
          expect(reply.body.active).toBe(true)
          expectFields(reply, slug)
        })

        test('returns authentication error when unauthenticated', async () => {
          expect((await as(undefined, 'GET', at(fresh, slug))).status).toBe(401)
        })

        test('returns not found if integration does not exist', async () => {
          const reply = await as(OWNER, 'GET', at(fresh, slug))
          expect({ status: reply.status, message: reply.body?.message }).toEqual({ status: 404, message: '404 Integration Not Found' })
        })

        test('returns error when authenticated but not a project owner', async () => {
          expect((await as(USER2, 'GET', at(home, slug))).status).toBe(403)
        })
      })
    })
  }

  interface App {
    readonly slug: string
    readonly title: string
    /** The instance setting the spec stubs (stub_application_setting). */
    readonly settings: Readonly<Record<string, string | boolean>>
    readonly properties: Readonly<Record<string, string>>
    /** Whether DELETE disables it (the Slack app) or answers 422 (the Jira Cloud app). */
    readonly deletable: boolean
  }

  /** The 'GitLab for Slack app integration' and 'GitLab for Jira Cloud app integration' blocks. */
  function appCases(at: (project: number, slug?: string) => string, app: App) {
    describe(`${app.title} integration`, () => {
      /** The scenario with the setting, and the app's record unless `active` is undefined (the spec's `destroy!`). */
      const withApp = async (active: boolean | undefined) => {
        const base = scenarioFor(edition, {}, { application_settings: app.settings })
        const records = active === undefined ? [] : [{ project: PROJECT, slug: app.slug, active, properties: app.properties } as Integration]
        await mock().mock.seed({ ...base, integrations: [...base.integrations!, ...records] })
      }
      const path = () => at(PROJECT, app.slug)

      test('PUT for integration creation: returns 422', async () => {
        await withApp(undefined)
        const reply = await as(OWNER, 'PUT', path())
        expect({ status: reply.status, message: reply.body?.message }).toEqual({
          status: 422,
          message: `You cannot create the ${app.title} integration from the API`,
        })
      })

      test('PUT for integration update: does not enable the integration', async () => {
        await withApp(false)
        expect((await as(OWNER, 'PUT', path())).status).toBe(200)
        expect((await as(OWNER, 'GET', path())).body.active).toBe(false)
      })

      test('GET fetches the integration and returns the correct fields', async () => {
        await withApp(true)
        const reply = await as(OWNER, 'GET', path())
        expect(reply.status).toBe(200)
        expectFields(reply, app.slug)
      })

      test(app.deletable ? 'DELETE disables the integration' : 'DELETE does not disable the integration', async () => {
        await withApp(true)
        const reply = await as(OWNER, 'DELETE', path())
        if (app.deletable) expect(reply.status).toBe(204)
        else
          expect({ status: reply.status, message: reply.body?.message }).toEqual({
            status: 422,
            message: `You cannot disable the ${app.title} integration from the API`,
          })
        expect((await as(OWNER, 'GET', path())).body.active).toBe(!app.deletable)
      })
    })
  }

  /** A PUT answers 200 and shows the property as sent. */
  async function expectUpdated(path: string, params: object, property: string, value: Value) {
    const reply = await as(OWNER, 'PUT', path, params)
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body.properties[property]).toBe(value)
  }

  /** GET of the list: who may read it, and what it holds (the spec's map: only Confluence is active). */
  function listCases(list: string, parent: 'project' | 'group') {
    test('returns authentication error when unauthenticated', async () => {
      expect((await as(undefined, 'GET', list)).status).toBe(401)
    })

    test(`returns error when authenticated but user is not a ${parent} owner`, async () => {
      expect((await as(USER2, 'GET', list)).status).toBe(403)
    })

    test('returns a list of all active integrations', async () => {
      const reply = await as(OWNER, 'GET', list)
      expect(reply.status).toBe(200)
      expect(reply.body).toBeInstanceOf(Array)
      expect(reply.body.map((entity: { slug: string }) => entity.slug)).toEqual(['confluence'])
    })
  }

  describe('Project level integrations', () => {
    describe.each(['integrations', 'services'])('%s', (endpoint) => {
      const at = (project: number, slug?: string) => `/projects/${project}/${endpoint}${slug ? `/${slug}` : ''}`

      describe(`GET /projects/:id/${endpoint}`, () => {
        listCases(at(PROJECT), 'project')
      })

      slugCases(names(edition, 'project'), { level: 'project', home: PROJECT, fresh: PROJECT2, at, prefix: `/projects/:id/${endpoint}` })

      describe(`POST /projects/:id/${endpoint}/:slug/trigger: Mattermost integration`, () => {
        const trigger = (project: number | string, name: string) =>
          call('POST', `/projects/${project}/${endpoint}/${name}/trigger`, { form: { token: 'secrettoken' } })

        test('when no integration is available: returns a not found message', async () => {
          const reply = await call('POST', `/projects/${PROJECT}/${endpoint}/idonotexist/trigger`)
          expect({ status: reply.status, error: reply.body?.error }).toEqual({ status: 404, error: '404 Not Found' })
        })

        test('when the integration exists and is not active: 404', async () => {
          expect((await trigger(PROJECT, 'mattermost_slash_commands')).status).toBe(404)
        })

        test('when the integration exists and is active: returns status 200', async () => {
          await activate({ project: 'mattermost-slash-commands' })
          expect((await trigger(PROJECT, 'mattermost_slash_commands')).status).toBe(200)
        })

        test('when the project can not be found: returns a generic 404', async () => {
          const reply = await trigger(404, 'mattermost_slash_commands')
          expect({ status: reply.status, message: reply.body?.message }).toEqual({ status: 404, message: '404 Integration Not Found' })
        })
      })

      describe('Mattermost integration', () => {
        test('accepts a username for update', async () => {
          await activate({ project: 'mattermost' })
          await expectUpdated(at(PROJECT, 'mattermost'), { webhook: 'https://hook.example.com', username: 'new_username' }, 'username', 'new_username')
        })
      })

      describe('Microsoft Teams integration', () => {
        const params = { webhook: 'https://hook.example.com', branches_to_be_notified: 'default', notify_only_broken_pipelines: false }

        test('accepts branches_to_be_notified for update', async () => {
          await expectUpdated(at(TEAMS_PROJECT, 'microsoft-teams'), { ...params, branches_to_be_notified: 'all' }, 'branches_to_be_notified', 'all')
        })

        test('accepts notify_only_broken_pipelines for update', async () => {
          await expectUpdated(at(TEAMS_PROJECT, 'microsoft-teams'), { ...params, notify_only_broken_pipelines: true }, 'notify_only_broken_pipelines', true)
        })

        test('accepts `use_inherited_settings` for inheritance', async () => {
          expect((await as(OWNER, 'GET', at(TEAMS_PROJECT, 'microsoft-teams'))).body.inherited).toBe(false)
          const reply = await as(OWNER, 'PUT', at(TEAMS_PROJECT, 'microsoft-teams'), { ...params, use_inherited_settings: true })
          expect(reply.status, reply.text).toBe(200)
          expect(reply.body.inherited).toBe(true)
        })
      })

      describe('Hangouts Chat integration', () => {
        test('accepts branches_to_be_notified for update', async () => {
          await activate({ project: 'hangouts-chat' })
          await expectUpdated(at(PROJECT, 'hangouts-chat'), { webhook: 'https://hook.example.com', branches_to_be_notified: 'all' }, 'branches_to_be_notified', 'all')
        })

        test('only requires the webhook param', async () => {
          await activate({ project: 'hangouts-chat' })
          expect((await as(OWNER, 'PUT', at(PROJECT, 'hangouts-chat'), { webhook: 'https://hook.example.com' })).status).toBe(200)
        })
      })

      describe('Jira integration', () => {
        const params = { url: 'https://jira.example.com', username: 'username', password: 'password', jira_auth_type: 0 }

        test('returns the jira_issue_transition_id for get request', async () => {
          await activate({ project: 'jira' })
          const reply = await as(OWNER, 'GET', at(PROJECT, 'jira'))
          expect(reply.status).toBe(200)
          expect(reply.body.properties).toMatchObject({ jira_issue_transition_id: '56-1' })
        })

        test('returns the jira_issue_transition_id for put request', async () => {
          await activate({ project: 'jira' })
          await expectUpdated(at(PROJECT, 'jira'), { ...params, jira_issue_transition_id: '1' }, 'jira_issue_transition_id', '1')
        })
      })

      describe('Pipelines Email Integration', () => {
        test('notify_only_broken_pipelines property was saved as a string: returns boolean values for notify_only_broken_pipelines', async () => {
          await activate({ project: 'pipelines-email' })
          const reply = await as(OWNER, 'GET', at(PROJECT, 'pipelines-email'))
          expect(reply.body.properties.notify_only_broken_pipelines).toBe(true)
        })
      })

      /** The factory sets every event channel to `#<name>` (after(:build), all_channels). */
      const channels = Object.fromEntries(
        ['push', 'issue', 'confidential_issue', 'merge_request', 'note', 'confidential_note', 'tag_push', 'pipeline', 'wiki_page', 'deployment', 'incident']
          .map((event) => [`${event}_channel`, `#${event}_channel`]),
      )
      appCases(at, { slug: 'gitlab-slack-application', title: 'GitLab for Slack app', settings: { slack_app_enabled: true }, properties: channels, deletable: true })
      appCases(at, {
        slug: 'jira-cloud-app',
        title: 'GitLab for Jira Cloud app',
        settings: { jira_connect_application_key: 'mock_key' },
        properties: { jira_cloud_app_service_ids: 'b:YXJpOmNsb3VkOmdyYXBoOjpzZXJ2aWNlLzI=' },
        deletable: false,
      })
    })
  })

  describe('Group level integrations', () => {
    const at = (group: number, slug?: string) => `/groups/${group}/integrations${slug ? `/${slug}` : ''}`

    describe('GET /groups/:id/integrations', () => {
      listCases(at(GROUP), 'group')

      test.each(PROJECT_ONLY)('returns 400 when trying to access a project-only integration (%s)', async (slug) => {
        const reply = await as(OWNER, 'GET', at(GROUP, slug))
        expect({ status: reply.status, message: reply.body?.message }).toEqual({ status: 400, message: '400 Integration not available' })
      })
    })

    slugCases(names(edition, 'group'), { level: 'group', home: GROUP, fresh: FRESH_GROUP, at, prefix: '/groups/:id/integrations' })
  })
})
