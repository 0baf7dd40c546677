/**
 * `npm run bench [-- --quick] [--out FILE] [--connections N] [--rounds N] [--seconds N] [--load wrk|autocannon]`:
 * every baseline runs in the same run as what it is compared with, and
 * results are medians over rounds with their range, and ratios.
 *
 * HTTP (bench/http.ts): the kit's standalone server, raw node:http, msw 3 and
 * msw 2 `getResponse()` behind node:http, Prism and json-server, each a child
 * process serving the same slack integration; req/s and the server's own CPU
 * µs per request, alternating rounds. In-process: msw 3 and msw 2, one process
 * each (and `mock.fetch` when the build has it). Then scale, cold start and
 * memory (bench/memory.ts, when present).
 *
 * Writes bench/results.json (or `--out FILE`) and prints the table. A full run
 * to the default file also regenerates the tables in README.md and
 * docs/performance.md (scripts/bench-table.ts). `--quick` is a smoke run: one
 * round of 1 s, no warm-up; its figures mean nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runHttp } from './http.ts'

const quick = process.argv.includes('--quick')
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const defaultOut = fileURLToPath(new URL('./results.json', import.meta.url))
const outIndex = process.argv.indexOf('--out')
/** Where the JSON goes (`--out FILE`); the smoke test writes elsewhere than the checked-in results. */
const out = outIndex > 0 ? process.argv[outIndex + 1]! : defaultOut
/**
 * 10 connections, as the reference wrk run: with two cores shared by the
 * load generator and the server, more connections only queue (latency up,
 * req/s no higher) and widen the spread between rounds.
 */
const connections = option('--connections', 10)
const seconds = option('--seconds', quick ? 1 : 4)
const rounds = option('--rounds', quick ? 1 : 7)
const warmupSeconds = quick ? 0 : 1
/** The load generator (bench/load.ts): wrk when installed, unless `--load autocannon`. */
const loadIndex = process.argv.indexOf('--load')
const load = loadIndex > 0 ? (process.argv[loadIndex + 1] as 'wrk' | 'autocannon') : undefined
if (load !== undefined && load !== 'wrk' && load !== 'autocannon') throw new Error(`--load ${load}: wrk or autocannon`)
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

function child(file: string, preload: string[] = []): Record<string, unknown> {
  const args = [...preload.flatMap((p) => ['--import', here(p)]), '--expose-gc', here(file), ...(quick ? ['--quick'] : [])]
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }))
}

const date = new Date().toISOString()
const loadStart = loadavg()[0]!
log(`HTTP: ${connections} connections, ${rounds} round(s) of ${seconds} s`)
const http = await runHttp({ quick, connections, seconds, rounds, warmupSeconds, load, log })
log('in-process msw 3')
const msw3 = child('./in-process.ts')
log('in-process msw 2')
const msw2 = child('./in-process.ts', ['./msw2-alias.mjs'])
log('scale')
const scale = child('./scale.ts')
log('cold start')
const cold = child('./cold-start.ts')
// bench/memory.ts (the model store's, issue #16) prints
// { perIntegrationBytes, load100k: { ms, rssMB }, load1M: { ms, rssMB }, startRssMB }.
const memory = existsSync(here('./memory.ts')) ? (log('memory'), child('./memory.ts')) : null

const model = cpus()[0]?.model.trim() ?? 'unknown'
const results = {
  schema: 2,
  quick,
  date,
  machine: {
    cpus: cpus().length,
    model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    // The 1-minute load average: a reader can tell a busy machine's figures.
    loadAverage: { start: loadStart, end: loadavg()[0]! },
  },
  node: process.version,
  http,
  inProcess: { msw3, msw2 },
  scale,
  cold,
  memory,
}
writeFileSync(out, JSON.stringify(results, null, 2) + '\n')

const table = fileURLToPath(new URL('../scripts/bench-table.ts', import.meta.url))
const hooks = fileURLToPath(new URL('../scripts/ts-hooks.mjs', import.meta.url))
// Prints the table rendered from what was just written; rewrites the docs only for a full run to the checked-in file.
const write = !quick && out === defaultOut
process.stdout.write(
  execFileSync(process.execPath, ['--import', hooks, table, '--print', out, ...(write ? ['--write'] : [])], { encoding: 'utf8' }),
)
if (write) log('README.md and docs/performance.md regenerated from bench/results.json')
