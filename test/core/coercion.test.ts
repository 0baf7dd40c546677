/**
 * Type coercion of PUT params (spec §6.3): strict Boolean, the lenient
 * database cast of String-declared event flags, Integer, and String.
 */
import { describe, expect, test } from 'vitest'
import {
  call,
  expectJson,
  expectUnchanged,
  FAMILIES,
  PROJECTS,
  servicePath,
  setupMock,
  TOKENS,
} from './support.js'

const { mock } = setupMock()
const token = TOKENS.maintainer
const HOOK = 'https://hooks.example.com/coercion'

const LENIENT: readonly (readonly [unknown, boolean | null])[] = [
  ['maybe', true],
  ['no', true],
  ['n', true],
  ['No', true],
  ['False', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['2', true],
  ['false', false],
  ['0', false],
  ['f', false],
  ['F', false],
  ['FALSE', false],
  ['off', false],
  ['OFF', false],
  ['', null],
  [true, true],
  [false, false],
  [1, true],
  [0, false],
  [2, true],
  [null, null],
]

const STRICT_OK: readonly (readonly [unknown, boolean | null])[] = [
  ...['true', '1', 't', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'True', 'TRUE'].map((v) => [v, true] as const),
  ...['false', '0', 'f', 'F', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'False', 'FALSE'].map((v) => [v, false] as const),
  [true, true],
  [false, false],
  [1, true],
  [0, false],
  ['', null],
]

const STRICT_BAD: readonly unknown[] = ['maybe', 'TrUe', 'yEs', ' true', 2, -1, 'truthy', [true], { value: true }]

describe.each(FAMILIES)('/%s', (family) => {
  const at = (slug: string) => servicePath(PROJECTS.blank.id, family, slug)

  describe('event flags declared String are cast leniently (microsoft-teams, spec §6.3)', () => {
    test.each(LENIENT)('push_events %j → %j', async (value, expected) => {
      const reply = await call('PUT', at('microsoft-teams'), { token, json: { webhook: HOOK, push_events: value } })
      expectJson(reply, 200)
      expect(reply.body.push_events).toBe(expected)
    })

    test('the same cast applies to form-encoded values and to other String-typed flags', async () => {
      const reply = await call('PUT', at('jenkins'), {
        token,
        form: { jenkins_url: 'https://ci.example.com', project_name: 'app', push_events: 'nope', merge_requests_events: 'on', tag_push_events: 'off' },
      })
      expectJson(reply, 200)
      expect(reply.body).toMatchObject({ push_events: true, merge_requests_events: true, tag_push_events: false })
    })

    test('slack deployment_events is String-typed: "maybe" is stored as true (not exposed)', async () => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: HOOK, deployment_events: 'maybe' } })
      expectJson(reply, 200)
      expect(reply.body).not.toHaveProperty('deployment_events')
      const stored = mock.dump().integrations?.find((i) => i.project === PROJECTS.blank.id && i.slug === 'slack')
      expect(stored?.deployment_events).toBe(true)
    })
  })

  describe('event flags declared Boolean are strict (slack, spec §6.3)', () => {
    test.each(STRICT_OK)('push_events %j → %j', async (value, expected) => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: HOOK, push_events: value } })
      expectJson(reply, 200)
      expect(reply.body.push_events).toBe(expected)
    })

    test.each(STRICT_BAD.map((value) => [value]))('push_events %j → 400 "push_events is invalid"', async (value) => {
      const reply = await expectUnchanged(mock, () => call('PUT', at('slack'), { token, json: { webhook: HOOK, push_events: value } }))
      expectJson(reply, 400, { error: 'push_events is invalid' })
    })

    test('every strict chat flag rejects junk, each named in the error', async () => {
      for (const slug of ['slack', 'mattermost', 'hangouts-chat', 'unify-circuit', 'webex-teams']) {
        const reply = await call('PUT', at(slug), { token, json: { webhook: HOOK, wiki_page_events: 'maybe', note_events: 'perhaps' } })
        expectJson(reply, 400, { error: 'note_events is invalid, wiki_page_events is invalid' })
      }
    })
  })

  describe('Boolean params', () => {
    test.each(STRICT_OK)('slack notify_only_broken_pipelines %j → %j', async (value, expected) => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: HOOK, notify_only_broken_pipelines: value } })
      expectJson(reply, 200)
      expect(reply.body.properties.notify_only_broken_pipelines).toBe(expected)
    })

    test('emails-on-push booleans from a form body are JSON booleans in properties', async () => {
      const reply = await call('PUT', at('emails-on-push'), {
        token,
        form: { recipients: 'a@example.com', disable_diffs: 'yes', send_from_committer_email: 'off' },
      })
      expectJson(reply, 200)
      expect(reply.body.properties).toEqual({
        recipients: 'a@example.com',
        disable_diffs: true,
        send_from_committer_email: false,
        branches_to_be_notified: 'all',
      })
    })

    test('a junk Boolean param → 400 "<name> is invalid"', async () => {
      const reply = await expectUnchanged(mock, () =>
        call('PUT', at('emails-on-push'), { token, json: { recipients: 'a@example.com', disable_diffs: 'maybe' } }),
      )
      expectJson(reply, 400, { error: 'disable_diffs is invalid' })
    })
  })

  describe('irker server_port is an Integer', () => {
    const base = { recipients: 'irc://irc.example.net/#gitlab' }

    test.each([
      ['6697', 6697],
      [' 6697', 6697],
      ['6697 ', 6697],
      ['6_697', 6697],
      ['+6697', 6697],
      [6697, 6697],
      [12.9, 12],
      ['', null],
      [null, null],
    ] as const)('%j → %j', async (value, expected) => {
      const reply = await call('PUT', at('irker'), { token, json: { ...base, server_port: value } })
      expectJson(reply, 200)
      expect(reply.body.properties.server_port).toBe(expected)
    })

    test.each([['abc'], ['12.5'], ['0x1A'], ['6697abc'], ['1e3'], [true], [[6697]]])('%j → 400 "server_port is invalid"', async (value) => {
      const reply = await expectUnchanged(mock, () => call('PUT', at('irker'), { token, json: { ...base, server_port: value } }))
      expectJson(reply, 400, { error: 'server_port is invalid' })
    })

    test('a form-encoded port arrives as a string and is stored as an integer', async () => {
      const reply = await call('PUT', at('irker'), { token, form: { ...base, server_port: '6667', colorize_messages: 'true' } })
      expect(reply.body.properties).toMatchObject({ server_port: 6667, colorize_messages: true })
    })
  })

  describe('String params', () => {
    test.each([
      [true, 'true'],
      [false, 'false'],
      [5, '5'],
      [5.5, '5.5'],
      ['text', 'text'],
      [null, null],
    ] as const)('slack username %j → %j', async (value, expected) => {
      const reply = await call('PUT', at('slack'), { token, json: { webhook: HOOK, username: value } })
      expectJson(reply, 200)
      expect(reply.body.properties.username).toBe(expected)
    })

    test('pivotaltracker restrict_to_branch and packagist server are strings (the seed says boolean)', async () => {
      const pivotal = await call('PUT', at('pivotaltracker'), { token, json: { token: 't', restrict_to_branch: true } })
      expect(pivotal.body.properties).toEqual({ restrict_to_branch: 'true' })
      const packagist = await call('PUT', at('packagist'), { token, json: { username: 'u', token: 't', server: false } })
      expect(packagist.body.properties).toEqual({ username: 'u', server: 'false' })
    })
  })
})
