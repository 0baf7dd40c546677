#!/usr/bin/env node
/**
 * `gitlab-services-mock`: the standalone mock server. Parses flags, loads
 * the scenario, starts the node:http adapter and prints one ready line.
 * Usage errors exit with code 2 and a message naming the problem.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createGitLabMock } from './create-gitlab-mock.js'
import { UnknownGitLabError, type Edition } from './versions/index.js'
import { ScenarioError, type Scenario } from './model/scenario.js'
import { createMockServer } from './server/mock-server.js'
import { banner } from './cli-banner.js'

const HELP = `Usage: gitlab-services-mock [options]

Emulates GitLab's project integrations (Services) REST API, for the GitLab
release you choose.

Options:
  --gitlab X.Y      GitLab release to emulate, or "latest" (default: the
                    scenario's \`gitlab\`, else 13.12)
  --edition ee|ce   GitLab edition (default ee)
  --port N          port to listen on (default 4010; 0 picks a free port)
  --host HOST       address to bind (default 127.0.0.1)
  --scenario FILE   scenario JSON to load (default: the demo scenario)
  --seed N          generate a demo scenario from the fixture kit with seed N
                    (instead of --scenario)
  --latency MS      delay every response by MS milliseconds
  --body-limit N    largest request body in bytes (default 1048576)
  --no-control      do not serve the /__mock control API
  --quiet           no per-request log lines
  -v, --version     print the version
  -h, --help        show this help

Control API (unless --no-control):
  GET    /__mock/scenario      current state as scenario JSON
  PUT    /__mock/scenario      replace all state (body: scenario JSON)
  POST   /__mock/reset         back to the start-up scenario
  GET    /__mock/requests      request journal, oldest first
  DELETE /__mock/requests      clear the journal
  GET    /__mock/openapi.json  OpenAPI 3.1 description derived from the catalog
`

class UsageError extends Error {}

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

async function demoScenario(seed: number | undefined): Promise<Scenario> {
  if (seed !== undefined) {
    const { createFixtures } = await import('./fixtures/index.js')
    return createFixtures({ seed }).scenario() as Scenario
  }
  return readScenario(new URL('../fixtures/demo-scenario.json', import.meta.url).pathname) as Scenario
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
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
      'no-control': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
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
  const control = !values['no-control']
  const demo = values.scenario === undefined
  const scenario = (demo ? await demoScenario(seed) : readScenario(values.scenario!)) as Scenario

  let mock
  try {
    mock = createGitLabMock({
      baseUrl: 'http://localhost/api/v4',
      scenario,
      latency,
      ...(values.gitlab === undefined ? {} : { gitlab: values.gitlab }),
      ...(values.edition === undefined ? {} : { edition: values.edition as Edition }),
    })
    await mock.ready()
  } catch (error) {
    if (error instanceof UnknownGitLabError) throw new UsageError(error.message)
    if (error instanceof ScenarioError) throw new UsageError(`${values.scenario ?? 'demo scenario'}: ${error.message}`)
    throw error
  }

  const server = createMockServer({
    mock,
    control,
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
    ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(line + '\n') }),
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`gitlab-services-mock: cannot listen on ${host}:${port}: ${error.code ?? error.message}\n`)
    process.exit(2)
  })
  server.listen(port, host, () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    const gitlab = `${mock.gitlab.version} ${mock.gitlab.edition.toUpperCase()}`
    // One write, so a reader that sees the ready line sees the whole banner.
    process.stdout.write(banner({ host, port: actual, gitlab, scenario: mock.dump(), showTokens: demo }))
    if (control && !['127.0.0.1', 'localhost', '::1'].includes(host))
      process.stderr.write(
        `warning: the control API (/__mock) is reachable from ${host}: anyone who can connect can replace the state. Pass --no-control to turn it off.\n`,
      )
  })

  const stop = () => {
    // Stop accepting, let requests in flight finish, then exit.
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  process.stderr.write(`gitlab-services-mock: ${(error as Error).message}\n`)
  if (usage) process.stderr.write('Run gitlab-services-mock --help for usage.\n')
  process.exit(usage ? 2 : 1)
})
