/**
 * The standalone server: node:http in front of a mock's route table (no
 * second router), plus the control API, a body limit, per-request logging
 * without secrets, and graceful close.
 */
import { createServer, type Server } from 'node:http'
import type { GitLabMock } from '../create-gitlab-mock.js'
import { json, notFoundRoute } from '../core/responses.js'
import { control, CONTROL_PREFIX } from './control-api.js'
import { BodyTooLarge, readBody, toFetchRequest, writeFetchResponse } from './fetch-bridge.js'

export interface MockServerOptions {
  readonly mock: GitLabMock
  /** Serve `/__mock` (default true). */
  readonly control?: boolean
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number
  /** Receives one line per request (method, path without query, status, ms); none when absent. */
  readonly log?: (line: string) => void
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024

export function createMockServer(options: MockServerOptions): Server {
  const { mock, log } = options
  const controlOn = options.control ?? true
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT

  async function answer(request: Request, pathname: string): Promise<Response> {
    if (pathname === CONTROL_PREFIX || pathname.startsWith(CONTROL_PREFIX + '/'))
      return controlOn ? control(mock, request, pathname) : notFoundRoute()
    // Whatever the route table does not serve gets GitLab's catch-all.
    return (await mock.dispatch(request)) ?? notFoundRoute()
  }

  const server = createServer(async (req, res) => {
    const started = performance.now()
    const pathname = (req.url ?? '/').split('?')[0]!
    let status = 500
    try {
      let response: Response
      try {
        const body = await readBody(req, limit)
        response = await answer(toFetchRequest(req, `http://${req.headers.host ?? 'localhost'}`, body), pathname)
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          response = json({ message: '413 Request Entity Too Large' }, 413, { Connection: 'close' })
          // Let the client finish sending so it reads the 413, but not forever.
          req.resume()
          setTimeout(() => req.socket.destroy(), 2000).unref()
        } else if (error instanceof TypeError) {
          // An unparseable URL or header (new Request refused it).
          response = json({ error: '400 Bad Request' }, 400)
        } else throw error
      }
      if (response.type === 'error') {
        // An injected network error: drop the connection without an answer.
        status = 0
        req.socket.destroy()
        return
      }
      status = response.status
      // Closing: answer, then drop the keep-alive connection so close() need not wait for its timeout.
      if (!server.listening) res.shouldKeepAlive = false
      await writeFetchResponse(response, res, req.method === 'HEAD')
    } catch (error) {
      console.error('[gitlab-services-mock] request failed:', error)
      if (!res.headersSent) await writeFetchResponse(json({ message: '500 Internal Server Error' }, 500), res, false)
      else res.destroy()
    } finally {
      log?.(`${req.method} ${pathname} ${status} ${(performance.now() - started).toFixed(1)}ms`)
    }
  })
  return server
}
