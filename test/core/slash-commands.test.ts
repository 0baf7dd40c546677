/**
 * The slash-command trigger (spec §4.5):
 * `POST /projects/:id/services/{slack,mattermost}_slash_commands/trigger`.
 * No authentication, no permission check; the stored token of an active
 * integration is the only key, and every miss is "404 Service Not Found".
 */
import { beforeEach, describe, expect, test } from 'vitest'
import {
  call,
  expectJson,
  expectUnchanged,
  FAMILIES,
  PROJECTS,
  ROUTE_NOT_FOUND,
  SERVICE_NOT_FOUND,
  setupMock,
  TOKENS,
} from './support.js'

const { mock } = setupMock()
const SLACK_TOKEN = 'slack-slash-secret'
const MATTERMOST_TOKEN = 'mattermost-slash-secret'

describe.each(FAMILIES)('/%s', (family) => {
  const trigger = (slug: string, project: number | string = PROJECTS.private.id) =>
    `/projects/${typeof project === 'number' ? project : encodeURIComponent(project)}/${family}/${slug}/trigger`

  beforeEach(async () => {
    for (const [slug, token] of [
      ['slack-slash-commands', SLACK_TOKEN],
      ['mattermost-slash-commands', MATTERMOST_TOKEN],
    ] as const) {
      const reply = await call('PUT', `/projects/${PROJECTS.private.id}/${family}/${slug}`, { token: TOKENS.maintainer, json: { token } })
      expect(reply.status).toBe(200)
    }
  })

  test.each([
    ['slack_slash_commands', SLACK_TOKEN],
    ['mattermost_slash_commands', MATTERMOST_TOKEN],
  ])('%s with the stored token, an unlinked chat user → 200 "Couldn\'t identify you", anonymously', async (slug, token) => {
    const reply = await expectUnchanged(mock, () => call('POST', trigger(slug), { form: { token, text: 'issue show 1', user_id: 'U1' } }))
    // Gitlab::SlashCommands::Presenters::Access#authorize without a link (13.12), keys in its order.
    expectJson(reply, 200)
    expect(reply.text).toBe('{"response_type":"ephemeral","status":200,"text":":sweat_smile: Couldn\'t identify you, nor can I authorize you!"}')
  })

  test.each(['slack_slash_commands', 'mattermost_slash_commands'])(
    '%s with team_id, team_domain, user_id and user_name → the "connect your GitLab account" link',
    async (slug) => {
      const token = slug.startsWith('slack') ? SLACK_TOKEN : MATTERMOST_TOKEN
      const chat = { token, team_id: 'T1', team_domain: 'acme', user_id: 'U1', user_name: 'mia', text: 'help' }
      const reply = await expectUnchanged(mock, () => call('POST', trigger(slug), { form: chat }))
      expectJson(reply, 200)
      expect(reply.body).toEqual({
        response_type: 'ephemeral',
        status: 200,
        text: expect.stringMatching(
          /^:wave: Hi there! Before I do anything for you, please <https:\/\/gitlab\.example\.com\/-\/profile\/chat_names\/new\?token=[\w-]{50}\|connect your GitLab account>\.$/,
        ),
      })
      // One of the four missing: no link.
      const partial = await call('POST', trigger(slug), { form: { ...chat, user_name: '' } })
      expect(partial.body.text).toBe(":sweat_smile: Couldn't identify you, nor can I authorize you!")
    },
  )

  test('the token may come as JSON, as a query param, and the project by path', async () => {
    expectJson(await call('POST', trigger('slack_slash_commands'), { json: { token: SLACK_TOKEN } }), 200)
    expectJson(await call('POST', trigger('slack_slash_commands'), { query: { token: SLACK_TOKEN } }), 200)
    expectJson(await call('POST', trigger('slack_slash_commands', 'ACME/app'), { form: { token: SLACK_TOKEN } }), 200)
    expectJson(await call('POST', `${trigger('slack_slash_commands')}/`, { form: { token: SLACK_TOKEN } }), 200)
  })

  test('a PRIVATE-TOKEN of a user without access changes nothing (no permission check)', async () => {
    expectJson(await call('POST', trigger('slack_slash_commands'), { token: TOKENS.outsider, form: { token: SLACK_TOKEN } }), 200)
    expectJson(await call('POST', trigger('slack_slash_commands'), { token: 'glpat-nobody', form: { token: SLACK_TOKEN } }), 200)
  })

  test('a missing token → 400 "token is missing"', async () => {
    const reply = await expectUnchanged(mock, () => call('POST', trigger('slack_slash_commands'), { form: { text: 'help' } }))
    expectJson(reply, 400, { error: 'token is missing' })
  })

  test.each([
    ['a wrong token', () => call('POST', trigger('slack_slash_commands'), { form: { token: 'wrong' } })],
    ['the other integration’s token', () => call('POST', trigger('slack_slash_commands'), { form: { token: MATTERMOST_TOKEN } })],
    ['an empty token', () => call('POST', trigger('slack_slash_commands'), { form: { token: '' } })],
    ['an unknown project id', () => call('POST', trigger('slack_slash_commands', 999), { form: { token: SLACK_TOKEN } })],
    ['an unknown project path', () => call('POST', trigger('slack_slash_commands', 'acme/nope'), { form: { token: SLACK_TOKEN } })],
    ['a project without the integration', () => call('POST', trigger('slack_slash_commands', PROJECTS.public.id), { form: { token: SLACK_TOKEN } })],
  ])('%s → 404 Service Not Found', async (_name, send) => {
    const reply = await expectUnchanged(mock, send)
    expectJson(reply, 404, SERVICE_NOT_FOUND)
  })

  test('an inactive (deleted) integration no longer answers', async () => {
    expect((await call('DELETE', `/projects/1/${family}/slack-slash-commands`, { token: TOKENS.maintainer })).status).toBe(204)
    expectJson(await call('POST', trigger('slack_slash_commands'), { form: { token: SLACK_TOKEN } }), 404, SERVICE_NOT_FOUND)
    expectJson(await call('POST', trigger('mattermost_slash_commands'), { form: { token: MATTERMOST_TOKEN } }), 200)
  })

  test('a changed token replaces the old one', async () => {
    await call('PUT', `/projects/1/${family}/slack-slash-commands`, { token: TOKENS.maintainer, json: { token: 'rotated' } })
    expectJson(await call('POST', trigger('slack_slash_commands'), { form: { token: SLACK_TOKEN } }), 404, SERVICE_NOT_FOUND)
    expectJson(await call('POST', trigger('slack_slash_commands'), { form: { token: 'rotated' } }), 200)
  })

  test.each(['slack-slash-commands', 'mattermost-slash-commands', 'slack', 'jira'])(
    'POST …/%s/trigger (no such trigger route) → 404 {"error":"404 Not Found"}',
    async (slug) => {
      const reply = await expectUnchanged(mock, () => call('POST', trigger(slug), { form: { token: SLACK_TOKEN } }))
      expectJson(reply, 404, ROUTE_NOT_FOUND)
    },
  )
})
