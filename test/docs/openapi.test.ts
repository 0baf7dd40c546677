/**
 * The OpenAPI document is derived from the catalog: every route the mock
 * serves is described, and the recorded fixture exchanges fit its schemas.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { catalog13_12, createOpenApiDocument } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'

type Doc = { paths: Record<string, Record<string, any>>; openapi: string; servers: { url: string }[] }
const doc = createOpenApiDocument() as Doc
const routable = catalog13_12.filter((spec) => spec.availability === 'available')

test('one path per routable integration, with GET, PUT and DELETE', () => {
  expect(doc.openapi).toBe('3.1.0')
  const slugs = Object.keys(doc.paths)
    .filter((path) => path !== '/projects/{id}/services')
    .map((path) => path.split('/').pop())
  expect(slugs.sort()).toEqual(routable.map((spec) => spec.slug).sort())
  for (const spec of routable) {
    const item = doc.paths[`/projects/{id}/services/${spec.slug}`]!
    expect(Object.keys(item)).toEqual(expect.arrayContaining(['get', 'put', 'delete']))
    const schema = item.put.requestBody.content['application/json'].schema
    expect(schema.required ?? []).toEqual(spec.params.filter((p) => 'required' in p && p.required).map((p) => p.name))
  }
  expect(doc.paths['/projects/{id}/services/jenkins-deprecated']).toBeUndefined()
})

test.each(routable.map((spec) => spec.slug))('the %s fixture exchange fits the schemas', (slug) => {
  const exchange = JSON.parse(readFileSync(new URL(`../../fixtures/integrations/${slug}.json`, import.meta.url), 'utf8'))
  const item = doc.paths[`/projects/{id}/services/${slug}`]!
  const request = item.put.requestBody.content['application/json'].schema
  for (const key of Object.keys(exchange.put)) expect(request.properties, key).toHaveProperty(key)
  const entity = item.get.responses['200'].content['application/json'].schema.allOf[1].properties.properties
  for (const key of Object.keys(exchange.get.properties)) expect(entity.properties, key).toHaveProperty(key)
  // Secrets are never in the response schema.
  for (const key of Object.keys(entity.properties)) expect(key).not.toMatch(/password|token|key|title|description/)
})

test('the standalone server serves it at /__mock/openapi.json with its own URL', async () => {
  const server = await startMockServer()
  try {
    const response = await fetch(`${new URL(server.url).origin}/__mock/openapi.json`)
    expect(response.status).toBe(200)
    const served = (await response.json()) as Doc
    expect(served.servers[0]!.url).toBe(server.url)
    // GitLab's paths as the document has them, then the control API's (served from the root).
    const gitlabPaths = Object.keys(served.paths).filter((path) => !path.startsWith('/__mock'))
    expect(gitlabPaths).toEqual(Object.keys(doc.paths))
    expect(Object.keys(served.paths).filter((path) => path.startsWith('/__mock')).length).toBeGreaterThan(8)
  } finally {
    await server.close()
  }
})

test('17.9+ documents the group paths (not the project-level-only slugs), with unique operation ids (`put-group-slack`); 17.8 does not', () => {
  const latest = createOpenApiDocument({ gitlab: '19.0' }) as Doc
  expect(latest.paths['/groups/{id}/integrations']!.get.operationId).toBe('group-list')
  expect(latest.paths['/groups/{id}/integrations/slack']!.put.operationId).toBe('put-group-slack')
  expect(latest.paths['/groups/{id}/integrations/slack']!.parameters[0].description).toMatch(/^Group id/)
  expect(latest.paths['/groups/{id}/integrations/jenkins']).toBeUndefined()
  const ids = Object.values(latest.paths).flatMap((item) => ['get', 'put', 'delete'].flatMap((method) => (item[method] ? [item[method].operationId] : [])))
  expect(new Set(ids).size).toBe(ids.length)
  const before = createOpenApiDocument({ gitlab: '17.8' }) as Doc
  expect(Object.keys(before.paths).some((path) => path.startsWith('/groups/'))).toBe(false)
})
