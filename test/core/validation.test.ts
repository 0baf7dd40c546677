/**
 * The two kinds of 400 (spec §6.1, §6.2, §6.5, Appendix B): Grape's
 * parameter errors (`{"error": ...}`) and 13.12's opaque model-validation
 * error (`{"message":"400 Bad Request"}`). Every rejection leaves the model
 * untouched.
 */
import { describe, expect, test } from 'vitest'
import {
  BAD_REQUEST,
  call,
  expectJson,
  expectUnchanged,
  FAMILIES,
  MALFORMED_JSON_ERROR,
  PROJECTS,
  requiredParams,
  servicePath,
  setupMock,
  specOf,
  TOKENS,
} from './support.js'

const { mock } = setupMock()
const token = TOKENS.maintainer

type Body = Record<string, unknown>

/** [slug, params on top of the required sample values, accepted?] */
const MODEL_CASES: readonly (readonly [string, Body, boolean])[] = [
  // public URLs (chat webhooks, trackers, CI servers, wikis)
  ['slack', { webhook: 'https://hooks.slack.com/services/T0/B0/x' }, true],
  ['slack', { webhook: 'http://example.com:8080/hook' }, true],
  ['slack', { webhook: 'http://172.32.0.1/hook' }, true],
  ['slack', { webhook: 'http://127.0.0.1/hook' }, false],
  ['slack', { webhook: 'http://127.1.2.3:3000/hook' }, false],
  ['slack', { webhook: 'http://localhost:3000/hook' }, false],
  ['slack', { webhook: 'http://LOCALHOST/hook' }, false],
  ['slack', { webhook: 'http://10.1.2.3/hook' }, false],
  ['slack', { webhook: 'http://172.16.5.4/hook' }, false],
  ['slack', { webhook: 'http://192.168.0.10/hook' }, false],
  ['slack', { webhook: 'http://169.254.169.254/latest/meta-data' }, false],
  ['slack', { webhook: 'http://0.0.0.0/hook' }, false],
  ['slack', { webhook: 'http://[::1]/hook' }, false],
  ['slack', { webhook: 'ftp://example.com/hook' }, false],
  ['slack', { webhook: 'not a url' }, false],
  ['slack', { webhook: '' }, false],
  ['slack', { webhook: '   ' }, false],
  ['slack', { webhook: null }, false],
  ['mattermost', { webhook: 'http://10.0.0.8/hooks/x' }, false],
  ['microsoft-teams', { webhook: 'http://localhost/x' }, false],
  ['hangouts-chat', { webhook: 'http://192.168.1.1/x' }, false],
  ['discord', { webhook: 'http://127.0.0.1/x' }, false],
  ['external-wiki', { external_wiki_url: 'https://wiki.example.com' }, true],
  ['external-wiki', { external_wiki_url: 'http://10.0.0.1/wiki' }, false],
  ['bugzilla', { project_url: 'http://localhost/p' }, false],
  ['bugzilla', { issues_url: 'http://10.0.0.2/i' }, false],
  ['bugzilla', { new_issue_url: 'http://127.0.0.1/n' }, false],
  ['redmine', { issues_url: '' }, false],
  ['youtrack', { issues_url: 'http://192.168.2.2/issues' }, false],
  ['drone-ci', { drone_url: 'http://localhost:8000' }, false],
  ['buildkite', { project_url: 'http://127.0.0.1/acme' }, false],
  ['bamboo', { bamboo_url: 'http://10.10.10.10' }, false],
  ['teamcity', { teamcity_url: 'http://localhost:8111' }, false],
  // jenkins only wants an http(s) URL: local addresses are fine
  ['jenkins', { jenkins_url: 'http://localhost:8080' }, true],
  ['jenkins', { jenkins_url: 'http://10.0.0.5:8080/jenkins' }, true],
  ['jenkins', { jenkins_url: 'ftp://jenkins.example.com' }, false],
  ['jenkins', { jenkins_url: 'jenkins' }, false],
  ['jenkins', { project_name: '' }, false],
  // jenkins: username required only when a password is sent
  ['jenkins', { password: 'p4ss' }, false],
  ['jenkins', { password: 'p4ss', username: '' }, false],
  ['jenkins', { password: 'p4ss', username: 'ci' }, true],
  ['jenkins', { password: '' }, true],
  // bamboo / teamcity: each required `if: -> { activated? && <the other> }`; "" is set in Ruby, nil is not
  ['bamboo', { username: 'u', password: '' }, false],
  ['bamboo', { username: '', password: 'p' }, false],
  ['bamboo', { username: '', password: '' }, false],
  ['bamboo', { username: null, password: null }, true],
  ['bamboo', { build_key: '' }, false],
  ['teamcity', { username: 'u', password: '' }, false],
  ['teamcity', { username: '', password: '' }, false],
  ['teamcity', { username: null, password: null }, true],
  ['teamcity', { build_type: '' }, false],
  // confluence host/path rule
  ['confluence', { confluence_url: 'https://acme.atlassian.net/wiki' }, true],
  ['confluence', { confluence_url: 'http://acme.atlassian.net/wiki/spaces/DEV' }, true],
  ['confluence', { confluence_url: 'https://acme.atlassian.net/other' }, false],
  ['confluence', { confluence_url: 'https://confluence.example.com/wiki' }, false],
  ['confluence', { confluence_url: 'https://atlassian.net.example.com/wiki' }, false],
  ['confluence', { confluence_url: 'ftp://acme.atlassian.net/wiki' }, false],
  ['confluence', { confluence_url: '' }, false],
  // the path must be /wiki or under it (`\A/wiki(/|\Z)`), the host more than atlassian.net itself
  ['confluence', { confluence_url: 'https://acme.atlassian.net/wikipedia' }, false],
  ['confluence', { confluence_url: 'https://atlassian.net/wiki' }, false],
  // irker recipients
  ['irker', { recipients: 'irc://irc.example.net/#gitlab' }, true],
  ['irker', { recipients: 'ircs://irc.example.net:6697/#gitlab alice' }, true],
  ['irker', { recipients: '#gitlab', default_irc_uri: 'irc://irc.example.net/' }, true],
  ['irker', { recipients: 'alice bob', default_irc_uri: 'ircs://irc.example.net:6697/' }, true],
  ['irker', { recipients: '#gitlab' }, false],
  ['irker', { recipients: 'http://irc.example.net/#gitlab' }, false],
  ['irker', { recipients: '#gitlab', default_irc_uri: 'http://irc.example.net/' }, false],
  ['irker', { recipients: '' }, false],
  // default_irc_uri joins relative recipients only: an absolute non-IRC URI stays invalid
  ['irker', { recipients: 'http://irc.example.net/#gitlab', default_irc_uri: 'irc://irc.example.net/' }, false],
  ['irker', { recipients: 'http://x.example/#a #gitlab', default_irc_uri: 'irc://irc.example.net/' }, true],
  // datadog: api_key is word characters, the site a host name, one of site or API URL present
  ['datadog', { api_key: 'abc-123' }, false],
  ['datadog', { api_key: 'abc_123' }, true],
  ['datadog', { datadog_site: 'datadoghq.eu' }, true],
  ['datadog', { datadog_site: 'datadog hq' }, false],
  ['datadog', { datadog_site: '', api_url: '' }, false],
  ['datadog', { datadog_site: '', api_url: 'https://datadog.example.com/api' }, true],
  ['datadog', { datadog_site: '', api_url: 'http://10.0.0.1/api' }, false],
  // jira
  ['jira', { jira_issue_transition_id: '1' }, true],
  ['jira', { jira_issue_transition_id: '11,21;31' }, true],
  ['jira', { jira_issue_transition_id: '' }, true],
  ['jira', { jira_issue_transition_id: 'abc' }, false],
  // Gitlab::Regex.jira_transition_id_regex is /\d+/, unanchored: any value with a digit passes.
  ['jira', { jira_issue_transition_id: '1,,2' }, true],
  ['jira', { jira_issue_transition_id: 'foo 23 bar' }, true],
  ['jira', { jira_issue_transition_id: 'foo bar' }, false],
  ['jira', { api_url: '' }, true],
  ['jira', { api_url: 'https://jira-api.example.com' }, true],
  ['jira', { api_url: 'http://127.0.0.1/rest' }, false],
  ['jira', { url: 'http://localhost:8080' }, false],
  ['jira', { username: '' }, false],
  ['jira', { password: '' }, false],
  // github
  ['github', { repository_url: '' }, true],
  ['github', { repository_url: 'http://10.0.0.1/acme/app' }, false],
  ['github', { token: '' }, false],
  // presence of the remaining required values
  ['emails-on-push', { recipients: '' }, false],
  ['pipelines-email', { recipients: ' ' }, false],
  ['packagist', { username: '' }, false],
  ['packagist', { token: '' }, false],
  ['asana', { api_key: '' }, false],
  ['assembla', { token: '' }, false],
  ['campfire', { token: '' }, false],
  ['flowdock', { token: '' }, false],
  ['pivotaltracker', { token: '' }, false],
  ['datadog', { api_key: '' }, false],
  // no model validations at all
  ['slack-slash-commands', { token: '' }, true],
  ['mattermost-slash-commands', { token: '' }, true],
]

describe.each(FAMILIES)('/%s', (family) => {
  const at = (slug: string) => servicePath(PROJECTS.blank.id, family, slug)

  describe('model validations → {"message":"400 Bad Request"}', () => {
    test.each(MODEL_CASES)('%s %j → accepted: %s', async (slug, overrides, accepted) => {
      const body = { ...requiredParams(specOf(slug)), ...overrides }
      if (accepted) {
        expectJson(await call('PUT', at(slug), { token, json: body }), 200)
        return
      }
      const reply = await expectUnchanged(mock, () => call('PUT', at(slug), { token, json: body }))
      expectJson(reply, 400, BAD_REQUEST)
    })

    test('a model error on an update keeps the stored record as it was', async () => {
      const good = await call('PUT', at('slack'), { token, json: { webhook: 'https://hooks.slack.com/a', username: 'one' } })
      expect(good.status).toBe(200)
      const bad = await expectUnchanged(mock, () =>
        call('PUT', at('slack'), { token, json: { webhook: 'http://127.0.0.1/a', username: 'two' } }),
      )
      expectJson(bad, 400, BAD_REQUEST)
      expectJson(await call('GET', at('slack'), { token }), 200, good.body)
    })
  })

  describe('Grape parameter errors → {"error": ...}', () => {
    test('several missing params are joined in declaration order', async () => {
      const reply = await expectUnchanged(mock, () => call('PUT', at('jira'), { token, json: {} }))
      expectJson(reply, 400, { error: 'url is missing, username is missing, password is missing' })
      const bamboo = await call('PUT', at('bamboo'), { token, json: { username: 'u' } })
      expectJson(bamboo, 400, { error: 'bamboo_url is missing, build_key is missing, password is missing' })
    })

    test('missing and invalid params are reported together, in declaration order', async () => {
      expectJson(
        await expectUnchanged(mock, () => call('PUT', at('slack'), { token, json: { push_events: 'maybe', notify_only_broken_pipelines: 'sometimes' } })),
        400,
        { error: 'webhook is missing, notify_only_broken_pipelines is invalid, push_events is invalid' },
      )
      expectJson(await call('PUT', at('irker'), { token, json: { server_port: 'abc', colorize_messages: 'maybe' } }), 400, {
        error: 'recipients is missing, server_port is invalid, colorize_messages is invalid',
      })
    })

    test('presence only checks the key: empty and null values reach the model', async () => {
      // An empty webhook passes Grape and fails the model…
      expectJson(await call('PUT', at('slack'), { token, json: { webhook: '' } }), 400, BAD_REQUEST)
      expectJson(await call('PUT', at('slack'), { token, form: { webhook: '' } }), 400, BAD_REQUEST)
      // …whereas a missing one fails Grape.
      expectJson(await call('PUT', at('slack'), { token, form: { username: 'x' } }), 400, { error: 'webhook is missing' })
    })

    test.each([
      ['an array', ['https://hooks.slack.com/a']],
      ['an object', { url: 'https://hooks.slack.com/a' }],
    ])('a string param given %s is invalid', async (_name, value) => {
      const reply = await expectUnchanged(mock, () => call('PUT', at('slack'), { token, json: { webhook: value } }))
      expectJson(reply, 400, { error: 'webhook is invalid' })
    })

    test.each([
      ['webhook[]=…', 'webhook%5B%5D=https%3A%2F%2Fhooks.slack.com%2Fa'],
      ['webhook[url]=…', 'webhook%5Burl%5D=https%3A%2F%2Fhooks.slack.com%2Fa'],
    ])('a form field %s is a structure, so invalid', async (_name, body) => {
      const reply = await expectUnchanged(mock, () =>
        call('PUT', at('slack'), { token, body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      )
      expectJson(reply, 400, { error: 'webhook is invalid' })
    })

    test.each(['application/json', 'application/json; charset=utf-8'])('malformed JSON (%s) → 400 with Grape’s multi-line message', async (type) => {
      for (const body of ['{"webhook": "https://hooks.slack.com/a"', '{webhook: 1}', 'nope']) {
        const reply = await expectUnchanged(mock, () =>
          call('PUT', at('slack'), { token, body, headers: { 'Content-Type': type } }),
        )
        expectJson(reply, 400, { error: MALFORMED_JSON_ERROR })
        expect(reply.body.error.split('\n')).toHaveLength(5)
      }
    })

    test('an unsupported body media type → 415', async () => {
      const reply = await expectUnchanged(mock, () =>
        call('PUT', at('slack'), { token, body: '<webhook>https://hooks.slack.com/a</webhook>', headers: { 'Content-Type': 'text/xml' } }),
      )
      expectJson(reply, 415, { error: "The provided content-type 'text/xml' is not supported." })
    })
  })
})
