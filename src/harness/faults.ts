/**
 * Injected failures for resilience tests: the next N requests matching a
 * method and path glob get a chosen status (500, 429, ...), a network
 * error, or only a delay, instead of (or before) the emulated answer. The
 * same model serves `mock.failNext()` and the HTTP control API's
 * `/__mock/faults`, whose JSON is checked here (`parseFault`).
 */
import { json } from '../http/json-response.js'

export interface FaultSpec {
  /** HTTP method to match; any when absent. */
  readonly method?: string
  /**
   * Path below the API base (`/projects/1/services/slack`). `*` matches one
   * segment, `**` any rest; a RegExp is tested against the path as is.
   */
  readonly path: string | RegExp
  /** How many matching requests it applies to (default 1). */
  readonly times?: number
  /** Status to answer (default 500; none with only `latency`). Ignored with `networkError`. */
  readonly status?: number
  readonly headers?: Record<string, string>
  /** JSON body (default GitLab's body for the status). */
  readonly body?: unknown
  /** Fail at the network level instead (MSW: `Response.error()`; server: the socket is destroyed). */
  readonly networkError?: boolean
  /**
   * Delay the matching requests by this many milliseconds. Alone (no
   * `status`, no `networkError`) the request is then answered as usual: per-route latency.
   */
  readonly latency?: number
}

/** A pending fault as the control API lists it. */
export interface PendingFault {
  readonly id: string
  readonly method: string | null
  readonly path: string
  readonly remaining: number
  readonly status: number | null
  readonly networkError: boolean
  readonly latency: number
}

interface ActiveFault {
  readonly id: string
  readonly spec: FaultSpec
  readonly pattern: RegExp
  remaining: number
}

/** What a matching request gets: a replacement answer, a delay, or both. */
export interface FaultEffect {
  readonly latency: number
  readonly response: Response | undefined
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The largest glob the control API compiles: longer ones are refused, not compiled. */
const MAX_GLOB = 1024

function compile(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path
  const source = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) =>
      segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${source}/?$`)
}

/** Whether every `*` of a glob stands as a whole segment (`*` or `**`), the only wildcards the matcher knows. */
export function wholeSegmentGlob(glob: string): boolean {
  return glob.split('/').every((segment) => segment === '*' || segment === '**' || !segment.includes('*'))
}

/** Whether a glob (`/projects/*\/services/**`) matches a path below the API base. */
export function globMatcher(glob: string): (path: string) => boolean {
  const pattern = compile(glob)
  return (path) => pattern.test(path)
}

/**
 * GitLab's throttled answer (lib/gitlab/rack_attack.rb: the throttled
 * responder and `throttled_response_headers`): text/plain `Retry later`,
 * with the RateLimit-* headers of a one-minute throttle just exceeded.
 */
function rateLimited(now: number, headers: Record<string, string> | undefined): Response {
  const period = 60
  const epoch = Math.floor(now / 1000)
  const retryAfter = period - (epoch % period)
  return new Response('Retry later\n', {
    status: 429,
    headers: {
      'Content-Type': 'text/plain',
      'RateLimit-Name': 'throttle_authenticated_api',
      'RateLimit-Limit': '2000',
      'RateLimit-Observed': '2001',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(retryAfter),
      'RateLimit-ResetTime': new Date((epoch + retryAfter) * 1000).toUTCString(),
      'Retry-After': String(retryAfter),
      ...headers,
    },
  })
}

function answerOf(spec: FaultSpec, now: number): Response | undefined {
  if (spec.networkError) return Response.error()
  if (spec.status === undefined && spec.latency !== undefined) return undefined
  const status = spec.status ?? 500
  if (status === 429 && spec.body === undefined) return rateLimited(now, spec.headers)
  const body = spec.body ?? { message: `${status} ${STATUS_TEXT[status] ?? 'Error'}` }
  return json(body, status, spec.headers)
}

export class Faults {
  #active: ActiveFault[] = []
  #next = 1

  add(spec: FaultSpec): string {
    const id = String(this.#next++)
    this.#active.push({ id, spec, pattern: compile(spec.path), remaining: spec.times ?? 1 })
    return id
  }

  clear(): void {
    this.#active = []
  }

  /** Removes one pending fault; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.#active.length
    this.#active = this.#active.filter((fault) => fault.id !== id)
    return this.#active.length < before
  }

  pending(): PendingFault[] {
    return this.#active.map(({ id, spec, remaining }) => ({
      id,
      method: spec.method?.toUpperCase() ?? null,
      path: String(spec.path),
      remaining,
      status: spec.networkError || (spec.status === undefined && spec.latency !== undefined) ? null : (spec.status ?? 500),
      networkError: spec.networkError ?? false,
      latency: spec.latency ?? 0,
    }))
  }

  /** The fault for this request, consuming one use of it; undefined when none applies. */
  take(method: string, path: string, now: number): FaultEffect | undefined {
    const fault = this.#active.find(
      (f) => f.remaining > 0 && (!f.spec.method || f.spec.method.toUpperCase() === method) && f.pattern.test(path),
    )
    if (!fault) return undefined
    fault.remaining--
    if (fault.remaining === 0) this.#active = this.#active.filter((f) => f !== fault)
    return { latency: fault.spec.latency ?? 0, response: answerOf(fault.spec, now) }
  }
}

const FIELDS = new Set(['method', 'path', 'times', 'status', 'headers', 'body', 'networkError', 'latency'])
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** A fault from control-API JSON, or the reason it is refused (naming the field). */
export function parseFault(input: unknown): FaultSpec | { error: string } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { error: 'a fault is a JSON object' }
  const fault = input as Record<string, unknown>
  for (const key of Object.keys(fault)) if (!FIELDS.has(key)) return { error: `unknown fault field ${JSON.stringify(key)}` }
  const { method, path, times, status, headers, networkError, latency } = fault
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > MAX_GLOB)
    return { error: 'path must be a glob below the API base starting with "/", e.g. "/projects/*/services/slack"' }
  if (!wholeSegmentGlob(path)) return { error: `path ${JSON.stringify(path)}: "*" and "**" must be whole segments` }
  if (method !== undefined && (typeof method !== 'string' || !METHODS.has(method.toUpperCase())))
    return { error: `method must be one of ${[...METHODS].join(', ')}` }
  if (times !== undefined && !(Number.isSafeInteger(times) && (times as number) >= 1)) return { error: 'times must be a whole number >= 1' }
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599))
    return { error: 'status must be an HTTP status from 200 to 599' }
  if (latency !== undefined && !(Number.isInteger(latency) && (latency as number) >= 0 && (latency as number) <= 600_000))
    return { error: 'latency must be a whole number of milliseconds from 0 to 600000' }
  if (networkError !== undefined && typeof networkError !== 'boolean') return { error: 'networkError must be true or false' }
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return { error: 'headers must be an object of strings' }
    for (const [name, value] of Object.entries(headers))
      if (typeof value !== 'string' || !/^[!#$%&'*+.^`|~\w-]+$/.test(name) || /[\r\n]/.test(value))
        return { error: `header ${JSON.stringify(name)} must be a valid name with a string value` }
  }
  return fault as unknown as FaultSpec
}
