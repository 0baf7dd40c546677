/**
 * GitLab's responses, built as Fetch `Response`s so MSW, the node:http
 * server and the browser all send the same bytes. Bodies and statuses follow
 * spec §§1-6; note the two keys GitLab uses: `message` for errors raised by
 * the endpoint, `error` for Grape's catch-all and parameter errors.
 */

/** GitLab's exact content type (no charset parameter). */
export const JSON_TYPE = 'application/json'

/**
 * JSON bodies are kept as strings beside a body-less Response until a
 * consumer needs a real body: building a Response around a string body
 * costs ~8 µs (its ReadableStream), more than the emulated request itself,
 * and the node server writes the string straight to the socket. MSW and
 * `mock.dispatch()` get a complete Response through `withBody()`.
 */
const bodies = new WeakMap<Response, { readonly text: string; readonly init: ResponseInit }>()

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  const init = { status, headers: headers ? { 'Content-Type': JSON_TYPE, ...headers } : { 'Content-Type': JSON_TYPE } }
  const response = new Response(null, init)
  bodies.set(response, { text: JSON.stringify(body), init })
  return response
}

/** The body text and headers of a `json()` response, as plain data; undefined for any other response. */
export function jsonParts(response: Response): { readonly text: string; readonly headers: Record<string, string> } | undefined {
  const pending = bodies.get(response)
  return pending && { text: pending.text, headers: pending.init.headers as Record<string, string> }
}

/** The response with its body in place, for consumers that read Fetch bodies (MSW, `dispatch`). */
export function withBody(response: Response): Response {
  const pending = bodies.get(response)
  return pending === undefined ? response : new Response(pending.text, pending.init)
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}

/** Unknown path or wrong method: Grape's catch-all route, which runs no authentication. */
export const notFoundRoute = () => json({ error: '404 Not Found' }, 404)
export const unauthorized = () => json({ message: '401 Unauthorized' }, 401)
export const forbidden = (reason?: string) =>
  json({ message: reason ? `403 Forbidden - ${reason}` : '403 Forbidden' }, 403)
export const projectNotFound = () => json({ message: '404 Project Not Found' }, 404)
/** 13.12 wording; 16.x says "Integration" (spec §9). */
export const serviceNotFound = () => json({ message: '404 Service Not Found' }, 404)
/** A model validation failed: 13.x does not expose the model's messages (spec §4.3). */
export const modelInvalid = () => json({ message: '400 Bad Request' }, 400)
/** Grape's parameter errors: one string, messages joined by ", ". */
export const paramsInvalid = (messages: readonly string[]) =>
  json({ error: [...new Set(messages)].join(', ') }, 400)
export const preconditionFailed = () => json({ message: '412 Precondition Failed' }, 412)
