/**
 * `gitlab-services-mock/server`: the standalone server for Node, for
 * harnesses that want it in-process (`startMockServer`) rather than as the
 * `gitlab-services-mock` command.
 */
import type { AddressInfo } from 'node:net'
import { createMock, type GitLabMock, type GitLabMockOptions } from '../create-gitlab-mock.js'
import { createMockServer, DEFAULT_BODY_LIMIT, type MockServerOptions } from './mock-server.js'
import { Tenants } from './tenants.js'

export { createMockServer, DEFAULT_BODY_LIMIT, type MockServerOptions }
export { Tenants, type TenantOptions } from './tenants.js'

/** Bounds on tenants: how many at once, and how long one may sit unused. */
export interface TenantLimits {
  max?: number
  idleMs?: number
}

export const DEFAULT_TENANTS = { max: 64, idleMs: 30 * 60_000 } as const

export interface StartedMockServer {
  readonly mock: GitLabMock
  /** `http://127.0.0.1:PORT/api/v4` */
  readonly url: string
  close(): Promise<void>
}

/** Starts a server on loopback (a free port unless `port` is given). */
export async function startMockServer(
  options: Omit<GitLabMockOptions, 'baseUrl'> &
    Omit<MockServerOptions, 'mock' | 'tenants'> & { port?: number; host?: string; tenants?: TenantLimits | false } = {},
): Promise<StartedMockServer> {
  const { port = 0, host = '127.0.0.1', control, allowedHosts, controlToken, bodyLimit, requestTimeout, log, tenants: limits = {}, ...mockOptions } =
    options
  const mock = createMock({ ...mockOptions, baseUrl: 'http://localhost/api/v4' })
  await mock.ready()
  const tenants =
    limits === false
      ? undefined
      : new Tenants({
          max: limits.max ?? DEFAULT_TENANTS.max,
          idleMs: limits.idleMs ?? DEFAULT_TENANTS.idleMs,
          defaults: { scenario: mockOptions.scenario ?? {}, gitlab: mock.gitlab.version, edition: mock.gitlab.edition },
          mockOptions: { ...(mockOptions.now ? { now: mockOptions.now } : {}), ...(mockOptions.latency ? { latency: mockOptions.latency } : {}) },
        })
  const server = createMockServer({
    mock,
    ...(tenants ? { tenants } : {}),
    // The name it is bound to is a name it is reached by.
    allowedHosts: [host, ...(allowedHosts ?? [])],
    ...(control !== undefined ? { control } : {}),
    ...(controlToken !== undefined ? { controlToken } : {}),
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
    ...(requestTimeout !== undefined ? { requestTimeout } : {}),
    ...(log ? { log } : {}),
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve))
  const { port: actual } = server.address() as AddressInfo
  return {
    mock,
    url: `http://${host}:${actual}/api/v4`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        tenants?.close()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
