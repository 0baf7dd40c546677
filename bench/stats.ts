/** Small statistics helpers shared by the benchmarks. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Times `fn` `count` times in a row; returns microseconds per call. */
export async function perCall(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < count; i++) await fn()
  return ((performance.now() - started) * 1000) / count
}

/**
 * The same, in this process's CPU time (user + system, all threads):
 * unlike wall time it does not count the time the machine gave to other
 * processes, so a busy machine moves it far less.
 */
export async function cpuPerCall(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage()
  for (let i = 0; i < count; i++) await fn()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / count
}

/** Median and range of a measure over rounds: the table shows all three. */
export interface Spread {
  median: number
  min: number
  max: number
}

export function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) }
}
