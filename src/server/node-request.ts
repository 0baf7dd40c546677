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
  #names: string[] | undefined

  constructor(raw: string[]) {
    this.#raw = raw
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase()
    // Lower-cased once per request, on the first lookup.
    const names = (this.#names ??= this.#raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()))
    let value: string | null = null
    for (let i = 0; i < names.length; i++)
      if (names[i] === wanted) value = value === null ? this.#raw[2 * i + 1]! : `${value}, ${this.#raw[2 * i + 1]}`
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
