/** `createGitLabMock`, the main entry's: a mock with its MSW handlers. */
import { createMock, type GitLabMock, type GitLabMockOptions } from '../create-gitlab-mock.js'
import { mswAdapter } from './adapter.js'

/**
 * A mock of one GitLab release: its route table, model, journal and
 * faults, with MSW handlers (`mock.handlers`) for `setupServer` or
 * `setupWorker`, `mock.fetch`, and `dispatch`.
 */
export function createGitLabMock(options: GitLabMockOptions = {}): GitLabMock {
  return createMock(options, mswAdapter)
}
