/**
 * Cold start: the CLI from spawn to its ready line, the main entry's import
 * time, and loading a 10,000-integration scenario (time and RSS). Prints JSON.
 */
import { spawn, execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { median } from './stats.ts'

const quick = process.argv.includes('--quick')
const runs = quick ? 3 : 7
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const entry = new URL('../dist/index.js', import.meta.url).href

function untilReady(): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, [cli, '--port', '0', '--quiet'])
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes('listening on')) {
        resolve(performance.now() - started)
        child.kill()
      }
    })
    child.on('exit', () => reject(new Error(`CLI exited before ready: ${out}`)))
  })
}

function inChild(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim()
}

const spawnToReady: number[] = []
const importMs: number[] = []
const nodeBaseline: number[] = []
for (let i = 0; i < runs; i++) {
  spawnToReady.push(await untilReady())
  importMs.push(Number(inChild(`const t=performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now()-t)`)))
  const t = performance.now()
  inChild('0')
  nodeBaseline.push(performance.now() - t)
}
const load = JSON.parse(
  inChild(`
    const { createGitLabMock } = await import(${JSON.stringify(entry)})
    const { largeScenario } = await import(${JSON.stringify(new URL('./scenario.ts', import.meta.url).href)})
    const scenario = largeScenario(1000, 10)
    const rssBefore = process.memoryUsage().rss
    const t = performance.now()
    const mock = createGitLabMock({ scenario })
    await mock.ready()
    console.log(JSON.stringify({ ms: performance.now() - t, rssMB: process.memoryUsage().rss / 2 ** 20, rssGrowthMB: (process.memoryUsage().rss - rssBefore) / 2 ** 20 }))
  `),
)
process.stdout.write(
  JSON.stringify({ spawnToReadyMs: median(spawnToReady), importMs: median(importMs), nodeSpawnMs: median(nodeBaseline), load10k: load }) + '\n',
)
