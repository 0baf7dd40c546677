/**
 * Exposure of the built `gitlab-services-mock` command (dist/cli.js; `npm
 * test` builds first): it binds 127.0.0.1 unless told otherwise; bound
 * elsewhere it warns on stderr that the control API is reachable and how to
 * turn it off; `--no-control` makes every /__mock route GitLab's 404 and
 * leaves the state alone.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, test } from 'vitest'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const running: ChildProcessWithoutNullStreams[] = []

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

interface Started {
  port: number
  /** The demo scenario's first token (printed at start-up). */
  token: string
  stdout: () => string
  stderr: () => string
}

/** Starts the CLI on a free port; resolves once the demo banner (ready line, tokens, curl line) is out. */
function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', ...args])
  running.push(child)
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; stdout: ${out}; stderr: ${err}`)), 10_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      const ready = /listening on http:\/\/\S+?:(\d+)\/api\/v4/.exec(out)
      const token = /token for \S+: (\S+)/.exec(out)
      if (ready && token && out.includes('try: curl')) {
        clearTimeout(timer)
        resolve({ port: Number(ready[1]), token: token[1]!, stdout: () => out, stderr: () => err })
      }
    })
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out} ${err}`)))
  })
}

/** The first non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address
  return undefined
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

/** Lets stderr catch up with stdout (separate pipes). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

test('by default it binds 127.0.0.1 only, without a warning', async () => {
  const server = await start([])
  expect(server.stdout()).toContain(`listening on http://127.0.0.1:${server.port}/api/v4`)
  expect(await reachable('127.0.0.1', server.port)).toBe(true)
  const external = externalAddress()
  // Where the machine has another interface, the port is closed on it.
  if (external) expect(await reachable(external, server.port)).toBe(false)
  await settle()
  expect(server.stderr()).toBe('')
  // The control API is there, on loopback.
  expect((await fetch(`http://127.0.0.1:${server.port}/__mock/requests`)).status).toBe(200)
})

test('--host 0.0.0.0 warns that the control API is reachable and names --no-control', async () => {
  const server = await start(['--host', '0.0.0.0'])
  await settle()
  const warning = server.stderr()
  expect(warning).toMatch(/warning/i)
  expect(warning).toContain('control API')
  expect(warning).toContain('0.0.0.0')
  expect(warning).toContain('--no-control')
  // Which is true: from another interface, anyone can read (and replace) the state.
  const host = externalAddress() ?? '127.0.0.1'
  expect(await reachable(host, server.port)).toBe(true)
  expect((await fetch(`http://${host}:${server.port}/__mock/scenario`)).status).toBe(200)
})

test('--host 0.0.0.0 --no-control: no warning, every /__mock route is GitLab’s 404, the state untouched', async () => {
  const server = await start(['--host', '0.0.0.0', '--no-control'])
  const origin = `http://${externalAddress() ?? '127.0.0.1'}:${server.port}`
  const user = () => fetch(`${origin}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': server.token } })
  expect((await user()).status).toBe(200)

  const attempts: [string, string, string?][] = [
    ['GET', '/__mock/scenario'],
    ['PUT', '/__mock/scenario', '{}'],
    ['PUT', '/__mock/scenario/', '{"users":[]}'],
    ['POST', '/__mock/reset'],
    ['GET', '/__mock/requests'],
    ['DELETE', '/__mock/requests'],
    ['GET', '/__mock'],
    ['GET', '/__mock/'],
    ['GET', '/__mock/anything'],
    ['GET', '/__mock//scenario'],
    ['GET', '/__mock/%73cenario'],
    ['GET', '/__mock/scenario?x=1'],
    ['POST', '/__mock/scenario', '{}'],
  ]
  for (const [method, path, body] of attempts) {
    const response = await fetch(origin + path, { method, ...(body ? { body } : {}) })
    expect({ method, path, status: response.status, type: response.headers.get('content-type') }).toEqual({
      method,
      path,
      status: 404,
      type: 'application/json',
    })
    expect(await response.json()).toEqual({ error: '404 Not Found' })
  }
  const head = await fetch(`${origin}/__mock/scenario`, { method: 'HEAD' })
  expect(head.status).toBe(404)

  // PUT {} and reset were refused: the demo users are still there.
  expect((await user()).status).toBe(200)
  await settle()
  expect(server.stderr()).toBe('')
})
