/**
 * JSON answers as Fetch `Response`s, with their text kept beside a
 * body-less Response until a consumer needs a real body: building a
 * Response around a string body costs ~8 µs (its ReadableStream), more than
 * the emulated request itself, and the node server writes the string
 * straight to the socket. MSW and `mock.dispatch()` get a complete Response
 * through `withBody()`.
 */

/** GitLab's exact content type (no charset parameter). */
export const JSON_TYPE = 'application/json'

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
