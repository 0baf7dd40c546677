/**
 * Endpoints real clients call before the integrations API: `GET /user`
 * (token check), `GET /version` (feature detection) and `GET /projects/:id`
 * (path to id resolution, with its `namespace`). Minimal entities, GitLab's
 * field names (lib/api/entities/user_basic.rb, project.rb, namespace_basic.rb).
 */
import { namespaceEntity, projectNamespace } from '../gitlab/namespaces.js'
import type { Endpoint } from '../gitlab/pipeline.js'
import type { MockState } from '../gitlab/state.js'
import { json } from '../http/json-response.js'
import type { RouteDeclaration } from '../http/router.js'
import type { RequestUrl } from '../http/request-url.js'

/** `web_url`: the instance's external URL (the request's origin and the mock's web path) and a path. */
const webUrl = (url: RequestUrl, state: MockState, path: string) => `${url.origin}${state.webPath}/${path}`

const user: Endpoint = {
  auth: { required: true, allowReadUser: true },
  handle({ caller, url, state }) {
    const { user } = caller!
    return json({
      id: user.id,
      username: user.username,
      name: user.name,
      state: user.state,
      avatar_url: null,
      web_url: webUrl(url, state, user.username),
      created_at: user.created_at,
      email: user.email,
      is_admin: user.admin,
    })
  },
}

const version: Endpoint = {
  auth: { required: true, allowReadUser: true },
  handle: ({ state }) => json(state.gitlab.build),
}

/** Public projects are readable without a token; a token that is sent must be valid. */
const project: Endpoint = {
  auth: { required: false },
  project: 'read',
  handle({ state, project, url }) {
    const namespace = projectNamespace(state.db, project!)
    return json({
      id: project!.id,
      description: project!.description,
      name: project!.name,
      name_with_namespace: `${namespace.full_name} / ${project!.name}`,
      path: project!.path_with_namespace.slice(project!.path_with_namespace.lastIndexOf('/') + 1),
      path_with_namespace: project!.path_with_namespace,
      created_at: project!.created_at,
      default_branch: project!.default_branch,
      visibility: project!.visibility,
      web_url: webUrl(url, state, project!.path_with_namespace),
      namespace: namespaceEntity(`${url.origin}${state.webPath}`, namespace),
    })
  },
}

export const instanceRoutes: readonly RouteDeclaration<MockState, Endpoint>[] = [
  { method: 'GET', path: '/user', endpoint: user },
  { method: 'GET', path: '/version', endpoint: version },
  { method: 'GET', path: '/projects/:id', endpoint: project },
]
