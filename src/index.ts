/**
 * gitlab-services-mock: GitLab 13.12's project Services (integrations) API,
 * emulated in memory for MSW. Browser-safe: no Node built-ins are imported
 * from this entry.
 */
export { createGitLabMock, type GitLabMock, type GitLabMockOptions } from './create-gitlab-mock.js'
export { ScenarioError, type Scenario } from './model/scenario.js'
export type { Database } from './model/database.js'
export type { Route, RouteContext, Method } from './core/router.js'
export {
  catalog,
  isHiddenField,
  type IntegrationSlug,
  type IntegrationEntry,
  type IntegrationProperties,
  type IntegrationEvents,
  type IntegrationParams,
  type IntegrationSpec,
  type ParamSpec,
} from './catalog/index.js'
export { GITLAB_VERSION } from './routes/instance.js'
export { createOpenApiDocument } from './openapi/document.js'
export * from './fixtures/index.js'
