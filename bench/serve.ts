/**
 * `node bench/serve.ts` (after `npx tsup`): starts the servers `npm run bench`
 * measures, serving the same bytes, and prints for each its pid and URLs, for
 * a check with another load generator (wrk, oha, …) and CPU read from
 * /proc/<pid>. Stops on Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MEASURES, PUT_BODY, startServers } from './http.ts'
import { TOKEN } from './scenario.ts'

const dir = mkdtempSync(join(tmpdir(), 'gsm-bench-payload-'))
const { running, servers } = await startServers(dir, 60_000)
console.log(`header: PRIVATE-TOKEN: ${TOKEN}; PUT body (Content-Type: application/json): ${PUT_BODY}; payload: ${dir}\n`)
for (const [name, info] of Object.entries(servers)) {
  const server = running.get(name as never)
  if (!server) {
    console.log(`${info.label}: not running (${info.reason})`)
    continue
  }
  const requests = Object.values(MEASURES)
    .filter((m) => m.server === name)
    .map((m) => `${m.method} http://127.0.0.1:${server.port}${m.path}`)
  console.log(`${info.label}, pid ${server.child.pid}:\n  ${[...new Set(requests)].join('\n  ')}`)
}
const stop = () => {
  for (const { child } of running.values()) child.kill()
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGINT', stop).on('SIGTERM', stop)
const kit = running.get('kit')!
console.log(`\nThe kit journals every request: clear it between rounds, DELETE http://127.0.0.1:${kit.port}/__mock/requests.`)
console.log('Ctrl-C stops them.')
