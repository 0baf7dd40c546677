/**
 * Memory and load time of the model (issue #16's memory goals). Prints JSON:
 *
 *   { perIntegrationBytes, load100k: { ms, rssMB }, load1M: { ms, rssMB }, startRssMB }
 *
 * - perIntegrationBytes: heap used after a full GC with 100,000 integrations
 *   (10,000 projects, `largeScenario`) seeded, minus the same mock empty,
 *   over 100,000. The scenario object is dropped before the GC, so this is
 *   what the model keeps (its projects' share included), not the input JSON.
 * - load100k / load1M: `createGitLabMock({ scenario })` until `ready()`, the
 *   way a user starts a large mock; rssMB is the process's RSS after it
 *   (the input scenario included, as the user holds it, and the parsed copy
 *   the mock keeps for reset()).
 * - startRssMB: the CLI (`dist/cli.js --port 0`, the demo scenario) once it
 *   says it is listening.
 *
 * Each figure comes from its own child process, so none inherits another's
 * heap. `--quick` uses 10,000 and 100,000 instead of 100,000 and 1,000,000
 * (the keys keep their names). Needs a build (`npx tsup`).
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const quick = process.argv.includes('--quick')
const [small, large] = quick ? [10_000, 100_000] : [100_000, 1_000_000]
const MB = 2 ** 20
const entry = new URL('../dist/index.js', import.meta.url).href
const scenarioModule = new URL('./scenario.ts', import.meta.url).href
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** Runs `code` (an ES module) in a fresh node; returns what it prints as JSON. */
function inChild(code: string, flags: string[] = []): any {
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').pop()!)
}

/** Ten integrations per project, as the bench's other large scenarios. */
const build = (integrations: number) => `(await import(${JSON.stringify(scenarioModule)})).largeScenario(${integrations / 10}, 10)`

function perIntegrationBytes(count: number): number {
  const { empty, loaded } = inChild(
    `
    const { createGitLabMock } = await import(${JSON.stringify(entry)})
    const heap = () => { for (let i = 0; i < 3; i++) globalThis.gc(); return process.memoryUsage().heapUsed }
    const mock = createGitLabMock()
    await mock.ready()
    const empty = heap()
    let scenario = ${build(count)}
    await mock.seed(scenario)
    scenario = undefined
    const loaded = heap()
    console.log(JSON.stringify({ empty, loaded }))
    `,
    ['--expose-gc', '--max-old-space-size=4096'],
  )
  return Math.round((loaded - empty) / count)
}

function load(count: number): { ms: number; rssMB: number } {
  return inChild(
    `
    const { createGitLabMock } = await import(${JSON.stringify(entry)})
    const scenario = ${build(count)}
    const started = performance.now()
    const mock = createGitLabMock({ scenario })
    await mock.ready()
    const ms = performance.now() - started
    console.log(JSON.stringify({ ms: Math.round(ms), rssMB: Math.round(process.memoryUsage().rss / ${MB}) }))
    `,
    // Enough old space for a million records and their input JSON.
    ['--max-old-space-size=8192'],
  )
}

/** The RSS of a process, from /proc (Linux) or ps. */
function rssOf(pid: number): number {
  try {
    const kB = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!
    return (Number(kB) * 1024) / MB
  } catch {
    return (Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024) / MB
  }
}

function startRss(): Promise<number> {
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      if (out.includes('listening on')) return
      out += chunk
      if (!out.includes('listening on')) return
      // A moment for start-up work queued after the banner (the first GC, timers).
      setTimeout(() => {
        resolve(Math.round(rssOf(child.pid!)))
        child.kill()
      }, 200)
    })
    child.on('exit', (code) => reject(new Error(`CLI exited (${code}) before it listened: ${out}`)))
  })
}

const result = {
  perIntegrationBytes: perIntegrationBytes(small),
  load100k: load(small),
  load1M: load(large),
  startRssMB: await startRss(),
  ...(quick ? { quick: { load100k: small, load1M: large } } : {}),
}
process.stdout.write(JSON.stringify(result) + '\n')
