/**
 * Two mocks on one base URL, both handed to MSW: MSW asks handlers in list
 * order, so the one listed first answers everything and the other never
 * sees a request, silently. `setupServer(...a.handlers, ...b.handlers)`
 * (b created later for its own data) is the usual way in. Detected when an
 * older mock answers while a newer mock on the same base URL has had its
 * handlers taken and is still alive: warned once per older mock. (A newer
 * mock answering is `server.use(...newer.handlers)`, the intended override.)
 */
interface Taken {
  readonly mock: WeakRef<object>
  readonly order: number
}

/** Mocks whose handlers were taken, by base URL, in creation order of taking. */
const takenByBase = new Map<string, Taken[]>()
const orderOf = new WeakMap<object, { order: number; base: string; warned: boolean }>()
let counter = 0

export function handlersTaken(mock: object, base: string): void {
  if (orderOf.has(mock)) return
  const order = ++counter
  orderOf.set(mock, { order, base, warned: false })
  const list = (takenByBase.get(base) ?? []).filter((entry) => entry.mock.deref() !== undefined)
  list.push({ mock: new WeakRef(mock), order })
  takenByBase.set(base, list)
}

/** Called when `mock`'s MSW handler answers a request. */
export function warnIfShadowing(mock: object): void {
  const mine = orderOf.get(mock)
  if (mine === undefined || mine.warned) return
  const list = takenByBase.get(mine.base)!
  // The newest entry is usually this mock: then nothing is shadowed, in O(1).
  const newest = list[list.length - 1]!
  if (newest.order === mine.order) return
  const shadowed = list.some((entry) => entry.order > mine.order && entry.mock.deref() !== undefined)
  if (!shadowed) return
  mine.warned = true
  console.warn(
    `[gitlab-services-mock] two mocks serve ${mine.base}: MSW sends every request to the one whose handlers come first ` +
      `(here the older one), and the newer one never answers. Give each mock its own baseUrl, or put the newer one ` +
      `first (server.use(...mock.handlers)) or alone (server.resetHandlers(...mock.handlers)).`,
  )
}
