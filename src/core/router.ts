/**
 * The route table's types and its matcher. Both dispatchers (the MSW
 * handlers and the node:http server) match with this function, so they
 * agree on every path: `:id` is one raw (still percent-encoded) segment,
 * a trailing slash is ignored (spec §1), HEAD is served by GET routes.
 */
import type { MockState } from './state.js'

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'ANY'

/**
 * What routes read of a request. A Fetch `Request` satisfies it (MSW); the
 * node server passes a lighter object over node:http's own header list,
 * since building a Fetch Request costs as much as a whole route.
 */
export interface RouteRequest {
  readonly method: string
  readonly url: string
  readonly headers: { get(name: string): string | null; has(name: string): boolean }
}

export interface RouteContext {
  readonly request: RouteRequest
  /** The request body, read once by the dispatcher. */
  readonly body: Uint8Array | null
  readonly url: URL
  /** Named path segments, still percent-encoded. */
  readonly params: Readonly<Record<string, string>>
  readonly state: MockState
}

export interface Route {
  readonly method: Method
  /** The path as documented (OpenAPI style), relative to the API base. */
  readonly path: string
  /** Anchored pattern over the path relative to the API base, with named groups. */
  readonly pattern: RegExp
  readonly handle: (context: RouteContext) => Response | Promise<Response>
}

export interface RouteMatch {
  readonly route: Route
  readonly params: Readonly<Record<string, string>>
}

function methodMatches(route: Route, method: string): boolean {
  return route.method === 'ANY' || route.method === method || (route.method === 'GET' && method === 'HEAD')
}

/** Tests one route against a request's method and relative path. */
export function matchRoute(route: Route, method: string, path: string): RouteMatch | undefined {
  if (!methodMatches(route, method)) return undefined
  const match = route.pattern.exec(path)
  return match ? { route, params: { ...match.groups } } : undefined
}

/** The first route of the table that serves this request. */
export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  for (const route of routes) {
    const match = matchRoute(route, method, path)
    if (match) return match
  }
  return undefined
}

/** The path below the API base path, or undefined when the URL is not under it. */
export function relativePath(pathname: string, basePath: string): string | undefined {
  if (pathname === basePath) return '/'
  return pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length) : undefined
}
