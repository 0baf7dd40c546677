// Drives the standalone mock with gitbeaker (npm install @gitbeaker/rest@43 in a scratch folder).
// Start the server first: npx gitlab-services-mock --port 4010
// Then: node examples/clients/gitbeaker-check.mjs (from a folder where @gitbeaker/rest resolves)
import assert from 'node:assert/strict'
import { Gitlab } from '@gitbeaker/rest'

const api = new Gitlab({ host: 'http://127.0.0.1:4010', token: 'glpat-demo-root' })
const slack = await api.Integrations.edit('demo/web-app', 'slack', {
  webhook: 'https://hooks.slack.com/services/T0/B0/gitbeaker',
  push_events: false,
})
assert.equal(slack.active, true)
assert.equal(slack.push_events, false)
assert.equal((await api.Integrations.show('demo/web-app', 'slack')).properties.webhook.endsWith('/gitbeaker'), true)
await api.Integrations.disable('demo/web-app', 'slack')
assert.equal((await api.Integrations.show('demo/web-app', 'slack')).active, false)
await assert.rejects(api.Integrations.edit('demo/web-app', 'jira', {}), (error) => error.cause?.response?.status === 400)
console.log('gitbeaker: all checks passed')
