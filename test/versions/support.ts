/**
 * Shared setup of the version suites: mocks of chosen GitLab versions and
 * editions, each under its own base URL on one MSW server, and a request
 * helper over real `fetch`. Every mock goes back to its scenario after each
 * test.
 */
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createGitLabMock, type GitLabMock, type Scenario } from 'gitlab-services-mock'
import { call as request, FAIL_UNHANDLED, type Reply } from '../core/support.js'

export const TOKEN = 'glpat-versions-admin-000'

/** One administrator, one project; `extra` adds instance settings or records. */
export function scenarioWith(extra: Partial<Scenario> = {}): Scenario {
  return {
    users: [{ id: 1, username: 'root', admin: true, tokens: [TOKEN] }],
    projects: [{ id: 1, path_with_namespace: 'acme/app' }],
    ...extra,
  }
}

export interface Target {
  readonly mock: GitLabMock
  readonly base: string
}

export type Edition = 'ee' | 'ce'

/**
 * Declares mocks for the file: `target('17.3')` is the 17.3 EE mock,
 * `target('17.3', 'ce', scenario)` a CE one with its own scenario. Call at
 * module level (before `listen`); each distinct key gets its own base URL.
 */
export function versionServer() {
  const targets = new Map<string, Target>()
  const server = setupServer()
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterEach(async () => {
    await Promise.all([...targets.values()].map((t) => t.mock.reset()))
  })
  afterAll(() => server.close())
  return {
    server,
    target(gitlab: string, edition: Edition = 'ee', scenario: Scenario = scenarioWith(), name = 'default'): Target {
      const key = `${gitlab}-${edition}-${name}`
      const existing = targets.get(key)
      if (existing) return existing
      const base = `https://gl-${key.replace(/\./g, '-')}.example.com/api/v4`
      const mock = createGitLabMock({ baseUrl: base, gitlab, edition, scenario })
      server.use(...mock.handlers)
      const target = { mock, base }
      targets.set(key, target)
      return target
    },
  }
}

/** A request as a client sends it: the admin's token, a JSON body when given. */
export function call(target: Target, method: string, path: string, json?: unknown): Promise<Reply> {
  return request(method, `${target.base}${path}`, { token: TOKEN, ...(json !== undefined ? { json } : {}) })
}

export const integration = (slug: string, family: 'services' | 'integrations' = 'integrations') => `/projects/1/${family}/${slug}`
