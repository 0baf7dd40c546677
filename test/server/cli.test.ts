/**
 * The built `gitlab-services-mock` command as a child process (`npm test`
 * builds dist/ first): ready line, demo scenario, flags, usage errors with
 * exit code 2, and clean shutdown on SIGTERM/SIGINT.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, test } from 'vitest'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const running: ChildProcessWithoutNullStreams[] = []

interface Started {
  child: ChildProcessWithoutNullStreams
  base: string
  stdout: () => string
}

/** Starts the CLI and resolves with its base URL once the ready line appears. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { env: { ...process.env, ...env } })
  running.push(child)
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; stdout: ${out}`)), 10_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      const match = /listening on (http:\/\/\S+\/api\/v4)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, base: match[1]!, stdout: () => out })
      }
    })
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
}

/** Runs the CLI to completion. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args])
  running.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)))
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function scenarioFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gsm-')), 'scenario.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

test('starts with the demo scenario, prints tokens and a curl line, serves GitLab routes', async () => {
  const { base, stdout } = await start([])
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4$/)
  const token = /token for \S+: (\S+)/.exec(stdout())?.[1]
  expect(token).toBeDefined()
  expect(stdout()).toContain('curl -H')
  const response = await fetch(`${base}/user`, { headers: { 'PRIVATE-TOKEN': token! } })
  expect(response.status).toBe(200)
  expect(await response.json()).toHaveProperty('username')
})

test('--scenario loads a file; the log has one line per request and no token', async () => {
  const file = scenarioFile({
    users: [{ id: 1, username: 'root', admin: true, tokens: ['glpat-cli-secret'] }],
    projects: [{ id: 5, path_with_namespace: 'g/p' }],
  })
  const { base, stdout } = await start(['--scenario', file])
  const put = await fetch(`${base}/projects/g%2Fp/integrations/external-wiki?private_token=glpat-cli-secret`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'external_wiki_url=https://wiki.example.com',
  })
  expect(put.status).toBe(200)
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(stdout()).toMatch(/PUT \/api\/v4\/projects\/g%2Fp\/integrations\/external-wiki 200 \d/)
  expect(stdout()).not.toContain('glpat-cli-secret')
})

test('--quiet logs nothing per request; --no-control hides /__mock', async () => {
  const { base, stdout } = await start(['--quiet', '--no-control'])
  const origin = new URL(base).origin
  const response = await fetch(`${origin}/__mock/scenario`)
  expect(response.status).toBe(404)
  expect(await response.json()).toEqual({ error: '404 Not Found' })
  expect(stdout()).not.toMatch(/GET \/__mock/)
})

test('--latency delays responses', async () => {
  const { base } = await start(['--latency', '300', '--quiet'])
  const started = performance.now()
  await fetch(`${base}/version`)
  expect(performance.now() - started).toBeGreaterThanOrEqual(290)
})

test.each([
  [['--port', 'abc'], /--port must be a whole number/],
  [['--bogus'], /Unknown option '--bogus'/],
  [['--scenario', '/nonexistent/file.json'], /cannot read scenario file/],
  [['--latency', '-5'], /latency/],
])('usage error %j exits 2 with a message', async (args, message) => {
  const result = await run(args)
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(message)
})

test('an invalid scenario file exits 2 naming the JSON path', async () => {
  const bad = scenarioFile({ projects: [{ id: 1, path_with_namespace: 'a/b' }], integrations: [{ project: 2, slug: 'slack' }] })
  const result = await run(['--scenario', bad])
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('$.integrations[0].project')
  const notJson = await run(['--scenario', scenarioFile('{ nope')])
  expect(notJson.code).toBe(2)
  expect(notJson.stderr).toMatch(/not valid JSON/)
})

test('--help documents every flag and exits 0', async () => {
  const result = await run(['--help'])
  expect(result.code).toBe(0)
  for (const flag of ['--port', '--host', '--scenario', '--seed', '--latency', '--no-control', '--quiet'])
    expect(result.stdout).toContain(flag)
})

test.each(['SIGTERM', 'SIGINT'] as const)('%s closes cleanly after the request in flight', async (signal) => {
  const { child, base } = await start(['--latency', '300', '--quiet'])
  const inFlight = fetch(`${base}/version`)
  await new Promise((resolve) => setTimeout(resolve, 50))
  child.kill(signal)
  const response = await inFlight
  expect(response.status).toBe(401)
  expect(await exited(child)).toBe(0)
})

test('--seed N generates a reproducible demo scenario from the fixture kit', async () => {
  const tokens = async (seed: string) => {
    const { child, stdout } = await start(['--seed', seed, '--quiet'])
    child.kill('SIGTERM')
    await exited(child)
    return stdout()
      .split('\n')
      .filter((line) => line.includes('token for'))
  }
  const first = await tokens('7')
  expect(first.length).toBeGreaterThan(0)
  expect(await tokens('7')).toEqual(first)
  expect(await tokens('8')).not.toEqual(first)
  // Three start-ups that each load faker: seconds, more on a busy 2-core machine.
}, 20_000)

test('--version prints the package version', async () => {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  for (const flag of ['--version', '-v']) {
    const result = await run([flag])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${manifest.version}\n`)
  }
})

test('--seed with --scenario is a usage error, not a silently ignored flag', async () => {
  const file = scenarioFile({ users: [{ id: 1, username: 'root' }] })
  const result = await run(['--seed', '3', '--scenario', file])
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('--seed generates a demo scenario and cannot be combined with --scenario')
})

test('a scenario file gets a token table with scopes and roles, its tokens shortened', async () => {
  const file = scenarioFile({
    users: [
      { id: 1, username: 'root', admin: true, tokens: ['glpat-table-secret-1'] },
      { id: 2, username: 'mia', state: 'blocked', tokens: [{ token: 'glpat-table-secret-2', scopes: ['read_api'], revoked: true }] },
    ],
    projects: [{ id: 5, path_with_namespace: 'g/p', members: [{ user: 'mia', access_level: 30 }] }],
  })
  const { base, stdout } = await start(['--scenario', file, '--quiet'])
  const lines = stdout().split('\n')
  expect(lines[1]).toMatch(/^ {2}TOKEN +SCOPES +ROLE$/)
  expect(lines[2]).toMatch(/^ {2}token for root: glpat-ta… +api +admin$/)
  expect(lines[3]).toMatch(/^ {2}token for mia: glpat-ta… +read_api \(revoked\) +developer of g\/p \(blocked\)$/)
  // Columns line up: each starts where its header does.
  expect(lines[2]!.indexOf('api')).toBe(lines[1]!.indexOf('SCOPES'))
  expect(lines[3]!.indexOf('developer')).toBe(lines[1]!.indexOf('ROLE'))
  expect(stdout()).not.toContain('glpat-table-secret')
  expect(stdout()).toContain(`try: curl -H 'PRIVATE-TOKEN: <token of root>' ${base}/projects/5/services`)
})

test('--host 0.0.0.0: the curl hint names an address a client can connect to', async () => {
  const { stdout } = await start(['--host', '0.0.0.0', '--no-control', '--quiet'])
  const hint = /try: curl -H 'PRIVATE-TOKEN: (\S+)' (\S+)/.exec(stdout())
  expect(hint?.[2]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/projects\/1\/services$/)
  const response = await fetch(hint![2]!, { headers: { 'PRIVATE-TOKEN': hint![1]! } })
  expect(response.status).toBe(200)
})

test('--help lines up its columns', async () => {
  const { stdout } = await run(['--help'])
  // Where the description starts: after the flag (and its value), or after the method and path.
  const column = (lines: RegExp, lead: RegExp) => stdout.split('\n').filter((line) => lines.test(line)).map((line) => lead.exec(line)![0].length)
  const options = column(/^ {2}-/, /^ {2}\S.*?\s{2,}(?=\S)/)
  expect(options.length).toBeGreaterThan(10)
  expect(new Set(options).size).toBe(1)
  const routes = column(/^ {2}(GET|PUT|POST|DELETE) /, /^ {2}\S+\s+\S+\s+/)
  expect(routes).toHaveLength(14)
  expect(new Set(routes).size).toBe(1)
})

test('every flag can come from the environment; a flag on the command line wins', async () => {
  const { base, stdout } = await start([], { GITLAB_MOCK_GITLAB: '14.3', GITLAB_MOCK_QUIET: '1', GITLAB_MOCK_PORT: '1' })
  expect(stdout()).toMatch(/GitLab 14\.3/)
  const version = await (await fetch(`${base}/version`, { headers: { 'PRIVATE-TOKEN': 'glpat-demo-root' } })).json()
  expect(version.version).toMatch(/^14\.3\./)
  // --port 0 from the command line beat GITLAB_MOCK_PORT=1 (a port a test cannot bind).
  expect(new URL(base).port).not.toBe('1')
})

test('--log json: one JSON object per request with the user and the tenant, never a token', async () => {
  const { base, stdout } = await start(['--log', 'json'])
  const origin = new URL(base).origin
  await fetch(`${base}/projects/1/services`, { headers: { 'PRIVATE-TOKEN': 'glpat-demo-root' } })
  const tenant = await (await fetch(`${origin}/__mock/tenants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()
  await fetch(`${tenant.base_url}/version?private_token=glpat-demo-root`)
  await new Promise((resolve) => setTimeout(resolve, 200))
  const lines = stdout().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
  expect(lines[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects/1/services', status: 200, user: 'root', tenant: null })
  expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT/)
  expect(typeof lines[0].ms).toBe('number')
  expect(lines.at(-1)).toMatchObject({ path: `/__tenants/${tenant.id}/api/v4/version`, status: 200, user: 'root', tenant: tenant.id })
  // The token went in a query string: the log keeps the path only.
  expect(JSON.stringify(lines)).not.toContain('glpat-demo-root')
})

test('--watch reloads the scenario file; an invalid file keeps the previous state', async () => {
  const users = (name: string) => ({ users: [{ id: 1, username: name, tokens: ['glpat-watched-user-0000'] }] })
  const file = scenarioFile(users('first'))
  const { base, child } = await start(['--scenario', file, '--watch', '--quiet'])
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const whoami = async () => (await (await fetch(`${base}/user`, { headers: { 'PRIVATE-TOKEN': 'glpat-watched-user-0000' } })).json()).username
  expect(await whoami()).toBe('first')
  writeFileSync(file, JSON.stringify(users('second')))
  await expect.poll(whoami, { timeout: 5000 }).toBe('second')
  writeFileSync(file, '{ not json')
  await expect.poll(() => stderr, { timeout: 5000 }).toMatch(/previous state keeps serving/)
  expect(await whoami()).toBe('second')
})

test('--max-tenants bounds the tenants (0 turns them off); a shutdown line on SIGTERM', async () => {
  const { base, child, stdout } = await start(['--max-tenants', '1', '--quiet'])
  const origin = new URL(base).origin
  const create = () => fetch(`${origin}/__mock/tenants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  expect((await create()).status).toBe(201)
  expect((await create()).status).toBe(429)
  child.kill('SIGTERM')
  expect(await exited(child)).toBe(0)
  expect(stdout()).toMatch(/gitlab-services-mock stopped\n$/)
  const off = await start(['--max-tenants', '0', '--quiet'])
  expect((await fetch(`${new URL(off.base).origin}/__mock/tenants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(404)
}, 20_000)

test('--gitlab with the demo scenario: the demo without the integrations that release lacks; an unknown release is a usage error', async () => {
  const { base } = await start(['--gitlab', '19.0', '--quiet'])
  const headers = { 'PRIVATE-TOKEN': 'glpat-demo-root' }
  expect((await (await fetch(`${base}/version`, { headers })).json()).version).toMatch(/^19\.0\./)
  const slugs = ((await (await fetch(`${base}/projects/2/integrations`, { headers })).json()) as { slug: string }[]).map((i) => i.slug)
  expect(slugs).toContain('jenkins')
  expect(slugs).not.toContain('prometheus') // left the API in 17.8: not in a 19.0 demo
  const unknown = await run(['--gitlab', '12.0', '--port', '0'])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toMatch(/Unknown GitLab version "12\.0"/)
})
