/**
 * Injected failures for resilience tests: the next N requests matching a
 * method and path pattern get a chosen status (500, 429 with Retry-After,
 * ...) or a network error instead of the emulated answer.
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
  /** How many matching requests fail (default 1). */
  readonly times?: number
  /** Status to answer (default 500). Ignored with `networkError`. */
  readonly status?: number
  readonly headers?: Record<string, string>
  /** JSON body (default GitLab's body for the status). */
  readonly body?: unknown
  /** Fail at the network level instead (MSW: `Response.error()`; server: the socket is destroyed). */
  readonly networkError?: boolean
}

interface ActiveFault {
  readonly spec: FaultSpec
  readonly pattern: RegExp
  remaining: number
}

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

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

export class Faults {
  #active: ActiveFault[] = []

  add(spec: FaultSpec): void {
    this.#active.push({ spec, pattern: compile(spec.path), remaining: spec.times ?? 1 })
  }

  clear(): void {
    this.#active = []
  }

  /** The injected response for this request, consuming one use of the fault; undefined when none applies. */
  take(method: string, path: string): Response | undefined {
    const fault = this.#active.find(
      (f) => f.remaining > 0 && (!f.spec.method || f.spec.method.toUpperCase() === method) && f.pattern.test(path),
    )
    if (!fault) return undefined
    fault.remaining--
    this.#active = this.#active.filter((f) => f.remaining > 0)
    const { spec } = fault
    if (spec.networkError) return Response.error()
    const status = spec.status ?? 500
    const body = spec.body ?? { message: `${status} ${STATUS_TEXT[status] ?? 'Error'}` }
    return json(body, status, spec.headers)
  }
}
