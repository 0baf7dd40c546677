/**
 * `npm run soak -- --attack [--seconds 60]` and `npm run soak -- --load N`
 * (after `npx tsup`; not part of `npm test`): the long forms of the attacks
 * in test/hardening/.
 *
 * --attack: the built CLI as users run it (journal on, 1000 entries), hit
 * for the whole duration by autocannon with the hostile mix: 1 MiB form and
 * JSON bodies (a journal full of them), `a[]=&` x 100 000 bodies (Rack's
 * params limit), queries past the limit. Meanwhile a probe sends one
 * authenticated GET every 50 ms on its own connection, and every 5 s the
 * journal is read whole. Reports requests sent, statuses, 5xx, the probe's
 * max and p99 latency, the slowest journal read and its size, and the
 * server's RSS before and after. Exits 1 on any 5xx, probe failure or
 * socket error.
 *
 * --load N: loads a scenario of N integrations (N / 20 projects) with the
 * built kit in a fresh process; reports the load time, RSS, and that a
 * request is then served.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const MiB = 1024 * 1024
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

/** A process's resident set, from /proc (Linux). */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) * 1024 : NaN
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }))
    })
    req.setTimeout(30_000, () => req.destroy(new Error('probe timed out')))
    req.on('error', reject)
    req.end()
  })
}

export async function attack(seconds: number, connections: number): Promise<void> {
  const child = spawn(process.execPath, [here('../dist/cli.js'), '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      const ready = /listening on http:\/\/\S+?:(\d+)\//.exec(out)
      const token = /token for \S+: (\S+)/.exec(out)
      if (ready && token && out.includes('try: curl')) resolve({ port: Number(ready[1]), token: token[1]! })
    })
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
  const pid = child.pid!
  const slack = '/api/v4/projects/1/services/slack'
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
  const requests = [
    { method: 'PUT', path: slack, headers: form, body: 'x'.repeat(MiB - 64) },
    { method: 'PUT', path: slack, headers: { ...form, 'PRIVATE-TOKEN': token }, body: `password=${'p'.repeat(MiB - 64)}` },
    { method: 'PUT', path: slack, headers: { 'Content-Type': 'application/json', 'PRIVATE-TOKEN': token }, body: JSON.stringify({ webhook: 'https://hooks.slack.com/x', password: 'q'.repeat(MiB - 128) }) },
    { method: 'PUT', path: slack, headers: form, body: 'a[]=&'.repeat(100_000) },
    { method: 'PUT', path: slack, headers: form, body: 'a=&'.repeat(50_000) },
    { method: 'GET', path: `/api/v4/projects/1/services?${'x=&'.repeat(4_100)}` },
  ]

  const before = rssOf(pid)
  console.log(`attack: ${seconds} s, ${connections} connections, ${requests.length}-request hostile mix, CLI pid ${pid} on :${port}`)
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const probes: number[] = []
  let probeFailures = 0
  let journalWorst = { ms: 0, bytes: 0, status: 200 }
  let running = true
  const probeLoop = (async () => {
    while (running) {
      try {
        const answer = await get(agent, port, '/api/v4/projects/1/services', { 'PRIVATE-TOKEN': token })
        probes.push(answer.ms)
        if (answer.status !== 200) probeFailures++
      } catch {
        probeFailures++
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  const journalAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const journalLoop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 5_000))
      try {
        const answer = await get(journalAgent, port, '/__mock/requests')
        if (answer.ms > journalWorst.ms || answer.status !== 200) journalWorst = answer
      } catch {
        journalWorst = { ms: Infinity, bytes: 0, status: 0 }
      }
    }
  })()
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests })
  running = false
  await Promise.all([probeLoop, journalLoop])
  const after = rssOf(pid)
  child.kill()

  probes.sort((a, b) => a - b)
  const p99 = probes[Math.floor(probes.length * 0.99)] ?? NaN
  const statuses = Object.entries(result.statusCodeStats as Record<string, { count: number }>)
    .map(([status, { count }]) => `${status}: ${count}`)
    .join(', ')
  console.log(`  requests sent ${result.requests.sent} (answered ${result.requests.total}); statuses ${statuses}`)
  console.log(`  5xx ${result['5xx']}, errors ${result.errors}, timeouts ${result.timeouts}`)
  console.log(`  probe: ${probes.length} GETs, ${probeFailures} failed, max ${probes.at(-1)?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`)
  console.log(`  slowest journal read: ${journalWorst.ms.toFixed(0)} ms, ${mb(journalWorst.bytes)}, status ${journalWorst.status}`)
  console.log(`  server rss before ${mb(before)}, after ${mb(after)}`)
  if (result['5xx'] > 0 || result.errors > 0 || probeFailures > 0 || journalWorst.status !== 200) process.exit(1)
}

export async function load(count: number): Promise<void> {
  const kit = here('../dist/index.js')
  const source = `
    import { createGitLabMock } from ${JSON.stringify(kit)}
    const n = ${count}
    const SLUGS = ['slack', 'mattermost', 'microsoft-teams', 'hangouts-chat', 'unify-circuit', 'webex-teams', 'discord', 'campfire', 'flowdock', 'irker',
      'bamboo', 'buildkite', 'drone-ci', 'teamcity', 'bugzilla', 'custom-issue-tracker', 'redmine', 'youtrack', 'asana', 'assembla']
    const scenario = {
      users: [{ id: 1, username: 'root', admin: true, tokens: ['glpat-root'] }],
      projects: Array.from({ length: Math.ceil(n / 20) }, (_, i) => ({ id: i + 1, path_with_namespace: 'g/p' + (i + 1) })),
      integrations: Array.from({ length: n }, (_, i) => ({ project: Math.floor(i / 20) + 1, slug: SLUGS[i % 20] })),
    }
    const before = process.memoryUsage.rss()
    const started = performance.now()
    const mock = createGitLabMock({ scenario })
    await mock.ready()
    const seconds = (performance.now() - started) / 1000
    const after = process.memoryUsage.rss()
    const response = await mock.dispatch(new Request('https://gitlab.example.com/api/v4/projects/' + Math.ceil(n / 20) + '/services', { headers: { 'PRIVATE-TOKEN': 'glpat-root' } }))
    const listed = (await response.json()).length
    console.log(JSON.stringify({ seconds, before, after, status: response.status, listed }))
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`load of ${count} integrations exited ${code}`)
  const { seconds, before, after, status, listed } = JSON.parse(out) as Record<string, number>
  console.log(`load: ${count} integrations in ${seconds!.toFixed(1)} s; rss ${mb(before!)} before, ${mb(after!)} after; then GET answered ${status} (${listed} listed)`)
}
