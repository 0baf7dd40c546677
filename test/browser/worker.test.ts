/**
 * The kit in a real browser (headless Chromium): MSW's service worker
 * answers fetch calls to the relative base `/api/v4` from the mock's state.
 * The kit is imported by its package name (see vitest.config.ts for what that
 * resolves to).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startGitLabWorker, type GitLabWorker } from 'gitlab-services-mock/browser'
import { HOOK, jsonOf, PROJECT, scenario, servedByServiceWorker, TOKEN } from './scenario.js'

const api = (path: string) => `/api/v4${path}`
const headers = { 'PRIVATE-TOKEN': TOKEN }
let gitlab: GitLabWorker

beforeAll(async () => {
  gitlab = await startGitLabWorker({ scenario, quiet: true })
})
afterEach(async () => {
  await gitlab.reset()
  gitlab.mock.clearRequests()
})
afterAll(async () => {
  await gitlab?.stop()
})

describe('startGitLabWorker', () => {
  test('a service worker controls the page, and fetch is not patched', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).toBe(new URL('/mockServiceWorker.js', location.href).href)
    expect(Function.prototype.toString.call(window.fetch)).toContain('[native code]')
    expect(gitlab.mock.baseUrl).toBe('/api/v4')
  })

  test('list, PUT, GET and DELETE through the service worker', async () => {
    const list = await fetch(api(`/projects/${PROJECT}/services`), { headers })
    expect(list.status).toBe(200)
    expect(await jsonOf(list)).toEqual([expect.objectContaining({ slug: 'slack', active: true, push_events: true })])
    expect(servedByServiceWorker(list.url)).toBe(true)

    const put = await fetch(api(`/projects/${PROJECT}/services/asana`), {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ api_key: 'asana-key', restrict_to_branch: 'main', push_events: false }),
    })
    expect(put.status).toBe(200)
    // GitLab hides secrets (api_key) from every response.
    expect(await jsonOf(put)).toMatchObject({
      slug: 'asana',
      title: 'Asana',
      active: true,
      push_events: false,
      properties: { restrict_to_branch: 'main' },
    })

    const get = await fetch(api(`/projects/${PROJECT}/services/slack`), { headers })
    expect(get.status).toBe(200)
    expect(await jsonOf(get)).toMatchObject({ slug: 'slack', active: true, properties: { webhook: HOOK } })
    expect(servedByServiceWorker(get.url)).toBe(true)

    const del = await fetch(api(`/projects/${PROJECT}/services/slack`), { method: 'DELETE', headers })
    expect(del.status).toBe(204)
    expect(await del.text()).toBe('')

    const after = await fetch(api(`/projects/${PROJECT}/services`), { headers })
    expect((await jsonOf(after) as Array<{ slug: string }>).map((entry) => entry.slug)).toEqual(['asana'])

    // The page's mock answered all of it.
    expect(gitlab.mock.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'GET 200',
      'PUT 200',
      'GET 200',
      'DELETE 204',
      'GET 200',
    ])
  })

  test('GitLab errors come back as GitLab JSON', async () => {
    const anonymous = await fetch(api(`/projects/${PROJECT}/services/slack`))
    expect(anonymous.status).toBe(401)
    expect(await jsonOf(anonymous)).toEqual({ message: '401 Unauthorized' })
  })

  test('seed replaces the state and reset restores the start-up scenario', async () => {
    await gitlab.seed({
      users: [{ id: 5, username: 'mia', tokens: ['glpat-mia'] }],
      projects: [{ id: 9, path_with_namespace: 'story/only', members: [{ user: 'mia', access_level: 40 }] }],
    })
    const seeded = await fetch(api('/projects/story%2Fonly/services'), { headers: { 'PRIVATE-TOKEN': 'glpat-mia' } })
    expect(await jsonOf(seeded)).toEqual([])
    const gone = await fetch(api(`/projects/${PROJECT}/services`), { headers })
    expect(gone.status).toBe(401)

    await gitlab.reset()
    const back = await fetch(api(`/projects/${PROJECT}/services`), { headers })
    expect((await jsonOf(back) as Array<{ slug: string }>).map((entry) => entry.slug)).toEqual(['slack'])
  })

  test('requests outside the base URL pass through to the network', async () => {
    const other = await fetch('/not-gitlab/api/v4/projects/1/services')
    expect(other.headers.get('content-type') ?? '').not.toContain('application/json')
    expect(gitlab.mock.requests).toEqual([])
  })
})
