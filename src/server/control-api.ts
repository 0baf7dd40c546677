/**
 * The harness's control API under `/__mock` (outside GitLab's namespace), in
 * the spirit of WireMock's admin API: replace, read and reset the state,
 * read the request journal. Answers Fetch `Response`s like the routes.
 */
import type { GitLabMock } from '../create-gitlab-mock.js'
import { ScenarioError } from '../model/scenario.js'
import { json, noContent } from '../http/json-response.js'
import { notFoundRoute } from '../gitlab/responses.js'

export const CONTROL_PREFIX = '/__mock'

export async function control(mock: GitLabMock, request: Request, path: string): Promise<Response> {
  const route = `${request.method} ${path.replace(/\/+$/, '')}`
  switch (route) {
    case 'GET /__mock/scenario':
      return json(mock.dump())
    case 'PUT /__mock/scenario': {
      let scenario: unknown
      try {
        scenario = JSON.parse(await request.text())
      } catch {
        return json({ error: 'body is not valid JSON', path: '$' }, 400)
      }
      try {
        await mock.seed(scenario as never)
      } catch (error) {
        if (error instanceof ScenarioError) return json({ error: error.message, path: error.path }, 400)
        throw error
      }
      return noContent()
    }
    case 'POST /__mock/reset':
      await mock.reset()
      mock.clearRequests()
      return noContent()
    case 'GET /__mock/requests':
      return json(mock.requests)
    case 'GET /__mock/openapi.json':
      return json(mock.openapi(`${new URL(request.url).origin}/api/v4`))
    case 'DELETE /__mock/requests':
      mock.clearRequests()
      return noContent()
    default:
      return notFoundRoute()
  }
}
