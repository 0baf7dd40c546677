/**
 * The `worker.start()` option that says what to do with requests no handler
 * serves. msw 3 renamed it (`onUnhandledFrame`, since it also covers
 * WebSocket frames); msw 2 reads `onUnhandledRequest`. The installed major
 * is told apart by a feature, not a version string: msw 3's worker is a
 * network with a public `readyState`, msw 2's worker has none.
 */
export type UnhandledStrategy = 'bypass' | 'warn' | 'error'

export type UnhandledOption =
  | { onUnhandledFrame: UnhandledStrategy }
  | { onUnhandledRequest: UnhandledStrategy }

export function unhandledOption(worker: object, strategy: UnhandledStrategy): UnhandledOption {
  return 'readyState' in worker ? { onUnhandledFrame: strategy } : { onUnhandledRequest: strategy }
}
