/**
 * Soak: `node_modules/.bin/node bench/soak.ts [--seconds 60] [--connections 50]`
 * (`--attack` and `--load N`: the hostile forms, see attack.ts)
 * (after `npx tsup`; not part of `npm test`). Runs the BUILT standalone
 * server (dist/server.js, journal on at its default 1000 entries, as users
 * run it) in a child process and loads it with autocannon for the whole
 * duration: a mix of lists, GETs, PUTs with ever-changing bodies, DELETEs,
 * slash-command triggers and rejected requests (400/401/404). The child
 * reports its memory over IPC; the report gives RSS after the warm-up
 * (the first sixth, at least 5 s) and at the end, heap after a forced GC at
 * both points, the journal length, and every status seen. Exits 1 on any
 * 5xx or socket error.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const TOKEN = 'glpat-soak-root'
const HOOK = 'https://hooks.slack.com/services/T000/B000/'

interface Memory {
  rss: number
  heapUsed: number
  /** After a forced full GC. */
  heapAfterGc: number
  journal: number
}

// ---------------------------------------------------------------- child: the server

if (process.argv.includes('--attack') || process.argv.includes('--load')) {
  const { values } = parseArgs({
    options: { attack: { type: 'boolean' }, load: { type: 'string' }, seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '16' } },
  })
  const { attack, load } = await import('./attack.ts')
  if (values.load !== undefined) await load(Number(values.load))
  else await attack(Number(values.seconds), Number(values.connections))
} else if (process.argv.includes('--child')) {
  const { startMockServer } = await import('../dist/server.js')
  const server = await startMockServer({
    scenario: {
      users: [
        { id: 1, username: 'root', admin: true, tokens: [TOKEN] },
        { id: 2, username: 'dev', tokens: ['glpat-soak-dev'] },
      ],
      projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'dev', access_level: 30 }] }],
      integrations: [
        { project: 1, slug: 'slack', properties: { webhook: `${HOOK}seed` } },
        { project: 1, slug: 'jira', properties: { url: 'https://jira.example.com', username: 'bot', password: 'pw' } },
        { project: 1, slug: 'slack-slash-commands', properties: { token: 'slash-token' } },
      ],
    },
  })
  process.on('message', (message) => {
    if (message !== 'sample') return
    const rss = process.memoryUsage.rss()
    const heapUsed = process.memoryUsage().heapUsed
    globalThis.gc?.()
    const sample: Memory = { rss, heapUsed, heapAfterGc: process.memoryUsage().heapUsed, journal: server.mock.requests.length }
    process.send!(sample)
  })
  process.send!({ port: Number(new URL(server.url).port) })
} else {
  await main()
}

// ---------------------------------------------------------------- parent: load and report

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } } })
  const seconds = Number(values.seconds)
  const connections = Number(values.connections)
  const warmup = Math.max(5, Math.round(seconds / 6))

  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const { port } = await next<{ port: number }>(child)
  // One sample at a time: replies are matched to requests by order.
  let queue: Promise<unknown> = Promise.resolve()
  const sample = (): Promise<Memory> => {
    const reply = queue.then(() => {
      child.send('sample')
      return next<Memory>(child)
    })
    queue = reply.catch(() => undefined)
    return reply
  }
  const base = `/api/v4/projects/1`
  const json = { 'PRIVATE-TOKEN': TOKEN, 'Content-Type': 'application/json' }
  let n = 0
  /** Bodies change on every request, so the journal keeps replacing distinct entries. */
  const fresh = (make: (i: number) => unknown) => (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify(make(n++)) })
  const requests = [
    { method: 'GET', path: `${base}/services`, headers: json },
    { method: 'GET', path: `${base}/integrations/slack`, headers: json },
    { method: 'PUT', path: `${base}/services/slack`, headers: json, setupRequest: fresh((i) => ({ webhook: `${HOOK}${i}`, username: `bot-${i}`, push_events: i % 2 === 0 })) },
    { method: 'PUT', path: `${base}/integrations/jira`, headers: json, setupRequest: fresh((i) => ({ url: `https://jira${i % 100}.example.com`, username: 'bot', password: `pw-${i}` })) },
    { method: 'DELETE', path: `${base}/services/asana`, headers: json },
    { method: 'PUT', path: `${base}/services/asana`, headers: json, setupRequest: fresh((i) => ({ api_key: `key-${i}`, restrict_to_branch: 'main' })) },
    { method: 'POST', path: `${base}/services/slack_slash_commands/trigger`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'slash-token', text: 'deploy' }) },
    { method: 'PUT', path: `${base}/services/slack`, headers: json, body: JSON.stringify({ username: 'no webhook' }) },
    { method: 'GET', path: `${base}/services/not-a-slug`, headers: json },
    { method: 'GET', path: `${base}/services`, headers: { 'PRIVATE-TOKEN': 'glpat-wrong' } },
    { method: 'PUT', path: `${base}/services/slack`, headers: { 'PRIVATE-TOKEN': 'glpat-soak-dev', 'Content-Type': 'application/json' }, body: JSON.stringify({ webhook: `${HOOK}dev` }) },
    { method: 'GET', path: '/api/v4/nowhere', headers: json },
  ]

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const before = await sample()
  console.log(`soak: ${seconds} s, ${connections} connections, ${requests.length}-request mix, server pid ${child.pid} on :${port}`)
  console.log(`  start           rss ${mb(before.rss)}  heap after GC ${mb(before.heapAfterGc)}`)

  const run = autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests })
  const timeline: string[] = []
  let warm: Memory | undefined
  const timers = [
    setTimeout(async () => (warm = await sample()), warmup * 1000),
    ...Array.from({ length: Math.floor(seconds / 10) }, (_, k) =>
      setTimeout(async () => {
        const m = await sample()
        timeline.push(`${(k + 1) * 10}s ${mb(m.rss)}`)
      }, (k + 1) * 10_000),
    ),
  ]
  const result = await run
  timers.forEach(clearTimeout)
  const end = await sample()
  child.kill()

  const statuses = Object.entries(result.statusCodeStats as Record<string, { count: number }>)
    .map(([status, { count }]) => `${status}: ${count}`)
    .join(', ')
  console.log(`  after warm-up   rss ${warm ? mb(warm.rss) : '?'}  heap after GC ${warm ? mb(warm.heapAfterGc) : '?'}  (at ${warmup} s)`)
  console.log(`  end             rss ${mb(end.rss)}  heap after GC ${mb(end.heapAfterGc)}  journal ${end.journal} entries`)
  if (warm) console.log(`  rss growth after warm-up: ${mb(end.rss - warm.rss)} (${(((end.rss - warm.rss) / warm.rss) * 100).toFixed(1)} %)`)
  console.log(`  rss every 10 s: ${timeline.join(', ')}`)
  console.log(`  requests ${result.requests.total} (${Math.round(result.requests.average)}/s), latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`)
  console.log(`  statuses ${statuses}; 5xx ${result['5xx']}, errors ${result.errors}, timeouts ${result.timeouts}`)
  if (result['5xx'] > 0 || result.errors > 0) process.exit(1)
}

/** The next IPC message of the child. */
function next<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`server exited ${code}`))
    child.once('exit', exited)
    child.once('message', (message) => {
      child.off('exit', exited)
      resolve(message as T)
    })
  })
}
