/**
 * One call to mock GitLab in a browser page (dev mode, Storybook): a mock
 * under a relative base URL, MSW's service worker serving its handlers, and
 * the state controls a story needs to start clean.
 */
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser'
import type { GitLabMock, GitLabMockOptions } from '../create-gitlab-mock.js'
import { createGitLabMock } from '../msw/create-gitlab-mock.js'
import type { Scenario } from '../model/scenario.js'
import { unhandledOption, type UnhandledStrategy } from './unhandled-option.js'

export interface StartGitLabWorkerOptions extends GitLabMockOptions {
  /** Where the API answers; relative base URLs match the page's origin (and any other). Default `/api/v4`. */
  baseUrl?: string
  /** Silences MSW's console line for every mocked request. Default false. */
  quiet?: boolean
  /** The worker script `npx msw init` (or `msw/vite`) serves. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string
  /** What to do with requests the mock does not serve (assets, HMR, your other APIs). Default `bypass`. */
  onUnhandled?: UnhandledStrategy
}

export interface GitLabWorker {
  /** MSW's worker, to add your own handlers with `worker.use(...)`. */
  readonly worker: SetupWorker
  readonly mock: GitLabMock
  /** Replaces all state with a scenario (see `GitLabMock.seed`). */
  seed(scenario: Scenario): Promise<void>
  /** Back to the start-up scenario. */
  reset(): Promise<void>
  /** Stops intercepting; the service worker stays registered for the next start. */
  stop(): Promise<void>
}

/** Creates the mock, registers MSW's service worker and resolves once it intercepts requests. */
export async function startGitLabWorker(options: StartGitLabWorkerOptions = {}): Promise<GitLabWorker> {
  const { quiet = false, serviceWorkerUrl, onUnhandled = 'bypass', ...mockOptions } = options
  const mock = createGitLabMock({ ...mockOptions, baseUrl: mockOptions.baseUrl ?? '/api/v4' })
  const worker = setupWorker(...mock.handlers)
  const start: StartOptions = {
    quiet,
    ...(serviceWorkerUrl ? { serviceWorker: { url: serviceWorkerUrl } } : {}),
    // msw 2's StartOptions type names the other key; the object is right for the running major.
    ...(unhandledOption(worker, onUnhandled) as Partial<StartOptions>),
  }
  await worker.start(start)
  await mock.ready()
  return {
    worker,
    mock,
    seed: (scenario) => mock.seed(scenario),
    reset: () => mock.reset(),
    // msw 3 returns a promise, msw 2 nothing.
    stop: async () => {
      await worker.stop()
    },
  }
}
