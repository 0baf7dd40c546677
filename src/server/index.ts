/**
 * `gitlab-services-mock/server`: the standalone server for Node, for
 * harnesses that want it in-process (`startMockServer`) rather than as the
 * `gitlab-services-mock` command.
 */
import type { AddressInfo } from 'node:net'
import { createGitLabMock, type GitLabMock, type GitLabMockOptions } from '../create-gitlab-mock.js'
import { createMockServer, DEFAULT_BODY_LIMIT, type MockServerOptions } from './mock-server.js'

export { createMockServer, DEFAULT_BODY_LIMIT, type MockServerOptions }

export interface StartedMockServer {
  readonly mock: GitLabMock
  /** `http://127.0.0.1:PORT/api/v4` */
  readonly url: string
  close(): Promise<void>
}

/** Starts a server on loopback (a free port unless `port` is given). */
export async function startMockServer(
  options: Omit<GitLabMockOptions, 'baseUrl'> & Omit<MockServerOptions, 'mock'> & { port?: number; host?: string } = {},
): Promise<StartedMockServer> {
  const { port = 0, host = '127.0.0.1', control, allowedHosts, controlToken, bodyLimit, requestTimeout, log, ...mockOptions } = options
  const mock = createGitLabMock({ ...mockOptions, baseUrl: 'http://localhost/api/v4' })
  await mock.ready()
  const server = createMockServer({
    mock,
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
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
