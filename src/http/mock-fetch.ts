/**
 * `mock.fetch`: a Fetch-compatible function for code that takes one
 * (gitbeaker's and most clients' `fetch` option, a test's injected
 * dependency), answering from the mock's route table with no interception:
 * no MSW, no patched globals, no socket. It behaves as the global fetch
 * does against the standalone server: the origin of the mock's base URL is
 * a GitLab whose unserved paths get its catch-all 404, any other origin is
 * unreachable (a TypeError, as fetch rejects), an injected network error
 * rejects, an aborted signal rejects with its reason.
 */
import { withBody } from './json-response.js'

/** The global fetch's signature, without relying on one being installed. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

export function createMockFetch(
  dispatch: (request: Request) => Promise<Response | undefined>,
  /** The base URL's origin; undefined for a relative base URL (a browser's), which serves the page's origin. */
  origin: string | undefined,
  /** The answer for a path of that origin no route serves (GitLab's catch-all). */
  notFound: () => Response,
): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init)
    request.signal.throwIfAborted()
    const target = new URL(request.url).origin
    if (origin !== undefined && target !== origin)
      throw new TypeError('fetch failed', { cause: new Error(`${target} is not this mock's GitLab (${origin})`) })
    const response = (await dispatch(request)) ?? withBody(notFound())
    request.signal.throwIfAborted()
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: new Error('network error injected by failNext()') })
    return withUrl(response, request.url)
  }
}

/** A fetched Response carries the URL it came from (`response.url`); a constructed one has ''. */
function withUrl(response: Response, url: string): Response {
  return Object.defineProperty(response, 'url', { value: url, enumerable: true })
}
