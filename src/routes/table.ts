/**
 * The route table of one GitLab profile: every endpoint the mock serves, in
 * matching order, compiled from path declarations once per mock. The MSW
 * handler and the node:http server both dispatch it.
 */
import type { Endpoint } from '../gitlab/pipeline.js'
import type { MockState } from '../gitlab/state.js'
import { compileRoutes, type CompiledRoute } from '../http/router.js'
import type { GitLabProfile } from '../versions/index.js'
import { instanceRoutes } from './instance.js'
import { integrationRoutes, integrationsCatchAll } from './integrations.js'
import { namespaceRoutes } from './namespaces.js'
import { slashCommandRoutes } from './slash-commands.js'

export type MockRoute = CompiledRoute<MockState, Endpoint>

export function buildRoutes(gitlab: GitLabProfile): MockRoute[] {
  return compileRoutes([
    ...instanceRoutes,
    ...namespaceRoutes,
    ...integrationRoutes(gitlab),
    ...slashCommandRoutes(gitlab),
    // Last: it answers whatever the routes above left under the families.
    ...integrationsCatchAll(gitlab),
  ])
}
