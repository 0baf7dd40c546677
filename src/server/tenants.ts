/**
 * Tenants: isolated mocks on one server, for parallel test workers. Each
 * tenant is a whole `GitLabMock` (state, journal, faults) answering under
 * `/__tenants/<id>/api/v4`, with its own control API under
 * `/__tenants/<id>/__mock`. Bounded: at most `max` at once (429 past it),
 * and a tenant unused for `idleMs` is dropped.
 */
import { createMock, type GitLabMock } from '../create-gitlab-mock.js'
import { json } from '../http/json-response.js'
import type { Scenario } from '../model/scenario.js'
import type { Edition } from '../versions/index.js'

export const TENANTS_PREFIX = '/__tenants'

export interface Tenant {
  readonly id: string
  /** `/__tenants/<id>`: the tenant's API is under `<prefix>/api/v4`, its control API under `<prefix>/__mock`. */
  readonly prefix: string
  readonly mock: GitLabMock
  lastUsed: number
}

export interface TenantOptions {
  /** How many tenants may exist at once. */
  readonly max: number
  /** Drop a tenant unused for this many milliseconds (0: never). */
  readonly idleMs: number
  /** What a tenant starts from when its request names nothing: the server's own scenario and GitLab. */
  readonly defaults: { readonly scenario: Scenario; readonly gitlab: string; readonly edition: Edition }
  /** Options every tenant mock shares (latency, journal size, body limit, clock). */
  readonly mockOptions?: Parameters<typeof createMock>[0]
}

const FIELDS = new Set(['scenario', 'gitlab', 'edition'])

export class Tenants {
  readonly #tenants = new Map<string, Tenant>()
  readonly #options: TenantOptions
  #sweeper: ReturnType<typeof setInterval> | undefined

  constructor(options: TenantOptions) {
    this.#options = options
    if (options.idleMs > 0) {
      this.#sweeper = setInterval(() => this.sweep(Date.now()), Math.min(options.idleMs, 60_000))
      this.#sweeper.unref?.()
    }
  }

  /** A new tenant from a control request's JSON body (`{ scenario?, gitlab?, edition? }`), or the 4xx refusing it. */
  create(body: unknown): Tenant | Response {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return json({ error: 'a tenant is a JSON object', path: '$' }, 400)
    for (const key of Object.keys(body))
      if (!FIELDS.has(key)) return json({ error: `unknown tenant field ${JSON.stringify(key)}: use scenario, gitlab, edition`, path: `$.${key}` }, 400)
    const { scenario, gitlab, edition } = body as { scenario?: Scenario; gitlab?: unknown; edition?: unknown }
    if (gitlab !== undefined && typeof gitlab !== 'string') return json({ error: 'gitlab must be a version such as "17.3"', path: '$.gitlab' }, 400)
    if (edition !== undefined && edition !== 'ee' && edition !== 'ce') return json({ error: 'edition must be "ee" or "ce"', path: '$.edition' }, 400)
    this.sweep(Date.now())
    if (this.#tenants.size >= this.#options.max)
      return json({ error: `429 Too Many Tenants: at most ${this.#options.max} at once; DELETE /__mock/tenants/<id> when a worker is done` }, 429)
    const id = crypto.randomUUID().replaceAll('-', '').slice(0, 16)
    const prefix = `${TENANTS_PREFIX}/${id}`
    const { defaults } = this.#options
    // Throws ScenarioError / UnknownGitLabError before anything is registered.
    const mock = createMock({
      ...this.#options.mockOptions,
      baseUrl: `http://localhost${prefix}/api/v4`,
      scenario: scenario ?? defaults.scenario,
      gitlab: gitlab ?? (scenario?.gitlab === undefined ? defaults.gitlab : scenario.gitlab),
      edition: (edition as Edition | undefined) ?? defaults.edition,
    })
    const tenant: Tenant = { id, prefix, mock, lastUsed: Date.now() }
    this.#tenants.set(id, tenant)
    return tenant
  }

  /** The tenant a request path names, marking it used. */
  get(id: string): Tenant | undefined {
    const tenant = this.#tenants.get(id)
    if (tenant) tenant.lastUsed = Date.now()
    return tenant
  }

  remove(id: string): boolean {
    return this.#tenants.delete(id)
  }

  list(origin: string) {
    return [...this.#tenants.values()].map((tenant) => ({
      id: tenant.id,
      base_url: `${origin}${tenant.prefix}/api/v4`,
      gitlab: tenant.mock.gitlab.version,
      last_used: new Date(tenant.lastUsed).toISOString(),
    }))
  }

  /** Drops the tenants idle for longer than the bound. */
  sweep(now: number): void {
    if (this.#options.idleMs <= 0) return
    for (const [id, tenant] of this.#tenants) if (now - tenant.lastUsed > this.#options.idleMs) this.#tenants.delete(id)
  }

  close(): void {
    if (this.#sweeper) clearInterval(this.#sweeper)
    this.#tenants.clear()
  }
}
