/**
 * One GitLab mock for the whole Storybook, under the page's own /api/v4.
 * Every story starts from the demo scenario (preview.ts resets it); a story
 * that needs other data seeds its own in `beforeEach`.
 */
import { createGitLabMock, type Scenario } from 'gitlab-services-mock/browser'
import demo from 'gitlab-services-mock/fixtures/demo-scenario.json'

export const demoScenario = demo as Scenario
export const gitlab = createGitLabMock({ baseUrl: '/api/v4', scenario: demoScenario })
