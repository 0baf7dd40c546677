/**
 * The standalone server: node:http in front of a mock's route table (no
 * second router), plus the control API (guarded: see control-guard.ts), a
 * body limit, per-request logging without secrets, requests of one
 * connection answered in order, and graceful close.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { GitLabMock } from '../create-gitlab-mock.js'
import { bodyTooLarge, DEFAULT_BODY_LIMIT } from '../http/request-bytes.js'
import { json } from '../http/json-response.js'
import { notFoundRoute } from '../gitlab/responses.js'
import { control, CONTROL_PREFIX } from './control-api.js'
import { refuseControl } from './control-guard.js'
import { BodyTooLarge, ClientGone, readBody, toFetchRequest, writeFetchResponse } from './fetch-bridge.js'
import { TENANTS_PREFIX, type Tenants } from './tenants.js'
import { corsHeaders, isPreflight } from './cors.js'
import { NodeRequest } from './node-request.js'

export { DEFAULT_BODY_LIMIT }

export interface MockServerOptions {
  readonly mock: GitLabMock
  /** Serve `/__mock` (default true). */
  readonly control?: boolean
  /**
   * Host names `/__mock` accepts besides localhost and IP addresses (give
   * the name you bind or reach the server by); `.example.com` accepts its
   * subdomains too.
   */
  readonly allowedHosts?: readonly string[]
  /** When set, `/__mock` requires `Authorization: Bearer <controlToken>`. */
  readonly controlToken?: string
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number
  /** Isolated tenants under `/__tenants/<id>` (created with `POST /__mock/tenants`); none when absent. */
  readonly tenants?: Tenants
  /** Longest a client may take to send a whole request, in ms (default 300 000, Node's); then 408. */
  readonly requestTimeout?: number
  /** Receives one line per request (method, path without query, status, ms; no secrets); none when absent. */
  readonly log?: (line: string) => void
  /**
   * `text` (default): `PUT /api/v4/projects/1/services/slack 200 1.2ms`; `json`: one object per
   * request, `{ time, method, path, status, ms, user, tenant }`, for log collectors.
   */
  readonly logFormat?: 'text' | 'json'
}

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

/**
 * The path of a request target, without query, fragment or (absolute form,
 * `GET http://user:pass@host/path`) scheme, host and userinfo: what is
 * routed on and what is logged, so no credential reaches the log.
 */
function targetPath(target: string): string {
  if (target.startsWith('/')) {
    const end = target.search(/[?#]/)
    return end === -1 ? target : target.slice(0, end)
  }
  try {
    return new URL(target).pathname
  } catch {
    return '/'
  }
}

/** Log lines hold only what the client typed in the path, with control characters escaped. */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)

export function createMockServer(options: MockServerOptions): Server {
  const { mock, log, tenants } = options
  const controlOn = options.control ?? true
  const access = { allowedHosts: options.allowedHosts ?? [], ...(options.controlToken !== undefined ? { token: options.controlToken } : {}) }
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const requestTimeout = options.requestTimeout ?? 300_000

  /** The answer to a request: synchronous for a body-less API request the route table answers at once. */
  function answer(exchange: Exchange): Response | Promise<Response> {
    const { req, res, pathname } = exchange
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
      // Checked before the body is read (or `100 Continue` invited): a refused request sends nothing more.
      const refused = refuseControl(req, access, req.method === 'GET' && rest === `${CONTROL_PREFIX}/health`)
      if (refused) return refused
      return answerControl(req, res, { target, origin, prefix, rest })
    }
    const reading = readBody(req, res, limit)
    return reading ? reading.then((body) => answerApi(target, exchange, origin, body)) : answerApi(target, exchange, origin, undefined)
  }

  async function answerControl(
    req: IncomingMessage,
    res: ServerResponse,
    { target, origin, prefix, rest }: { target: GitLabMock; origin: string; prefix: string; rest: string },
  ): Promise<Response> {
    const reading = readBody(req, res, limit)
    const request = toFetchRequest(req, origin, reading && (await reading))
    const context = { mock: target, request, url: new URL(request.url), tenants: prefix ? undefined : tenants, apiUrl: `${origin}${prefix}/api/v4` }
    return control(context, rest.slice(CONTROL_PREFIX.length))
  }

  function answerApi(target: GitLabMock, exchange: Exchange, origin: string, body: Buffer | undefined): Response | Promise<Response> {
    // A light request with the bytes beside it: Fetch objects cost more than the route.
    const bytes = body === undefined ? null : new Uint8Array(body.buffer, body.byteOffset, body.length)
    // Whatever the route table does not serve gets GitLab's catch-all. The exchange learns who asked (for the log).
    return target.answer(new NodeRequest(exchange.req, exchange.res, origin), bytes, exchange) ?? notFoundRoute()
  }

  /** One request and what became of it, for the log line. */
  interface Exchange {
    readonly req: IncomingMessage
    readonly res: ServerResponse
    readonly pathname: string
    readonly cors: Record<string, string> | undefined
    readonly started: number
    status: number | string
    user: string | null
  }

  /** The answer for an error on the way to one, or undefined when nobody is left to answer; rethrows the unexpected. */
  function answerForError(exchange: Exchange, error: unknown): Response | undefined {
    if (error instanceof ClientGone) {
      // The client went away mid-request (an aborted upload): nobody to answer.
      exchange.status = 'aborted'
      return undefined
    }
    if (error instanceof BodyTooLarge) {
      // Let the client finish sending so it reads the 413, but not forever.
      exchange.req.resume()
      setTimeout(() => exchange.req.socket.destroy(), 2000).unref()
      return bodyTooLarge({ Connection: 'close' })
    }
    // An unparseable URL or header (new Request refused it).
    if (error instanceof TypeError) return json({ error: '400 Bad Request' }, 400)
    throw error
  }

  function deliver(exchange: Exchange, response: Response | undefined): void | Promise<void> {
    if (response === undefined) return
    const { req, res } = exchange
    if (response.type === 'error') {
      // An injected network error: drop the connection without an answer.
      exchange.status = 0
      req.socket.destroy()
      return
    }
    exchange.status = response.status
    // Closing: answer, then drop the keep-alive connection so close() need not wait for its timeout.
    if (!server.listening) res.shouldKeepAlive = false
    return writeFetchResponse(response, res, req.method === 'HEAD', exchange.cors)
  }

  function crashed({ res }: Exchange, error: unknown): void | Promise<void> {
    console.error('[gitlab-services-mock] request failed:', error)
    try {
      if (res.headersSent) return void res.destroy()
      const written = writeFetchResponse(json({ message: '500 Internal Server Error' }, 500), res, false)
      return written && written.catch(() => void res.destroy())
    } catch {
      res.destroy()
    }
  }

  function logLine(exchange: Exchange): void {
    if (!log) return
    try {
      const { req, pathname, status, user } = exchange
      const ms = Number((performance.now() - exchange.started).toFixed(1))
      if (options.logFormat === 'json') {
        const tenant = pathname.startsWith(TENANTS_PREFIX + '/') ? pathname.slice(TENANTS_PREFIX.length + 1).split('/')[0]! : null
        log(JSON.stringify({ time: new Date().toISOString(), method: req.method, path: pathname, status, ms, user, tenant }))
      } else log(`${req.method} ${printable(pathname)} ${status} ${ms.toFixed(1)}ms`)
    } catch {
      // A log sink that fails (a closed pipe) must not take the request down with it.
    }
  }

  function respond(exchange: Exchange): void | Promise<void> {
    const { req, res, cors } = exchange
    if (cors && isPreflight(req)) {
      exchange.status = 200
      res.writeHead(200, { ...cors, 'Content-Type': 'text/plain', 'Content-Length': '0' })
      res.end()
      return
    }
    let answered: Response | Promise<Response>
    try {
      answered = answer(exchange)
    } catch (error) {
      return deliver(exchange, answerForError(exchange, error))
    }
    if (answered instanceof Promise)
      return answered.then(
        (response) => deliver(exchange, response),
        (error: unknown) => deliver(exchange, answerForError(exchange, error)),
      )
    return deliver(exchange, answered)
  }

  /**
   * One exchange, written in the same turn it was read when the answer is
   * synchronous (most API requests): undefined then, else a promise that
   * settles when the answer is written. Never rejects.
   */
  function handle(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    const pathname = targetPath(req.url ?? '/')
    const exchange: Exchange = {
      req,
      res,
      pathname,
      cors: corsHeaders(req, pathname),
      started: log ? performance.now() : 0,
      status: 500,
      user: null,
    }
    let done: void | Promise<void>
    try {
      done = respond(exchange)
    } catch (error) {
      done = crashed(exchange, error)
    }
    if (done instanceof Promise)
      return done.catch((error: unknown) => crashed(exchange, error)).then(() => logLine(exchange))
    logLine(exchange)
    return undefined
  }

  /**
   * Requests pipelined on one connection take effect in order (RFC 9112
   * §9.3.2): node:http emits the next request while the previous one is
   * still awaiting its body or the model, so each waits for its
   * predecessor on the same socket.
   */
  const pending = new WeakMap<Socket, Promise<void>>()
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(60_000, requestTimeout),
      // Node checks the timeouts on this period (default 30 s): a short timeout needs a short period.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      const socket = req.socket
      const before = pending.get(socket)
      const run = before === undefined ? handle(req, res) : before.then(() => handle(req, res))
      // Answered at once: nothing for a next request on the socket to wait for.
      if (run === undefined) return
      pending.set(socket, run)
      void run.then(() => {
        if (pending.get(socket) === run) pending.delete(socket)
      })
    },
  )
  // `Expect: 100-continue`: readBody sends the `100 Continue` when it starts reading, so a
  // request refused before (413, a refused control request) never invites its body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res))
  // Requests Node's parser refuses (garbled request line, oversized headers, too slow) still get a JSON answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Node's own rule (lib/_http_server.js socketOnError): answer only if no response has begun on the socket.
    const current = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage
    if (!socket.writable || current?.headersSent) return socket.destroy()
    const [status, reason] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout']
          : [400, 'Bad Request']
    const body = JSON.stringify({ error: `${status} ${reason}` })
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
  return server
}
