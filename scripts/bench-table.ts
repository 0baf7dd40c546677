/**
 * The performance tables in docs/performance.md (full) and README.md
 * (summary), rendered from bench/results.json so no figure is typed by hand.
 * `npm run bench` rewrites them after a full run; `npm run docs` rewrites them
 * from the checked-in results; a test fails when either is stale.
 *
 * `node --import ./scripts/ts-hooks.mjs scripts/bench-table.ts [--print FILE] [--write]`:
 * `--print` prints the full table for FILE; `--write` (or no argument) rewrites
 * the two documents from bench/results.json.
 */
import { readFileSync } from 'node:fs'
import { withSection, writeSection, type Section } from './generated-section.js'

// What bench/run.ts writes (schema 2). Declared here: bench/ is run by Node, not type-checked.
interface Spread {
  median: number
  min: number
  max: number
}
interface MeasureResult {
  server: string
  method: string
  path: string
  bytes: number
  rounds: { rps: number; cpuMicros: number | null; requests: number }[]
  rps: Spread
  cpuMicros: Spread | null
  throughputVsRaw?: Spread
  cpuVsRaw?: Spread | null
}
interface ServerInfo {
  label: string
  available: boolean
  reason?: string
  /** The command line after `node` (port and payload directory as placeholders). */
  args?: string
}
interface InProcess {
  kitMicros: number
  ratio: number
  bareMicros: number
  bareHttpMicros: number
  fetchMicros?: number | null
  bareOverFetch?: number | null
  retainedKBPerRequest: number
}
export interface BenchResults {
  schema: 2
  quick: boolean
  date: string
  machine: { cpus: number; model: string; memoryGiB: number; os: string; loadAverage: { start: number; end: number } }
  node: string
  http: {
    loadGenerator: string
    connections: number
    seconds: number
    warmupSeconds: number
    rounds: number
    cpuMethod: 'schedstat' | 'stat' | null
    servers: Record<string, ServerInfo>
    measures: Record<string, MeasureResult>
    peers: Record<string, { kitThroughputTimes: Spread; cpuTimesKit: Spread | null }>
  }
  inProcess: { msw3: InProcess; msw2: InProcess }
  scale: { stored: { small: number; large: number }; small: Record<string, number>; large: Record<string, number> }
  cold: { spawnToReadyMs: number; importMs: number; nodeSpawnMs: number; load10k: { ms: number; rssMB: number } }
  memory: {
    perIntegrationBytes: number
    load100k: { ms: number; rssMB: number }
    load1M: { ms: number; rssMB: number }
    startRssMB: number
  } | null
}

export const RESULTS = new URL('../bench/results.json', import.meta.url)

/** Issue #16's goals, checked against the medians. */
export const GOALS = {
  getThroughput: 0.7,
  getCpu: 1.4,
  listThroughput: 0.7,
  putThroughput: 0.5,
  inProcess: 1.2,
  scale: 1.5,
  spawnMs: 500,
  importMs: 150,
  load10kMs: 1000,
  integrationBytes: 1536,
  load100kMs: 1000,
  load100kRssMB: 300,
  startRssMB: 100,
} as const

const int = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ')
const fixed = (n: number, digits = 0) => n.toFixed(digits)
/** Enough digits for the ratio to mean something at its size. */
const ratioDigits = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(2))
const times = (n: number) => `${ratioDigits(n)}x`
const micros = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))
/** Median, then the range over rounds (left out when there was one round). */
function withRange(s: Spread, f: (n: number) => string, unit = ''): string {
  return s.min === s.max ? `${f(s.median)}${unit}` : `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})`
}
/** A ratio with its range: `0.71x (0.65–0.74)`. */
const ratioRange = (s: Spread) => withRange(s, ratioDigits, 'x')
const met = (ok: boolean) => (ok ? 'met' : '**missed**')

function runLine(r: BenchResults): string {
  const m = r.machine
  const load = `load average ${m.loadAverage.start.toFixed(1)} at start, ${m.loadAverage.end.toFixed(1)} at end`
  return (
    `${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, ${m.os}, Node ${r.node}, ${r.date.slice(0, 10)} (${load})` +
    (r.quick ? '; **quick mode: not representative**' : '')
  )
}

function cpuHow(r: BenchResults): string {
  switch (r.http.cpuMethod) {
    case 'schedstat':
      return "the server process's CPU time over the round (the sum of its threads' `/proc/<pid>/task/*/schedstat`, ns) divided by the requests completed"
    case 'stat':
      return "the server process's CPU time over the round (`/proc/<pid>/stat` utime + stime, clock ticks) divided by the requests completed"
    default:
      return 'not available on this platform (no /proc)'
  }
}

const SERVER_ORDER = ['raw', 'kit', 'msw3', 'msw2', 'prism', 'json-server']
const REQUEST: Record<string, string> = {
  'raw-get': 'GET slack',
  'kit-get': 'GET slack',
  'raw-list': 'GET list',
  'kit-list': 'GET list',
  'raw-put': 'PUT slack (reads the body)',
  'kit-put': 'PUT slack',
}

function serverName(r: BenchResults, server: string): string {
  return r.http.servers[server]?.label ?? server
}

function goal(name: string, m: MeasureResult): string {
  const t = m.throughputVsRaw?.median
  const c = m.cpuVsRaw?.median
  if (t === undefined) return ''
  if (name === 'kit-get')
    return `>= ${GOALS.getThroughput}x, CPU <= ${GOALS.getCpu}x: ${met(t >= GOALS.getThroughput && (c === undefined || c === null || c <= GOALS.getCpu))}`
  if (name === 'kit-list') return `>= ${GOALS.listThroughput}x: ${met(t >= GOALS.listThroughput)}`
  if (name === 'kit-put') return `>= ${GOALS.putThroughput}x: ${met(t >= GOALS.putThroughput)}`
  return ''
}

function httpTable(r: BenchResults): string[] {
  const h = r.http
  const rows: string[] = []
  const names = Object.keys(h.measures)
  // Ours first, then each raw baseline before the kit, then the peers.
  const order = ['raw-get', 'kit-get', 'raw-list', 'kit-list', 'raw-put', 'kit-put', 'msw3-get', 'msw2-get', 'prism-get', 'json-server-get']
  for (const name of [...order.filter((n) => names.includes(n)), ...names.filter((n) => !order.includes(n))]) {
    const m = h.measures[name]!
    const request = REQUEST[name] ?? 'GET slack'
    const cpu = m.cpuMicros ? withRange(m.cpuMicros, micros) : 'n/a'
    const vs = m.throughputVsRaw
      ? `${ratioRange(m.throughputVsRaw)}; CPU ${m.cpuVsRaw ? ratioRange(m.cpuVsRaw) : 'n/a'}`
      : 'baseline'
    rows.push(`| ${serverName(r, m.server)}, ${request} | ${m.bytes} | ${withRange(m.rps, int)} | ${cpu} | ${vs} | ${goal(name, m)} |`)
  }
  for (const server of SERVER_ORDER) {
    const info = h.servers[server]
    if (info && (!info.available || !names.some((n) => h.measures[n]!.server === server)))
      rows.push(`| ${serverName(r, server)} | — | not measured: ${(info.reason ?? 'unavailable').replace(/\|/g, '/')} | | | |`)
  }
  return [
    '| server, request | bytes | req/s, median (min–max) | CPU µs/request, median (min–max) | vs raw node:http, same round: req/s; CPU/request | goal (#16) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ]
}

function peerLines(r: BenchResults): string[] {
  const lines: string[] = []
  for (const [name, p] of Object.entries(r.http.peers)) {
    const server = r.http.measures[name]!.server
    const cpu = p.cpuTimesKit ? `; it spends ${ratioRange(p.cpuTimesKit)} the kit's CPU per request` : ''
    lines.push(`- ${serverName(r, server)}: the kit serves ${ratioRange(p.kitThroughputTimes)} its req/s${cpu}.`)
  }
  return lines
}

function inProcessRows(r: BenchResults): string[] {
  const { msw3, msw2 } = r.inProcess
  const row = (major: string, p: InProcess) =>
    `| in-process, msw ${major}: the kit's handlers, per \`fetch()\` | ${fixed(p.kitMicros)} µs | ${times(p.ratio)} a bare msw ${major} handler returning the same JSON (${fixed(p.bareMicros)} µs) | <= ${GOALS.inProcess}x: ${met(p.ratio <= GOALS.inProcess)} |`
  const direct =
    msw3.fetchMicros != null && msw3.bareOverFetch != null
      ? `| in-process, \`mock.fetch\` (no msw) | ${micros(msw3.fetchMicros)} µs | ${times(msw3.bareOverFetch)} faster than a bare msw 3 handler (${fixed(msw3.bareMicros)} µs per intercepted request) | — |`
      : '| in-process, `mock.fetch` (no msw) | not in this build | feature-detected by bench/in-process.ts; measured against a bare msw 3 handler once it lands | — |'
  return [row('3', msw3), row('2', msw2), direct]
}

function otherRows(r: BenchResults): string[] {
  const { scale, cold, memory } = r
  const rows = (['get', 'put', 'list'] as const).map((op) => {
    const ratio = scale.large[op]! / scale.small[op]!
    return `| ${op === 'list' ? 'list' : op.toUpperCase()} at ${int(scale.stored.large)} stored integrations (route table, no HTTP) | ${fixed(scale.large[op]!, 1)} µs | ${times(ratio)} the latency at ${scale.stored.small} (${fixed(scale.small[op]!, 1)} µs) | <= ${GOALS.scale}x: ${met(ratio <= GOALS.scale)} |`
  })
  rows.push(
    `| CLI spawn to "listening" | ${fixed(cold.spawnToReadyMs)} ms | bare \`node\` spawn: ${fixed(cold.nodeSpawnMs)} ms | < ${GOALS.spawnMs} ms: ${met(cold.spawnToReadyMs < GOALS.spawnMs)} |`,
    `| import of the main entry | ${fixed(cold.importMs)} ms | | < ${GOALS.importMs} ms: ${met(cold.importMs < GOALS.importMs)} |`,
    `| load a 10,000-integration scenario | ${fixed(cold.load10k.ms)} ms | RSS ${fixed(cold.load10k.rssMB)} MB | < ${GOALS.load10kMs} ms: ${met(cold.load10k.ms < GOALS.load10kMs)} |`,
  )
  if (memory)
    rows.push(
      `| heap per stored integration (100,000, after GC) | ${int(memory.perIntegrationBytes)} bytes | | <= 1.5 KB: ${met(memory.perIntegrationBytes <= GOALS.integrationBytes)} |`,
      `| CLI with the demo scenario, RSS once listening | ${fixed(memory.startRssMB)} MB | | < ${GOALS.startRssMB} MB: ${met(memory.startRssMB < GOALS.startRssMB)} |`,
      `| load 100,000 integrations | ${fixed(memory.load100k.ms)} ms | RSS ${fixed(memory.load100k.rssMB)} MB (the input scenario and the copy kept for \`reset()\` included) | < ${GOALS.load100kMs} ms and < ${GOALS.load100kRssMB} MB: ${met(memory.load100k.ms < GOALS.load100kMs && memory.load100k.rssMB < GOALS.load100kRssMB)} |`,
      `| load 1,000,000 integrations | ${fixed(memory.load1M.ms)} ms | RSS ${fixed(memory.load1M.rssMB)} MB | stated |`,
    )
  else rows.push('| memory per integration, load 100k / 1M | not measured | bench/memory.ts (the model store, #16) is not in this tree yet | — |')
  return rows
}

/** docs/performance.md: the whole run. */
export function renderBenchTable(r: BenchResults): string {
  const h = r.http
  const warm = h.warmupSeconds > 0 ? ` after a ${h.warmupSeconds} s warm-up of each` : ''
  return [
    `Run: ${runLine(r)}.`,
    '',
    `HTTP: ${h.loadGenerator}, ${h.connections} connections, ${h.rounds} round${h.rounds === 1 ? '' : 's'} of ${h.seconds} s${warm}, ` +
      'every measure once per round, right beside the raw baseline it is divided by (first or second in turn), the groups in an order rotated each round; every server a child process started with the same ' +
      '`node` on its JS entry. req/s = requests completed / seconds; CPU µs/request = ' +
      `${cpuHow(r)}. Median over rounds (min–max over rounds); ratios are paired per round, then the median (min–max).`,
    '',
    ...httpTable(r),
    '',
    "Peers serving the same slack integration (the kit's GET, same run, paired per round):",
    '',
    ...peerLines(r),
    '',
    'Servers (`node` + arguments; `<payload>` holds the kit\'s answers captured at the start of the run, and the Prism document and json-server database built from them):',
    '',
    ...SERVER_ORDER.filter((s) => h.servers[s]?.args).map((s) => `- ${serverName(r, s)}: \`${h.servers[s]!.args}\``),
    '',
    '| measure | value | compared with | goal (#16) |',
    '|---|---|---|---|',
    ...inProcessRows(r),
    ...otherRows(r),
  ].join('\n')
}

/** README.md: the headline figures, with their spread, and where the rest is. */
export function renderBenchSummary(r: BenchResults): string {
  const h = r.http
  const get = h.measures['kit-get']
  const lines = [`\`npm run bench\` on ${runLine(r)}; ${h.loadGenerator.replace(/ \(.*\)$/, '')}, ${h.connections} connections, median of ${h.rounds} alternating rounds (min–max):`, '']
  if (get?.throughputVsRaw)
    lines.push(
      `- standalone server, authenticated \`GET /projects/1/integrations/slack\`: ${withRange(get.rps, int)} req/s, ` +
        `${get.cpuMicros ? `${withRange(get.cpuMicros, micros)} µs CPU per request, ` : ''}` +
        `${ratioRange(get.throughputVsRaw)} the req/s of raw node:http serving the same bytes` +
        `${get.cpuVsRaw ? ` at ${ratioRange(get.cpuVsRaw)} its CPU per request` : ''};`,
    )
  for (const [name, p] of Object.entries(h.peers))
    lines.push(
      `- ${ratioRange(p.kitThroughputTimes)} the req/s of ${serverName(r, h.measures[name]!.server)} serving the same response` +
        `${p.cpuTimesKit ? `, which spends ${ratioRange(p.cpuTimesKit)} the kit's CPU per request` : ''};`,
    )
  const { msw3, msw2 } = r.inProcess
  lines.push(
    `- in-process: ${times(msw3.ratio)} a bare msw 3 handler, ${times(msw2.ratio)} a bare msw 2 handler` +
      (msw3.fetchMicros != null && msw3.bareOverFetch != null
        ? `; \`mock.fetch\` ${micros(msw3.fetchMicros)} µs per request, ${times(msw3.bareOverFetch)} faster than msw 3 (${fixed(msw3.bareMicros)} µs);`
        : ';'),
    `- start: ${fixed(r.cold.spawnToReadyMs)} ms from spawn to listening (bare \`node\`: ${fixed(r.cold.nodeSpawnMs)} ms)` +
      (r.memory
        ? `, ${fixed(r.memory.startRssMB)} MB resident with the demo scenario; ${fixed(r.memory.perIntegrationBytes)} bytes of heap per stored integration, ` +
          `100,000 loaded in ${fixed(r.memory.load100k.ms)} ms, 1,000,000 in ${(r.memory.load1M.ms / 1000).toFixed(1)} s (RSS ${fixed(r.memory.load1M.rssMB)} MB).`
        : '.'),
    '',
    'Every figure, the peers\' setup and the goals: [docs/performance.md](docs/performance.md).',
  )
  return lines.join('\n')
}

export const DOC_START = '<!-- bench-table:start -->'
export const DOC_END = '<!-- bench-table:end -->'
export const README_START = '<!-- bench-summary:start -->'
export const README_END = '<!-- bench-summary:end -->'

export function readResults(file: URL | string = RESULTS): BenchResults {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchResults
}

function sections(r: BenchResults): Section[] {
  return [
    { file: 'docs/performance.md', start: DOC_START, end: DOC_END, render: () => renderBenchTable(r) },
    { file: 'README.md', start: README_START, end: README_END, render: () => renderBenchSummary(r) },
  ]
}

/** `doc` (README.md or docs/performance.md) with its bench section rendered from `r`. */
export function withBenchSection(doc: string, file: 'README.md' | 'docs/performance.md', r: BenchResults = readResults()): string {
  return withSection(doc, sections(r).find((s) => s.file === file)!)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const print = process.argv.indexOf('--print')
  if (print > 0) process.stdout.write(`${renderBenchTable(readResults(process.argv[print + 1]!))}\n`)
  if (print < 0 || process.argv.includes('--write')) for (const section of sections(readResults())) writeSection(section)
}
