/**
 * The MSW side of the route table: one MSW handler that matches the mock's
 * base URL and dispatches the table with the kit's own matcher (the same
 * function the node:http server uses). One handler, not one per route,
 * because msw parses the request (URL, cookies) for every handler it tries:
 * a dozen handlers cost more than the whole emulated request (see the
 * README's Performance section). A request no route serves is left to the
 * user's other handlers (the resolver returns nothing).
 */
import { http, type HttpHandler } from 'msw'
import type { BaseUrl } from '../http/base-url.js'
import { withBody } from '../http/json-response.js'
import { BodyTooLarge, bodyTooLarge, requestBytes } from '../http/request-bytes.js'
import { requestUrl, type RequestUrl } from '../http/request-url.js'
import { relativePath, type RouteRequest } from '../http/router.js'

/** Finds the route for a method and a path below the base (undefined: not the mock's). */
export type Match<M> = (method: string, path: string) => M | undefined

/** Serves a matched route (the mock adds its journal, faults and latency around it). */
export type Serve<M> = (match: M, request: RouteRequest, url: RequestUrl, path: string, body: Uint8Array | null) => Response | Promise<Response>

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export function createHandlers<M>(match: Match<M>, base: BaseUrl, serve: Serve<M>, bodyLimit: number): HttpHandler[] {
  // Relative base URLs (browser) match any origin, as MSW does for relative paths.
  const origin = base.origin ? escape(base.origin) : 'https?://[^/]+'
  const underBase = new RegExp(`^${origin}${escape(base.path)}(?:/|$)`)
  return [
    http.all(underBase, async ({ request }) => {
      const url = requestUrl(request.url)
      const path = relativePath(url.pathname, base.path)
      const found = path === undefined ? undefined : match(request.method, path)
      if (found === undefined || path === undefined) return undefined
      // Most API calls carry no body: skip the async read for them.
      let body: Uint8Array | null = null
      if (request.body !== null) {
        try {
          body = await requestBytes(request, bodyLimit)
        } catch (error) {
          // Refused before the route table, as the standalone server does: not journaled.
          if (error instanceof BodyTooLarge) return withBody(bodyTooLarge())
          throw error
        }
      }
      return withBody(await serve(found, request, url, path, body))
    }),
  ]
}
