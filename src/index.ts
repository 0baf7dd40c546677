/**
 * gitlab-services-mock: GitLab's project integrations (once "Services")
 * API, emulated in memory for MSW, for any GitLab release the mock knows.
 * Browser-safe: no Node built-ins are imported from this entry.
 */
export { type GitLabMock, type GitLabMockOptions } from './create-gitlab-mock.js'
export { createGitLabMock } from './msw/create-gitlab-mock.js'
export { ScenarioError, type Scenario } from './model/scenario.js'
export type { ScenarioIntegrationOf, ScenarioProperties } from './model/scenario-schema.js'
export type { Database } from './model/database.js'
export type { MockEventMap } from './harness/events.js'
export {
  catalog,
  catalog13_12,
  type IntegrationSlug,
  type IntegrationEntry,
  type IntegrationProperties,
  type IntegrationEvents,
  type IntegrationParams,
  type IntegrationSpec,
  type ParamSpec,
  type EventFlag,
  type Example,
  type ExampleTools,
} from './catalog/index.js'
export {
  compileGitLab,
  DEFAULT_GITLAB_VERSION,
  GITLAB_VERSIONS,
  UnknownGitLabError,
  type Edition,
  type GitLabChoice,
  type GitLabProfile,
  type GitLabVersion,
  type IntegrationInfo,
} from './versions/index.js'
export { createOpenApiDocument } from './openapi/document.js'
export * from './fixtures/index.js'
