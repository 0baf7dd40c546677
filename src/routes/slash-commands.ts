/**
 * `POST /projects/:id/services/{slack,mattermost}_slash_commands/trigger`
 * (13.12: lib/api/services.rb): no authentication, no permission check;
 * the stored token of an active integration is the only key.
 */
import { coerceString, INVALID } from '../gitlab/coerce.js'
import type { Endpoint } from '../gitlab/pipeline.js'
import { findProject } from '../gitlab/project-access.js'
import { integrationNotFound, paramsInvalid } from '../gitlab/responses.js'
import type { MockState } from '../gitlab/state.js'
import { json } from '../http/json-response.js'
import type { RouteDeclaration } from '../http/router.js'
import type { RequestUrl } from '../http/request-url.js'
import type { GitLabProfile } from '../versions/index.js'

const present = (value: unknown) => typeof value === 'string' && value.trim() !== ''

/** Devise.friendly_token(50): the chat-name token GitLab puts in the link (lib/gitlab/chat_name_token.rb). */
function friendlyToken(length = 50): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => alphabet[byte & 63]).join('')
}

/**
 * No chat user is linked in the mock, so every valid trigger takes
 * SlashCommandsService#trigger's `else` branch: ChatNames::AuthorizeUserService
 * makes a link only when team_id, team_domain, user_id and user_name are all
 * present, and Gitlab::SlashCommands::Presenters::Access#authorize answers
 * (ephemeral_response, with Slack's link format for Slack and Mattermost alike).
 */
function authorizeMessage(params: Record<string, unknown>, url: RequestUrl, webPath: string): string {
  const linkable = ['team_id', 'team_domain', 'user_id', 'user_name'].every((name) => present(params[name]))
  if (!linkable) return ":sweat_smile: Couldn't identify you, nor can I authorize you!"
  const link = `${url.origin}${webPath}/-/profile/chat_names/new?token=${friendlyToken()}`
  return `:wave: Hi there! Before I do anything for you, please <${link}|connect your GitLab account>.`
}

const trigger: Endpoint = {
  handle({ state, path, params, url }) {
    if (!Object.hasOwn(params, 'token')) return paramsInvalid(['token is missing'])
    const token = coerceString(params.token)
    if (token === INVALID) return paramsInvalid(['token is invalid'])
    // Deliberately the integration's 404, not "Project", for an unknown project.
    const project = findProject(state.db, path.id!)
    const slug = state.gitlab.triggers.get(path.trigger!)!
    const record = project && state.db.integration(project.id, slug)
    // An active integration whose token equals the one sent, and `valid_token?`: a blank stored token matches nothing.
    if (!record?.active || !present(token) || record.properties.token !== token) return integrationNotFound(state.gitlab)
    return json({ response_type: 'ephemeral', status: 200, text: authorizeMessage(params, url, state.webPath) })
  },
}

export function slashCommandRoutes(gitlab: GitLabProfile): RouteDeclaration<MockState, Endpoint>[] {
  const constraints = { family: new Set<string>(gitlab.families), trigger: new Set(gitlab.triggers.keys()) }
  return [{ method: 'POST', path: '/projects/:id/:family/:trigger/trigger', constraints, endpoint: trigger }]
}
