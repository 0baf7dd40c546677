/**
 * One "test file's worth" of work on the BUILT kit (dist/, which `npm test`
 * builds first), run both in worker threads in parallel and alone in the
 * test's own thread by isolation.test.ts: a fixture set from a seed, a
 * scenario from it, a standalone server on its own port, a PUT of every
 * configurable slug's fixture, and what came out (fixture values, answers,
 * state, journal). Plain JavaScript so a worker thread can import it as is.
 */
import { createFixtures } from '../../dist/index.js'
import { startMockServer } from '../../dist/server.js'

const NOW = Date.parse('2021-06-01T10:00:00.000Z')

export async function session(seed) {
  const fixtures = createFixtures({ seed })
  const scenario = fixtures.scenario({ users: 3, projects: 2, integrationsPerProject: 3 })
  const token = scenario.users[0].tokens[0]
  const admin = typeof token === 'string' ? token : token.token
  const server = await startMockServer({ scenario, now: () => NOW })
  const origin = new URL(server.url).origin
  const answers = []
  try {
    for (const slug of fixtures.slugs) {
      const fixture = fixtures.integration(slug)
      const response = await fetch(`${server.url}/projects/${scenario.projects[0].id}/services/${slug}`, {
        method: 'PUT',
        headers: { 'PRIVATE-TOKEN': admin, 'Content-Type': 'application/json' },
        body: JSON.stringify(fixture.params),
      })
      answers.push([slug, response.status, await response.json()])
      // Let the other threads run in between, as a real test would.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const state = await (await fetch(`${origin}/__mock/scenario`)).json()
    const journal = await (await fetch(`${origin}/__mock/requests`)).json()
    return { seed, scenario, users: [fixtures.user(), fixtures.user()], answers, state, journal }
  } finally {
    await server.close()
  }
}
