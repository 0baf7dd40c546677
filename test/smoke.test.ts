import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'

const mock = createGitLabMock({
  scenario: {
    users: [{ id: 1, username: 'root', admin: true, tokens: ['glpat-root'] }],
    projects: [{ id: 1, path_with_namespace: 'acme/app' }],
  },
})
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

test('put then get', async () => {
  const base = 'https://gitlab.example.com/api/v4/projects/acme%2Fapp/services/slack'
  const put = await fetch(base, {
    method: 'PUT',
    headers: { 'PRIVATE-TOKEN': 'glpat-root', 'Content-Type': 'application/json' },
    body: JSON.stringify({ webhook: 'https://hooks.slack.com/services/T0/B0/x', push_events: 'no' }),
  })
  console.log(put.status, put.headers.get('content-type'), await put.text())
  const get = await fetch(base, { headers: { 'PRIVATE-TOKEN': 'glpat-root' } })
  expect(get.status).toBe(200)
  const list = await fetch('https://gitlab.example.com/api/v4/projects/1/integrations?private_token=glpat-root')
  console.log(await list.text())
  expect(list.status).toBe(200)
})
