/**
 * Table-driven over the exported catalog: every slug GitLab 13.12 routes
 * goes through the same life cycle (spec §§4.2-4.4, 5, 7) under both URL
 * families.
 */
import { describe, expect, test } from 'vitest'
import {
  allParams,
  BASIC_KEYS,
  call,
  clock,
  ENTITY_FLAGS,
  expectJson,
  expectNoSecrets,
  expectUnchanged,
  FAMILIES,
  FULL_KEYS,
  PROJECTS,
  requiredParams,
  routable,
  secretValues,
  SECRET_NAME,
  SERVICE_NOT_FOUND,
  servicePath,
  setupMock,
  START_ISO,
  TOKENS,
  visibleFields,
} from './support.js'
import type { IntegrationSpec } from 'gitlab-services-mock'

const { mock } = setupMock()
const token = TOKENS.maintainer
const project = PROJECTS.blank.id

/** What `properties` holds right after the first PUT of `body` (spec §5.2, §5.3). */
function expectedProperties(spec: IntegrationSpec, body: Record<string, unknown>): Record<string, unknown> {
  const visible = new Set(visibleFields(spec))
  const expected: Record<string, unknown> = {}
  if (spec.showsAllFields) for (const field of visible) expected[field] = null
  for (const [key, value] of Object.entries(spec.defaults?.properties ?? {})) if (visible.has(key)) expected[key] = value
  for (const [key, value] of Object.entries(body)) if (visible.has(key)) expected[key] = value
  return expected
}

/** The event flags of a new record (spec §5.3): true unless the catalog overrides them. */
function expectedFlags(spec: IntegrationSpec): Record<string, boolean> {
  return Object.fromEntries(ENTITY_FLAGS.map((flag) => [flag, spec.defaults?.events?.[flag] ?? true]))
}

/** prometheus is saved inactive by its save hook (spec §8). */
const activeAfterPut = (spec: IntegrationSpec) => spec.activeFrom === undefined

test('the catalog routes the 13.12 slugs, each with at least one required param', () => {
  const slugs = routable.map((spec) => spec.slug)
  expect(slugs).toContain('slack')
  expect(slugs).toContain('prometheus')
  expect(slugs).not.toContain('alerts')
  expect(slugs).not.toContain('jenkins-deprecated')
  expect(slugs).not.toContain('mock-ci')
  expect(slugs.length).toBeGreaterThanOrEqual(34)
  for (const spec of routable) expect(spec.params.filter((p) => p.required).length, spec.slug).toBeGreaterThan(0)
})

describe.each(FAMILIES)('/%s', (family) => {
  describe.each(routable.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
    const path = servicePath(project, family, slug)
    const list = servicePath(project, family)

    test('GET before any configuration is 404 Service Not Found', async () => {
      expectJson(await call('GET', path, { token }), 404, SERVICE_NOT_FOUND)
    })

    test('PUT with the required params answers 200 with the full entity; GET and the list agree', async () => {
      const body = requiredParams(spec)
      const put = await call('PUT', path, { token, json: body })
      expectJson(put, 200)
      expect(Object.keys(put.body)).toEqual([...FULL_KEYS])
      expect(put.body).toEqual({
        id: expect.any(Number),
        title: spec.title,
        slug,
        created_at: START_ISO,
        updated_at: START_ISO,
        active: activeAfterPut(spec),
        ...expectedFlags(spec),
        comment_on_event_enabled: true,
        properties: expectedProperties(spec, body),
      })
      expectNoSecrets(put, secretValues(body))

      const get = await call('GET', path, { token })
      expectJson(get, 200, put.body)
      expectNoSecrets(get, secretValues(body))

      const listed = await call('GET', list, { token })
      const { properties: _omitted, ...basic } = put.body
      expect(Object.keys(basic)).toEqual([...BASIC_KEYS])
      expectJson(listed, 200, activeAfterPut(spec) ? [basic] : [])
      expectNoSecrets(listed, secretValues(body))
    })

    test('PUT with every declared param echoes exactly the visible stored ones', async () => {
      const body = allParams(spec)
      const put = await call('PUT', path, { token, json: body })
      expectJson(put, 200)
      expect(put.body.properties).toEqual(expectedProperties(spec, body))
      for (const param of spec.params) {
        if (param.writeOnly || param.topLevel) expect(put.body.properties, param.name).not.toHaveProperty(param.name)
        if (SECRET_NAME.test(param.name)) expect(put.body.properties, param.name).not.toHaveProperty(param.name)
      }
      expectNoSecrets(put, secretValues(body))
    })

    test('PUT without a required param is 400 "<name> is missing", in declaration order, and stores nothing', async () => {
      const body = requiredParams(spec)
      const required = Object.keys(body)
      for (const name of required) {
        const { [name]: _missing, ...rest } = body
        const reply = await expectUnchanged(mock, () => call('PUT', path, { token, json: rest }))
        expectJson(reply, 400, { error: `${name} is missing` })
      }
      const none = await expectUnchanged(mock, () => call('PUT', path, { token, json: {} }))
      expectJson(none, 400, { error: required.map((name) => `${name} is missing`).join(', ') })
      expectJson(await call('GET', path, { token }), 404, SERVICE_NOT_FOUND)
    })

    test('DELETE answers 204 and keeps the record inactive with every visible field null', async () => {
      const body = requiredParams(spec)
      const put = await call('PUT', path, { token, json: body })
      expect(put.status).toBe(200)

      const later = clock.advance(60_000)
      const del = await call('DELETE', path, { token })
      expect(del.status).toBe(204)
      expect(del.text).toBe('')

      const get = await call('GET', path, { token })
      const flags = Object.fromEntries(ENTITY_FLAGS.map((flag) => [flag, put.body[flag]]))
      expectJson(get, 200, {
        ...put.body,
        ...flags,
        updated_at: later,
        active: false,
        properties: Object.fromEntries(visibleFields(spec).map((field) => [field, null])),
      })
      expectJson(await call('GET', list, { token }), 200, [])
      // The wiped secrets are gone from the model too.
      for (const secret of secretValues(body)) expect(JSON.stringify(mock.dump())).not.toContain(secret)
    })
  })
})
