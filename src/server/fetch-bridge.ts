/**
 * The node:http side of an exchange: reads a request body (with a size
 * limit), builds a Fetch `Request` for the control API (the routes get a
 * lighter `NodeRequest` instead), and writes a route's `Response` to the
 * socket, a JSON answer straight from its text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { jsonParts } from '../http/json-response.js'

export class BodyTooLarge extends Error {}
/** The client closed the connection before its request body was complete. */
export class ClientGone extends Error {}

/**
 * Reads the whole body, rejecting with BodyTooLarge past `limit` bytes and
 * with ClientGone when the client leaves mid-body. Sends `100 Continue` to
 * a client that waits for it, only once the declared size is known to fit.
 */
export function readBody(request: IncomingMessage, response: ServerResponse, limit: number): Promise<Buffer | undefined> | undefined {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.reject(new BodyTooLarge())
  // No body announced: skip the stream machinery (the common GET).
  if (declared === 0 && request.headers['transfer-encoding'] === undefined) return undefined
  if (request.headers.expect?.toLowerCase() === '100-continue') response.writeContinue()
  // Events rather than an async iterator: cheaper per request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.removeAllListeners('data')
        reject(new BodyTooLarge())
      } else chunks.push(chunk)
    })
    request.once('end', () => resolve(size === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)))
    // Node reports an aborted upload as an `aborted` error (ECONNRESET) and a close before `end`.
    request.once('error', () => reject(new ClientGone()))
    request.once('close', () => {
      if (!request.complete) reject(new ClientGone())
    })
  })
}

export function toFetchRequest(request: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers()
  const raw = request.rawHeaders
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!)
  const method = request.method ?? 'GET'
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD'
  const target = request.url ?? '/'
  // Absolute-form targets (`GET http://host/path`) keep only their path.
  const path = target.startsWith('/') ? target : new URL(target).pathname
  return new Request(origin + path + (target.startsWith('/') ? '' : new URL(target).search), {
    method,
    headers,
    ...(hasBody ? { body: new Uint8Array(body) } : {}),
  })
}

/** Writes a route's answer; synchronous for a JSON answer or one without a body, which need no read. */
export function writeFetchResponse(
  response: Response,
  res: ServerResponse,
  head: boolean,
  extra?: Record<string, string>,
): void | Promise<void> {
  // JSON answers arrive as plain data (see json-response.ts).
  const parts = jsonParts(response)
  if (parts || head || response.body === null) return writeParts(response.status, parts?.headers ?? response.headers, head ? undefined : parts?.text, res, extra)
  return response.arrayBuffer().then((bytes) => writeParts(response.status, response.headers, Buffer.from(bytes), res, extra))
}

function writeParts(
  status: number,
  from: Readonly<Record<string, string>> | Headers,
  body: string | Buffer | undefined,
  res: ServerResponse,
  extra?: Record<string, string>,
): void {
  // A flat [name, value, ...] list: writeHead takes it without building an object.
  const headers: string[] = []
  if (from instanceof Headers) from.forEach((value, key) => headers.push(key, value))
  else for (const name in from) headers.push(name, from[name]!)
  if (extra) for (const name in extra) headers.push(name, extra[name]!)
  if (body !== undefined) headers.push('content-length', String(Buffer.byteLength(body)))
  res.writeHead(status, headers)
  res.end(body)
}
