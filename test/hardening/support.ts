/**
 * Shared by the hardening suite: a scenario whose every secret is a known,
 * greppable value, the fuzzing knobs (seed and size from the environment),
 * and two transports that send the same raw request either through `fetch`
 * (intercepted by MSW) or through node:http to a standalone server over
 * loopback (node:http sends targets and headers as given: `..`, duplicate
 * headers, a forged Host).
 */
import { request as httpRequest, Agent } from 'node:http'
import type { Parameters as FcParameters } from 'fast-check'
import { catalog13_12, type IntegrationSpec, type Scenario, type ScenarioIntegration } from 'gitlab-services-mock'
import { sampleValue } from '../core/support.js'
import { isHiddenField } from '../support/gitlab-13-12.js'

// ---------------------------------------------------------------- fuzzing knobs

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`)
  return value
}

/** Fixed unless `FUZZ_SEED` says otherwise, so every run of the suite fuzzes the same cases. */
export const FUZZ_SEED = intEnv('FUZZ_SEED', 20210601)

/**
 * fast-check parameters: `defaultRuns` runs (or `FUZZ_RUNS`) from `FUZZ_SEED`;
 * `FUZZ_PATH` replays one counterexample (fast-check prints seed and path
 * when a property fails).
 */
export function fuzzParameters(defaultRuns: number): FcParameters<unknown> {
  const path = process.env.FUZZ_PATH
  return { seed: FUZZ_SEED, numRuns: intEnv('FUZZ_RUNS', defaultRuns), ...(path ? { path } : {}) }
}

// ---------------------------------------------------------------- secrets

/** Every secret contains this marker, and nothing else the suite sends does. */
export const SECRET_MARK = 'S3CR3T'
/** Word characters only, so a secret passes format rules such as datadog's api_key `\A\w+\z`. */
export const secret = (what: string) => `${SECRET_MARK}_${what.replace(/\W/g, '_')}_q7Zx`

export const TOKENS = {
  admin: `glpat-${secret('admin')}`,
  maintainer: `glpat-${secret('maintainer')}`,
  readApi: `glpat-${secret('read-api')}`,
  expired: `glpat-${secret('expired')}`,
  revoked: `glpat-${secret('revoked')}`,
  developer: `glpat-${secret('developer')}`,
  outsider: `glpat-${secret('outsider')}`,
  blocked: `glpat-${secret('blocked')}`,
} as const

export const START = Date.parse('2021-06-01T10:00:00.000Z')

export const PROJECT = { id: 1, path: 'acme/app' } as const
export const PUBLIC_PROJECT = { id: 2, path: 'acme/public-app' } as const
export const BLANK_PROJECT = { id: 3, path: 'acme/blank' } as const

/** Slugs with GET/PUT/DELETE routes on a default mock. */
export const ROUTABLE: readonly IntegrationSpec[] = catalog13_12.filter((spec) => spec.availability === 'available')

/** Fields a scenario record may hold for a slug (the model's fields). */
function modelFields(spec: IntegrationSpec): string[] {
  return spec.fields ? [...spec.fields] : [...spec.params.filter((p) => !p.writeOnly && !p.topLevel).map((p) => p.name), ...(spec.extraFields ?? [])]
}

/** A value for a field: a secret when GitLab hides the field, else something the model accepts. */
export function fieldValue(spec: IntegrationSpec, name: string, tag = 'seeded'): string | number | boolean {
  if (isHiddenField(name)) return secret(`${tag}-${spec.slug}-${name}`)
  const param = spec.params.find((p) => p.name === name)
  return param ? sampleValue(spec, param) : `${name}-value`
}

/** A complete, valid PUT body for a slug whose secrets are new secrets tagged `tag`. */
export function putBody(spec: IntegrationSpec, tag: string): Record<string, string | number | boolean> {
  return Object.fromEntries(spec.params.map((p) => [p.name, fieldValue(spec, p.name, tag)]))
}

/** Every secret a PUT body for `spec` tagged `tag` carries. */
export function secretsOf(body: Record<string, unknown>): string[] {
  return Object.values(body).filter((value): value is string => typeof value === 'string' && value.includes(SECRET_MARK))
}

/**
 * Callers of every kind, three projects, and on the private project one
 * configured record of every integration that has fields (list-only
 * `alerts` included), each holding a distinct known secret in every field
 * GitLab hides.
 */
export const SCENARIO: Scenario = {
  version: 1,
  users: [
    { id: 1, username: 'root', admin: true, tokens: [TOKENS.admin] },
    {
      id: 2,
      username: 'maintainer',
      tokens: [
        TOKENS.maintainer,
        { token: TOKENS.readApi, scopes: ['read_api'] },
        { token: TOKENS.expired, scopes: ['api'], expires_at: '2021-05-01T00:00:00.000Z' },
        { token: TOKENS.revoked, scopes: ['api'], revoked: true },
      ],
    },
    { id: 3, username: 'developer', tokens: [TOKENS.developer] },
    { id: 4, username: 'outsider', tokens: [TOKENS.outsider] },
    { id: 5, username: 'blocked', state: 'blocked', tokens: [TOKENS.blocked] },
  ],
  projects: [
    {
      id: PROJECT.id,
      path_with_namespace: PROJECT.path,
      visibility: 'private',
      members: [
        { user: 'maintainer', access_level: 40 },
        { user: 'developer', access_level: 30 },
        { user: 'blocked', access_level: 40 },
      ],
    },
    {
      id: PUBLIC_PROJECT.id,
      path_with_namespace: PUBLIC_PROJECT.path,
      visibility: 'public',
      members: [{ user: 'maintainer', access_level: 40 }],
    },
    {
      id: BLANK_PROJECT.id,
      path_with_namespace: BLANK_PROJECT.path,
      visibility: 'private',
      members: [{ user: 'maintainer', access_level: 40 }],
    },
  ],
  integrations: [
    ...catalog13_12
      .filter((spec) => spec.availability === 'available' || spec.availability === 'list-only')
      .map((spec, index) => ({
        id: 100 + index,
        project: PROJECT.id,
        slug: spec.slug,
        properties: Object.fromEntries(modelFields(spec).map((name) => [name, fieldValue(spec, name)])),
      }) as ScenarioIntegration),
    { id: 200, project: PUBLIC_PROJECT.id, slug: 'slack', properties: { webhook: 'https://hooks.slack.com/services/T0/B0/public' } },
  ],
}

/** The secrets the scenario holds (token values and hidden fields). */
export const SEEDED_SECRETS: readonly string[] = [
  ...Object.values(TOKENS),
  ...(SCENARIO.integrations ?? []).flatMap((integration) => secretsOf(integration.properties ?? {})),
]

// ---------------------------------------------------------------- transports

/** A request as the fuzzer and the secrets test describe it: raw target, raw header list, raw body. */
export interface RawRequest {
  readonly method: string
  /** Path and query as sent (`/api/v4/projects/acme%2Fapp/services?x=1`). */
  readonly target: string
  readonly headers: readonly (readonly [string, string])[]
  readonly body?: string | Uint8Array
}

export interface RawResponse {
  readonly status: number
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
}

export type Transport = (request: RawRequest) => Promise<RawResponse>

const TIMEOUT_MS = 10_000

const bytes = (body: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body)

/**
 * Through `fetch`, which MSW intercepts: the URL is normalised by the WHATWG
 * parser, GET/HEAD bodies cannot be sent (dropped here) and the body goes as
 * bytes so fetch adds no Content-Type of its own.
 */
export function fetchTransport(origin: string): Transport {
  return async ({ method, target, headers, body }) => {
    const list = new Headers()
    for (const [name, value] of headers) list.append(name, value)
    const canHaveBody = !['GET', 'HEAD'].includes(method.toUpperCase())
    const response = await fetch(origin + target, {
      method,
      headers: list,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(body !== undefined && canHaveBody ? { body: bytes(body) } : {}),
    })
    const out: Record<string, string> = {}
    response.headers.forEach((value, name) => (out[name] = value))
    return { status: response.status, headers: out, text: await response.text() }
  }
}

/**
 * Through node:http to `origin`: target, repeated headers and a Host header
 * are sent verbatim. The method is upper-cased: node's HTTP parser knows
 * only upper-case methods and answers anything else itself.
 */
export function httpTransport(origin: string, agent = new Agent({ keepAlive: true, maxSockets: 64 })): Transport {
  const { hostname, port } = new URL(origin)
  return ({ method, target, headers, body }) =>
    new Promise((resolve, reject) => {
      const grouped = new Map<string, string[]>()
      for (const [name, value] of headers) grouped.set(name, [...(grouped.get(name) ?? []), value])
      const request = httpRequest({ host: hostname, port, method: method.toUpperCase(), path: target, agent }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const out: Record<string, string> = {}
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
          resolve({ status: response.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') })
        })
      })
      for (const [name, values] of grouped) request.setHeader(name, values.length === 1 ? values[0]! : values)
      // Framed explicitly: node sends a GET body unframed otherwise, and the server would read it as the next request.
      const payload = body === undefined ? undefined : bytes(body)
      if (payload !== undefined) request.setHeader('Content-Length', payload.byteLength)
      request.setTimeout(TIMEOUT_MS, () => request.destroy(new Error(`no answer in ${TIMEOUT_MS} ms: ${method} ${target}`)))
      request.on('error', reject)
      request.end(payload)
    })
}

/** The JSON a response carries, or a failure naming the request when it is not JSON. */
export function parseJson(response: RawResponse, what: string): unknown {
  try {
    return JSON.parse(response.text)
  } catch {
    throw new Error(`${what}: body is not JSON: ${JSON.stringify(response.text.slice(0, 200))}`)
  }
}

/** Snapshot of Object.prototype (and friends), to prove nothing was added or replaced. */
export function prototypeSnapshot(): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {}
  for (const [name, proto] of [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
  ] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!
      snapshot[`${name}.${String(key)}`] = descriptor.value ?? descriptor.get
    }
  }
  return snapshot
}
