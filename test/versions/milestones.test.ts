/**
 * The versions where GitLab's answer changes, each pair on either side of
 * the change: the expectations are GitLab's literal answers, from its
 * documentation history lines and source (see docs/gitlab-versions.md).
 */
import { describe, expect, test } from 'vitest'
import { call, integration, scenarioWith, versionServer } from './support.js'

const { target } = versionServer()

const SLACK_HOOK = 'https://hooks.slack.com/services/T0/B0/milestones'
const unknownSlug = { status: 400, body: { error: 'slug does not have a valid value' } }
const noRoute = { status: 404, body: { error: '404 Not Found' } }

describe('path families', () => {
  test('14.3 serves /services only: /integrations is not routed (the request is not the mock’s)', async () => {
    const v14_3 = target('14.3')
    expect(v14_3.mock.serves('GET', '/projects/1/services')).toBe(true)
    expect(v14_3.mock.serves('GET', '/projects/1/integrations')).toBe(false)
    expect(v14_3.mock.serves('PUT', '/projects/1/integrations/slack')).toBe(false)
    expect((await call(v14_3, 'GET', '/projects/1/services')).status).toBe(200)
  })

  test('14.4 serves both families, the same records', async () => {
    const v14_4 = target('14.4')
    expect((await call(v14_4, 'PUT', integration('slack', 'integrations'), { webhook: SLACK_HOOK })).status).toBe(200)
    const viaServices = await call(v14_4, 'GET', integration('slack', 'services'))
    expect(viaServices.status).toBe(200)
    expect(viaServices.body.properties.webhook).toBe(SLACK_HOOK)
  })
})

describe('removed integrations answer as unknown slugs', () => {
  test.each([
    ['flowdock', '15.6', '15.7', { token: 'flowdock-token' }],
    ['shimo', '16.6', '16.7', { external_wiki_url: 'https://shimo.im/docs/abc' }],
    ['prometheus', '17.7', '17.8', { api_url: 'https://prometheus.example.com', google_iap_audience_client_id: 'x', google_iap_service_account_json: '{}' }],
    ['slack-slash-commands', '18.11', '19.0', { token: 'slack-slash-token' }],
  ])('%s: present in %s, gone in %s', async (slug, before, after, body) => {
    const old = target(before)
    expect((await call(old, 'PUT', integration(slug), body)).status).toBe(200)
    expect((await call(old, 'GET', integration(slug))).status).toBe(200)
    const removed = target(after)
    expect(await call(removed, 'GET', integration(slug))).toMatchObject(unknownSlug)
    expect(await call(removed, 'DELETE', integration(slug))).toMatchObject(unknownSlug)
    expect(await call(removed, 'PUT', integration(slug), body)).toMatchObject(noRoute)
  })
})

describe('integrations arrive in their release', () => {
  test.each([
    ['harbor', '14.8', '14.9', { url: 'https://harbor.example.com', project_name: 'app', username: 'robot', password: 'harbor-password' }],
    ['pumble', '15.2', '15.3', { webhook: 'https://api.pumble.com/workspaces/x/hook' }],
    ['shimo', '15.3', '15.4', { external_wiki_url: 'https://shimo.im/docs/abc' }],
    ['squash-tm', '15.9', '15.10', { url: 'https://squash.example.com/hook' }],
    ['google-play', '15.10', '15.11', { package_name: 'com.acme.app', service_account_key_file_name: 'key.json', service_account_key: '{"type":"service_account"}' }],
    ['telegram', '16.0', '16.1', { token: '123456:telegram-token', room: '@acme' }],
    ['clickup', '16.0', '16.1', { project_url: 'https://app.clickup.com/1', issues_url: 'https://app.clickup.com/t/:id' }],
    ['phorge', '16.10', '16.11', { project_url: 'https://phorge.example.com', issues_url: 'https://phorge.example.com/T:id' }],
    ['matrix', '17.2', '17.3', { token: 'syt-matrix-token', room: '!room:matrix.org' }],
    ['linear', '18.2', '18.3', { workspace_url: 'https://linear.app/acme' }],
  ])('%s: unknown in %s, configurable in %s', async (slug, before, after, body) => {
    expect(await call(target(before), 'PUT', integration(slug, 'services'), body)).toMatchObject(noRoute)
    expect((await call(target(after), 'PUT', integration(slug, 'services'), body)).status).toBe(200)
  })

  test('ZenTao (Premium) is an EE integration from 14.5, then disabled for projects on every edition (17.1)', async () => {
    const body = { url: 'https://zentao.example.com', api_token: 'zentao-token', zentao_product_xid: '3' }
    expect(await call(target('14.4'), 'PUT', integration('zentao'), body)).toMatchObject(noRoute)
    expect((await call(target('14.5'), 'PUT', integration('zentao'), body)).status).toBe(200)
    expect(await call(target('14.5', 'ce'), 'PUT', integration('zentao'), body)).toMatchObject(noRoute)
    for (const edition of ['ee', 'ce'] as const) {
      const disabled = target('17.1', edition)
      expect(await call(disabled, 'PUT', integration('zentao'), body)).toMatchObject({ status: 400, body: { message: '400 Integration not available' } })
      expect(await call(disabled, 'GET', integration('zentao'))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
      // Grape checks the declared params before the endpoint asks whether the integration is available.
      expect(await call(disabled, 'PUT', integration('zentao'), {})).toMatchObject({
        status: 400,
        body: { error: 'url is missing, api_token is missing, zentao_product_xid is missing' },
      })
    }
  })
})

describe('answers that change', () => {
  test('18.x: Slack slash commands are the fallback for instances without the GitLab for Slack app', async () => {
    const withApp = target('18.11', 'ce', scenarioWith({ application_settings: { slack_app_enabled: true } }), 'slack-app')
    expect(await call(withApp, 'PUT', integration('slack-slash-commands'), { token: 'slash-token' })).toMatchObject({
      status: 400,
      body: { message: '400 Integration not available' },
    })
    expect((await call(target('18.11', 'ce'), 'PUT', integration('slack-slash-commands'), { token: 'slash-token' })).status).toBe(200)
  })

  test('GET of an unconfigured integration: "404 Service Not Found" until 14.3, "404 Integration Not Found" from 14.4', async () => {
    expect(await call(target('14.3'), 'GET', integration('slack', 'services'))).toMatchObject({ status: 404, body: { message: '404 Service Not Found' } })
    expect(await call(target('14.4'), 'GET', integration('slack', 'services'))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
  })

  test('the webhook shows in properties until 15.5 and is hidden from 15.6', async () => {
    const shown = await call(target('15.5'), 'PUT', integration('microsoft-teams'), { webhook: 'https://acme.webhook.office.com/x' })
    expect(shown.body.properties.webhook).toBe('https://acme.webhook.office.com/x')
    const hidden = await call(target('15.6'), 'PUT', integration('microsoft-teams'), { webhook: 'https://acme.webhook.office.com/x' })
    expect(hidden.status).toBe(200)
    expect(hidden.body.properties).not.toHaveProperty('webhook')
    expect(hidden.text).not.toContain('acme.webhook.office.com')
  })

  test('properties: stored keys only until 15.9, every visible field (null when unset) from 15.10', async () => {
    expect((await call(target('15.9'), 'PUT', integration('asana'), { api_key: 'asana-key' })).body.properties).toEqual({})
    expect((await call(target('15.10'), 'PUT', integration('asana'), { api_key: 'asana-key' })).body.properties).toEqual({ restrict_to_branch: null })
  })

  test('event flags: declared String (a lenient cast) until 16.8, Boolean from 16.9', async () => {
    const lenient = await call(target('16.8'), 'PUT', integration('microsoft-teams'), { webhook: 'https://acme.webhook.office.com/x', push_events: 'maybe' })
    expect(lenient.status).toBe(200)
    expect(lenient.body.push_events).toBe(true)
    expect(await call(target('16.9'), 'PUT', integration('microsoft-teams'), { webhook: 'https://acme.webhook.office.com/x', push_events: 'maybe' })).toMatchObject({
      status: 400,
      body: { error: 'push_events is invalid' },
    })
  })

  test('a failed validation: "400 Bad Request" until 17.1, the model’s errors from 17.2', async () => {
    expect(await call(target('17.1'), 'PUT', integration('slack'), { webhook: '' })).toMatchObject({ status: 400, body: { message: '400 Bad Request' } })
    expect(await call(target('17.2'), 'PUT', integration('slack'), { webhook: '' })).toMatchObject({
      status: 400,
      body: { message: 'Failed to update integration. {:webhook=>["can\'t be blank", "must be a valid URL"]}' },
    })
  })

  test('DELETE of an integration never configured: 204 (a record is made) until 17.1, 404 from 17.2', async () => {
    const old = target('17.1')
    expect((await call(old, 'DELETE', integration('asana'))).status).toBe(204)
    expect(await call(old, 'GET', integration('asana'))).toMatchObject({ status: 200, body: { active: false } })
    expect(await call(target('17.2'), 'DELETE', integration('asana'))).toMatchObject({ status: 404, body: { message: '404 Integration Not Found' } })
  })

  test('inheritance: no `inherited` key and `use_inherited_settings` ignored in 17.2; both in 17.3', async () => {
    const v17_2 = await call(target('17.2'), 'PUT', integration('slack'), { webhook: SLACK_HOOK, use_inherited_settings: true })
    expect(v17_2.status).toBe(200)
    expect(v17_2.body).not.toHaveProperty('inherited')
    const v17_3 = target('17.3')
    expect(await call(v17_3, 'PUT', integration('slack'), { webhook: SLACK_HOOK, use_inherited_settings: true })).toMatchObject({
      status: 400,
      body: { message: 'Default integration not found.' },
    })
    const saved = await call(v17_3, 'PUT', integration('slack'), { webhook: SLACK_HOOK, use_inherited_settings: false })
    expect(saved.body.inherited).toBe(false)
    expect(Object.keys(saved.body).slice(-3)).toEqual(['inherited', 'vulnerability_events', 'properties'])
  })

  test('entity flags: 16.3 shows the 13.12 set; 16.4 adds incident, alert and deployment, and EE vulnerability_events', async () => {
    const flags = async (version: string, edition: 'ee' | 'ce') => {
      const reply = await call(target(version, edition), 'PUT', integration('asana'), { api_key: 'asana-key' })
      return Object.keys(reply.body).filter((key) => key.endsWith('_events'))
    }
    const old = ['commit_events', 'push_events', 'issues_events', 'confidential_issues_events', 'merge_requests_events', 'tag_push_events', 'note_events', 'confidential_note_events', 'pipeline_events', 'wiki_page_events', 'job_events']
    expect(await flags('16.3', 'ee')).toEqual(old)
    const newer = ['commit_events', 'push_events', 'issues_events', 'incident_events', 'alert_events', 'confidential_issues_events', 'merge_requests_events', 'tag_push_events', 'deployment_events', 'note_events', 'confidential_note_events', 'pipeline_events', 'wiki_page_events', 'job_events']
    expect(await flags('16.4', 'ce')).toEqual(newer)
    expect(await flags('16.4', 'ee')).toEqual([...newer, 'vulnerability_events'])
  })

  test('a changed URL clears the secret not sent with it from 15.2 (security release 15.2.1), not before', async () => {
    const password = async (version: string) => {
      const t = target(version, 'ee', scenarioWith(), 'secret-reset')
      const first = { jenkins_url: 'https://jenkins.example.com', project_name: 'app', username: 'ci', password: 'jenkins-secret' }
      expect((await call(t, 'PUT', integration('jenkins', 'services'), first)).status).toBe(200)
      expect((await call(t, 'PUT', integration('jenkins', 'services'), { jenkins_url: 'https://jenkins.evil.example', project_name: 'app' })).status).toBe(200)
      return t.mock.dump().integrations?.find((record) => record.slug === 'jenkins')?.properties?.password
    }
    expect(await password('15.1')).toBe('jenkins-secret')
    expect(await password('15.2')).toBeUndefined()
  })
})
