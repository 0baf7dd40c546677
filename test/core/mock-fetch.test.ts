/**
 * `mock.fetch`: the route table as a Fetch-compatible function, with no MSW
 * server listening, answering what the same requests get through MSW.
 */
import { describe, expect, test } from 'vitest'
import { createGitLabMock, type Scenario } from 'gitlab-services-mock'

const TOKEN = 'glpat-fetch-maintainer'
const BASE = 'https://gitlab.example.com/api/v4'
const SLACK = `${BASE}/projects/1/services/slack`
const scenario: Scenario = {
  users: [{ id: 1, username: 'mia', tokens: [TOKEN] }],
  projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'mia', access_level: 40 }] }],
  integrations: [{ project: 1, slug: 'slack', properties: { webhook: 'https://hooks.slack.com/services/T0/B0/x' } }],
}
const headers = { 'PRIVATE-TOKEN': TOKEN }

function fresh() {
  return createGitLabMock({ scenario })
}

describe('mock.fetch', () => {
  test('answers a GET from the route table, with the URL on the response and the caller in the journal', async () => {
    const mock = fresh()
    const response = await mock.fetch(SLACK, { headers })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.url).toBe(SLACK)
    const slack = await response.json()
    expect(slack).toMatchObject({ slug: 'slack', active: true, properties: { webhook: 'https://hooks.slack.com/services/T0/B0/x' } })
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v4/projects/1/services/slack', status: 200, user: 'mia' })
  })

  test('takes a Request, a URL object and a body: a PUT is stored and read back', async () => {
    const mock = fresh()
    const put = await mock.fetch(
      new Request(SLACK, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ webhook: 'https://hooks.slack.com/services/T1/B1/y', push_events: false }),
      }),
    )
    expect(put.status).toBe(200)
    const read = await (await mock.fetch(new URL(SLACK), { headers })).json()
    expect(read).toMatchObject({ push_events: false, properties: { webhook: 'https://hooks.slack.com/services/T1/B1/y' } })
  })

  test("a form body gets fetch's own Content-Type, as over the network", async () => {
    const mock = fresh()
    const put = await mock.fetch(SLACK, { method: 'PUT', headers, body: new URLSearchParams({ webhook: 'https://hooks.slack.com/services/T2/B2/z' }) })
    expect(put.status).toBe(200)
    expect((await put.json()).properties.webhook).toBe('https://hooks.slack.com/services/T2/B2/z')
  })

  test("GitLab's answers, not the function's: 401 without a token, 400 for a missing required param", async () => {
    const mock = fresh()
    const anonymous = await mock.fetch(SLACK)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({ message: '401 Unauthorized' })
    const invalid = await mock.fetch(SLACK, { method: 'PUT', headers, body: new URLSearchParams({ username: 'x' }) })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toEqual({ error: 'webhook is missing' })
  })

  test("a path of the mock's origin that no route serves gets GitLab's catch-all 404", async () => {
    const response = await fresh().fetch('https://gitlab.example.com/api/v4/projects/1/nothing-here', { headers })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: '404 Not Found' })
  })

  test('another origin is unreachable: rejects with a TypeError, as fetch does', async () => {
    await expect(fresh().fetch('https://elsewhere.example.com/api/v4/projects/1/services/slack')).rejects.toThrow(TypeError)
  })

  test('an injected network error rejects; an injected status answers', async () => {
    const mock = fresh()
    mock.failNext({ path: '/projects/1/services/slack', networkError: true })
    await expect(mock.fetch(SLACK, { headers })).rejects.toThrow(TypeError)
    mock.failNext({ path: '/projects/1/services/slack', status: 429 })
    expect((await mock.fetch(SLACK, { headers })).status).toBe(429)
    expect((await mock.fetch(SLACK, { headers })).status).toBe(200)
  })

  test('an aborted signal rejects with its reason and journals nothing', async () => {
    const mock = fresh()
    const controller = new AbortController()
    controller.abort()
    await expect(mock.fetch(SLACK, { headers, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
    expect(mock.requests).toHaveLength(0)
  })

  test('a signal aborted while the answer waits (latency) rejects', async () => {
    const mock = createGitLabMock({ scenario, latency: 5_000 })
    const controller = new AbortController()
    const pending = mock.fetch(SLACK, { headers, signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
