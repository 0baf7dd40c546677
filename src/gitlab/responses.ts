/**
 * GitLab's answers. Note the two keys GitLab uses: `message` for errors
 * the endpoint raises (`render_api_error!`, `not_found!`, lib/api/helpers.rb),
 * `error` for Grape's catch-all and parameter errors. Texts a release may
 * reword come from the mock's GitLab profile.
 */
import { json } from '../http/json-response.js'
import type { GitLabProfile } from '../versions/index.js'

/** Unknown path or wrong method: Grape's catch-all route, which runs no authentication (lib/api/api.rb). */
export const notFoundRoute = () => json({ error: '404 Not Found' }, 404)
export const unauthorized = () => json({ message: '401 Unauthorized' }, 401)
export const forbidden = (reason?: string) =>
  json({ message: reason ? `403 Forbidden - ${reason}` : '403 Forbidden' }, 403)
export const projectNotFound = () => json({ message: '404 Project Not Found' }, 404)
/** GET of an integration the project has no record of (`not_found!('Service')` in 13.12). */
export const integrationNotFound = (gitlab: GitLabProfile) => json({ message: gitlab.wording.integrationNotFound }, 404)
/** A path slug outside the route's `values:` list. */
export const slugInvalid = (gitlab: GitLabProfile) => json({ error: gitlab.wording.slugInvalid }, 400)
/** A model validation failed: 13.12 answers `render_api_error!(nil, 400)`, hiding the model's messages. */
export const modelInvalid = () => json({ message: '400 Bad Request' }, 400)
/** Grape's parameter errors: one string, messages joined by ", " (Grape::Exceptions::ValidationErrors). */
export const paramsInvalid = (messages: readonly string[]) =>
  json({ error: [...new Set(messages)].join(', ') }, 400)
export const preconditionFailed = () => json({ message: '412 Precondition Failed' }, 412)
