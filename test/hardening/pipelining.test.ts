/**
 * Requests pipelined on one keep-alive connection take effect in order
 * (RFC 9112 §9.3.2). The server used to start the next request while the
 * previous one was still reading its body: a PUT then a GET sent together
 * returned the old value 50 times out of 50, and DELETE then GET showed
 * `active: true`.
 */
import { beforeAll, expect, test } from 'vitest'
import { RawConnection, rawRequest, startCli, type Cli } from './cli-support.js'

let cli: Cli
beforeAll(async () => {
  cli = await startCli(['--quiet'])
})

const SLACK = '/api/v4/projects/1/services/slack'

test('PUT then GET on one connection, 50 times: the GET always sees the PUT', async () => {
  const connection = await RawConnection.open(cli.port)
  const auth: [string, string] = ['PRIVATE-TOKEN', cli.token]
  try {
    for (let i = 0; i < 50; i++) {
      const webhook = `https://hooks.slack.com/services/T/B/pipelined-${i}`
      connection.write(
        rawRequest('PUT', SLACK, [auth, ['Content-Type', 'application/x-www-form-urlencoded']], `webhook=${encodeURIComponent(webhook)}`) +
          rawRequest('GET', SLACK, [auth]),
      )
      const put = await connection.next()
      const get = await connection.next()
      expect(put?.status).toBe(200)
      expect(get?.status).toBe(200)
      expect(JSON.parse(get!.body).properties.webhook).toBe(webhook)
    }
  } finally {
    connection.close()
  }
})

test('PUT, DELETE, GET, control dump on one connection: each sees the one before', async () => {
  const connection = await RawConnection.open(cli.port)
  const auth: [string, string] = ['PRIVATE-TOKEN', cli.token]
  try {
    for (let i = 0; i < 20; i++) {
      connection.write(
        rawRequest('PUT', SLACK, [auth, ['Content-Type', 'application/json']], JSON.stringify({ webhook: `https://hooks.slack.com/x/${i}` })) +
          rawRequest('DELETE', SLACK, [auth]) +
          rawRequest('GET', SLACK, [auth]) +
          rawRequest('GET', '/__mock/scenario', []),
      )
      const [put, remove, get, dump] = [await connection.next(), await connection.next(), await connection.next(), await connection.next()]
      expect([put?.status, remove?.status, get?.status, dump?.status]).toEqual([200, 204, 200, 200])
      expect(JSON.parse(get!.body).active).toBe(false)
      const slack = (JSON.parse(dump!.body) as { integrations: { project: number; slug: string; active: boolean }[] }).integrations.find(
        (record) => record.project === 1 && record.slug === 'slack',
      )
      expect(slack?.active).toBe(false)
    }
  } finally {
    connection.close()
  }
})
