/**
 * Groups and inheritance, through either adapter: the MSW handlers (asked
 * with msw's `getResponse`, so an unrouted request shows as unhandled) or
 * the node:http server over loopback. Every case starts its own mock from
 * the scenario below, so no state crosses cases.
 */
import { getResponse } from 'msw'
import { createGitLabMock, type Scenario } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'

export const TOKENS = {
  admin: 'glpat-groups-admin-000',
  owner: 'glpat-groups-owner-000',
  maintainer: 'glpat-groups-maintainer',
  developer: 'glpat-groups-developer',
  guest: 'glpat-groups-guest-000',
  subOwner: 'glpat-groups-sub-owner',
  projectMaintainer: 'glpat-groups-project-m',
  alice: 'glpat-groups-alice-000',
  outsider: 'glpat-groups-outsider',
} as const
export type Caller = keyof typeof TOKENS

export const GROUPS = { acme: 10, platform: 11, core: 12, open: 20 } as const
export const PROJECTS = { web: 1, api: 2, engine: 3, sandbox: 4 } as const
const DATE = '2025-01-15T09:00:00.000Z'

/**
 * acme (private): owner 50, maintainer 40, developer 30, guest 10
 * └ acme/platform: subOwner 50, developer 40 (above the inherited 30)
 *   └ acme/platform/core
 * open (public, no members); alice's own namespace.
 */
export const scenario = {
  version: 1,
  users: (Object.keys(TOKENS) as Caller[]).map((name, i) => ({ id: i + 1, username: name, name, admin: name === 'admin', tokens: [TOKENS[name]], created_at: DATE })),
  groups: [
    {
      id: GROUPS.acme,
      path: 'acme',
      name: 'Acme',
      created_at: DATE,
      members: [
        { user: 'owner', access_level: 50 },
        { user: 'maintainer', access_level: 40 },
        { user: 'developer', access_level: 30 },
        { user: 'guest', access_level: 10 },
      ],
    },
    {
      id: GROUPS.platform,
      path: 'platform',
      name: 'Platform',
      parent: GROUPS.acme,
      created_at: DATE,
      members: [
        { user: 'subOwner', access_level: 50 },
        { user: 'developer', access_level: 40 },
      ],
    },
    { id: GROUPS.core, full_path: 'acme/platform/core', name: 'Core', created_at: DATE },
    { id: GROUPS.open, path: 'open', name: 'Open', visibility: 'public', created_at: DATE },
  ],
  projects: [
    { id: PROJECTS.web, path_with_namespace: 'acme/web', created_at: DATE },
    { id: PROJECTS.api, path_with_namespace: 'acme/platform/api', created_at: DATE, members: [{ user: 'projectMaintainer', access_level: 40 }] },
    { id: PROJECTS.engine, path_with_namespace: 'acme/platform/core/engine', namespace: 'acme/platform/core', created_at: DATE },
    { id: PROJECTS.sandbox, path_with_namespace: 'alice/sandbox', created_at: DATE },
  ],
} as const satisfies Scenario

export interface Reply {
  readonly status: number
  readonly body: any
  /** False when no route of the mock serves the request (MSW leaves it unhandled; the server answers its catch-all). */
  readonly routed: boolean
}

export interface RequestOptions {
  token?: Caller
  json?: unknown
}

export interface Client {
  /** `path` is below `/api/v4`. */
  call(method: string, path: string, options?: RequestOptions): Promise<Reply>
  /** The origin web URLs are built on. */
  readonly origin: string
  close(): Promise<void>
}

export interface Adapter {
  readonly name: 'msw' | 'server'
  start(options: { gitlab: string; scenario?: Scenario }): Promise<Client>
}

function request(base: string, method: string, path: string, options: RequestOptions): Request {
  const headers = new Headers()
  if (options.token) headers.set('PRIVATE-TOKEN', TOKENS[options.token])
  if (options.json !== undefined) headers.set('Content-Type', 'application/json')
  return new Request(`${base}${path}`, { method, headers, ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }) })
}

async function reply(response: Response, routed: boolean): Promise<Reply> {
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), routed }
}

export const mswAdapter: Adapter = {
  name: 'msw',
  async start({ gitlab, scenario: given = scenario }) {
    const mock = createGitLabMock({ gitlab, scenario: given, now: () => Date.parse(DATE) })
    await mock.ready()
    const base = 'https://gitlab.example.com/api/v4'
    return {
      origin: 'https://gitlab.example.com',
      async call(method, path, options = {}) {
        const response = await getResponse(mock.handlers, request(base, method, path, options))
        return response ? reply(response, true) : { status: 404, body: { error: '404 Not Found' }, routed: false }
      },
      close: async () => undefined,
    }
  },
}

export const serverAdapter: Adapter = {
  name: 'server',
  async start({ gitlab, scenario: given = scenario }) {
    const server = await startMockServer({ gitlab, scenario: given, now: () => Date.parse(DATE) })
    return {
      origin: new URL(server.url).origin,
      async call(method, path, options = {}) {
        const response = await fetch(request(server.url, method, path, options))
        return reply(response, server.mock.serves(method, path))
      },
      close: () => server.close(),
    }
  },
}
