/**
 * HTTP side of `npm run bench`: every server is a child process started with
 * this Node (`process.execPath` on its JS entry, no npx or shell wrapper), so
 * the pid we read CPU time from is the process that serves. All of them answer
 * the kit's own bytes for the slack integration, captured from the kit first.
 *
 * Load: wrk, else autocannon (bench/load.ts), a fixed number of connections. Each
 * round runs every measure once, right beside its raw baseline (first or
 * second in turn), the groups in an order rotated by one per round; for
 * each run we record req/s (requests completed / seconds) and the server's
 * CPU µs per request (its CPU time over the run, read from /proc, divided by
 * the requests completed). Ratios are paired per round (a measure against its
 * raw baseline of the same round) and reported as median and min–max.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childPids, cpuMethod, cpuNs, type CpuMethod } from './cpu.ts'
import { loadGenerator, type LoadGenerator, type LoadName } from './load.ts'
import { TOKEN } from './scenario.ts'
import { spread, type Spread } from './stats.ts'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))
const modules = fileURLToPath(new URL('../node_modules/', import.meta.url))
const version = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    // Not installed: the server fails to start and is reported as unavailable.
    return undefined
  }
}
const named = (name: string, pkg: string) => `${name} ${version(pkg) ?? '(not installed)'}`

export const SLACK = '/api/v4/projects/1/integrations/slack'
export const LIST = '/api/v4/projects/1/integrations'
export const PUT_BODY = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX', push_events: true })

type ServerName = 'raw' | 'kit' | 'msw3' | 'msw2' | 'prism' | 'json-server'

interface ServerSpec {
  /** What the table calls it, with the version measured. */
  label: string
  /** Node arguments after process.execPath; `port` and `dir` (the payload directory) filled in. */
  args: (port: number | string, dir: string) => string[]
  /** A peer that may be missing or fail: reported as unavailable instead of failing the run. */
  peer: boolean
}

const SERVERS: Record<ServerName, ServerSpec> = {
  raw: { label: 'raw node:http (fixed bytes)', args: (p, d) => [here('./servers/raw.ts'), String(p), d], peer: false },
  kit: { label: "the kit's server (dist/server.js)", args: (p) => [here('./servers/mock.ts'), String(p)], peer: false },
  msw3: {
    label: `${named('msw', 'msw')} getResponse() behind node:http`,
    args: (p, d) => [here('./servers/msw.ts'), String(p), d],
    peer: false,
  },
  msw2: {
    label: `${named('msw', 'msw2')} getResponse() behind node:http`,
    args: (p, d) => ['--import', here('./msw2-alias.mjs'), here('./servers/msw.ts'), String(p), d],
    peer: false,
  },
  prism: {
    label: `${named('Prism', '@stoplight/prism-cli')} mock, static example`,
    // Single process (its default unless NODE_ENV=production), no per-request log lines (-v warn).
    args: (p, d) => [
      join(modules, '@stoplight/prism-cli/dist/index.js'),
      'mock',
      join(d, 'openapi.json'),
      '--host=127.0.0.1',
      `--port=${p}`,
      '--dynamic=false',
      '--multiprocess=false',
      '--verboseLevel=warn',
    ],
    peer: true,
  },
  'json-server': {
    label: `${named('json-server', 'json-server')}, db + route`,
    args: (p, d) => [
      join(modules, 'json-server/lib/cli/bin.js'),
      join(d, 'db.json'),
      '--routes',
      join(d, 'routes.json'),
      '--host',
      '127.0.0.1',
      '--port',
      String(p),
      '--quiet',
    ],
    peer: true,
  },
}
interface Measure {
  server: ServerName
  path: string
  method: 'GET' | 'PUT'
  /** The raw measure this one is compared with, same round. */
  baseline?: string
}

export const MEASURES: Record<string, Measure> = {
  'raw-get': { server: 'raw', path: SLACK, method: 'GET' },
  'kit-get': { server: 'kit', path: SLACK, method: 'GET', baseline: 'raw-get' },
  'raw-list': { server: 'raw', path: LIST, method: 'GET' },
  'kit-list': { server: 'kit', path: LIST, method: 'GET', baseline: 'raw-list' },
  'raw-put': { server: 'raw', path: SLACK, method: 'PUT' },
  'kit-put': { server: 'kit', path: SLACK, method: 'PUT', baseline: 'raw-put' },
  'msw3-get': { server: 'msw3', path: SLACK, method: 'GET', baseline: 'raw-get' },
  'msw2-get': { server: 'msw2', path: SLACK, method: 'GET', baseline: 'raw-get' },
  'prism-get': { server: 'prism', path: SLACK, method: 'GET', baseline: 'raw-get' },
  'json-server-get': { server: 'json-server', path: SLACK, method: 'GET', baseline: 'raw-get' },
}

export interface Run {
  rps: number
  cpuMicros: number | null
  requests: number
}

export interface MeasureResult {
  server: ServerName
  method: string
  path: string
  /** Response body size served by this server for this request. */
  bytes: number
  rounds: Run[]
  rps: Spread
  cpuMicros: Spread | null
  /** Paired per round: this measure's req/s over its baseline's. */
  throughputVsRaw?: Spread
  /** Paired per round: this measure's CPU µs/request over its baseline's. */
  cpuVsRaw?: Spread | null
}

export interface HttpResults {
  loadGenerator: string
  connections: number
  seconds: number
  warmupSeconds: number
  rounds: number
  cpuMethod: CpuMethod | null
  servers: Record<string, { label: string; available: boolean; reason?: string; bootMs?: number; args?: string }>
  measures: Record<string, MeasureResult>
  /** Peers against the kit's GET, paired per round: the kit's req/s over theirs, their CPU/request over the kit's. */
  peers: Record<string, { kitThroughputTimes: Spread; cpuTimesKit: Spread | null }>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

interface Started {
  child: ChildProcess
  port: number
  bootMs: number
}

/** Spawns the server and polls its slack GET until it answers 200 (the same readiness test for all). */
async function start(name: ServerName, dir: string, timeoutMs: number): Promise<Started> {
  const port = await freePort()
  const started = performance.now()
  // No NODE_ENV: each server in its default mode (Prism would fork its server under `production`).
  const { NODE_ENV: _, ...env } = process.env
  const child = spawn(process.execPath, SERVERS[name].args(port, dir), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, FORCE_COLOR: '0' } })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk).slice(-2000)
  })
  let exited: string | undefined
  child.once('exit', (code, signal) => {
    exited = `exited (${signal ?? code}) ${stderr.trim().split('\n').slice(-3).join(' / ')}`
  })
  while (true) {
    if (exited) throw new Error(exited)
    if (performance.now() - started > timeoutMs) {
      child.kill()
      throw new Error(`did not answer within ${(timeoutMs / 1000).toFixed(0)} s`)
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}${SLACK}`, { headers: { 'PRIVATE-TOKEN': TOKEN }, signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      if (response.ok) return { child, port, bootMs: performance.now() - started }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const headers = { 'PRIVATE-TOKEN': TOKEN, 'Content-Type': 'application/json' }

function load(generator: LoadGenerator, port: number, measure: Measure, connections: number, seconds: number): Promise<{ requests: number; seconds: number }> {
  const request = { url: `http://127.0.0.1:${port}${measure.path}`, method: measure.method, headers }
  return generator.run(measure.method === 'PUT' ? { ...request, body: PUT_BODY } : request, connections, seconds)
}

/** Writes the kit's own answers (and the peers' configuration serving them) into `dir`. */
async function capturePayload(kitPort: number, dir: string): Promise<void> {
  const base = `http://127.0.0.1:${kitPort}`
  const text = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(base + path, { ...init, headers })
    if (!response.ok) throw new Error(`kit ${init.method ?? 'GET'} ${path}: ${response.status}`)
    return response.text()
  }
  // The PUT first: it sets what the GETs then return (the benchmark's PUTs write the same values).
  writeFileSync(join(dir, 'put.json'), await text(SLACK, { method: 'PUT', body: PUT_BODY }))
  const slack = await text(SLACK)
  writeFileSync(join(dir, 'slack.json'), slack)
  writeFileSync(join(dir, 'list.json'), await text(LIST))
  await fetch(`${base}/__mock/requests`, { method: 'DELETE' })
  const example = JSON.parse(slack) as unknown
  writeFileSync(
    join(dir, 'openapi.json'),
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'slack integration', version: '1' },
      paths: {
        '/api/v4/projects/{id}/integrations/slack': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
            security: [{ token: [] }],
            responses: {
              '200': { description: 'the integration', content: { 'application/json': { example } } },
              '401': { description: 'no token' },
            },
          },
        },
      },
      components: { securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'PRIVATE-TOKEN' } } },
    }),
  )
  writeFileSync(join(dir, 'db.json'), JSON.stringify({ slack: example }))
  writeFileSync(join(dir, 'routes.json'), JSON.stringify({ [SLACK]: '/slack' }))
}

export type Running = Map<ServerName, Started>

/**
 * Starts the kit, captures its answers into `dir`, then starts the others serving them,
 * concurrently: a slow or broken peer costs at most `bootTimeoutMs` and is reported.
 */
export async function startServers(dir: string, bootTimeoutMs: number): Promise<{ running: Running; servers: HttpResults['servers'] }> {
  const running: Running = new Map()
  const servers: HttpResults['servers'] = {}
  const describe = (name: ServerName) => ({
    label: SERVERS[name].label,
    available: false,
    args: SERVERS[name].args('<port>', '<payload>').map((a) => a.replace(modules, 'node_modules/').replace(/^.*\/bench\//, 'bench/')).join(' '),
  })
  try {
    const kit = await start('kit', dir, 30_000)
    running.set('kit', kit)
    await capturePayload(kit.port, dir)
    servers.kit = { ...describe('kit'), available: true, bootMs: kit.bootMs }
    const others = (Object.keys(SERVERS) as ServerName[]).filter((n) => n !== 'kit')
    await Promise.all(
      others.map(async (name) => {
        const info: HttpResults['servers'][string] = describe(name)
        servers[name] = info
        try {
          const started = await start(name, dir, bootTimeoutMs)
          running.set(name, started)
          info.available = true
          info.bootMs = started.bootMs
          const children = childPids(started.child.pid!)
          if (children.length) throw new Error(`started child processes ${children.join(', ')}: CPU would not be the server's`)
        } catch (error) {
          if (!SERVERS[name].peer) throw error
          info.available = false
          info.reason = (error as Error).message
          running.get(name)?.child.kill()
          running.delete(name)
        }
      }),
    )
  } catch (error) {
    for (const { child } of running.values()) child.kill()
    throw error
  }
  return { running, servers }
}

export async function runHttp(options: {
  quick: boolean
  connections: number
  seconds: number
  rounds: number
  warmupSeconds: number
  load?: LoadName | undefined
  log: (line: string) => void
}): Promise<HttpResults> {
  const { connections, seconds, rounds, warmupSeconds, log } = options
  const generator = loadGenerator(options.load)
  log(`load: ${generator.label}`)
  const method = cpuMethod() ?? null
  const dir = mkdtempSync(join(tmpdir(), 'gsm-bench-payload-'))
  let running: Running = new Map()
  try {
    const started = await startServers(dir, options.quick ? 20_000 : 60_000)
    running = started.running
    const { servers } = started
    const kit = running.get('kit')!
    const names = Object.keys(MEASURES).filter((m) => running.has(MEASURES[m]!.server))
    const bytes: Record<string, number> = {}
    for (const name of names) {
      const m = MEASURES[name]!
      const response = await fetch(`http://127.0.0.1:${running.get(m.server)!.port}${m.path}`, {
        method: m.method,
        headers,
        ...(m.method === 'PUT' ? { body: PUT_BODY } : {}),
      })
      bytes[name] = (await response.arrayBuffer()).byteLength
    }
    const runs: Record<string, Run[]> = Object.fromEntries(names.map((n) => [n, []]))
    const once = async (name: string, duration: number): Promise<Run> => {
      const m = MEASURES[name]!
      const { child, port } = running.get(m.server)!
      const before = method ? cpuNs(child.pid!, method) : 0
      const { requests, seconds: elapsed } = await load(generator, port, m, connections, duration)
      const cpu = method ? cpuNs(child.pid!, method) - before : 0
      return { rps: requests / elapsed, cpuMicros: method ? cpu / 1000 / requests : null, requests }
    }
    const clearJournal = () => fetch(`http://127.0.0.1:${kit.port}/__mock/requests`, { method: 'DELETE' })
    const failed = new Set<string>()
    const attempt = async (name: string, duration: number): Promise<Run | undefined> => {
      if (failed.has(name)) return undefined
      try {
        return await once(name, duration)
      } catch (error) {
        const server = MEASURES[name]!.server
        if (!SERVERS[server].peer) throw error
        failed.add(name)
        servers[server]!.available = false
        servers[server]!.reason = `failed under load: ${(error as Error).message}`
        return undefined
      }
    }
    if (warmupSeconds > 0) {
      log(`warm-up: ${warmupSeconds} s each`)
      for (const name of names) await attempt(name, warmupSeconds)
      await clearJournal()
    }
    // A measure runs right beside the baseline it is divided by (the machine drifts over a round),
    // first or second in turn; the groups rotate every round so none always runs in the same position.
    // (Peers run on their own: they are compared with the kit's GET and raw's of the same round.)
    const groupOf = (name: string) => (SERVERS[MEASURES[name]!.server].peer ? name : (MEASURES[name]!.baseline ?? name))
    const groups = [...new Set(names.map(groupOf))].map((head) => names.filter((name) => groupOf(name) === head))
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < groups.length; i++) {
        const group = groups[(i + round) % groups.length]!
        for (const name of round % 2 === 0 ? group : [...group].reverse()) {
          const run = await attempt(name, seconds)
          if (run) runs[name]!.push(run)
        }
      }
      await clearJournal()
      log(`round ${round + 1}/${rounds} done`)
    }
    const measures: Record<string, MeasureResult> = {}
    for (const name of names) {
      if (failed.has(name) || runs[name]!.length === 0) continue
      const m = MEASURES[name]!
      const own = runs[name]!
      const cpu = own.map((r) => r.cpuMicros)
      const result: MeasureResult = {
        server: m.server,
        method: m.method,
        path: m.path,
        bytes: bytes[name]!,
        rounds: own,
        rps: spread(own.map((r) => r.rps)),
        cpuMicros: method ? spread(cpu as number[]) : null,
      }
      if (m.baseline) {
        const base = runs[m.baseline]!
        result.throughputVsRaw = spread(own.map((r, i) => r.rps / base[i]!.rps))
        result.cpuVsRaw = method ? spread(own.map((r, i) => r.cpuMicros! / base[i]!.cpuMicros!)) : null
      }
      measures[name] = result
    }
    const peers: HttpResults['peers'] = {}
    const kitRuns = runs['kit-get']!
    for (const name of ['msw3-get', 'msw2-get', 'prism-get', 'json-server-get']) {
      if (!measures[name]) continue
      const own = runs[name]!
      peers[name] = {
        kitThroughputTimes: spread(own.map((r, i) => kitRuns[i]!.rps / r.rps)),
        cpuTimesKit: method ? spread(own.map((r, i) => r.cpuMicros! / kitRuns[i]!.cpuMicros!)) : null,
      }
    }
    return {
      loadGenerator: generator.label,
      connections,
      seconds,
      warmupSeconds,
      rounds,
      cpuMethod: method,
      servers,
      measures,
      peers,
    }
  } finally {
    for (const { child } of running.values()) child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}
