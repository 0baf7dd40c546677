/**
 * Flat cost with data size: GET one, PUT and list latency through the route
 * table (`mock.dispatch`, no msw) with 10 stored integrations and with
 * 100,000 (10 per project over 10,000 projects). Prints JSON.
 */
import { createGitLabMock } from '../dist/index.js'
import { largeScenario, TOKEN } from './scenario.ts'
import { median, perCall } from './stats.ts'

const quick = process.argv.includes('--quick')
const count = quick ? 300 : 3000
const rounds = quick ? 3 : 5
const large = quick ? 1000 : 10_000
const headers = { 'PRIVATE-TOKEN': TOKEN }
const base = 'https://gitlab.example.com/api/v4/projects'

async function measure(projects: number) {
  const mock = createGitLabMock({ scenario: largeScenario(projects, 10) })
  await mock.ready()
  const target = Math.ceil(projects / 2)
  const body = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T1/B1/y' })
  const ops = {
    get: () => mock.dispatch(new Request(`${base}/${target}/integrations/slack`, { headers })),
    put: () =>
      mock.dispatch(
        new Request(`${base}/${target}/integrations/slack`, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body }),
      ),
    list: () => mock.dispatch(new Request(`${base}/${target}/integrations`, { headers })),
  }
  const result: Record<string, number[]> = { get: [], put: [], list: [] }
  for (let round = 0; round < rounds; round++)
    for (const [name, op] of Object.entries(ops)) result[name]!.push(await perCall(count, op))
  mock.clearRequests()
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, median(v)]))
}

const small = await measure(1)
const big = await measure(large)
process.stdout.write(JSON.stringify({ stored: { small: 10, large: large * 10 }, small, large: big }) + '\n')
