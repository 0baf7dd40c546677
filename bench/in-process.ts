/**
 * One msw major per process (run with --import ./bench/msw2-alias.mjs for
 * msw 2): per-request cost of the kit's handlers vs a bare msw handler that
 * returns constant JSON of the same size, in alternating rounds. Prints JSON.
 */
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { createGitLabMock } from '../dist/index.js'
import { smallScenario, TOKEN } from './scenario.ts'
import { median, perCall } from './stats.ts'

const quick = process.argv.includes('--quick')
const count = quick ? 200 : 2000
const rounds = quick ? 3 : 5
const url = 'https://gitlab.example.com/api/v4/projects/1/integrations/slack'
const headers = { 'PRIVATE-TOKEN': TOKEN }

const mock = createGitLabMock({ scenario: smallScenario() })
await mock.ready()
const sample = await (await mock.dispatch(new Request(url, { headers })))!.text()
const bare = http.get('https://bare.example.com/x', () => new Response(sample, { headers: { 'Content-Type': 'application/json' } }))

const server = setupServer(bare, ...mock.handlers)
server.listen({ onUnhandledRequest: 'bypass' } as never)

const kit: number[] = []
const baseline: number[] = []
await perCall(count, () => fetch('https://bare.example.com/x').then((r) => r.text()))
await perCall(count, () => fetch(url, { headers }).then((r) => r.text()))
for (let round = 0; round < rounds; round++) {
  baseline.push(await perCall(count, () => fetch('https://bare.example.com/x').then((r) => r.text())))
  kit.push(await perCall(count, () => fetch(url, { headers }).then((r) => r.text())))
}
const heapBefore = process.memoryUsage().heapUsed
server.close()
globalThis.gc?.()
process.stdout.write(
  JSON.stringify({ kitMicros: median(kit), bareMicros: median(baseline), bytes: sample.length, heapAfterCloseMB: (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1), heapBeforeCloseMB: (heapBefore / 2 ** 20).toFixed(1) }) + '\n',
)
