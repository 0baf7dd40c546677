/**
 * GitLab's CORS rules for `/api/*` (rack-cors in config/application.rb):
 * any origin, no credentials, any headers and methods, a fixed list of
 * exposed headers; preflights are answered by the middleware (200, empty)
 * before the API runs. Needed when a browser app on another origin (a dev
 * server, Storybook) talks to the standalone mock.
 */
import type { IncomingMessage } from 'node:http'

const EXPOSED = [
  'Link', 'X-Total', 'X-Total-Pages', 'X-Per-Page', 'X-Page', 'X-Next-Page', 'X-Prev-Page',
  'X-Gitlab-Blob-Id', 'X-Gitlab-Commit-Id', 'X-Gitlab-Content-Sha256', 'X-Gitlab-Encoding',
  'X-Gitlab-File-Name', 'X-Gitlab-File-Path', 'X-Gitlab-Last-Commit-Id', 'X-Gitlab-Ref', 'X-Gitlab-Size',
].join(', ')
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'

/** The CORS headers for a request, or undefined when none apply (no Origin, or not under /api/). */
export function corsHeaders(request: IncomingMessage, pathname: string): Record<string, string> | undefined {
  if (request.headers.origin === undefined || !pathname.startsWith('/api/')) return undefined
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': METHODS,
    'Access-Control-Expose-Headers': EXPOSED,
    'Access-Control-Max-Age': '7200',
  }
  const requested = request.headers['access-control-request-headers']
  if (requested) headers['Access-Control-Allow-Headers'] = requested
  return headers
}

/** A CORS preflight: answered by the middleware, never reaching the API. */
export function isPreflight(request: IncomingMessage): boolean {
  return request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined
}
