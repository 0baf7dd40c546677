/**
 * Runs one matched route. Shared by both dispatchers so an exception becomes
 * the same GitLab-style 500 everywhere, never an escaped error.
 */
import { json } from './responses.js'
import type { RouteMatch, RouteRequest } from './router.js'
import type { MockState } from './state.js'

export async function runRoute(
  match: RouteMatch,
  request: RouteRequest,
  body: Uint8Array | null,
  url: URL,
  state: MockState,
): Promise<Response> {
  try {
    const response = await match.route.handle({ request, body, url, params: match.params, state })
    // HEAD is served by GET routes: same status and headers, no body.
    return request.method === 'HEAD' ? new Response(null, response) : response
  } catch (error) {
    console.error('[gitlab-services-mock] route failed:', error)
    return json({ message: '500 Internal Server Error' }, 500)
  }
}
