/**
 * msw 3 needs Node >= 22.12: its socket interceptor calls
 * `Promise.withResolvers` (@mswjs/interceptors, `TcpSocketController`), so
 * on Node 20 every intercepted request fails with an opaque "fetch failed".
 * msw 2 runs on Node 20. The check runs where a user takes the handlers, so
 * the message comes before the first request, and names the ways out.
 */
import * as msw from 'msw'

/** Only msw 3 exports it (msw 2.x has none). */
const isMsw3 = 'isPassthroughResponse' in msw

export function assertMswRuns(): void {
  if (!isMsw3 || typeof (Promise as { withResolvers?: unknown }).withResolvers === 'function') return
  const runtime = typeof process === 'object' ? `Node.js ${process.version}` : 'this runtime'
  throw new Error(
    `gitlab-services-mock: msw 3 needs Node.js >= 22.12 (it calls Promise.withResolvers), and this is ${runtime}. ` +
      'Run the tests on Node.js >= 22.12, or install msw 2 (npm i -D msw@2), which the kit supports on Node.js >= 20.19.',
  )
}
