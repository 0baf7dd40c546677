import { http, HttpResponse } from 'msw'
import preview from '../.storybook/preview'
import { demoScenario, gitlab } from '../.storybook/gitlab'
import { IntegrationsPanel } from './IntegrationsPanel'

const meta = preview.meta({
  title: 'IntegrationsPanel',
  component: IntegrationsPanel,
  args: { project: 'demo/web-app', token: 'glpat-demo-maintainer' },
})

/** The demo scenario (fixtures/demo-scenario.json), as preview.ts resets it. */
export const Demo = meta.story({})

/** Seeded from the fixture, then changed: Slack switched off before the story renders. */
export const WithoutSlack = meta.story({
  async beforeEach() {
    await gitlab.seed({
      ...demoScenario,
      integrations: demoScenario.integrations?.filter((integration) => integration.slug !== 'slack'),
    })
  },
})

/** A project the developer token cannot administer: GitLab's 403. */
export const Forbidden = meta.story({
  args: { token: 'glpat-demo-developer' },
})

/** An outage, with a one-story msw override in front of the kit's handlers. */
export const ServerError = meta.story({
  beforeEach({ msw }) {
    msw.use(http.get('/api/v4/projects/:id/services', () => HttpResponse.json({ message: '500 Internal Server Error' }, { status: 500 })))
  },
})
