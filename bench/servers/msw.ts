/**
 * Peer: what a team would write without the kit, msw's own `getResponse()`
 * behind node:http. One handler answers the slack GET with the kit's bytes
 * (argv[3]/slack.json) when the token header is present, 401 otherwise.
 * msw 3 as installed; msw 2 when started with --import ../msw2-alias.mjs.
 * Listens on argv[2].
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { getResponse, http } from 'msw'

const [port, dir] = [Number(process.argv[2] ?? 0), process.argv[3] ?? '.']
const body = readFileSync(join(dir, 'slack.json'))
const handlers = [
  http.get('*/api/v4/projects/:id/integrations/slack', ({ request }) =>
    request.headers.get('private-token')
      ? new Response(body, { headers: { 'Content-Type': 'application/json' } })
      : Response.json({ message: '401 Unauthorized' }, { status: 401 }),
  ),
]

createServer(async (req, res) => {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  // GET only here: the peers are compared on the slack GET.
  const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method!, headers })
  const response = await getResponse(handlers, request)
  if (!response) {
    res.writeHead(404).end()
    return
  }
  const bytes = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, [...response.headers, ['content-length', String(bytes.length)]].flat())
  res.end(bytes)
}).listen(port, '127.0.0.1')
