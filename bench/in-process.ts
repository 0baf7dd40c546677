/**
 * One msw major per process (run with --import ./bench/msw2-alias.mjs for
 * msw 2): per-request CPU cost of the kit's handlers vs a bare msw handler
 * that returns constant JSON of the same size to the same request (same
 * path and headers, another host), in alternating rounds. Also
 * `mock.fetch` (a Fetch-compatible function answering from the route table,
 * no msw) when the build has it: `fetchMicros` is null otherwise. Prints JSON.
 */
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { createGitLabMock } from '../dist/index.js'
import { smallScenario, TOKEN } from './scenario.ts'
import { cpuPerCall as perCall, median } from './stats.ts'

const quick = process.argv.includes('--quick')
const rounds = quick ? 2 : 8
/** Requests per phase; calibrated after warm-up to about `phaseMs` each (msw 3 is ~20x slower than 2). */
const phaseMs = quick ? 100 : 1500
let count = 200
const url = 'https://gitlab.example.com/api/v4/projects/1/integrations/slack'
const headers = { 'PRIVATE-TOKEN': TOKEN }

globalThis.gc?.()
const baselineHeap = process.memoryUsage().heapUsed
const mock = createGitLabMock({ scenario: smallScenario() })
await mock.ready()
const sample = await (await mock.dispatch(new Request(url, { headers })))!.text()
const constant = () => new Response(sample, { headers: { 'Content-Type': 'application/json' } })
const path = new URL(url).pathname
const bareUrl = `https://bare.example.com${path}`
const bare = http.get(bareUrl, constant)
// The same bare handler over plain http: isolates what TLS costs msw 3's socket-level interception.
const bareHttp = http.get(`http://bare.example.com${path}`, constant)

// Each phase runs with only its own handlers installed, so neither pays for the other's matching.
const server = setupServer()
server.listen({ onUnhandledRequest: 'bypass' } as never)
const only = async (handlers: Parameters<typeof server.resetHandlers>, run: () => Promise<number>) => {
  server.resetHandlers(...handlers)
  return run()
}

const kit: number[] = []
const baseline: number[] = []
const plain: number[] = []
const direct: number[] = []
/** Feature-detected: `mock.fetch(input, init?) => Promise<Response>` (issue #16). */
const mockFetch = (mock as { fetch?: (input: string, init?: RequestInit) => Promise<Response> }).fetch
const runBare = () => only([bare], () => perCall(count, () => fetch(bareUrl, { headers }).then((r) => r.text())))
const runKit = () => only(mock.handlers, () => perCall(count, () => fetch(url, { headers }).then((r) => r.text())))
const runPlain = () => only([bareHttp], () => perCall(count, () => fetch(`http://bare.example.com${path}`, { headers }).then((r) => r.text())))
const warm = await runBare()
await runKit()
count = Math.min(20_000, Math.max(200, Math.round((phaseMs * 1000) / warm)))
// msw 3 keeps heap per request, so later phases run slower: swap the order every round.
for (let round = 0; round < rounds; round++) {
  if (round % 2 === 0) {
    baseline.push(await runBare())
    kit.push(await runKit())
  } else {
    kit.push(await runKit())
    baseline.push(await runBare())
  }
  plain.push(await runPlain())
  if (mockFetch) direct.push(await only([], () => perCall(count, () => mockFetch.call(mock, url, { headers }).then((r) => r.text()))))
}
mock.clearRequests()
server.close()
globalThis.gc?.()
const requests = 400 + 3 * rounds * count
process.stdout.write(
  JSON.stringify({
    kitMicros: median(kit),
    // Paired per-round ratios are robust against drift across the run.
    ratio: median(kit.map((k, i) => k / baseline[i]!)),
    bareMicros: median(baseline),
    bareHttpMicros: median(plain),
    fetchMicros: mockFetch ? median(direct) : null,
    // Paired per round: the bare msw handler's cost over mock.fetch's (how many times faster).
    bareOverFetch: mockFetch ? median(direct.map((d, i) => baseline[i]! / d)) : null,
    bytes: sample.length,
    requests,
    // Heap still held after server.close() and a full GC, per intercepted request.
    retainedKBPerRequest: (process.memoryUsage().heapUsed - baselineHeap) / 1024 / requests,
  }) + '\n',
)
