/**
 * The Python and Go examples are tests of their own: a pytest suite driving
 * python-gitlab (in parallel, pytest-xdist) and a `go test` suite driving
 * go-gitlab (t.Parallel()), each against one server with a tenant per test.
 * They run here against the built CLI, with Debian's packages (.ci/run
 * installs them: python3-gitlab python3-pytest python3-pytest-xdist golang-go
 * golang-github-xanzy-go-gitlab-dev); Go builds offline in GOPATH mode.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'dist/cli.js')
/** The examples start the mock themselves, as a user's suite would, with this command. */
const env = { ...process.env, GITLAB_MOCK_COMMAND: `${process.execPath} ${cli}` }

const PYTHON = '/usr/bin/python3'
const python = existsSync(PYTHON) && existsSync('/usr/lib/python3/dist-packages/gitlab') && existsSync('/usr/lib/python3/dist-packages/xdist')
const GOPATH = '/usr/share/gocode'
const go = existsSync('/usr/bin/go') && existsSync(join(GOPATH, 'src/github.com/xanzy/go-gitlab'))

test.skipIf(!python)('examples/python: pytest -n 4 with python-gitlab, a tenant per test', { timeout: 180_000 }, async () => {
  const { stdout } = await run(PYTHON, ['-m', 'pytest', '-q', '-n', '4', '-p', 'no:cacheprovider', 'examples/python'], { cwd: root, env })
  expect(stdout).toMatch(/\b5 passed\b/)
})

test.skipIf(!go)('examples/go: go test with go-gitlab, t.Parallel(), a tenant per test', { timeout: 300_000 }, async () => {
  const goEnv = { ...env, GO111MODULE: 'off', GOPATH, GOCACHE: mkdtempSync(join(tmpdir(), 'gocache-')), GOFLAGS: '' }
  const { stdout } = await run('/usr/bin/go', ['test', '-count=1', '-v', './examples/go/'], { cwd: root, env: goEnv })
  expect(stdout.match(/^--- PASS/gm)).toHaveLength(4)
  expect(stdout).toMatch(/^ok\s/m)
})

/** The built CLI on a free port: its root URL (no /api/v4) once it is listening. */
async function startCli(args: string[]): Promise<{ base: string; stop: () => void }> {
  const server = spawn(process.execPath, [cli, '--port', '0', '--quiet', ...args])
  const base = await new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      const match = /listening on (http:\/\/\S+)\/api\/v4/.exec(out)
      if (match) resolve(match[1]!)
    })
    server.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  return { base, stop: () => server.kill() }
}

/** python-gitlab (Debian's 3.x) against the newest GitLab: what changed since 13.12 shows through a real client. */
const PYTHON_19 = `
import os, gitlab
gl = gitlab.Gitlab(os.environ["MOCK"], private_token="glpat-demo-root", keep_base_url=True)
gl.auth()
assert gl.version()[0].startswith("19.0."), gl.version()
project = gl.projects.get("demo/web-app")
slack = project.integrations.get("slack", lazy=True)
slack.webhook = "https://hooks.slack.com/services/T0/B0/py19"
slack.save()
slack = project.integrations.get("slack")
assert slack.active and "webhook" not in slack.properties, slack.properties  # hidden since 15.6
assert slack.inherited is False and "incident_events" in slack.attributes
try:
    project.integrations.delete("telegram")  # never configured: 404 since 17.2
    raise SystemExit("expected a 404")
except gitlab.exceptions.GitlabDeleteError as error:
    assert error.response_code == 404, error
jira = project.integrations.get("jira", lazy=True)
jira.url = "http://127.0.0.1/jira"
jira.username = "u"
jira.password = "p"
try:
    jira.save()
    raise SystemExit("expected a 400")
except gitlab.exceptions.GitlabUpdateError as error:
    assert error.response_code == 400 and "Failed to update integration" in error.error_message, error.error_message
print("python-gitlab against 19.0: ok")
`

test.skipIf(!python)('python-gitlab against --gitlab 19.0', { timeout: 60_000 }, async () => {
  const { base, stop } = await startCli(['--gitlab', '19.0'])
  try {
    const { stdout } = await run(PYTHON, ['-c', PYTHON_19], { env: { ...process.env, MOCK: base } })
    expect(stdout).toContain('python-gitlab against 19.0: ok')
  } finally {
    stop()
  }
})

test('gitbeaker (43, the newest) against --gitlab 19.0', { timeout: 60_000 }, async () => {
  const { Gitlab } = await import('@gitbeaker/rest')
  const { base: host, stop } = await startCli(['--gitlab', '19.0'])
  try {
    const api = new Gitlab({ host, token: 'glpat-demo-root' })
    const slack = await api.Integrations.edit('demo/web-app', 'slack', { webhook: 'https://hooks.slack.com/services/T0/B0/gb', push_events: false })
    expect(slack).toMatchObject({ active: true, push_events: false, inherited: false })
    // 19.0 hides webhooks and shows every field, unset ones null.
    const shown = (await api.Integrations.show('demo/web-app', 'slack')) as unknown as { properties: Record<string, unknown> }
    expect(shown.properties).not.toHaveProperty('webhook')
    expect(shown.properties).toHaveProperty('labels_to_be_notified', null)
    await api.Integrations.disable('demo/web-app', 'slack')
    expect(((await api.Integrations.show('demo/web-app', 'slack')) as { active: boolean }).active).toBe(false)
    // gitbeaker 43's slug type predates telegram; the mock answers what 19.0 does for one never configured.
    await expect(api.Integrations.disable('demo/web-app', 'telegram' as 'slack')).rejects.toMatchObject({ cause: { response: { status: 404 } } })
  } finally {
    stop()
  }
})
