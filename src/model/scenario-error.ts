/** The scenario loader's one error: what is wrong, and the JSON path of the offending value. */

/** An invalid scenario; `path` is the JSON path of the offending value (`$.integrations[0].slug`). */
export class ScenarioError extends Error {
  readonly path: string
  readonly reason: string
  constructor(path: string, reason: string) {
    super(`Invalid scenario at ${path}: ${reason}`)
    this.path = path
    this.reason = reason
    this.name = 'ScenarioError'
  }
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_]\w*$/.test(String(key)) ? `${path}.${String(key)}` : `${path}[${JSON.stringify(String(key))}]`),
    '$',
  )
}

export function fail(segments: readonly PropertyKey[], reason: string): never {
  throw new ScenarioError(jsonPath(segments), reason)
}
