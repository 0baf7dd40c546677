/**
 * GitLab's `authenticate!` for the API (13.12: lib/gitlab/auth/auth_finders.rb,
 * lib/api/api_guard.rb). A token is read from, in this order:
 * - Doorkeeper's OAuth token sources: the `access_token` param, an
 *   `Authorization: Bearer` header, the `bearer_token` param. A token whose
 *   length is outside PersonalAccessToken::TOKEN_LENGTH_RANGE (20..40) is
 *   looked up as an OAuth token (the mock has none: 401, even when a valid
 *   PRIVATE-TOKEN is sent too);
 * - else a personal access token: the `private_token` param, the
 *   `PRIVATE-TOKEN` header, then that PAT-length OAuth-source token.
 * Anything else (JOB-TOKEN, Basic, cookies) is anonymous on these routes.
 */
import type { Database, StoredToken, StoredUser } from '../model/database.js'
import { json } from '../http/json-response.js'
import { forbidden, unauthorized } from './responses.js'
import type { Params } from './request-params.js'
import type { RouteRequest } from '../http/router.js'

export interface Caller {
  readonly user: StoredUser
  readonly token: StoredToken
}

/** PersonalAccessToken::TOKEN_LENGTH_RANGE (app/models/personal_access_token.rb, 13.12). */
const PAT_LENGTH = { min: 20, max: 40 }

const given = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** Doorkeeper's `access_token_methods`: from_access_token_param, from_bearer_authorization, from_bearer_param. */
function oauthSourceToken(request: RouteRequest, params: Params): string | undefined {
  const param = given(params.access_token)
  if (param) return param
  const authorization = request.headers.get('authorization')
  const bearer = authorization && /^Bearer\s+(.+)$/i.exec(authorization.trim())
  return bearer ? bearer[1] : given(params.bearer_token)
}

/** The personal access token to look up, `oauth` when the request carries an OAuth token instead. */
function credential(request: RouteRequest, params: Params): string | { oauth: string } | undefined {
  const parsed = oauthSourceToken(request, params)
  if (parsed !== undefined && (parsed.length < PAT_LENGTH.min || parsed.length > PAT_LENGTH.max)) return { oauth: parsed }
  return given(params.private_token) ?? (request.headers.get('private-token') || undefined) ?? parsed
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
  // No OAuth applications in the mock: every OAuth token is unknown (find_oauth_access_token raises).
  if (typeof value !== 'string') return unauthorized()
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
