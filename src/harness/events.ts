/**
 * The mock's lifecycle events, as msw's `server.events` are: the kit never
 * logs on its own; a harness that wants to see a failure subscribes.
 */
export interface MockEventMap {
  /** A route threw: the request was answered 500 `{"message":"500 Internal Server Error"}`. */
  unhandledException: { readonly error: unknown; readonly method: string; readonly url: string }
}

export type MockEventListener<K extends keyof MockEventMap> = (event: MockEventMap[K]) => void

export class MockEvents {
  readonly #listeners = new Map<keyof MockEventMap, Set<MockEventListener<never>>>()

  on<K extends keyof MockEventMap>(type: K, listener: MockEventListener<K>): () => void {
    let set = this.#listeners.get(type)
    if (!set) this.#listeners.set(type, (set = new Set()))
    set.add(listener as MockEventListener<never>)
    return () => this.off(type, listener)
  }

  off<K extends keyof MockEventMap>(type: K, listener: MockEventListener<K>): void {
    this.#listeners.get(type)?.delete(listener as MockEventListener<never>)
  }

  emit<K extends keyof MockEventMap>(type: K, event: MockEventMap[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) {
      try {
        ;(listener as MockEventListener<K>)(event)
      } catch {
        // A listener's own failure must not turn into the request's.
      }
    }
  }
}
