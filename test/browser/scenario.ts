/** A small scenario for the browser tests: one maintainer, one project, Slack configured. */
import type { Scenario } from 'gitlab-services-mock/browser'

export const TOKEN = 'glpat-browser-root'
export const PROJECT = 'acme%2Fweb'
export const HOOK = 'https://hooks.slack.com/services/T0/B0/browser'

export const scenario: Scenario = {
  users: [{ id: 1, username: 'root', admin: true, tokens: [TOKEN] }],
  projects: [{ id: 7, path_with_namespace: 'acme/web', visibility: 'private' }],
  integrations: [{ project: 7, slug: 'slack', active: true, push_events: true, properties: { webhook: HOOK } }],
}

/** JSON of a response, failing on anything else: Vite's dev server answers unknown GETs with 200 HTML. */
export async function jsonOf(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('application/json')) {
    throw new Error(`${response.url}: ${response.status} ${type}, not JSON: ${(await response.text()).slice(0, 120)}`)
  }
  return response.json()
}

/** True when a service worker's fetch event handled the request (Resource Timing's `workerStart`). */
export function servedByServiceWorker(url: string): boolean {
  const entries = performance.getEntriesByName(new URL(url, location.href).href, 'resource') as PerformanceResourceTiming[]
  const last = entries.at(-1)
  if (!last) throw new Error(`no resource timing entry for ${url}`)
  return last.workerStart > 0
}
