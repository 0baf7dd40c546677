/**
 * The standalone server never loads msw (about 120 ms and 25 MB of its
 * start): a child process in which any import of msw fails still starts the
 * built server and answers over loopback, while the main entry, which hands
 * out MSW handlers, cannot load there. A mock made by the server says where
 * MSW handlers come from.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { startMockServer } from 'gitlab-services-mock/server'

const dist = (file: string) => new URL(`../../dist/${file}`, import.meta.url).href
const refuseMsw = `export async function resolve(specifier, context, next) {
  if (specifier === 'msw' || specifier.startsWith('msw/')) throw new Error('msw imported: ' + specifier)
  return next(specifier, context)
}`

/** Runs `body` as an ES module in a Node where importing msw throws; returns what it printed. */
async function withoutMsw(body: string): Promise<string> {
  const script = `import { register } from 'node:module'
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuseMsw)}))
${body}`
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    timeout: 20_000,
  })
  return stdout.trim()
}

test('the built server starts and answers without msw; the main entry needs it', async () => {
  const served = await withoutMsw(`
const { startMockServer } = await import(${JSON.stringify(dist('server.js'))})
const server = await startMockServer({ scenario: { users: [{ id: 1, username: 'root', admin: true, tokens: ['glpat-root'] }] } })
const response = await fetch(server.url + '/version', { headers: { 'PRIVATE-TOKEN': 'glpat-root' } })
console.log(response.status, (await response.json()).version)
await server.close()`)
  expect(served).toMatch(/^200 13\.12\.\d+-ee$/)
  const main = await withoutMsw(`
await import(${JSON.stringify(dist('index.js'))}).then(() => console.log('loaded'), (error) => console.log(error.message))`)
  expect(main).toBe('msw imported: msw')
})

test("a server's mock has no MSW handlers, and says which mock does", async () => {
  const server = await startMockServer()
  try {
    expect(() => server.mock.handlers).toThrow(/createGitLabMock\(\) from 'gitlab-services-mock'/)
  } finally {
    await server.close()
  }
})
