/**
 * The standalone server: node:http in front of a mock's route table (no
 * second router), plus the control API, a body limit, per-request logging
 * without secrets, and graceful close.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { GitLabMock } from '../create-gitlab-mock.js'
import { json } from '../http/json-response.js'
import { notFoundRoute } from '../gitlab/responses.js'
import { control, CONTROL_PREFIX } from './control-api.js'
import { TENANTS_PREFIX, type Tenants } from './tenants.js'
import { BodyTooLarge, readBody, toFetchRequest, writeFetchResponse } from './fetch-bridge.js'
import { corsHeaders, isPreflight } from './cors.js'
import { NodeRequest } from './node-request.js'

export interface MockServerOptions {
  readonly mock: GitLabMock
  /** Serve `/__mock` (default true). */
  readonly control?: boolean
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number
  /** Isolated tenants under `/__tenants/<id>` (created with `POST /__mock/tenants`); none when absent. */
  readonly tenants?: Tenants
  /** Receives one line per request (method, path without query, status, ms); none when absent. */
  readonly log?: (line: string) => void
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024

/**
 * The origin requests are rebuilt on: the Host header when it is a plain
 * host[:port], else localhost. Concatenated unchecked, a Host with a path,
 * `?`, `#` or userinfo changed the URL the routes saw (`Host: x/__mock?` or
 * `Host: evil#` turned a valid request into a 404; `Host: x/api/v4/projects/1/services/slack?`
 * sent a PUT for another project to slack of project 1).
 */
let lastHost: string | undefined
let lastOrigin = 'http://localhost'

function originOf(host: string | undefined): string {
  // Clients send the same Host on every request: skip the parse for a repeat.
  if (host === lastHost) return lastOrigin
  lastOrigin = parseOrigin(host)
  lastHost = host
  return lastOrigin
}

function parseOrigin(host: string | undefined): string {
  if (host && /^[\w.:[\]-]+$/.test(host)) {
    try {
      return new URL(`http://${host}`).origin
    } catch {
      // an invalid port or IPv6 literal: fall through
    }
  }
  return 'http://localhost'
}

export function createMockServer(options: MockServerOptions): Server {
  const { mock, log, tenants } = options
  const controlOn = options.control ?? true
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT

  async function answer(req: IncomingMessage, body: Buffer | undefined, pathname: string): Promise<Response> {
    const origin = originOf(req.headers.host)
    // `/__tenants/<id>/...` is a tenant's own server: its API and its control API.
    let target = mock
    let prefix = ''
    if (tenants && pathname.startsWith(TENANTS_PREFIX + '/')) {
      const id = pathname.slice(TENANTS_PREFIX.length + 1).split('/')[0]!
      const tenant = tenants.get(id)
      if (!tenant) return json({ error: `404 Tenant Not Found: ${id}` }, 404)
      target = tenant.mock
      prefix = tenant.prefix
    }
    const rest = pathname.slice(prefix.length)
    if (rest === CONTROL_PREFIX || rest.startsWith(CONTROL_PREFIX + '/')) {
      if (!controlOn) return notFoundRoute()
      const request = toFetchRequest(req, origin, body)
      const context = { mock: target, request, url: new URL(request.url), tenants: prefix ? undefined : tenants, apiUrl: `${origin}${prefix}/api/v4` }
      return control(context, rest.slice(CONTROL_PREFIX.length))
    }
    // A light request with the bytes beside it: Fetch objects cost more than the route.
    const bytes = body === undefined ? null : new Uint8Array(body.buffer, body.byteOffset, body.length)
    // Whatever the route table does not serve gets GitLab's catch-all.
    return (await target.answer(new NodeRequest(req, origin), bytes)) ?? notFoundRoute()
  }

  const server = createServer(async (req, res) => {
    const started = performance.now()
    const pathname = (req.url ?? '/').split('?')[0]!
    let status = 500
    const cors = corsHeaders(req, pathname)
    try {
      if (cors && isPreflight(req)) {
        status = 200
        res.writeHead(200, { ...cors, 'Content-Type': 'text/plain', 'Content-Length': '0' })
        res.end()
        return
      }
      let response: Response
      try {
        const reading = readBody(req, limit)
        response = await answer(req, reading && (await reading), pathname)
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
      await writeFetchResponse(response, res, req.method === 'HEAD', cors)
    } catch (error) {
      console.error('[gitlab-services-mock] request failed:', error)
      if (!res.headersSent) await writeFetchResponse(json({ message: '500 Internal Server Error' }, 500), res, false)
      else res.destroy()
    } finally {
      log?.(`${req.method} ${pathname} ${status} ${(performance.now() - started).toFixed(1)}ms`)
    }
  })
  // Requests Node's parser refuses (garbled request line, oversized headers) still get a JSON answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400
    const body = JSON.stringify({ error: status === 431 ? '431 Request Header Fields Too Large' : '400 Bad Request' })
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
  return server
}
