#!/usr/bin/env node
/**
 * `gitlab-services-mock`: the standalone mock server. Parses flags, loads
 * the scenario, starts the node:http adapter and prints one ready line.
 * Usage errors exit with code 2 and a message naming the problem.
 */
import { readFileSync, watch } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createMock } from './create-gitlab-mock.js'
import { compileGitLab, UnknownGitLabError, type Edition } from './versions/index.js'
import { ScenarioError, type Scenario } from './model/scenario.js'
import { createMockServer } from './server/mock-server.js'
import { DEFAULT_TENANTS } from './server/index.js'
import { Tenants } from './server/tenants.js'
import { banner } from './cli-banner.js'

const HELP = `Usage: gitlab-services-mock [options]

Emulates GitLab's project integrations (Services) REST API, for the GitLab
release you choose.

Options:
  --gitlab X.Y          GitLab release to emulate, or "latest" (default: the
                        scenario's \`gitlab\`, else 13.12)
  --edition ee|ce       GitLab edition (default ee)
  --port N              port to listen on (default 4010; 0 picks a free port)
  --host HOST           address to bind (default 127.0.0.1)
  --scenario FILE       scenario JSON to load (default: the demo scenario)
  --seed N              generate a demo scenario from the fixture kit with
                        seed N (instead of --scenario)
  --latency MS          delay every response by MS milliseconds
  --body-limit N        largest request body in bytes (default 1048576)
  --journal-size N      requests the journal keeps (default 1000); bodies and
                        queries are kept up to 64 KiB per request and 8 MiB in
                        all
  --no-journal          keep no request journal
  --no-control          do not serve the /__mock control API
  --allowed-host NAME   also accept NAME in the Host header of /__mock
                        requests (repeatable; .example.com accepts its
                        subdomains). Always accepted: localhost, IP addresses,
                        the --host name
  --control-token T     require 'Authorization: Bearer T' on /__mock (or set
                        GITLAB_SERVICES_MOCK_CONTROL_TOKEN, which ps does not
                        show)
  --request-timeout MS  longest a client may take to send a request (default
                        300000); then 408
  --stop-timeout MS     on SIGINT/SIGTERM, how long requests in flight may
                        take to finish before they are cut (default 30000)
  --quiet               no per-request log lines
  --log text|json       per-request log lines as text (default) or one JSON
                        object each: time, method, path, status, ms, user, tenant
  --watch               reload the --scenario file when it changes (an invalid
                        file keeps the previous state)
  --max-tenants N       isolated tenants at once (POST /__mock/tenants; default
                        64; 0 turns tenants off)
  --tenant-idle S       drop a tenant unused for S seconds (default 1800; 0:
                        never)
  -v, --version         print the version
  -h, --help            show this help

Every flag can also be set in the environment: GITLAB_MOCK_PORT=4010,
GITLAB_MOCK_QUIET=1, ... (the flag's name, upper case, - as _).

Control API (unless --no-control; writes need Content-Type: application/json):
  GET    /__mock/health          status, version, GitLab version (no token)
  GET    /__mock/scenario        current state as scenario JSON
  PUT    /__mock/scenario        replace all state (body: scenario JSON)
  POST   /__mock/reset           start-up scenario, empty journal, no faults
  GET    /__mock/requests        journal (?method=&path=&status=&user=)
  GET    /__mock/requests/count  {"count": N} for the same filters
  DELETE /__mock/requests        clear the journal
  POST   /__mock/faults          fail or delay the next matching requests
  GET    /__mock/faults          pending faults
  DELETE /__mock/faults          remove them (or /__mock/faults/<id>)
  POST   /__mock/tenants         an isolated GitLab at /__tenants/<id>/api/v4
  GET    /__mock/tenants         list them
  DELETE /__mock/tenants/<id>    drop one
  GET    /__mock/openapi.json    OpenAPI 3.1 description of the served API
`

class UsageError extends Error {}

/**
 * Writes to stdout/stderr that survive the reader going away: with
 * `gitlab-services-mock --port 0 | head -1`, the pipe closes after the ready
 * line and the next write fails with EPIPE, which, unhandled, killed the
 * server. A stream that failed once is written to no more.
 */
function safeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true
  stream.on('error', () => (open = false))
  return (text) => {
    if (open && stream.writable) stream.write(text)
  }
}
const out = safeWriter(process.stdout)
const err = safeWriter(process.stderr)

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`)
  return Number(value)
}

function readScenario(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read scenario file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UsageError(`scenario file ${file} is not valid JSON: ${(error as Error).message}`)
  }
}

/**
 * The demo scenario for the chosen GitLab: generated from the fixture kit
 * with `--seed`, else the checked-in one (written for 13.12) without the
 * integrations that GitLab does not have, so `--gitlab 19.0` starts too.
 */
async function demoScenario(seed: number | undefined, gitlab: string | undefined, edition: Edition | undefined): Promise<Scenario> {
  const choice = { ...(gitlab === undefined ? {} : { gitlab }), ...(edition === undefined ? {} : { edition }) }
  if (seed !== undefined) {
    const { createFixtures } = await import('./fixtures/index.js')
    return createFixtures({ seed, ...choice }).scenario() as Scenario
  }
  const demo = readScenario(new URL('../fixtures/demo-scenario.json', import.meta.url).pathname) as Scenario
  if (gitlab === undefined && edition === undefined) return demo
  let profile
  try {
    profile = compileGitLab(choice)
  } catch (error) {
    if (error instanceof UnknownGitLabError) throw new UsageError(error.message)
    throw error
  }
  const integrations = (demo.integrations ?? []).filter((integration) => profile.integrations.has(integration.slug))
  return { ...demo, gitlab: profile.version, edition: profile.edition, integrations }
}

/**
 * Every flag can also come from the environment, for containers and CI
 * files: `--max-tenants 8` is `GITLAB_MOCK_MAX_TENANTS=8`, a switch such as
 * `--quiet` is `GITLAB_MOCK_QUIET=1`. A flag on the command line wins.
 */
const ENV_FLAGS = [
  'port', 'host', 'gitlab', 'edition', 'scenario', 'seed', 'latency', 'body-limit', 'journal-size', 'no-journal', 'no-control',
  'allowed-host', 'control-token', 'request-timeout', 'stop-timeout', 'quiet', 'log', 'watch', 'max-tenants', 'tenant-idle',
] as const
const SWITCHES = new Set(['no-journal', 'no-control', 'quiet', 'watch'])

function fromEnvironment(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const given = new Set(argv.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2).split('=')[0]))
  const args: string[] = []
  for (const flag of ENV_FLAGS) {
    const value = env[`GITLAB_MOCK_${flag.toUpperCase().replaceAll('-', '_')}`]
    if (value === undefined || value === '' || given.has(flag)) continue
    if (!SWITCHES.has(flag)) args.push(`--${flag}`, value)
    else if (!/^(0|false|no|off)$/i.test(value)) args.push(`--${flag}`)
  }
  return [...args, ...argv]
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: fromEnvironment(argv, process.env),
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      gitlab: { type: 'string' },
      edition: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      'body-limit': { type: 'string' },
      'journal-size': { type: 'string' },
      'no-journal': { type: 'boolean' },
      'no-control': { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      'control-token': { type: 'string' },
      'request-timeout': { type: 'string' },
      'stop-timeout': { type: 'string' },
      quiet: { type: 'boolean' },
      log: { type: 'string' },
      watch: { type: 'boolean' },
      'max-tenants': { type: 'string' },
      'tenant-idle': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) {
    out(HELP)
    return
  }
  if (values.version) {
    const manifest = readFileSync(new URL('../package.json', import.meta.url), 'utf8')
    process.stdout.write(`${(JSON.parse(manifest) as { version: string }).version}\n`)
    return
  }
  if (values.seed !== undefined && values.scenario !== undefined)
    throw new UsageError('--seed generates a demo scenario and cannot be combined with --scenario')
  const port = integer('port', values.port, 0, 65535) ?? 4010
  const host = values.host ?? '127.0.0.1'
  const seed = integer('seed', values.seed, 0, 2 ** 31 - 1)
  const latency = integer('latency', values.latency, 0, 600_000) ?? 0
  const bodyLimit = integer('body-limit', values['body-limit'], 1, 2 ** 31 - 1)
  const journalSize = values['no-journal'] ? 0 : (integer('journal-size', values['journal-size'], 0, 1_000_000) ?? 1000)
  const requestTimeout = integer('request-timeout', values['request-timeout'], 1, 2 ** 31 - 1)
  const stopTimeout = integer('stop-timeout', values['stop-timeout'], 0, 2 ** 31 - 1) ?? 30_000
  const control = !values['no-control']
  const controlToken = values['control-token'] ?? (process.env.GITLAB_SERVICES_MOCK_CONTROL_TOKEN || undefined)
  const maxTenants = integer('max-tenants', values['max-tenants'], 0, 10_000) ?? DEFAULT_TENANTS.max
  const tenantIdle = integer('tenant-idle', values['tenant-idle'], 0, 2 ** 31 / 1000) ?? DEFAULT_TENANTS.idleMs / 1000
  if (values.log !== undefined && values.log !== 'text' && values.log !== 'json') throw new UsageError(`--log must be text or json, got "${values.log}"`)
  if (values.watch && values.scenario === undefined) throw new UsageError('--watch reloads the --scenario file: give one')
  if (controlToken !== undefined && controlToken.length < 8) throw new UsageError('--control-token must be at least 8 characters')
  for (const name of values['allowed-host'] ?? [])
    if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i.test(name)) throw new UsageError(`--allowed-host must be a host name, got "${name}"`)
  const demo = values.scenario === undefined
  const scenario = (demo ? await demoScenario(seed, values.gitlab, values.edition as Edition | undefined) : readScenario(values.scenario!)) as Scenario

  let mock
  try {
    mock = createMock({
      baseUrl: 'http://localhost/api/v4',
      scenario,
      latency,
      journalSize,
      ...(values.gitlab === undefined ? {} : { gitlab: values.gitlab }),
      ...(values.edition === undefined ? {} : { edition: values.edition as Edition }),
    })
    await mock.ready()
  } catch (error) {
    if (error instanceof UnknownGitLabError) throw new UsageError(error.message)
    if (error instanceof ScenarioError) throw new UsageError(`${values.scenario ?? 'demo scenario'}: ${error.message}`)
    throw error
  }

  const tenants =
    maxTenants === 0
      ? undefined
      : new Tenants({
          max: maxTenants,
          idleMs: tenantIdle * 1000,
          defaults: { scenario, gitlab: mock.gitlab.version, edition: mock.gitlab.edition },
          mockOptions: { latency, journalSize },
        })
  const server = createMockServer({
    mock,
    ...(tenants ? { tenants } : {}),
    ...(values.log === 'json' ? { logFormat: 'json' as const } : {}),
    control,
    // The name it is bound to is a name it is reached by.
    allowedHosts: [host, ...(values['allowed-host'] ?? [])],
    ...(controlToken !== undefined ? { controlToken } : {}),
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
    ...(requestTimeout !== undefined ? { requestTimeout } : {}),
    ...(values.quiet ? {} : { log: (line: string) => out(line + '\n') }),
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    err(`gitlab-services-mock: cannot listen on ${host}:${port}: ${error.code ?? error.message}\n`)
    process.exit(2)
  })
  server.listen(port, host, () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    const gitlab = `${mock.gitlab.version} ${mock.gitlab.edition.toUpperCase()}`
    // One write, so a reader that sees the ready line sees the whole banner.
    out(banner({ host, port: actual, gitlab, scenario: mock.dump(), showTokens: demo }))
    if (control && !['127.0.0.1', 'localhost', '::1'].includes(host))
      err(
        `warning: the control API (/__mock) is reachable from ${host}: anyone who can connect can replace the state. ` +
          `Pass --no-control to turn it off${controlToken === undefined ? ', or --control-token to require a token' : ''}.\n`,
      )
  })

  if (values.watch) watchScenario(values.scenario!, mock)

  const stop = () => {
    // Stop accepting, let requests in flight finish (up to --stop-timeout), then exit.
    server.close(() => {
      out('gitlab-services-mock stopped\n')
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => {
      err(`gitlab-services-mock: requests still in flight after --stop-timeout ${stopTimeout} ms: closing them\n`)
      process.exit(0)
    }, stopTimeout).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/**
 * `--watch`: the scenario file is loaded again whenever it changes; an
 * invalid file keeps the state serving and says why on stderr.
 */
function watchScenario(file: string, mock: { seed(scenario: Scenario): Promise<void> }): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const reload = () => {
    let scenario: Scenario
    try {
      scenario = readScenario(file) as Scenario
    } catch (error) {
      err(`gitlab-services-mock: ${(error as Error).message}; the previous state keeps serving\n`)
      return
    }
    mock.seed(scenario).then(
      () => out(`gitlab-services-mock: reloaded ${file}\n`),
      (error: unknown) => err(`gitlab-services-mock: ${file}: ${(error as Error).message}; the previous state keeps serving\n`),
    )
  }
  // Editors save in bursts (truncate, write, rename): reload once they are done.
  // The directory, not the file: an editor that saves by rename replaces the file's inode.
  const name = basename(file)
  watch(dirname(resolve(file)), (_event, changed) => {
    if (changed !== null && changed !== name) return
    clearTimeout(timer)
    timer = setTimeout(reload, 100)
  }).unref()
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  err(`gitlab-services-mock: ${(error as Error).message}\n`)
  if (usage) err('Run gitlab-services-mock --help for usage.\n')
  process.exit(usage ? 2 : 1)
})
