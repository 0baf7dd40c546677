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

export async function writeFetchResponse(
  response: Response,
  res: ServerResponse,
  head: boolean,
  extra?: Record<string, string>,
): Promise<void> {
  // JSON answers arrive body-less with their text and headers beside them, as plain data (see responses.ts).
  const parts = jsonParts(response)
  const body: string | Buffer | undefined = head
    ? undefined
    : (parts?.text ?? (response.body === null ? undefined : Buffer.from(await response.arrayBuffer())))
  // A flat [name, value, ...] list: writeHead takes it without building an object.
  const headers: string[] = []
  if (parts) for (const name in parts.headers) headers.push(name, parts.headers[name]!)
  else response.headers.forEach((value, key) => headers.push(key, value))
  if (extra) for (const name in extra) headers.push(name, extra[name]!)
  if (body !== undefined) headers.push('content-length', String(Buffer.byteLength(body)))
  res.writeHead(response.status, headers)
  res.end(body)
}
