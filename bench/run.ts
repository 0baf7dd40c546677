/**
 * `npm run bench [-- --quick]`: every baseline runs in the same run as what
 * it is compared with, and results are ratios. HTTP: autocannon against the
 * built standalone server and a raw node:http server (child processes),
 * alternating rounds, medians. In-process: msw 3 and msw 2, one process each.
 * Then scale and cold start. Prints a table; writes bench/results.json
 * (or `--out FILE`). `--quick` is a seconds-long smoke run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { TOKEN } from './scenario.ts'
import { median } from './stats.ts'

const quick = process.argv.includes('--quick')
const outIndex = process.argv.indexOf('--out')
/** Where the JSON goes (`--out FILE`); the smoke test writes elsewhere than the checked-in results. */
const out = outIndex > 0 ? process.argv[outIndex + 1]! : fileURLToPath(new URL('./results.json', import.meta.url))
const seconds = quick ? 1 : 5
const rounds = quick ? 1 : 5
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

function startServer(file: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [here(file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(String(chunk))
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.on('exit', (code) => reject(new Error(`${file} exited ${code}`)))
  })
}

async function load(url: string, options: { method?: string; body?: string } = {}): Promise<number> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    method: (options.method ?? 'GET') as 'GET',
    headers: { 'PRIVATE-TOKEN': TOKEN, 'Content-Type': 'application/json' },
    ...(options.body ? { body: options.body } : {}),
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

function child(file: string, preload: string[] = []): Record<string, unknown> {
  const args = [...preload.flatMap((p) => ['--import', here(p)]), '--expose-gc', here(file), ...(quick ? ['--quick'] : [])]
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }))
}

// HTTP throughput.
const mock = await startServer('./servers/mock.ts')
const base = `http://127.0.0.1:${mock.port}/api/v4/projects/1/integrations`
const size = (await (await fetch(`${base}/slack`, { headers: { 'PRIVATE-TOKEN': TOKEN } })).text()).length
const raw = await startServer('./servers/raw.ts', [String(size)])
const body = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX', push_events: true })
const http: Record<string, number[]> = { raw: [], get: [], put: [], list: [] }
const loads: [string, () => Promise<number>][] = [
  ['raw', () => load(`http://127.0.0.1:${raw.port}/`)],
  ['get', () => load(`${base}/slack`)],
  ['put', () => load(`${base}/slack`, { method: 'PUT', body })],
  ['list', () => load(base)],
]
// Rotate the order every round so no measure always runs in the same position (warm-up, GC).
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < loads.length; i++) {
    const [name, run] = loads[(i + round) % loads.length]!
    http[name]!.push(await run())
  }
  await fetch(`http://127.0.0.1:${mock.port}/__mock/requests`, { method: 'DELETE' })
}
mock.child.kill()
raw.child.kill()
const rps = Object.fromEntries(Object.entries(http).map(([k, v]) => [k, median(v)])) as Record<string, number>

const msw3 = child('./in-process.ts')
const msw2 = child('./in-process.ts', ['./msw2-alias.mjs'])
const scale = child('./scale.ts') as { small: Record<string, number>; large: Record<string, number>; stored: Record<string, number> }
const cold = child('./cold-start.ts') as { spawnToReadyMs: number; importMs: number; nodeSpawnMs: number; load10k: { ms: number; rssMB: number } }

const ratio = (a: number, b: number) => (a / b).toFixed(2)
const rows: [string, string, string][] = [
  ['HTTP GET one (req/s)', Math.round(rps.get!).toString(), `${ratio(rps.get!, rps.raw!)}x raw node:http (${Math.round(rps.raw!)} req/s), goal >= 0.5`],
  ['HTTP PUT (req/s)', Math.round(rps.put!).toString(), `${ratio(rps.put!, rps.raw!)}x raw node:http`],
  ['HTTP list (req/s)', Math.round(rps.list!).toString(), `${ratio(rps.list!, rps.raw!)}x raw node:http`],
  ['in-process msw 3 (µs/request)', (msw3.kitMicros as number).toFixed(0), `${(msw3.ratio as number).toFixed(2)}x bare msw 3 handler (${(msw3.bareMicros as number).toFixed(0)} µs), goal <= 1.2`],
  ['in-process msw 2 (µs/request)', (msw2.kitMicros as number).toFixed(0), `${(msw2.ratio as number).toFixed(2)}x bare msw 2 handler (${(msw2.bareMicros as number).toFixed(0)} µs), goal <= 1.2`],
  ...(['get', 'put', 'list'] as const).map((op): [string, string, string] => [
    `${op} at ${scale.stored.large} integrations (µs)`,
    scale.large[op]!.toFixed(1),
    `${ratio(scale.large[op]!, scale.small[op]!)}x the latency at ${scale.stored.small} (${scale.small[op]!.toFixed(1)} µs), goal <= 1.5`,
  ]),
  ['spawn to listening (ms)', cold.spawnToReadyMs.toFixed(0), `goal < 500; bare node spawn ${cold.nodeSpawnMs.toFixed(0)} ms`],
  ['import main entry (ms)', cold.importMs.toFixed(0), 'goal < 150'],
  ['load 10,000 integrations (ms)', cold.load10k.ms.toFixed(0), `goal < 1000; RSS ${cold.load10k.rssMB.toFixed(0)} MB`],
]
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}${quick ? ' (quick mode: not representative)' : ''}`
console.log(`\nMachine: ${machine}\n`)
console.log('| measure | value | ratio |\n|---|---|---|')
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
writeFileSync(out, JSON.stringify({ machine, quick, date: new Date().toISOString(), rps, msw3, msw2, scale, cold }, null, 2) + '\n')
