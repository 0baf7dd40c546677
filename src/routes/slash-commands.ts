/**
 * `POST /projects/:id/services/{slack,mattermost}_slash_commands/trigger`
 * (spec §4.5): no authentication, no permission check; the stored token of
 * an active integration is the only key.
 */
import { catalog, integrationInfo } from '../catalog/index.js'
import { coerceString, INVALID } from '../core/coerce.js'
import { findProject } from '../core/project-access.js'
import { queryParams, readParams } from '../core/request-params.js'
import { json, paramsInvalid, serviceNotFound } from '../core/responses.js'
import type { Route } from '../core/router.js'

/** Trigger path segment (underscored) to slug, from the catalog. */
const slugByTrigger = new Map<string, string>(
  catalog.flatMap((spec) => ('trigger' in spec ? [[spec.trigger, spec.slug] as const] : [])),
)

export const slashCommandRoute: Route = {
  method: 'POST',
  path: '/projects/{id}/services/{trigger}/trigger',
  pattern: new RegExp(
    `^/projects/(?<id>[^/]+)/(?:services|integrations)/(?<trigger>${[...slugByTrigger.keys()].join('|')})/trigger/?$`,
  ),
  async handle({ request, body: bytes, url, params, state }) {
    const body = await readParams(request, queryParams(url), bytes)
    if (body instanceof Response) return body
    if (!Object.hasOwn(body, 'token')) return paramsInvalid(['token is missing'])
    const token = coerceString(body.token)
    if (token === INVALID) return paramsInvalid(['token is invalid'])
    // Deliberately "Service", not "Project", for an unknown project.
    const project = findProject(state.db, params.id!)
    const slug = slugByTrigger.get(params.trigger!)!
    const record = project && state.db.integration(project.id, slug)
    if (!record || !record.active || token === null || record.properties.token !== token) return serviceNotFound()
    const title = integrationInfo(slug)!.spec.title
    return json({
      response_type: 'ephemeral',
      text: `Hi there! Before I do anything for you, please connect your GitLab account (${title}).`,
    })
  },
}
