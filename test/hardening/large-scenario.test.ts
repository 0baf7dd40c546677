/**
 * Large scenarios: `Math.max(0, ...ids)` in the loader overflowed the stack
 * at about 125 000 integrations (fewer on a smaller stack: a worker, a
 * browser tab). The CLI died with a stack trace; `seed()` rejected with a
 * RangeError; the rejected load stayed stored, so every later request
 * answered 500 until `reset()`; and an unawaited
 * `createGitLabMock({ scenario })` became an unhandled rejection that
 * killed the process. Reproduced here in a child process running the
 * built kit on a 200 KiB stack, where 30 000 integrations are enough; the
 * 1 000 000-integration load is measured by `npm run soak -- --load`.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const KIT = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** Runs an ES module body against the built kit on a small stack; resolves with its exit code and output. */
function run(body: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const source = `import { createGitLabMock, ScenarioError } from ${JSON.stringify(KIT)}\n${SCENARIO_SOURCE}\n${body}`
  const child = spawn(process.execPath, ['--stack-size=200', '--input-type=module', '-e', source])
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

/** `scenario(n)`: n integrations over n / 10 projects, every id given. */
const SCENARIO_SOURCE = `
const SLUGS = ['slack', 'mattermost', 'discord', 'campfire', 'flowdock', 'irker', 'bamboo', 'buildkite', 'drone-ci', 'teamcity']
const scenario = (n, user = 'root') => ({
  users: [{ id: 1, username: user, admin: true, tokens: ['glpat-' + user] }],
  projects: Array.from({ length: n / 10 }, (_, i) => ({ id: i + 1, path_with_namespace: 'g/p' + (i + 1) })),
  integrations: Array.from({ length: n }, (_, i) => ({ id: i + 1, project: Math.floor(i / 10) + 1, slug: SLUGS[i % 10] })),
})
const list = async (mock, token) => {
  const response = await mock.dispatch(new Request('https://gitlab.example.com/api/v4/projects/7/services', { headers: { 'PRIVATE-TOKEN': token } }))
  return response.status + ' ' + (response.status === 200 ? (await response.json()).length : await response.text())
}
`

test('an unawaited createGitLabMock with a large scenario loads; requests are served', async () => {
  const result = await run(`
    const mock = createGitLabMock({ scenario: scenario(30_000) })
    console.log(await list(mock, 'glpat-root'))
  `)
  expect(result.stderr).toBe('')
  expect(result.stdout.trim()).toBe('200 10')
  expect(result.code).toBe(0)
}, 30_000)

test('seed() of a large scenario resolves and replaces the state; a failed seed leaves the previous one serving', async () => {
  const result = await run(`
    const mock = createGitLabMock({ scenario: scenario(10, 'small') })
    await mock.ready()
    console.log(await list(mock, 'glpat-small'))
    await mock.seed(scenario(30_000, 'large'))
    console.log(await list(mock, 'glpat-large'), (await list(mock, 'glpat-small')).split(' ')[0])
    const nextId = mock.dump().integrations.length
    const error = await mock.seed({ projects: [{ id: 1, path_with_namespace: 'a/b' }], integrations: [{ project: 2, slug: 'slack' }] }).catch((e) => e)
    console.log(error instanceof ScenarioError, await list(mock, 'glpat-large'), nextId)
  `)
  expect(result.stderr).toBe('')
  expect(result.stdout.trim().split('\n')).toEqual(['404 {"message":"404 Project Not Found"}', '200 10 401', 'true 200 10 30000'])
  expect(result.code).toBe(0)
}, 30_000)
