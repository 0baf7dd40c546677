/**
 * The package as a user gets it: `npm pack`, checked by
 * @arethetypeswrong/cli, installed by the README's own install line into
 * fresh projects (one per msw major), and used there by the documents' own
 * code blocks: Vitest (ESM), Jest with ts-jest, babel-jest and
 * jest-fixed-jsdom (CommonJS), `tsc` of a CommonJS TypeScript project, and
 * every other block (scripts, shell, Python, Go). Test runners and compilers
 * come from this repository's node_modules (a symlink above the projects),
 * so a run installs only the tarball and msw, from npm's cache.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { codeBlocks, documents, type CodeBlock } from './code-blocks.js'
import { limiter, run, started, stop, type Outcome } from './processes.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const devDependencies = Object.keys(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies)
const installed = (name: string): string => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version
/** The msw each project installs: the versions the rest of the suite runs against. */
const MSW = { 3: installed('msw'), 2: installed('msw2') } as const
type Major = keyof typeof MSW

const blocks = documents().flatMap(codeBlocks)
const node = process.execPath
const tool = (path: string) => join(repo, 'node_modules', path)
const slot = limiter(3)
/** A consumer run waits for its slot, then installs nothing but still starts Jest or Vitest. */
const LONG = 240_000

/** The child's environment: this run's Vitest and Node options stay here. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_OPTIONS$|TEST$|npm_)/.test(key)))
  return { ...env, FORCE_COLOR: '0', ...extra }
}

/** Fails with the command's output, so a broken consumer shows why. */
function succeeded(outcome: Outcome, what: string): Outcome {
  if (outcome.code !== 0) throw new Error(`${what} exited with ${outcome.code}:\n${outcome.output}`)
  return outcome
}

let root: string
let tarball: string

function write(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** The files a project's blocks give, by name. */
function projectFiles(project: string): Record<string, string> {
  return Object.fromEntries(blocks.filter((b) => b.project === project && b.file).map((b) => [b.file!, b.code]))
}

/** The README's `npm i -D gitlab-services-mock msw`, with the tarball and this run's msw. */
function kitInstallLine(): CodeBlock {
  const lines = blocks.filter((b) => b.install && /\bgitlab-services-mock\b/.test(b.code))
  expect(lines.map((b) => b.where)).toHaveLength(1)
  return lines[0]!
}

beforeAll(async () => {
  const startedAt = Date.now()
  root = mkdtempSync(join(tmpdir(), 'gsm-consumers-'))
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'))
  const packed = succeeded(
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: repo, env: environment() }),
    'npm pack',
  )
  tarball = join(root, JSON.parse(packed.stdout)[0].filename)
  const words = kitInstallLine().code.trim().split(/\s+/)
  expect(words.slice(0, 2)).toEqual(['npm', 'i'])
  await Promise.all(
    ([3, 2] as const).map(async (major) => {
      const dir = write(join(root, `msw${major}`), { 'package.json': '{ "private": true }\n' })
      const args = words.slice(1).map((w) => (w === 'gitlab-services-mock' ? tarball : w === 'msw' ? `msw@${MSW[major]}` : w))
      succeeded(
        await run('npm', [...args, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
          cwd: dir,
          env: environment(),
        }),
        `npm install in msw${major}/`,
      )
    }),
  )
  console.log(`consumers: packed and installed (msw ${MSW[3]}, msw ${MSW[2]}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
}, 300_000)

afterAll(() => {
  // The symlinked node_modules is unlinked, not followed.
  if (root) rmSync(root, { recursive: true, force: true })
}, 60_000)

describe.concurrent('the packed package', () => {
  test('has types for ESM and CommonJS that @arethetypeswrong/cli accepts', async () => {
    const outcome = await slot(() => run(node, [tool('@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'node16', '--format', 'table-flipped'], { env: environment() }))
    succeeded(outcome, 'attw')
    expect(outcome.output).toContain('"gitlab-services-mock/server"')
  }, LONG)

  test('runs nothing at install time and ships both builds, the CLI and the fixtures', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'msw3/node_modules/gitlab-services-mock/package.json'), 'utf8'))
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([])
    for (const entry of ['.', './browser', './server'])
      expect(Object.keys(manifest.exports[entry])).toEqual(['import', 'require'])
    const listed = JSON.parse(readFileSync(join(root, 'msw3/package-lock.json'), 'utf8'))
    expect(listed.packages['node_modules/gitlab-services-mock'].hasInstallScript).toBeUndefined()
  })
})

describe.concurrent.for([3, 2] as const)('msw %i: fresh projects', (major) => {
  const base = () => join(root, `msw${major}`)

  test('Vitest, ESM: the README test passes', async () => {
    const dir = write(join(base(), 'vitest'), {
      ...projectFiles('vitest'),
      'package.json': '{ "type": "module" }\n',
      'vitest.config.mjs': 'export default {}\n',
    })
    const outcome = await slot(() => run(node, [tool('vitest/vitest.mjs'), 'run'], { cwd: dir, env: environment() }))
    expect(succeeded(outcome, 'vitest').output).toMatch(/Tests\s+1 passed/)
  }, LONG)

  test('Jest with ts-jest, CommonJS: `npm test` passes, and `tsc` type-checks the project', async () => {
    const dir = write(join(base(), 'jest'), projectFiles('jest'))
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type).toBe('commonjs')
    const [jest, tsc] = await Promise.all([
      slot(() => run('npm', ['test', '--silent'], { cwd: dir, env: environment() })),
      slot(() => run(node, [tool('typescript/bin/tsc'), '--noEmit', '-p', dir], { env: environment() })),
    ])
    expect(succeeded(jest, 'jest (ts-jest)').output).toMatch(/Tests:\s+1 passed/)
    succeeded(tsc, 'tsc of the CommonJS project')
  }, LONG)

  test('Jest with babel-jest: `npm test` passes', async () => {
    const dir = write(join(base(), 'babel'), { 'package.json': projectFiles('jest')['package.json']!, ...projectFiles('babel') })
    const outcome = await slot(() => run('npm', ['test', '--silent'], { cwd: dir, env: environment() }))
    expect(succeeded(outcome, 'jest (babel-jest)').output).toMatch(/Tests:\s+1 passed/)
  }, LONG)

  test('Jest with jest-fixed-jsdom: `npm test` passes', async () => {
    const dir = write(join(base(), 'jsdom'), { ...projectFiles('jest'), ...projectFiles('jsdom') })
    const outcome = await slot(() => run('npm', ['test', '--silent'], { cwd: dir, env: environment() }))
    expect(succeeded(outcome, 'jest (jsdom)').output).toMatch(/Tests:\s+1 passed/)
  }, LONG)
})

describe.concurrent('the code blocks of README.md, CONTRIBUTING.md and docs/', () => {
  const runnable = (b: CodeBlock) => !b.project && !b.install && !b.norun
  const notes: string[] = []
  afterAll(() => {
    // Visible in the test output: what was not run here, and why.
    if (notes.length) console.log(notes.join('\n'))
  })

  test('TypeScript blocks type-check and run against the installed package (msw 3)', async () => {
    const scripts = blocks.filter((b) => runnable(b) && (b.lang === 'ts' || b.lang === 'js'))
    expect(scripts.length).toBeGreaterThan(3)
    const dir = write(join(root, 'msw3', 'docs'), {
      'package.json': '{ "type": "module" }\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] } }),
    })
    const files = scripts.map((b) => {
      const name = `${b.where.replace(/\W+/g, '-')}.${b.lang}`
      writeFileSync(join(dir, name), b.code)
      return { block: b, name }
    })
    succeeded(await slot(() => run(node, [tool('typescript/bin/tsc'), '-p', dir], { env: environment() })), "tsc of the documents' blocks")
    await Promise.all(files.map(({ block, name }) => slot(async () => succeeded(await run(node, [name], { cwd: dir, env: environment() }), block.where))))
  }, LONG)

  test('shell, Python and Go blocks work against a started gitlab-services-mock', async () => {
    const cwd = join(root, 'msw3')
    const cli = join(cwd, 'node_modules/gitlab-services-mock/dist/cli.js')
    const { child, match } = await started(node, [cli, '--port', '0', '--quiet'], /listening on http:\/\/127\.0\.0\.1:(\d+)/, { env: environment() })
    // The documents use the default port; this server has a free one.
    const here = (code: string) => code.replaceAll('127.0.0.1:4010', `127.0.0.1:${match[1]}`)
    const env = environment({
      PATH: `${join(cwd, 'node_modules/.bin')}:${join(repo, 'node_modules/.bin')}:${process.env.PATH}`,
      // curl as written, but failing on an HTTP error status.
      CURL_HOME: write(join(root, 'curl'), { '.curlrc': 'fail\nsilent\nshow-error\n' }),
    })
    try {
      for (const block of blocks.filter((b) => runnable(b) && b.lang === 'sh')) {
        if (block.server) {
          const server = await started('bash', ['-c', block.code.replace(/(gitlab-services-mock\b[^\n]*)/g, '$1 --port 0')], /listening on http/, { cwd, env })
          stop(server.child)
        } else succeeded(await run('bash', ['-euo', 'pipefail', '-c', here(block.code)], { cwd, env }), block.where)
      }
      // Debian's python3-gitlab lives with the system Python, which a pyenv shim may hide.
      let python: string | undefined
      for (const candidate of ['/usr/bin/python3', 'python3'])
        if (python === undefined && (await run(candidate, ['-c', 'import gitlab'], { env }).catch(() => undefined))?.code === 0) python = candidate
      for (const block of blocks.filter((b) => runnable(b) && b.lang === 'python')) {
        if (python !== undefined) succeeded(await run(python, ['-c', here(block.code)], { env }), block.where)
        else notes.push(`${block.where}: not run (no python3 with python-gitlab here)`)
      }
      const go = await run('go', ['version'], { env }).catch(() => undefined)
      for (const block of blocks.filter((b) => runnable(b) && b.lang === 'go')) {
        if (go?.code === 0) {
          const dir = write(join(root, 'go', block.where.replace(/\W+/g, '-')), { 'main.go': here(block.code) })
          succeeded(await run('go', ['run', 'main.go'], { cwd: dir, env }), block.where)
        } else notes.push(`${block.where}: not run (no Go toolchain here)`)
      }
    } finally {
      stop(child)
    }
  }, LONG)

  test('JSON blocks parse; install lines name what the consumer projects use', () => {
    for (const block of blocks.filter((b) => b.lang === 'json')) expect(() => JSON.parse(block.code), block.where).not.toThrow()
    for (const block of blocks.filter((b) => b.install)) {
      const [npm, verb, ...words] = block.code.trim().split(/\s+/)
      expect([npm, verb], block.where).toEqual(['npm', 'i'])
      for (const name of words.filter((w) => !w.startsWith('-') && w !== 'gitlab-services-mock' && w !== 'msw'))
        expect(devDependencies, `${block.where}: ${name}`).toContain(name)
    }
  })

  test('every consumer project has its files, and the blocks that cannot run here are few', () => {
    for (const project of ['vitest', 'jest', 'babel', 'jsdom']) expect(Object.keys(projectFiles(project)).some((f) => f.includes('.test.')), project).toBe(true)
    const norun = blocks.filter((b) => b.norun)
    notes.push(...norun.map((b) => `${b.where}: not run by design (${b.norun})`))
    expect(norun.length).toBeLessThanOrEqual(3)
  })
})

/** The machine's Node 20 (the one running npm, on the CI of this project), if there is one. */
function node20(): string | undefined {
  for (const candidate of [process.env.npm_node_execpath, '/usr/bin/node', '/usr/local/bin/node']) {
    if (!candidate) continue
    try {
      if (execFileSync(candidate, ['--version'], { encoding: 'utf8' }).startsWith('v20.')) return candidate
    } catch {
      // not there
    }
  }
  return undefined
}

describe.concurrent('Node 20', () => {
  test('msw 2 passes the README test; msw 3 stops with a message that names the fix', async () => {
    const old = node20()
    if (!old) {
      console.log('Node 20: no Node 20 binary here (npm_node_execpath, /usr/bin/node): not checked')
      return
    }
    const dir = write(join(root, 'msw2', 'vitest-node20'), {
      ...projectFiles('vitest'),
      'package.json': '{ "type": "module" }\n',
      'vitest.config.mjs': 'export default {}\n',
    })
    const vitest = await slot(() => run(old, [tool('vitest/vitest.mjs'), 'run'], { cwd: dir, env: environment() }))
    expect(succeeded(vitest, 'vitest on Node 20 with msw 2').output).toMatch(/Tests\s+1 passed/)
    const check = write(join(root, 'msw3', 'node20'), {
      'package.json': '{ "type": "module" }\n',
      'handlers.mjs': "import { createGitLabMock } from 'gitlab-services-mock'\ncreateGitLabMock().handlers\n",
    })
    const outcome = await run(old, ['handlers.mjs'], { cwd: check, env: environment() })
    expect(outcome.code).toBe(1)
    expect(outcome.output).toContain('gitlab-services-mock: msw 3 needs Node.js >= 22.12')
    expect(outcome.output).toContain('npm i -D msw@2')
  }, LONG)
})
