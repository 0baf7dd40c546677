/** A Fetch request's body, read once, as the bytes the routes and the journal share. */
export async function requestBytes(request: Request): Promise<Uint8Array | null> {
  return request.body === null ? null : new Uint8Array(await request.arrayBuffer())
}
