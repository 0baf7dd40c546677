/**
 * The MSW side of a mock: its handlers (handlers.ts), the check that the
 * installed msw runs here (engine.ts), and the warning for two mocks on one
 * base URL (shadowing.ts). Only the entries that hand out MSW handlers
 * import this module, so only they load msw.
 */
import type { MswAdapter } from '../create-gitlab-mock.js'
import { assertMswRuns } from './engine.js'
import { createHandlers } from './handlers.js'
import { handlersTaken, warnIfShadowing } from './shadowing.js'

export const mswAdapter: MswAdapter = {
  create: (mock, match, base, serve, bodyLimit) =>
    createHandlers(
      match,
      base,
      (...args) => {
        warnIfShadowing(mock)
        return serve(...args)
      },
      bodyLimit,
    ),
  taken(mock) {
    assertMswRuns()
    handlersTaken(mock, mock.baseUrl)
  },
}
