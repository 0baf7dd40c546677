/**
 * GitLab's answers. Note the two keys GitLab uses: `message` for errors
 * the endpoint raises (`render_api_error!`, `not_found!`, lib/api/helpers.rb),
 * `error` for Grape's catch-all and parameter errors. Texts a release may
 * reword come from the mock's GitLab profile.
 */
import { json } from '../http/json-response.js'
import type { GitLabProfile } from '../versions/index.js'
import { inspectErrors, type ModelError } from './validate-model.js'

/** Unknown path or wrong method: Grape's catch-all route, which runs no authentication (lib/api/api.rb). */
export const notFoundRoute = () => json({ error: '404 Not Found' }, 404)
export const unauthorized = () => json({ message: '401 Unauthorized' }, 401)
export const forbidden = (reason?: string) =>
  json({ message: reason ? `403 Forbidden - ${reason}` : '403 Forbidden' }, 403)
export const projectNotFound = () => json({ message: '404 Project Not Found' }, 404)
/** `find_group!` of a group that does not exist or that the caller may not read (lib/api/helpers.rb). */
export const groupNotFound = () => json({ message: '404 Group Not Found' }, 404)
/** `check_namespace_access` (lib/api/helpers.rb). */
export const namespaceNotFound = () => json({ message: '404 Namespace Not Found' }, 404)
/** GET of an integration the project has no record of (`not_found!('Service')` in 13.12). */
export const integrationNotFound = (gitlab: GitLabProfile) => json({ message: gitlab.wording.integrationNotFound }, 404)
/** A path slug outside the route's `values:` list. */
export const slugInvalid = (gitlab: GitLabProfile) => json({ error: gitlab.wording.slugInvalid }, 400)
/**
 * A model validation failed: 13.12 answers `render_api_error!('400 Bad
 * Request', 400)`, hiding the model's messages; 17.2+ passes on
 * Integrations::UpdateService's `Failed to update integration. {...}`.
 */
export const modelInvalid = (gitlab: GitLabProfile, errors: readonly ModelError[]) =>
  json({ message: gitlab.behaviour.modelInvalid === 'bare-400' ? '400 Bad Request' : `Failed to update integration. ${inspectErrors(errors)}` }, 400)
/** `find_or_initialize_integration` found nothing: disabled for projects, or its instance setting is off. */
export const integrationNotAvailable = () => json({ message: '400 Integration not available' }, 400)
/** An integration that is not manually activated (the GitLab for Slack app, the Jira Cloud app). */
export const cannotFromApi = (what: 'create' | 'disable', title: string) =>
  json({ message: `You cannot ${what} the ${title} integration from the API` }, 422)
/** `use_inherited_settings: true` with no group or instance integration to inherit from (UpdateService). */
export const defaultIntegrationNotFound = () => json({ message: 'Default integration not found.' }, 400)
/** Grape's parameter errors: one string, messages joined by ", " (Grape::Exceptions::ValidationErrors). */
export const paramsInvalid = (messages: readonly string[]) =>
  json({ error: [...new Set(messages)].join(', ') }, 400)
export const preconditionFailed = () => json({ message: '412 Precondition Failed' }, 412)
