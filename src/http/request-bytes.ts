/**
 * A Fetch request's body, read once, as the bytes the routes and the journal
 * share; refused past a size limit, which the MSW handlers and `dispatch()`
 * answer with the standalone server's 413.
 */
import { json } from './json-response.js'

/** Largest request body accepted by default, in bytes (the standalone server's default too). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

export class BodyTooLarge extends Error {}

export const bodyTooLarge = (headers?: Record<string, string>) => json({ message: '413 Request Entity Too Large' }, 413, headers)

/** The body's bytes (null when there is none); rejects with BodyTooLarge past `limit` bytes, without reading the rest. */
export async function requestBytes(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<Uint8Array | null> {
  if (request.body === null) return null
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new BodyTooLarge()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      void reader.cancel().catch(() => undefined)
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}
