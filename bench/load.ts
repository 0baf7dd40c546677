/**
 * The load generators `npm run bench` can drive, behind one call.
 *
 * wrk (native, one thread, its own process) is the default when it is on
 * PATH: it is the generator of the reference measure (#16), and it
 * keeps the load off the bench's own event loop and heap (autocannon runs
 * in the bench process, and spent about 26 µs of CPU per request against
 * wrk's 19 here, most of wrk's in the kernel). One thread, so on a 2-core
 * machine one core is the load's and the other the server's. autocannon is
 * the fallback when wrk is missing, and `--load autocannon` picks it.
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import autocannon from 'autocannon'

export interface LoadRequest {
  url: string
  method: 'GET' | 'PUT'
  headers: Record<string, string>
  body?: string
}

export interface LoadGenerator {
  /** Its name and version, and how it ran, for results.json. */
  readonly label: string
  /** Runs `connections` keep-alive connections for `seconds`; throws on any non-2xx, error or timeout. */
  run(request: LoadRequest, connections: number, seconds: number): Promise<{ requests: number; seconds: number }>
}

export type LoadName = 'wrk' | 'autocannon'

function wrkVersion(): string | undefined {
  // `wrk -v` prints `wrk <version> [epoll] Copyright ...` and its usage, and exits with 1.
  const { stdout } = spawnSync('wrk', ['-v'], { encoding: 'utf8' })
  return stdout ? /^wrk (\S+)/.exec(stdout)?.[1] : undefined
}

function autocannonVersion(): string {
  const file = fileURLToPath(new URL('../node_modules/autocannon/package.json', import.meta.url))
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

/** Lua for wrk: the method, headers and body of every request (wrk has no flag for a body). */
function wrkScript(request: LoadRequest): string {
  const lines = [`wrk.method = ${JSON.stringify(request.method)}`]
  for (const [name, value] of Object.entries(request.headers)) lines.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
  if (request.body !== undefined) lines.push(`wrk.body = ${JSON.stringify(request.body)}`)
  return lines.join('\n') + '\n'
}

/** What wrk printed: the requests completed in how long, and whether any failed. */
export function parseWrk(output: string): { requests: number; seconds: number; failures: string[] } {
  const done = /(\d+) requests in ([\d.]+)(us|ms|s|m)\b/.exec(output)
  if (!done) throw new Error(`unreadable wrk output: ${output.slice(0, 300)}`)
  const unit = { us: 1e-6, ms: 1e-3, s: 1, m: 60 }[done[3] as 'us' | 'ms' | 's' | 'm']
  const failures: string[] = []
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output)
  if (non2xx) failures.push(`${non2xx[1]} non-2xx`)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  if (socket && socket.slice(1).some((n) => Number(n) > 0)) failures.push(`socket errors ${socket.slice(1).join('/')} (connect/read/write/timeout)`)
  return { requests: Number(done[1]), seconds: Number(done[2]) * unit, failures }
}

function wrk(version: string): LoadGenerator {
  return {
    label: `wrk ${version} (1 thread, its own process)`,
    async run(request, connections, seconds) {
      const dir = mkdtempSync(join(tmpdir(), 'gsm-bench-wrk-'))
      try {
        const script = join(dir, 'request.lua')
        writeFileSync(script, wrkScript(request))
        const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, request.url], {
          timeout: (seconds + 30) * 1000,
        })
        const { requests, seconds: elapsed, failures } = parseWrk(stdout)
        if (failures.length > 0) throw new Error(`${request.method} ${request.url}: ${failures.join(', ')}`)
        return { requests, seconds: elapsed }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

function inProcess(): LoadGenerator {
  return {
    label: `autocannon ${autocannonVersion()} (in the bench process)`,
    async run(request, connections, seconds) {
      const result = await autocannon({
        url: request.url,
        connections,
        duration: seconds,
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      })
      if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
        throw new Error(`${request.method} ${request.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
      return { requests: result.requests.total, seconds: result.duration }
    },
  }
}

/** The generator asked for, or the default: wrk when installed, else autocannon. Throws when wrk is asked for and missing. */
export function loadGenerator(name?: LoadName): LoadGenerator {
  if (name === 'autocannon') return inProcess()
  const version = wrkVersion()
  if (version) return wrk(version)
  if (name === 'wrk') throw new Error('--load wrk: wrk is not installed (Debian: apt-get install wrk)')
  return inProcess()
}
