/**
 * `onUnhandled` reaches the installed msw under the option name that major
 * reads (msw 3: `onUnhandledFrame`). With the wrong name msw would fall back
 * to its default, `warn`, and let the request through.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { startGitLabWorker, unhandledOption, type GitLabWorker } from 'gitlab-services-mock/browser'
import { jsonOf, PROJECT, scenario, TOKEN } from './scenario.js'

let gitlab: GitLabWorker
beforeAll(async () => {
  gitlab = await startGitLabWorker({ scenario, quiet: true, onUnhandled: 'error' })
})
afterAll(async () => {
  await gitlab?.stop()
})

test('msw 3 is detected by its worker', () => {
  expect(unhandledOption(gitlab.worker, 'error')).toEqual({ onUnhandledFrame: 'error' })
})

test("onUnhandled: 'error' fails requests the mock does not serve, and only those", async () => {
  // msw answers an unhandled request under the 'error' strategy with a 500 naming it
  // (under 'warn' or 'bypass' it would reach Vite's dev server: a 404).
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
  const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    const unhandled = await fetch('/not-gitlab/projects/1/services')
    expect(unhandled.status).toBe(500)
    expect(await jsonOf(unhandled)).toMatchObject({ message: expect.stringMatching(/"error" strategy/) })
    await vi.waitFor(() => expect(printed.mock.calls.flat().join(' ')).toContain('GET /not-gitlab/projects/1/services'))
  } finally {
    printed.mockRestore()
    warned.mockRestore()
  }
  const served = await fetch(`/api/v4/projects/${PROJECT}/services`, { headers: { 'PRIVATE-TOKEN': TOKEN } })
  expect(await jsonOf(served)).toMatchObject([{ slug: 'slack' }])
})
