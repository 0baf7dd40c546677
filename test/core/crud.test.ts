/**
 * List, GET, PUT and DELETE semantics (spec §4, §5, §8) beyond what the
 * catalog table checks for every slug: partial updates, defaults, the
 * DELETE wipe, If-Unmodified-Since, and the per-integration quirks.
 */
import { describe, expect, test } from 'vitest'
import {
  BAD_REQUEST,
  call,
  clock,
  expectJson,
  expectUnchanged,
  FAMILIES,
  PROJECTS,
  SEEDED_SLACK,
  SERVICE_NOT_FOUND,
  servicePath,
  setupMock,
  START_ISO,
  TOKENS,
} from './support.js'

const { mock } = setupMock()
const token = TOKENS.maintainer
const HOOK = 'https://hooks.slack.com/services/T0/B0/x'

describe.each(FAMILIES)('/%s', (family) => {
  const at = (slug?: string, project: number = PROJECTS.blank.id) => servicePath(project, family, slug)

  describe('list', () => {
    test('lists only active records, list-only slugs included, in id order, as basic entities', async () => {
      const reply = await call('GET', at(undefined, PROJECTS.private.id), { token })
      expectJson(reply, 200)
      expect(reply.body.map((e: { slug: string }) => e.slug)).toEqual(['slack', 'alerts'])
      expect(reply.body[1]).toEqual({
        id: 104,
        title: 'Alerts endpoint',
        slug: 'alerts',
        created_at: START_ISO,
        updated_at: START_ISO,
        active: true,
        commit_events: true,
        push_events: true,
        issues_events: true,
        confidential_issues_events: true,
        merge_requests_events: true,
        tag_push_events: true,
        note_events: true,
        confidential_note_events: true,
        pipeline_events: true,
        wiki_page_events: true,
        job_events: true,
        comment_on_event_enabled: true,
      })
      // No pagination headers.
      expect(reply.headers.get('x-total')).toBeNull()
      expect(reply.headers.get('link')).toBeNull()
    })

    test('an empty project lists []', async () => {
      expectJson(await call('GET', at(), { token }), 200, [])
    })

    test('new records are appended in creation order', async () => {
      for (const [slug, body] of [
        ['jira', { url: 'https://jira.example.com', username: 'u', password: 'p' }],
        ['slack', { webhook: HOOK }],
        ['asana', { api_key: 'k' }],
      ] as const) {
        clock.advance(1000)
        expect((await call('PUT', at(slug), { token, json: body })).status).toBe(200)
      }
      const reply = await call('GET', at(), { token })
      expect(reply.body.map((e: { slug: string }) => e.slug)).toEqual(['jira', 'slack', 'asana'])
      const ids = reply.body.map((e: { id: number }) => e.id)
      expect([...ids].sort((a, b) => a - b)).toEqual(ids)
      expect(new Set(ids).size).toBe(3)
    })

    test('HEAD answers like GET without a body', async () => {
      const response = await fetch(`https://gitlab.example.com/api/v4${at(undefined, PROJECTS.private.id)}`, {
        method: 'HEAD',
        headers: { 'PRIVATE-TOKEN': token },
      })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('')
    })
  })

  describe('GET one', () => {
    test('an inactive record is still returned (200, active false), secrets hidden', async () => {
      const reply = await call('GET', at('asana', PROJECTS.private.id), { token })
      expectJson(reply, 200)
      expect(reply.body).toMatchObject({ id: 105, slug: 'asana', title: 'Asana', active: false })
      expect(reply.body.properties).toEqual({ restrict_to_branch: 'main' })
      expect(reply.text).not.toContain('asana-secret-key')
    })

    test('the seeded slack record has its defaults', async () => {
      const reply = await call('GET', at('slack', PROJECTS.private.id), { token })
      expect(reply.body.properties).toEqual({
        webhook: SEEDED_SLACK.webhook,
        notify_only_broken_pipelines: true,
        branches_to_be_notified: 'default',
      })
    })
  })

  describe('PUT', () => {
    test('the spec §5.2 slack example, byte for byte apart from the id', async () => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: 'https://hooks.slack.com/services/T0/B0/x' } })
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toBe('application/json')
      const id = reply.body.id as number
      expect(reply.text).toBe(
        `{"id":${id},"title":"Slack notifications","slug":"slack",` +
          '"created_at":"2021-06-01T10:00:00.000Z","updated_at":"2021-06-01T10:00:00.000Z",' +
          '"active":true,"commit_events":true,"push_events":true,"issues_events":true,' +
          '"confidential_issues_events":true,"merge_requests_events":true,' +
          '"tag_push_events":true,"note_events":true,"confidential_note_events":true,' +
          '"pipeline_events":true,"wiki_page_events":true,"job_events":true,' +
          '"comment_on_event_enabled":true,' +
          '"properties":{"webhook":"https://hooks.slack.com/services/T0/B0/x",' +
          '"notify_only_broken_pipelines":true,"branches_to_be_notified":"default"}}',
      )
    })

    test('an update keeps unsent properties, the id and created_at, and bumps updated_at', async () => {
      const first = await call('PUT', at('slack'), { token, json: { webhook: HOOK, username: 'bot', push_channel: '#push' } })
      const later = clock.advance(3_600_000)
      const second = await call('PUT', at('slack'), { token, json: { webhook: `${HOOK}/2`, push_events: false } })
      expectJson(second, 200)
      expect(second.body).toMatchObject({ id: first.body.id, created_at: START_ISO, updated_at: later, push_events: false })
      expect(second.body.properties).toEqual({
        webhook: `${HOOK}/2`,
        username: 'bot',
        push_channel: '#push',
        notify_only_broken_pipelines: true,
        branches_to_be_notified: 'default',
      })
    })

    test('updating the seeded record answers 200 with the same id', async () => {
      const reply = await call('PUT', at('slack', PROJECTS.private.id), { token, json: { webhook: HOOK } })
      expectJson(reply, 200)
      expect(reply.body.id).toBe(SEEDED_SLACK.id)
    })

    test('required secrets must be sent again on every PUT', async () => {
      const body = { url: 'https://jira.example.com', username: 'jira-bot', password: 'hunter2' }
      expect((await call('PUT', at('jira'), { token, json: body })).status).toBe(200)
      const { password: _password, ...withoutPassword } = body
      const reply = await expectUnchanged(mock, () => call('PUT', at('jira'), { token, json: withoutPassword }))
      expectJson(reply, 400, { error: 'password is missing' })
    })

    test('`active` is not a parameter: a PUT always activates', async () => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: HOOK, active: false } })
      expect(reply.body.active).toBe(true)
      const inactive = await call('PUT', at('asana', PROJECTS.private.id), { token, json: { api_key: 'k2', active: 'false' } })
      expect(inactive.body).toMatchObject({ id: 105, active: true, properties: { restrict_to_branch: 'main' } })
      const listed = await call('GET', at(undefined, PROJECTS.private.id), { token })
      expect(listed.body.map((e: { slug: string }) => e.slug)).toEqual(['slack', 'alerts', 'asana'])
    })

    test('sent values override the creation defaults', async () => {
      const reply = await call('PUT', at('slack'), {
        token,
        json: { webhook: HOOK, notify_only_broken_pipelines: false, branches_to_be_notified: 'protected' },
      })
      expect(reply.body.properties).toMatchObject({ notify_only_broken_pipelines: false, branches_to_be_notified: 'protected' })
    })

    test('event flags a slug does not declare are ignored', async () => {
      const reply = await call('PUT', at('asana'), { token, json: { api_key: 'k', issues_events: false, push_events: false } })
      expect(reply.body).toMatchObject({ issues_events: true, push_events: false })
      // slack: commit_events and job_events are documented by the seed but not accepted (spec §10).
      const slack = await call('PUT', at('slack'), { token, json: { webhook: HOOK, commit_events: false, job_events: false } })
      expect(slack.body).toMatchObject({ commit_events: true, job_events: true })
    })

    test('jenkins starts with merge_requests_events and tag_push_events off', async () => {
      const reply = await call('PUT', at('jenkins'), { token, json: { jenkins_url: 'https://ci.example.com', project_name: 'app' } })
      expect(reply.body).toMatchObject({ push_events: true, merge_requests_events: false, tag_push_events: false, note_events: true })
      const on = await call('PUT', at('jenkins'), {
        token,
        json: { jenkins_url: 'https://ci.example.com', project_name: 'app', merge_requests_events: true },
      })
      expect(on.body).toMatchObject({ merge_requests_events: true, tag_push_events: false })
    })

    test('jira: comment_on_event_enabled is the top-level flag; write-only and secret params are not echoed', async () => {
      const reply = await call('PUT', at('jira'), {
        token,
        json: {
          url: 'https://jira.example.com',
          username: 'jira-bot',
          password: 'hunter2',
          comment_on_event_enabled: false,
          jira_issue_transition_automatic: true,
          jira_issue_transition_id: '11,21',
          commit_events: false,
        },
      })
      expectJson(reply, 200)
      expect(reply.body).toMatchObject({ comment_on_event_enabled: false, commit_events: false })
      // In the model's field order; the transition settings left JiraService#fields in 13.11.
      expect(Object.entries(reply.body.properties)).toEqual([
        ['url', 'https://jira.example.com'],
        ['api_url', null],
        ['username', 'jira-bot'],
      ])
      expect(reply.text).not.toContain('hunter2')
    })

    test('bamboo hides build_key (its name contains "key")', async () => {
      const reply = await call('PUT', at('bamboo'), {
        token,
        json: { bamboo_url: 'https://bamboo.example.com', build_key: 'KEY-PLAN', username: 'u', password: 'p4ss' },
      })
      expect(reply.body.properties).toEqual({ bamboo_url: 'https://bamboo.example.com', username: 'u' })
      expect(reply.text).not.toContain('KEY-PLAN')
    })

    test('slash commands show {} (token hidden) and mattermost-slash-commands ignores username', async () => {
      for (const slug of ['slack-slash-commands', 'mattermost-slash-commands']) {
        const reply = await call('PUT', at(slug), { token, json: { token: 'slash-secret', username: 'bot' } })
        expectJson(reply, 200)
        expect(reply.body.properties).toEqual({})
        expect(reply.text).not.toContain('slash-secret')
      }
    })

    test('hangouts-chat, unify-circuit and webex-teams ignore the undeclared seed params and show the defaults', async () => {
      for (const slug of ['hangouts-chat', 'unify-circuit', 'webex-teams']) {
        const reply = await call('PUT', at(slug), {
          token,
          json: { webhook: HOOK, notify_only_broken_pipelines: false, notify_only_default_branch: true, ...(slug === 'hangouts-chat' ? {} : { branches_to_be_notified: 'all' }) },
        })
        expect(reply.body.properties, slug).toEqual({ webhook: HOOK, notify_only_broken_pipelines: true, branches_to_be_notified: 'default' })
      }
    })

    test('buildkite accepts enable_ssl_verification and discards it', async () => {
      const reply = await call('PUT', at('buildkite'), {
        token,
        json: { token: 'bk', project_url: 'https://buildkite.com/acme/app', enable_ssl_verification: false },
      })
      expect(reply.body.properties).toEqual({ project_url: 'https://buildkite.com/acme/app' })
      expectJson(await call('PUT', at('buildkite'), { token, json: { token: 'bk', project_url: 'https://buildkite.com/acme/app', enable_ssl_verification: 'perhaps' } }), 400, { error: 'enable_ssl_verification is invalid' })
    })
  })

  describe('prometheus (spec §8)', () => {
    const body = {
      api_url: 'https://prometheus.example.com',
      google_iap_audience_client_id: 'client-id',
      google_iap_service_account_json: '{"type":"service_account"}',
    }

    test('all three params are required', async () => {
      const reply = await expectUnchanged(mock, () => call('PUT', at('prometheus'), { token, json: { api_url: body.api_url } }))
      expectJson(reply, 400, { error: 'google_iap_audience_client_id is missing, google_iap_service_account_json is missing' })
    })

    test('a PUT answers 200 but saves active:false, and the record is not listed', async () => {
      const reply = await call('PUT', at('prometheus'), { token, json: body })
      expectJson(reply, 200)
      expect(reply.body.active).toBe(false)
      expect(reply.body.properties).toEqual(body)
      expect((await call('GET', at('prometheus'), { token })).body.active).toBe(false)
      expectJson(await call('GET', at(), { token }), 200, [])
    })

    test('with manual configuration in the scenario it activates and validates api_url', async () => {
      await mock.seed({
        ...mock.dump(),
        integrations: [
          { project: PROJECTS.blank.id, slug: 'prometheus', active: true, properties: { manual_configuration: true, api_url: 'https://prom.example.com' } },
        ],
      })
      const reply = await call('PUT', at('prometheus'), { token, json: body })
      expect(reply.body).toMatchObject({ active: true, properties: { ...body, manual_configuration: true } })
      expect((await call('GET', at(), { token })).body.map((e: { slug: string }) => e.slug)).toEqual(['prometheus'])
      const local = await expectUnchanged(mock, () =>
        call('PUT', at('prometheus'), { token, json: { ...body, api_url: 'http://127.0.0.1:9090' } }),
      )
      expectJson(local, 400, BAD_REQUEST)
    })
  })

  describe('pushover (spec §8)', () => {
    const body = { api_key: 'po-key', user_key: 'po-user', priority: '0', device: 'phone', sound: 'bike' }

    test('device and sound must be sent, but may be empty', async () => {
      for (const key of ['device', 'sound'] as const) {
        const { [key]: _dropped, ...rest } = body
        expectJson(await expectUnchanged(mock, () => call('PUT', at('pushover'), { token, json: rest })), 400, { error: `${key} is missing` })
      }
      const reply = await call('PUT', at('pushover'), { token, json: { ...body, device: '', sound: '' } })
      expectJson(reply, 200)
      expect(reply.body.properties).toEqual({ priority: '0', device: '', sound: '' })
    })

    test('blank api_key, user_key or priority is a model error', async () => {
      for (const key of ['api_key', 'user_key', 'priority'] as const) {
        const reply = await expectUnchanged(mock, () => call('PUT', at('pushover'), { token, json: { ...body, [key]: '  ' } }))
        expectJson(reply, 400, BAD_REQUEST)
      }
    })
  })

  describe('DELETE', () => {
    test('on a never-configured slug: 204, then GET 200 with an inactive empty record, not listed', async () => {
      const del = await call('DELETE', at('slack'), { token })
      expect(del.status).toBe(204)
      expect(del.text).toBe('')
      const get = await call('GET', at('slack'), { token })
      expectJson(get, 200)
      expect(get.body).toMatchObject({ slug: 'slack', active: false, push_events: true, created_at: START_ISO })
      expect(Object.values(get.body.properties).every((value) => value === null)).toBe(true)
      expect(get.body.properties).toHaveProperty('webhook', null)
      expectJson(await call('GET', at(), { token }), 200, [])
      expect(mock.dump().integrations?.some((i) => i.project === PROJECTS.blank.id && i.slug === 'slack' && i.active === false)).toBe(true)
    })

    test('keeps event flags and comment_on_event_enabled', async () => {
      await call('PUT', at('jira'), {
        token,
        json: { url: 'https://jira.example.com', username: 'u', password: 'p', commit_events: false, comment_on_event_enabled: false },
      })
      expect((await call('DELETE', at('jira'), { token })).status).toBe(204)
      const get = await call('GET', at('jira'), { token })
      expect(get.body).toMatchObject({ active: false, commit_events: false, comment_on_event_enabled: false })
      // JiraService#fields since 13.11: url, api_url, username (password hidden); transition settings are not fields.
      expect(get.body.properties).toEqual({ url: null, api_url: null, username: null })
    })

    test('twice in a row is 204 both times', async () => {
      await call('PUT', at('slack'), { token, json: { webhook: HOOK } })
      expect((await call('DELETE', at('slack'), { token })).status).toBe(204)
      expect((await call('DELETE', at('slack'), { token })).status).toBe(204)
    })

    test('re-activating after DELETE does not re-apply the creation defaults', async () => {
      await call('PUT', at('slack'), { token, json: { webhook: HOOK } })
      await call('DELETE', at('slack'), { token })
      const again = await call('PUT', at('slack'), { token, json: { webhook: HOOK } })
      expect(again.body.active).toBe(true)
      expect(again.body.properties).toMatchObject({ webhook: HOOK, notify_only_broken_pipelines: null, branches_to_be_notified: null })
    })

    test('If-Unmodified-Since older than updated_at → 412 and nothing changes; newer → 204', async () => {
      const slack = at('slack', PROJECTS.private.id)
      const older = new Date(Date.parse(START_ISO) - 3_600_000).toUTCString()
      const reply = await expectUnchanged(mock, () => call('DELETE', slack, { token, headers: { 'If-Unmodified-Since': older } }))
      expectJson(reply, 412, { message: '412 Precondition Failed' })
      expect((await call('GET', slack, { token })).body.active).toBe(true)

      const newer = new Date(Date.parse(START_ISO) + 3_600_000).toUTCString()
      expect((await call('DELETE', slack, { token, headers: { 'If-Unmodified-Since': newer } })).status).toBe(204)
      expect((await call('GET', slack, { token })).body.active).toBe(false)
    })

    test('If-Unmodified-Since after a later update → 412', async () => {
      const slack = at('slack', PROJECTS.private.id)
      const header = new Date(clock.now).toUTCString()
      clock.advance(86_400_000)
      await call('PUT', slack, { token, json: { webhook: HOOK } })
      expectJson(await call('DELETE', slack, { token, headers: { 'If-Unmodified-Since': header } }), 412, { message: '412 Precondition Failed' })
    })
  })

  test('GET of a never-configured slug is 404 Service Not Found even when others exist', async () => {
    expectJson(await call('GET', at('jira', PROJECTS.private.id), { token }), 404, SERVICE_NOT_FOUND)
  })
})
