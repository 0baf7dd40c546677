/**
 * The smaller lifecycle faults the attack found: an aborted upload logged a
 * 500 with a stack trace; a request timeout answered 400 instead of 408;
 * `100 Continue` was sent before a 413; graceful stop cut requests in
 * flight after 5 s although they were promised to finish; a second mock on
 * the same base URL was silently shadowed; in-process `latency` timers
 * kept a process alive after its server was closed.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { FAIL_UNHANDLED } from '../core/support.js'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'
import { startMockServer } from 'gitlab-services-mock/server'
import { RawConnection, rawRequest, startCli } from './cli-support.js'
import { SCENARIO, START, TOKENS } from './support.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the standalone server', () => {
  test('an upload cut short is logged as aborted: no 500, no stack trace', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const lines: string[] = []
    const server = await startMockServer({ scenario: SCENARIO, now: () => START, log: (line) => lines.push(line) })
    try {
      for (const target of ['/api/v4/projects/1/services/slack', '/__mock/scenario']) {
        const connection = await RawConnection.open(Number(new URL(server.url).port))
        connection.write(`PUT ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"webhook":`)
        await new Promise((resolve) => setTimeout(resolve, 100))
        connection.close()
      }
      await expect.poll(() => lines.length).toBe(2)
      expect(lines[0]).toMatch(/^PUT \/api\/v4\/projects\/1\/services\/slack aborted /)
      expect(lines[1]).toMatch(/^PUT \/__mock\/scenario aborted /)
      expect(consoleError).not.toHaveBeenCalled()
    } finally {
      await server.close()
    }
  })

  test('a request not sent in time gets 408 Request Timeout', async () => {
    const server = await startMockServer({ scenario: SCENARIO, requestTimeout: 300 })
    try {
      const connection = await RawConnection.open(Number(new URL(server.url).port))
      // Headers, then a body that never comes.
      connection.write('PUT /api/v4/projects/1/services/slack HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{')
      const answer = await connection.next()
      expect(answer?.status).toBe(408)
      expect(JSON.parse(answer!.body)).toEqual({ error: '408 Request Timeout' })
      connection.close()
    } finally {
      await server.close()
    }
  })

  test('Expect: 100-continue with a body over the limit: 413 and no 100 Continue; within it: 100 then the answer', async () => {
    const server = await startMockServer({ scenario: SCENARIO, now: () => START })
    const port = Number(new URL(server.url).port)
    try {
      const big = await RawConnection.open(port)
      big.write(`PUT /api/v4/projects/1/services/slack HTTP/1.1\r\nHost: 127.0.0.1\r\nPRIVATE-TOKEN: ${TOKENS.admin}\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n`)
      const first = await big.next()
      expect(first?.status).toBe(413)
      big.close()

      // A refused control request does not invite its body either.
      const forged = await RawConnection.open(port)
      forged.write('PUT /__mock/scenario HTTP/1.1\r\nHost: rebind.evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n')
      expect((await forged.next())?.status).toBe(403)
      forged.close()

      const small = await RawConnection.open(port)
      const body = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T/B/continue' })
      small.write(`PUT /api/v4/projects/1/services/slack HTTP/1.1\r\nHost: 127.0.0.1\r\nPRIVATE-TOKEN: ${TOKENS.admin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`)
      expect((await small.next())?.status).toBe(100)
      small.write(body)
      expect((await small.next())?.status).toBe(200)
      small.close()
    } finally {
      await server.close()
    }
  })

  test('close() is not held by a pending latency timer', async () => {
    const kit = fileURLToPath(new URL('../../dist/server.js', import.meta.url))
    const source = `
      import { startMockServer } from ${JSON.stringify(kit)}
      const server = await startMockServer({ latency: 120000 })
      fetch(server.url + '/version').catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 200))
      await server.close()
      console.log('closed')
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', source])
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(out.trim()).toBe('closed')
    expect(code).toBe(0)
  }, 10_000)
})

describe('graceful stop (built CLI)', () => {
  test('SIGTERM: a request in flight finishes (past the old 5 s cut), then the process exits 0', async () => {
    const cli = await startCli(['--quiet', '--latency', '5500'])
    const inFlight = fetch(`${cli.origin}/api/v4/version`, { headers: { 'PRIVATE-TOKEN': cli.token } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    cli.child.kill('SIGTERM')
    expect((await inFlight).status).toBe(200)
    expect(await cli.exited()).toBe(0)
  }, 20_000)

  test('--stop-timeout bounds the wait and says so', async () => {
    const cli = await startCli(['--quiet', '--latency', '60000', '--stop-timeout', '300'])
    const inFlight = fetch(`${cli.origin}/api/v4/version`).then(
      (response) => response.status,
      () => 'cut',
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    cli.child.kill('SIGTERM')
    expect(await cli.exited()).toBe(0)
    expect(await inFlight).toBe('cut')
    expect(cli.stderr()).toMatch(/--stop-timeout 300 ms/)
  }, 10_000)
})

describe('MSW', () => {
  test('a second mock on the same base URL, listed after the first, is warned about once; the intended orders are not', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    // Intended: the newer mock put first (server.use), and a mock on another base URL.
    const older = createGitLabMock({ scenario: SCENARIO, now: () => START })
    const other = createGitLabMock({ scenario: SCENARIO, now: () => START, baseUrl: 'https://other.example.com/api/v4' })
    const intended = setupServer(...older.handlers, ...other.handlers, http.get('https://elsewhere.example.com/', () => HttpResponse.json({})))
    intended.listen(FAIL_UNHANDLED)
    try {
      const newer = createGitLabMock({ scenario: SCENARIO, now: () => START })
      intended.use(...newer.handlers)
      await fetch('https://gitlab.example.com/api/v4/user', { headers: { 'PRIVATE-TOKEN': TOKENS.admin } })
      await fetch('https://other.example.com/api/v4/user', { headers: { 'PRIVATE-TOKEN': TOKENS.admin } })
      expect(newer.requests).toHaveLength(1)
      expect(warn).not.toHaveBeenCalled()
    } finally {
      intended.close()
    }

    // Shadowed: the second mock's handlers listed after the first's.
    const first = createGitLabMock({ scenario: SCENARIO, now: () => START })
    const second = createGitLabMock({ scenario: { users: [{ id: 1, username: 'other', tokens: ['glpat-other'] }] } })
    const shadowed = setupServer(...first.handlers, ...second.handlers)
    shadowed.listen(FAIL_UNHANDLED)
    try {
      for (let i = 0; i < 3; i++) await fetch('https://gitlab.example.com/api/v4/user', { headers: { 'PRIVATE-TOKEN': 'glpat-other' } })
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toMatch(/two mocks serve https:\/\/gitlab\.example\.com\/api\/v4/)
      expect(second.requests).toEqual([])
    } finally {
      shadowed.close()
    }
  })
})
