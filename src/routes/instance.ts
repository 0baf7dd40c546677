/**
 * Endpoints real clients call before the Services API: `GET /user` (token
 * check), `GET /version` (feature detection) and `GET /projects/:id` (path
 * to id resolution). Minimal entities, GitLab's field names.
 */
import { authenticate } from '../core/authenticate.js'
import { canRead, findProject } from '../core/project-access.js'
import { queryParams } from '../core/request-params.js'
import { json, projectNotFound } from '../core/responses.js'
import type { Route, RouteContext } from '../core/router.js'

/** The GitLab release whose Services API this mock reproduces. */
export const GITLAB_VERSION = { version: '13.12.15-ee', revision: 'b6b3b4a5c4e' } as const

function caller(context: RouteContext, allowReadUser: boolean) {
  const { request, url, state } = context
  return authenticate(state.db, request, queryParams(url), state.now(), { allowReadUser })
}

/** Like `caller`, but a request with no credential at all is anonymous rather than 401. */
function optionalCaller(context: RouteContext) {
  const { request, url, state } = context
  return authenticate(state.db, request, queryParams(url), state.now(), { anonymous: true })
}

function webUrl(context: RouteContext, path: string): string {
  return `${context.url.origin}/${path}`
}

export const instanceRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/user',
    pattern: /^\/user\/?$/,
    handle(context) {
      const who = caller(context, true)
      if (who instanceof Response) return who
      const { user } = who
      return json({
        id: user.id,
        username: user.username,
        name: user.name,
        state: user.state,
        avatar_url: null,
        web_url: webUrl(context, user.username),
        created_at: user.created_at,
        email: user.email,
        is_admin: user.admin,
      })
    },
  },
  {
    method: 'GET',
    path: '/version',
    pattern: /^\/version\/?$/,
    handle(context) {
      const who = caller(context, true)
      return who instanceof Response ? who : json(GITLAB_VERSION)
    },
  },
  {
    method: 'GET',
    path: '/projects/{id}',
    pattern: /^\/projects\/(?<id>[^/]+)\/?$/,
    handle(context) {
      const { state } = context
      // Public projects are readable without a token; a token that is sent must be valid.
      const who = optionalCaller(context)
      if (who instanceof Response) return who
      const project = findProject(state.db, context.params.id!)
      if (!project || !canRead(state.db, who?.user, project)) return projectNotFound()
      const [namespace = '', name = project.name] = splitPath(project.path_with_namespace)
      return json({
        id: project.id,
        description: project.description,
        name: project.name,
        name_with_namespace: `${namespace.split('/').join(' / ')} / ${project.name}`,
        path: name,
        path_with_namespace: project.path_with_namespace,
        created_at: project.created_at,
        default_branch: project.default_branch,
        visibility: project.visibility,
        web_url: webUrl(context, project.path_with_namespace),
      })
    },
  },
]

function splitPath(path: string): [string, string] {
  const slash = path.lastIndexOf('/')
  return [path.slice(0, slash), path.slice(slash + 1)]
}
