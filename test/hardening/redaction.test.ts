/**
 * Secrets stay out of the journal and the log whatever way they arrive.
 * Found by the attack: a JSON body sent with curl's default form type was
 * journaled as one key holding the whole JSON, password included;
 * `?PRIVATE_TOKEN=` and a `Password=` field were not redacted (the name
 * check was case-sensitive); an absolute-form target with userinfo
 * (`http://root:secret@gitlab/api/v4/user`) and a fragment were logged
 * verbatim. Checked on the built CLI (journal and log lines) and under MSW.
 */
import { setupServer } from 'msw/node'
import { FAIL_UNHANDLED } from '../core/support.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createGitLabMock } from 'gitlab-services-mock'
import { exchange, rawRequest, startCli, type Cli } from './cli-support.js'
import { SCENARIO, START, TOKENS } from './support.js'

const MARK = 'S3CR3T'
let n = 0
/** A fresh secret per use, so a leak names its case. */
const secret = (what: string) => `${MARK}-${what}-${n++}`

type Case = readonly [name: string, method: string, target: (s: string) => string, headers: readonly [string, string][], body: (s: string) => string]
const FORM: [string, string] = ['Content-Type', 'application/x-www-form-urlencoded']
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json']
const SLACK = '/api/v4/projects/1/services/slack'

const CASES: readonly Case[] = [
  ['JSON sent as a form (curl -d default)', 'PUT', () => SLACK, [FORM], (s) => JSON.stringify({ webhook: 'https://hooks.slack.com/x', password: s })],
  ['JSON without a content type', 'PUT', () => SLACK, [], (s) => `{"token":"${s}"}`],
  ['?PRIVATE_TOKEN=', 'GET', (s) => `/api/v4/user?PRIVATE_TOKEN=${s}`, [], () => ''],
  ['?Private-Token=', 'GET', (s) => `/api/v4/user?Private-Token=${s}`, [], () => ''],
  ['a Password= form field', 'PUT', () => '/api/v4/projects/1/services/jira', [FORM], (s) => `url=https://jira.example.com&Password=${s}`],
  ['a nested service[password] field', 'PUT', () => '/api/v4/projects/1/services/jira', [FORM], (s) => `service[password]=${s}`],
  ['a percent-encoded name', 'PUT', () => '/api/v4/projects/1/services/jira', [FORM], (s) => `pass%77ord=${s}`],
  ['JSON, upper-case names, nested', 'PUT', () => SLACK, [JSON_TYPE], (s) => JSON.stringify({ PASSWORD: s, service: { Api_Key: s }, list: [{ Token: s }] })],
  ['a JSON document as a query key', 'GET', (s) => `/api/v4/user?${encodeURIComponent(JSON.stringify({ password: s }))}`, [], () => ''],
  ['a secret in the content type', 'PUT', () => SLACK, [], () => ''],
  ['multipart', 'PUT', () => '/api/v4/projects/1/services/jira', [], () => ''],
]

describe('the standalone server (built CLI): journal and log', () => {
  let cli: Cli
  beforeAll(async () => {
    cli = await startCli([])
  })

  test.each(CASES)('%s', async (name, method, target, headers, body) => {
    const s = secret(name.replace(/\W+/g, '-'))
    let extra = headers
    let payload = body(s)
    if (name === 'a secret in the content type') extra = [['Content-Type', `text/x-${s}`]]
    if (name === 'multipart') {
      const boundary = 'b0undary'
      extra = [['Content-Type', `multipart/form-data; boundary=${boundary}`]]
      payload = `--${boundary}\r\nContent-Disposition: form-data; name="password"\r\n\r\n${s}\r\n--${boundary}--\r\n`
    }
    await fetch(`${cli.origin}/__mock/requests`, { method: 'DELETE' })
    const answer = await exchange(cli.port, rawRequest(method, target(s), [['PRIVATE-TOKEN', cli.token], ...extra], payload))
    expect(answer.status).toBeLessThan(500)
    const journal = await (await fetch(`${cli.origin}/__mock/requests`)).text()
    expect(JSON.parse(journal)).toHaveLength(1)
    expect(journal).not.toContain(s)
    expect(cli.stdout()).not.toContain(s)
  })

  test.each([
    ['userinfo in an absolute-form target', (s: string) => `http://root:${s}@gitlab/api/v4/user`],
    ['userinfo, control API', (s: string) => `http://root:${s}@127.0.0.1/__mock/requests`],
    ['a fragment', (s: string) => `/api/v4/user#${s}`],
    ['a fragment after a query', (s: string) => `/api/v4/user?x=1#${s}`],
    ['a query on an unknown path', (s: string) => `/nowhere?private_token=${s}`],
  ])('%s never reaches the log', async (name, target) => {
    const s = secret(name.replace(/\W+/g, '-'))
    const before = cli.stdout().length
    const answer = await exchange(cli.port, rawRequest('GET', target(s), []))
    expect(answer.status).toBeLessThan(500)
    // The log line is written once the answer is: wait for it.
    await expect.poll(() => cli.stdout().length).toBeGreaterThan(before)
    expect(cli.stdout()).not.toContain(s)
    expect(await (await fetch(`${cli.origin}/__mock/requests`)).text()).not.toContain(s)
  })
})

describe('MSW: the journal', () => {
  const mock = createGitLabMock({ scenario: SCENARIO, now: () => START })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterAll(() => server.close())

  test.each(CASES.filter(([name]) => !['a secret in the content type', 'multipart'].includes(name)))('%s', async (name, method, target, headers, body) => {
    const s = secret(name.replace(/\W+/g, '-'))
    mock.clearRequests()
    const response = await fetch(`https://gitlab.example.com${target(s)}`, {
      method,
      headers: [['PRIVATE-TOKEN', TOKENS.admin], ...headers],
      ...(method === 'GET' ? {} : { body: new TextEncoder().encode(body(s)) }),
    })
    expect(response.status).toBeLessThan(500)
    expect(mock.requests).toHaveLength(1)
    expect(JSON.stringify(mock.requests)).not.toContain(s)
  })
})
