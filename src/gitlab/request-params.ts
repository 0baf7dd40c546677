/**
 * Reads a request's parameters the way Grape does (Rack's query and form parsers, Grape's JSON formatter): query string,
 * then the body (JSON, form-encoded or multipart) on top. The body format
 * errors come from Grape's formatter middleware, which runs before the
 * endpoint, so they precede authentication.
 */
import { json } from '../http/json-response.js'
import type { RouteRequest } from '../http/router.js'
import type { RequestUrl } from '../http/request-url.js'

/** Parameters by name. Null-prototype, so keys such as `__proto__` are plain data. */
export type Params = Record<string, unknown>

const MALFORMED_JSON =
  "\nProblem:\n  message body does not match declared format\nResolution:\n  when specifying application/json as content-type, you must pass valid application/json in the request's 'body' "

function emptyParams(): Params {
  return Object.create(null) as Params
}

/**
 * Adds `key=value` pairs, reading Rack's `key[]` as an array and `key[sub]`
 * as an object. Linear: arrays this call made are appended in place (a copy
 * per pair made `a[]=&` x 100 000 take a minute); an array that came from
 * elsewhere (the query, under the body) is copied once before it grows.
 */
function addPairs(target: Params, pairs: Iterable<[string, unknown]>): void {
  const owned = new Set<unknown[]>()
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
      if (Array.isArray(current) && owned.has(current)) current.push(value)
      else {
        const array = Array.isArray(current) ? [...current, value] : [value]
        owned.add(array)
        target[key] = array
      }
    } else {
      // A nested hash: its content never matters here (every declared param is a scalar).
      target[key] = Object.create(null)
    }
  }
}

/**
 * Rack's bounds on a query string or form body (Rack::QueryParser,
 * `params_limit` 4096 and `bytesize_limit` 4 MiB, rack 2.2.14 / 3.1.14,
 * CVE-2025-46727), and the multipart part limit (Rack::Multipart::Parser,
 * RACK_MULTIPART_TOTAL_PART_LIMIT 4096). The mock applies them to every
 * request before its route runs, as Rack parses before the API does, so no
 * request can make parsing (or the journal's reading of it) slow.
 */
export const PARAMS_LIMIT = 4096
export const QUERY_BYTES_LIMIT = 4 * 1024 * 1024
const AMPERSAND = 0x26
const latin1 = new TextDecoder('latin1')

/** Rack's check_query_string, from a query's size in bytes and its count of `&`. */
function limitError(size: number, separators: number): string | undefined {
  if (size > QUERY_BYTES_LIMIT) return `total query size (${size}) exceeds limit (${QUERY_BYTES_LIMIT})`
  return separators >= PARAMS_LIMIT
    ? `total number of query parameters (${separators + 1}) exceeds limit (${PARAMS_LIMIT})`
    : undefined
}

/** What is wrong with a query string or form body (as text) by Rack's limits, or undefined. */
export function queryLimitError(text: string): string | undefined {
  let separators = 0
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) separators++
  return limitError(text.length, separators)
}

/** The same for a form body as bytes: counted without decoding it. */
function formLimitError(body: Uint8Array): string | undefined {
  let separators = 0
  for (let at = body.indexOf(AMPERSAND); at !== -1; at = body.indexOf(AMPERSAND, at + 1)) separators++
  return limitError(body.length, separators)
}

/** Media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * The 400 a request gets when its query string or parameter body is past
 * Rack's limits, or undefined when it is within them.
 */
export function paramsLimitResponse(url: RequestUrl, contentType: string | null, body: Uint8Array | null): Response | undefined {
  const queryError = url.search.length > 1 ? queryLimitError(url.search.slice(1)) : undefined
  if (queryError) return json({ error: queryError }, 400)
  if (body === null || body.length === 0) return undefined
  const type = mediaType(contentType)
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    const bodyError = formLimitError(body)
    return bodyError ? json({ error: bodyError }, 400) : undefined
  }
  if (type === 'multipart/form-data') {
    const boundary = /;\s*boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1]
    if (boundary === undefined) return undefined
    // Each part is preceded by a delimiter line; the last delimiter closes the body.
    const parts = latin1.decode(body).split(`--${boundary}`).length - 2
    return parts > PARAMS_LIMIT ? json({ error: 'Maximum total multiparts in content reached' }, 400) : undefined
  }
  return undefined
}

export function queryParams(url: RequestUrl): Params {
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
 * Synchronous but for a multipart body, whose parser (undici's) is async.
 */
export function readParams(request: RouteRequest, query: Params, body: Uint8Array | null): Params | Response | Promise<Params | Response> {
  // The query's own object (made for this request by queryParams): the body's params go on top.
  const params = query
  if (request.method === 'GET' || request.method === 'HEAD' || body === null || body.length === 0) return params

  const contentType = request.headers.get('content-type') ?? ''
  const type = mediaType(contentType)
  if (type === 'multipart/form-data') return readMultipart(params, contentType, body)

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

async function readMultipart(params: Params, contentType: string, body: Uint8Array): Promise<Params | Response> {
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
