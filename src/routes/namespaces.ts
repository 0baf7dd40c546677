/**
 * `GET /groups/:id` and `GET /namespaces/:id`, which clients call to turn a
 * path into an id before `/groups/:id/integrations` (lib/api/groups.rb,
 * lib/api/namespaces.rb).
 */
import type { Endpoint } from '../gitlab/pipeline.js'
import { groupEntity, findNamespace, namespaceEntity } from '../gitlab/namespaces.js'
import { groupAccessLevel } from '../gitlab/project-access.js'
import { namespaceNotFound } from '../gitlab/responses.js'
import type { MockState } from '../gitlab/state.js'
import { json } from '../http/json-response.js'
import type { RouteDeclaration } from '../http/router.js'

/** `find_group!`: public groups answer without a token; a token that is sent must be valid. */
const group: Endpoint = {
  auth: { required: false },
  group: 'read',
  handle: ({ state, group, url }) => json(groupEntity(state.db, `${url.origin}${state.webPath}`, group!)),
}

/**
 * `before { authenticate! }`, then `find_namespace!`: 404 `Namespace Not
 * Found` unless the caller may `read_namespace_via_membership` — a member of
 * the group or an ancestor (GroupPolicy `has_access`; admins are OWNER
 * everywhere), or the user whose namespace it is (lib/api/helpers.rb
 * `check_namespace_access`).
 */
const namespace: Endpoint = {
  auth: { required: true },
  handle({ state, caller, path, url }) {
    const { db } = state
    const user = caller!.user
    const found = findNamespace(db, path.id!)
    const allowed =
      found !== undefined &&
      (user.admin || (found.group ? groupAccessLevel(db, user, found.group) > 0 : found.path.toLowerCase() === user.username.toLowerCase()))
    return allowed ? json(namespaceEntity(`${url.origin}${state.webPath}`, found)) : namespaceNotFound()
  },
}

export const namespaceRoutes: readonly RouteDeclaration<MockState, Endpoint>[] = [
  { method: 'GET', path: '/groups/:id', endpoint: group },
  { method: 'GET', path: '/namespaces/:id', endpoint: namespace },
]
