/**
 * The route table: every endpoint the mock serves, in matching order. The
 * MSW handlers and the node:http server are both generated from it.
 */
import type { Route } from '../core/router.js'
import { instanceRoutes } from './instance.js'
import { integrationRoutes, integrationsCatchAll } from './integrations.js'
import { slashCommandRoute } from './slash-commands.js'

export const routes: readonly Route[] = [
  ...instanceRoutes,
  ...integrationRoutes,
  slashCommandRoute,
  // Last: it answers whatever the routes above left under the two families.
  integrationsCatchAll,
]
