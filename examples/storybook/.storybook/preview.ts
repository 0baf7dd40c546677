import { definePreview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import addonMsw from 'msw-storybook-addon'
import { unhandledOption } from 'gitlab-services-mock/browser'
import { gitlab } from './gitlab'

export default definePreview({
  addons: [
    addonMsw(async () => {
      // The kit's handlers are initial handlers: they survive the addon's reset between stories.
      const worker = setupWorker(...gitlab.handlers)
      // `onUnhandledFrame` on msw 3, `onUnhandledRequest` on msw 2.
      await worker.start({ quiet: true, ...unhandledOption(worker, 'bypass') })
      return worker
    }),
  ],
  // Before every story: back to the demo scenario, journal emptied.
  async beforeEach() {
    await gitlab.reset()
    gitlab.clearRequests()
  },
})
