/**
 * Baseline: raw node:http answering the kit's own response bytes, read once
 * from the payload directory (argv[3]): the list for a URL ending in
 * `/integrations`, the PUT answer for a PUT (after reading the whole request
 * body, as the kit must), the slack integration otherwise. Listens on argv[2].
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'

const [port, dir] = [Number(process.argv[2] ?? 0), process.argv[3] ?? '.']
const bytes = (name: string) => readFileSync(join(dir, name))
const one = bytes('slack.json')
const list = bytes('list.json')
const put = bytes('put.json')
const send = (res: import('node:http').ServerResponse, body: Buffer) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
  res.end(body)
}
createServer((req, res) => {
  if (req.method === 'PUT') {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      Buffer.concat(chunks)
      send(res, put)
    })
  } else send(res, req.url!.endsWith('/integrations') ? list : one)
}).listen(port, '127.0.0.1')
