/**
 * Reads a request's parameters the way Grape does (Rack's query and form parsers, Grape's JSON formatter): query string,
 * then the body (JSON, form-encoded or multipart) on top. The body format
 * errors come from Grape's formatter middleware, which runs before the
 * endpoint, so they precede authentication.
 */
import { json } from '../http/json-response.js'
import type { RouteRequest } from '../http/router.js'

/** Parameters by name. Null-prototype, so keys such as `__proto__` are plain data. */
export type Params = Record<string, unknown>

const MALFORMED_JSON =
  "\nProblem:\n  message body does not match declared format\nResolution:\n  when specifying application/json as content-type, you must pass valid application/json in the request's 'body' "

export function emptyParams(): Params {
  return Object.create(null) as Params
}

/** Adds `key=value` pairs, reading Rack's `key[]` as an array and `key[sub]` as an object. */
function addPairs(target: Params, pairs: Iterable<[string, unknown]>): void {
  for (const [rawKey, value] of pairs) {
    const bracket = rawKey.indexOf('[')
    if (bracket <= 0) {
      target[rawKey] = value
      continue
    }
    const key = rawKey.slice(0, bracket)
    const rest = rawKey.slice(bracket)
    if (rest === '[]') {
      const current = target[key]
      target[key] = Array.isArray(current) ? [...current, value] : [value]
    } else {
      // A nested hash: its content never matters here (every declared param is a scalar).
      target[key] = Object.create(null)
    }
  }
}

export function queryParams(url: URL): Params {
  const params = emptyParams()
  // Most API calls have no query string: skip building URLSearchParams for them.
  if (url.search !== '') addPairs(params, url.searchParams)
  return params
}

const decoder = new TextDecoder()

/**
 * All parameters of a request, or the error response Grape gives for an
 * unreadable body. `query` is the already-parsed query string; `body` the
 * request's bytes, read once by the dispatcher (null when there is none).
 */
export async function readParams(request: RouteRequest, query: Params, body: Uint8Array | null): Promise<Params | Response> {
  const params = emptyParams()
  Object.assign(params, query)
  if (request.method === 'GET' || request.method === 'HEAD' || body === null || body.length === 0) return params

  const contentType = request.headers.get('content-type') ?? ''
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await new Response(body as BodyInit, { headers: { 'Content-Type': contentType } }).formData()
    } catch {
      return json({ error: 'failed to parse multipart body' }, 400)
    }
    // Uploaded files are structures, not scalars: any declared param given a file is invalid.
    addPairs(
      params,
      [...form].map(([key, value]): [string, unknown] => [key, typeof value === 'string' ? value : {}]),
    )
    return params
  }

  const text = decoder.decode(body)
  if (type === 'application/json' || type.endsWith('+json')) {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return json({ error: MALFORMED_JSON }, 400)
    }
    // A JSON body that is not an object contributes nothing.
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const key of Object.keys(body)) params[key] = (body as Record<string, unknown>)[key]
    }
    return params
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    addPairs(params, new URLSearchParams(text))
    return params
  }
  // GitLab declares text/plain but has no parser for it: the body is ignored.
  if (type === 'text/plain') return params
  return json({ error: `The provided content-type '${type}' is not supported.` }, 415)
}
