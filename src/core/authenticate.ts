/**
 * GitLab's `authenticate!` for the API (spec §2): a personal access token
 * from the `PRIVATE-TOKEN` header, the `private_token` param or
 * `Authorization: Bearer`. Anything else (JOB-TOKEN, Basic, cookies) is
 * anonymous.
 */
import type { Database, StoredToken, StoredUser } from '../model/database.js'
import { forbidden, json, unauthorized } from './responses.js'
import type { Params } from './request-params.js'
import type { RouteRequest } from './router.js'

export interface Caller {
  readonly user: StoredUser
  readonly token: StoredToken
}

/** GitLab's order: the `private_token` param, then the header, then a Bearer token. */
function credential(request: RouteRequest, params: Params): string | undefined {
  const param = params.private_token
  if (typeof param === 'string' && param !== '') return param
  const header = request.headers.get('private-token')
  if (header) return header
  const authorization = request.headers.get('authorization')
  const bearer = authorization && /^Bearer\s+(.+)$/i.exec(authorization.trim())
  return bearer ? bearer[1] : undefined
}

function invalidToken(description: string): Response {
  return json({ error: 'invalid_token', error_description: description }, 401, {
    'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"`,
  })
}

function insufficientScope(scopes: readonly string[]): Response {
  const description = 'The request requires higher privileges than provided by the access token.'
  return json({ error: 'insufficient_scope', error_description: description, scope: scopes.join(' ') }, 403, {
    'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="${description}", scope="${scopes.join(' ')}"`,
  })
}

/** The scopes a request needs: reads accept `read_api`, writes need `api`. */
function requiredScopes(method: string, allowReadUser: boolean): readonly string[] {
  const read = method === 'GET' || method === 'HEAD'
  if (!read) return ['api']
  return allowReadUser ? ['api', 'read_api', 'read_user'] : ['api', 'read_api']
}

/** The authenticated caller or the response GitLab gives instead. */
export function authenticate(
  db: Database,
  request: RouteRequest,
  params: Params,
  now: number,
  options?: { allowReadUser?: boolean },
): Caller | Response
/** With `anonymous: true`, a request that sends no credential at all is let through as undefined. */
export function authenticate(
  db: Database,
  request: RouteRequest,
  params: Params,
  now: number,
  options: { allowReadUser?: boolean; anonymous: true },
): Caller | Response | undefined
export function authenticate(
  db: Database,
  request: RouteRequest,
  params: Params,
  now: number,
  options: { allowReadUser?: boolean; anonymous?: boolean } = {},
): Caller | Response | undefined {
  const value = credential(request, params)
  if (value === undefined) return options.anonymous ? undefined : unauthorized()
  const token = db.token(value)
  const user = token && db.userById(token.user_id)
  if (!token || !user) return unauthorized()
  if (token.revoked) return invalidToken('Token was revoked. You have to re-authorize from the user.')
  if (token.expires_at !== null && Date.parse(token.expires_at) <= now)
    return invalidToken('Token is expired. You can either do re-authorization or token refresh.')
  const scopes = requiredScopes(request.method, options.allowReadUser ?? false)
  if (!token.scopes.some((scope) => scopes.includes(scope))) return insufficientScope(scopes)
  if (user.state === 'blocked') return forbidden('Your account has been blocked.')
  if (user.state === 'deactivated')
    return forbidden(
      'Your account has been deactivated by your administrator. Please log back in to reactivate your account.',
    )
  return { user, token }
}
