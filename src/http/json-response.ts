/**
 * JSON answers as the routes pass them around: a `JsonAnswer`, which is a
 * `Response` to every check the code makes (`instanceof Response`,
 * `status`, `headers`, `type`) but holds its text and headers as plain
 * data. Building a real Response costs more than the emulated request
 * itself (undici's constructor validates the init and builds a Headers
 * list; a string body adds a ReadableStream), and the node server writes
 * the text straight to the socket. Adapters that hand a Response to
 * someone else (MSW, `mock.dispatch()`) make a real one with `withBody()`.
 */

/** GitLab's exact content type (no charset parameter). */
export const JSON_TYPE = 'application/json'

const PLAIN = { 'Content-Type': JSON_TYPE } as const

/**
 * Response's own accessors read its internal state, which a JsonAnswer has
 * none of: every one the code or a consumer may read is redefined here
 * from the plain data, so no access reaches undici's brand checks.
 */
class JsonAnswer {
  readonly #text: string
  readonly #status: number
  readonly #headers: Readonly<Record<string, string>>

  constructor(text: string, status: number, headers: Readonly<Record<string, string>>) {
    this.#text = text
    this.#status = status
    this.#headers = headers
  }

  get status(): number {
    return this.#status
  }
  get ok(): boolean {
    return this.#status >= 200 && this.#status < 300
  }
  get statusText(): string {
    return ''
  }
  get type(): ResponseType {
    return 'default'
  }
  get headers(): Headers {
    return new Headers(this.#headers)
  }
  get redirected(): boolean {
    return false
  }
  get url(): string {
    return ''
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.real().body
  }
  get bodyUsed(): boolean {
    return false
  }
  text(): Promise<string> {
    return Promise.resolve(this.#text)
  }
  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.#text))
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.real().arrayBuffer()
  }
  clone(): Response {
    return this.real()
  }
  /** The parts, for `jsonParts`. */
  parts(): { readonly text: string; readonly headers: Readonly<Record<string, string>> } {
    return { text: this.#text, headers: this.#headers }
  }
  /** A real Response with the same status, headers and body. */
  real(): Response {
    return new Response(this.#text, { status: this.#status, headers: this.#headers })
  }
}
// `instanceof Response` holds: the routes tell answers from values that way.
Object.setPrototypeOf(JsonAnswer.prototype, Response.prototype)

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new JsonAnswer(JSON.stringify(body), status, headers ? { ...PLAIN, ...headers } : PLAIN) as unknown as Response
}

/** A JSON answer from text already serialised (a cached view of a record). */
export function jsonText(text: string, status = 200): Response {
  return new JsonAnswer(text, status, PLAIN) as unknown as Response
}

/** The body text and headers of a `json()` answer, as plain data; undefined for any other response. */
export function jsonParts(response: Response): { readonly text: string; readonly headers: Readonly<Record<string, string>> } | undefined {
  return response instanceof JsonAnswer ? response.parts() : undefined
}

/** A real Response (body in place), for consumers that read Fetch bodies (MSW, `dispatch`). */
export function withBody(response: Response): Response {
  return response instanceof JsonAnswer ? response.real() : response
}

/** The same answer without a body (HEAD): status and headers kept. */
export function withoutBody(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers })
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}
