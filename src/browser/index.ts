/**
 * gitlab-services-mock/browser: the platform-free kit plus MSW's service
 * worker set-up, for dev mode and Storybook. Imports `msw/browser` and no
 * Node built-ins.
 */
export * from '../index.js'
export {
  startGitLabWorker,
  type GitLabWorker,
  type StartGitLabWorkerOptions,
} from './start-gitlab-worker.js'
export { unhandledOption, type UnhandledOption, type UnhandledStrategy } from './unhandled-option.js'
