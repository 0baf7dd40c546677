/**
 * Where PUT params come from (spec §6.4): query string, JSON, form-encoded
 * and multipart bodies, merged with the body winning; undeclared params are
 * dropped silently.
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
const HOOK = 'https://hooks.slack.com/services/T0/B0/sources'

function storedSlack() {
  return mock.dump().integrations?.find((i) => i.project === PROJECTS.blank.id && i.slug === 'slack')
}

describe.each(FAMILIES)('/%s', (family) => {
  const slack = servicePath(PROJECTS.blank.id, family, 'slack')

  test('a JSON body', async () => {
    const reply = await call('PUT', slack, { token, json: { webhook: HOOK, username: 'json', push_events: false } })
    expectJson(reply, 200)
    expect(reply.body).toMatchObject({ push_events: false, properties: { webhook: HOOK, username: 'json' } })
  })

  test('a form-encoded body', async () => {
    const reply = await call('PUT', slack, { token, form: { webhook: HOOK, username: 'form', push_events: 'false' } })
    expectJson(reply, 200)
    expect(reply.body).toMatchObject({ push_events: false, properties: { webhook: HOOK, username: 'form' } })
  })

  test('a multipart body (with private_token in it)', async () => {
    const form = new FormData()
    form.set('webhook', HOOK)
    form.set('username', 'multipart')
    form.set('push_events', 'no')
    form.set('private_token', token)
    const reply = await call('PUT', slack, { body: form })
    expectJson(reply, 200)
    expect(reply.body).toMatchObject({ push_events: false, properties: { webhook: HOOK, username: 'multipart' } })
  })

  test('a file uploaded for a string param is invalid', async () => {
    const form = new FormData()
    form.set('webhook', new Blob([HOOK], { type: 'text/plain' }), 'webhook.txt')
    const reply = await expectUnchanged(mock, () => call('PUT', slack, { token, body: form }))
    expectJson(reply, 400, { error: 'webhook is invalid' })
  })

  test('the query string alone', async () => {
    const reply = await call('PUT', slack, { token, query: { webhook: HOOK, username: 'query', push_events: 'false' } })
    expectJson(reply, 200)
    expect(reply.body).toMatchObject({ push_events: false, properties: { webhook: HOOK, username: 'query' } })
  })

  test('query and body are merged; the body wins', async () => {
    const query = { webhook: 'https://hooks.slack.com/from-query', username: 'from-query', channel: '#q', push_events: 'true' }
    const json = await call('PUT', slack, { token, query, json: { webhook: HOOK, push_events: false } })
    expectJson(json, 200)
    expect(json.body).toMatchObject({ push_events: false, properties: { webhook: HOOK, username: 'from-query' } })

    const form = await call('PUT', slack, { token, query, form: { username: 'from-form', branches_to_be_notified: 'all' } })
    expectJson(form, 200)
    expect(form.body).toMatchObject({
      push_events: true,
      properties: { webhook: 'https://hooks.slack.com/from-query', username: 'from-form', branches_to_be_notified: 'all' },
    })
  })

  test('a required param in the query satisfies a JSON body without it', async () => {
    const reply = await call('PUT', slack, { token, query: { webhook: HOOK }, json: { username: 'u' } })
    expectJson(reply, 200)
    expect(reply.body.properties).toMatchObject({ webhook: HOOK, username: 'u' })
  })

  test.each([
    ['an array', '[{"webhook":"https://hooks.slack.com/ignored"}]'],
    ['a string', '"webhook"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('a JSON body that is %s contributes nothing', async (_name, body) => {
    const missing = await expectUnchanged(mock, () =>
      call('PUT', slack, { token, body, headers: { 'Content-Type': 'application/json' } }),
    )
    expectJson(missing, 400, { error: 'webhook is missing' })
    const withQuery = await call('PUT', slack, { token, query: { webhook: HOOK }, body, headers: { 'Content-Type': 'application/json' } })
    expectJson(withQuery, 200)
    expect(withQuery.body.properties.webhook).toBe(HOOK)
  })

  test('the path :id wins over an id param', async () => {
    const reply = await call('PUT', slack, { token, query: { id: String(PROJECTS.private.id) }, json: { id: PROJECTS.public.id, webhook: HOOK } })
    expectJson(reply, 200)
    expect(storedSlack()?.properties).toMatchObject({ webhook: HOOK })
    // The seeded slack records of the other projects are untouched.
    const seeded = mock.dump().integrations?.filter((i) => i.slug === 'slack' && i.project !== PROJECTS.blank.id)
    expect(seeded?.every((i) => i.slug === 'slack' && i.properties?.webhook !== HOOK)).toBe(true)
  })

  test('undeclared params are ignored: not an error, not stored', async () => {
    const json = JSON.stringify({
      webhook: HOOK,
      colour: 'blue',
      notify_only_default_branch: true,
      confidential_note_channel: '#cn',
      deployment_channel: '#deploy',
      inherited: true,
      use_inherited_settings: true,
      constructor: 'x',
    })
    // A literal "__proto__" key (an object literal would set the prototype instead).
    const body = `{"__proto__":{"polluted":true},${json.slice(1)}`
    const reply = await call('PUT', slack, { token, body, headers: { 'Content-Type': 'application/json' } })
    expectJson(reply, 200)
    expect(reply.body.properties).toEqual({ webhook: HOOK, notify_only_broken_pipelines: true, branches_to_be_notified: 'default' })
    expect(reply.body).not.toHaveProperty('inherited')
    const stored = storedSlack()
    for (const key of ['colour', 'notify_only_default_branch', 'confidential_note_channel', 'deployment_channel', 'constructor', 'polluted']) {
      expect(stored?.properties).not.toHaveProperty(key)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('params sent to GET and DELETE are ignored', async () => {
    const get = await call('GET', servicePath(PROJECTS.private.id, family, 'slack'), { token, query: { webhook: 'x', active: 'false' } })
    expectJson(get, 200)
    expect(get.body.active).toBe(true)
    const del = await call('DELETE', servicePath(PROJECTS.private.id, family, 'slack'), { token, json: { webhook: HOOK } })
    expect(del.status).toBe(204)
    expect((await call('GET', servicePath(PROJECTS.private.id, family, 'slack'), { token })).body.properties.webhook).toBeNull()
  })
})
