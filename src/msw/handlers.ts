/**
 * MSW request handlers generated from the route table: one handler a route,
 * matching GitLab's URL under the mock's base URL. A request no route
 * serves is left to the user's other handlers (the resolver returns nothing).
 */
import { http, type HttpHandler } from 'msw'
import { matchRoute, relativePath, type Route } from '../core/router.js'
import { runRoute } from '../core/dispatch.js'
import type { MockState } from '../core/state.js'
import type { BaseUrl } from '../core/base-url.js'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export function createHandlers(
  routes: readonly Route[],
  base: BaseUrl,
  state: () => Promise<MockState>,
): HttpHandler[] {
  // Relative base URLs (browser) match any origin, as MSW does for relative paths.
  const origin = base.origin ? escape(base.origin) : 'https?://[^/]+'
  return routes.map((route) => {
    const url = new RegExp(`^${origin}${escape(base.path)}${route.pattern.source.slice(1)}`)
    return http.all(url, async ({ request }) => {
      const requestUrl = new URL(request.url)
      const path = relativePath(requestUrl.pathname, base.path)
      const match = path === undefined ? undefined : matchRoute(route, request.method, path)
      if (!match) return undefined
      return runRoute(match, request, requestUrl, await state())
    })
  })
}
