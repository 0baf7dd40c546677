/**
 * A request as the routes read it (`RouteRequest`), straight over
 * node:http's raw header list: building a Fetch `Request` (a Headers object,
 * URL and body checks) costs about as much as the whole route. Header
 * lookups follow Fetch's rules: case-insensitive, duplicates joined by ", ".
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RouteRequest } from '../http/router.js'

class RawHeaders {
  readonly #raw: string[]

  constructor(raw: string[]) {
    this.#raw = raw
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase()
    const raw = this.#raw
    let value: string | null = null
    // A scan of a handful of names, comparing lengths first: no per-request lists or lower-cased copies.
    for (let i = 0; i < raw.length; i += 2) {
      const candidate = raw[i]!
      if (candidate.length === wanted.length && (candidate === wanted || candidate.toLowerCase() === wanted))
        value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]}`
    }
    return value
  }

  has(name: string): boolean {
    return this.get(name) !== null
  }
}

export class NodeRequest implements RouteRequest {
  readonly method: string
  readonly url: string
  readonly headers: RawHeaders
  readonly #response: ServerResponse
  #signal: AbortSignal | undefined

  constructor(request: IncomingMessage, response: ServerResponse, origin: string) {
    this.method = request.method ?? 'GET'
    const target = request.url ?? '/'
    // Absolute-form targets (`GET http://host/path?q`) keep only their path and query.
    this.url = target.startsWith('/') ? origin + target : origin + new URL(target).pathname + new URL(target).search
    this.headers = new RawHeaders(request.rawHeaders)
    this.#response = response
  }

  /**
   * Aborts when the connection closes before the answer is sent (the client
   * left, the server closed): the mock's latency wait ends with it. Built on
   * first use, so requests that never wait pay nothing.
   */
  get signal(): AbortSignal {
    if (this.#signal === undefined) {
      const controller = new AbortController()
      const response = this.#response
      if (response.destroyed) controller.abort()
      else response.once('close', () => controller.abort())
      this.#signal = controller.signal
    }
    return this.#signal
  }
}
