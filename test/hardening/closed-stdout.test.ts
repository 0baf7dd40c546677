/**
 * `gitlab-services-mock --port 0 | head -1`, the obvious way to read the
 * port in a script: the reader closes the pipe after the ready line, the
 * next log line fails with EPIPE. It used to crash the server (the next
 * request got ECONNREFUSED); it must keep serving and stop logging.
 */
import { expect, test } from 'vitest'
import { startCli } from './cli-support.js'

test('the server keeps serving after its stdout reader goes away', async () => {
  const cli = await startCli([])
  // What `head -1` does once it has its line: close the pipe's read end.
  cli.child.stdout.destroy()
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${cli.origin}/api/v4/projects/1/services`, { headers: { 'PRIVATE-TOKEN': cli.token } })
    expect(response.status).toBe(200)
  }
  expect(cli.child.exitCode).toBe(null)
  expect(cli.stderr()).not.toMatch(/EPIPE|Error/)
})

test('and after its stderr reader goes away too', async () => {
  const cli = await startCli(['--host', '0.0.0.0'])
  cli.child.stdout.destroy()
  cli.child.stderr.destroy()
  for (let i = 0; i < 10; i++) expect((await fetch(`${cli.origin}/api/v4/nowhere`)).status).toBe(404)
  expect(cli.child.exitCode).toBe(null)
})
