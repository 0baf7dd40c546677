/**
 * The Python and Go examples are tests of their own: a pytest suite driving
 * python-gitlab (in parallel, pytest-xdist) and a `go test` suite driving
 * go-gitlab (t.Parallel()), each against one server with a tenant per test.
 * They run here against the built CLI, with Debian's packages (.ci/run
 * installs them: python3-gitlab python3-pytest python3-pytest-xdist golang-go
 * golang-github-xanzy-go-gitlab-dev); Go builds offline in GOPATH mode.
 */
import { execFile } from 'node:child_process'
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
