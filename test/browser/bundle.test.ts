/**
 * The built artifact in a real browser: the esbuild bundle of dist/browser.js
 * (served by test/bundle/serve-bundle.ts; the node side checks it imports no
 * Node built-in) loads in Chromium and its worker answers a request.
 */
import { afterAll, expect, test } from 'vitest'
import { BROWSER_BUNDLE_URL } from '../bundle/bundle-url.js'
import { jsonOf, PROJECT, scenario, servedByServiceWorker, TOKEN } from './scenario.js'

type Kit = typeof import('gitlab-services-mock/browser')
let stop: (() => Promise<void>) | undefined
afterAll(async () => {
  await stop?.()
})

test('the bundled browser entry starts a worker that serves GitLab', async () => {
  const kit = (await import(/* @vite-ignore */ BROWSER_BUNDLE_URL)) as Kit
  expect(typeof kit.startGitLabWorker).toBe('function')
  const gitlab = await kit.startGitLabWorker({ scenario, quiet: true, baseUrl: '/bundle/api/v4' })
  stop = gitlab.stop

  const url = `/bundle/api/v4/projects/${PROJECT}/services/slack`
  const reply = await fetch(url, { headers: { 'PRIVATE-TOKEN': TOKEN } })
  expect(reply.status).toBe(200)
  expect(await jsonOf(reply)).toMatchObject({ slug: 'slack', active: true })
  expect(servedByServiceWorker(url)).toBe(true)
  expect(navigator.serviceWorker.controller).not.toBeNull()
  expect(gitlab.mock.requests).toMatchObject([{ method: 'GET', path: `/bundle/api/v4/projects/${PROJECT}/services/slack`, status: 200 }])
})
