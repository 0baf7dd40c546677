/**
 * MSW request handlers generated from the route table: one handler a route,
 * matching GitLab's URL under the mock's base URL. A request no route
 * serves is left to the user's other handlers (the resolver returns nothing).
 */
import { http, type HttpHandler } from 'msw'
import type { BaseUrl } from '../core/base-url.js'
import { matchRoute, relativePath, type Route, type RouteMatch } from '../core/router.js'

/** Serves a matched route (the mock adds its journal, faults and latency around it). */
export type Serve = (match: RouteMatch, request: Request, url: URL, path: string) => Promise<Response>

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export function createHandlers(
  routes: readonly Route[],
  base: BaseUrl,
  serve: Serve,
): HttpHandler[] {
  // Relative base URLs (browser) match any origin, as MSW does for relative paths.
  const origin = base.origin ? escape(base.origin) : 'https?://[^/]+'
  return routes.map((route) => {
    const url = new RegExp(`^${origin}${escape(base.path)}${route.pattern.source.slice(1)}`)
    return http.all(url, async ({ request }) => {
      const requestUrl = new URL(request.url)
      const path = relativePath(requestUrl.pathname, base.path)
      const match = path === undefined ? undefined : matchRoute(route, request.method, path)
      if (!match || path === undefined) return undefined
      return serve(match, request, requestUrl, path)
    })
  })
}
