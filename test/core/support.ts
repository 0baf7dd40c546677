/**
 * Shared setup for the core suite: one scenario with every kind of caller
 * (spec §§2-3), a fixed clock, a request helper over real `fetch`, and a
 * value generator that produces PUT params satisfying the catalog's
 * `validations` for any slug.
 *
 * Tests talk to the kit only through its public surface: HTTP through MSW,
 * `mock.dump()` / `mock.seed()` / `mock.reset()`.
 */
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import {
  catalog13_12,
  createGitLabMock,
  type GitLabMock,
  type IntegrationSpec,
  type ParamSpec,
  type Scenario,
} from 'gitlab-services-mock'

export const ORIGIN = 'https://gitlab.example.com'
export const BASE = `${ORIGIN}/api/v4`

/** Both URL families serve the same API (spec §9: `/integrations` is the 14.4 alias). */
export const FAMILIES = ['services', 'integrations'] as const
export type Family = (typeof FAMILIES)[number]

// ---------------------------------------------------------------- clock

/** 2021-06-01T10:00:00.000Z, the fixed "now" of every test. */
export const START = Date.parse('2021-06-01T10:00:00.000Z')
export const START_ISO = new Date(START).toISOString()

/** A clock tests can move forward; `afterEach` puts it back. */
export const clock = {
  now: START,
  advance(ms: number): string {
    this.now += ms
    return new Date(this.now).toISOString()
  },
  iso(): string {
    return new Date(this.now).toISOString()
  },
}

// ---------------------------------------------------------------- scenario

/** Personal access tokens are 20 to 40 characters (13.12): a shorter Bearer token is taken for OAuth. */
export const TOKENS = {
  admin: 'glpat-admin-api-0000',
  owner: 'glpat-owner-api-0000',
  maintainer: 'glpat-maintainer-api',
  developer: 'glpat-developer-api-',
  reporter: 'glpat-reporter-api-0',
  guest: 'glpat-guest-api-0000',
  outsider: 'glpat-outsider-api-0',
  readApi: 'glpat-maintainer-read-api',
  readUser: 'glpat-maintainer-read-user',
  expired: 'glpat-maintainer-expired',
  revoked: 'glpat-maintainer-revoked',
  /** Valid until a year after START. */
  expiresLater: 'glpat-maintainer-expires-later',
  blocked: 'glpat-blocked-api-00',
  deactivated: 'glpat-deactivated-api',
} as const

export type Caller = keyof typeof TOKENS

export const PROJECTS = {
  private: { id: 1, path: 'acme/app' },
  internal: { id: 2, path: 'acme/internal-app' },
  public: { id: 3, path: 'acme/public-app' },
  /** Nested namespace, to exercise `%2F` more than once. */
  nested: { id: 4, path: 'acme/platform/deep-app' },
  /** Private, same members as `private`, no integrations: where the catalog table creates records. */
  blank: { id: 5, path: 'acme/blank' },
} as const

export type Visibility = 'private' | 'internal' | 'public'

const SLACK_HOOK = 'https://hooks.slack.com/services/T0/B0/seeded'

/** Members of every project except `nested`, which only the admin and owner can manage. */
const members = [
  { user: 'owner', access_level: 50 },
  { user: 'maintainer', access_level: 40 },
  { user: 'developer', access_level: 30 },
  { user: 'reporter', access_level: 20 },
  { user: 'guest', access_level: 10 },
  { user: 'blocked', access_level: 40 },
  { user: 'deactivated', access_level: 40 },
] as const

export const scenario: Scenario = {
  version: 1,
  users: [
    { id: 1, username: 'root', name: 'Administrator', admin: true, tokens: [TOKENS.admin] },
    { id: 2, username: 'owner', tokens: [TOKENS.owner] },
    {
      id: 3,
      username: 'maintainer',
      email: 'maintainer@example.com',
      tokens: [
        TOKENS.maintainer,
        { token: TOKENS.readApi, scopes: ['read_api'] },
        { token: TOKENS.readUser, scopes: ['read_user'] },
        { token: TOKENS.expired, scopes: ['api'], expires_at: '2021-05-01T00:00:00.000Z' },
        { token: TOKENS.revoked, scopes: ['api'], revoked: true },
        { token: TOKENS.expiresLater, scopes: ['api'], expires_at: '2022-06-01T00:00:00.000Z' },
      ],
    },
    { id: 4, username: 'developer', tokens: [TOKENS.developer] },
    { id: 5, username: 'reporter', tokens: [TOKENS.reporter] },
    { id: 6, username: 'guest', tokens: [TOKENS.guest] },
    { id: 7, username: 'outsider', tokens: [TOKENS.outsider] },
    { id: 8, username: 'blocked', state: 'blocked', tokens: [TOKENS.blocked] },
    { id: 9, username: 'deactivated', state: 'deactivated', tokens: [TOKENS.deactivated] },
  ],
  projects: [
    { id: 1, path_with_namespace: 'acme/app', visibility: 'private', members: [...members] },
    { id: 2, path_with_namespace: 'acme/internal-app', visibility: 'internal', members: [...members] },
    { id: 3, path_with_namespace: 'acme/public-app', visibility: 'public', members: [...members] },
    {
      id: 4,
      path_with_namespace: 'acme/platform/deep-app',
      visibility: 'private',
      members: [{ user: 'owner', access_level: 50 }],
    },
    { id: 5, path_with_namespace: 'acme/blank', visibility: 'private', members: [...members] },
  ],
  integrations: [
    // A configured slack on each of the first three projects, so GET succeeds for a maintainer.
    { id: 101, project: 1, slug: 'slack', properties: { webhook: SLACK_HOOK } },
    { id: 102, project: 2, slug: 'slack', properties: { webhook: SLACK_HOOK } },
    { id: 103, project: 3, slug: 'slack', properties: { webhook: SLACK_HOOK } },
    // List-only and inactive records on the private project (spec §4.1).
    { id: 104, project: 1, slug: 'alerts' },
    { id: 105, project: 1, slug: 'asana', active: false, properties: { api_key: 'asana-secret-key', restrict_to_branch: 'main' } },
  ],
}

/** What the seeded slack record looks like (created at START). */
export const SEEDED_SLACK = { id: 101, webhook: SLACK_HOOK }

// ---------------------------------------------------------------- setup

/**
 * Fail any request no handler answers. msw 2 calls the option
 * `onUnhandledRequest`, msw 3 `onUnhandledFrame`; each ignores the other's.
 */
export const FAIL_UNHANDLED = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as unknown as Parameters<
  SetupServer['listen']
>[0]

export interface Harness {
  readonly mock: GitLabMock
  readonly server: SetupServer
}

/**
 * One mock on one MSW server for the file. After each test the handlers,
 * the model and the clock go back to their start, so tests do not leak.
 */
export function setupMock(options: { scenario?: Scenario; baseUrl?: string } = {}): Harness {
  const mock = createGitLabMock({
    scenario: options.scenario ?? scenario,
    now: () => clock.now,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  })
  const server = setupServer(...mock.handlers)
  beforeAll(() => server.listen(FAIL_UNHANDLED))
  afterEach(async () => {
    server.resetHandlers()
    await mock.reset()
    clock.now = START
  })
  afterAll(() => server.close())
  return { mock, server }
}

// ---------------------------------------------------------------- requests

export interface CallOptions {
  /** Sent as `PRIVATE-TOKEN`. */
  token?: string
  /** Sent as a JSON body (`Content-Type: application/json`). */
  json?: unknown
  /** Sent form-encoded. */
  form?: Record<string, string>
  /** A raw body (set the content type in `headers`). */
  body?: BodyInit
  headers?: Record<string, string>
  query?: Record<string, string>
}

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The parsed body, or undefined when it is empty or not JSON. */
  readonly body: any
}

/** A request to the API: `path` is relative to `/api/v4` unless it is absolute. */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const url = new URL(path.startsWith('http') ? path : `${BASE}${path}`)
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, value)
  const headers = new Headers(options.headers)
  if (options.token !== undefined) headers.set('PRIVATE-TOKEN', options.token)
  let body: BodyInit | undefined = options.body
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.json)
  } else if (options.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams(options.form).toString()
  }
  const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, headers: response.headers, text, body: parsed }
}

/** Path of one integration (or the list when `slug` is omitted). */
export function servicePath(project: number | string, family: Family = 'services', slug?: string): string {
  const id = typeof project === 'number' ? String(project) : encodeURIComponent(project)
  return `/projects/${id}/${family}${slug === undefined ? '' : `/${slug}`}`
}

/** Asserts GitLab's exact JSON content type (no charset) and the body. */
export function expectJson(reply: Reply, status: number, body?: unknown): void {
  expect({ status: reply.status, body: reply.body }).toEqual({ status, body: body === undefined ? reply.body : body })
  expect(reply.headers.get('content-type')).toBe('application/json')
}

export const UNAUTHORIZED = { message: '401 Unauthorized' }
export const FORBIDDEN = { message: '403 Forbidden' }
export const PROJECT_NOT_FOUND = { message: '404 Project Not Found' }
export const SERVICE_NOT_FOUND = { message: '404 Service Not Found' }
export const ROUTE_NOT_FOUND = { error: '404 Not Found' }
export const BAD_REQUEST = { message: '400 Bad Request' }
export const INVALID_SLUG = { error: 'service_slug does not have a valid value' }
export const INSUFFICIENT_SCOPE_DESCRIPTION =
  'The request requires higher privileges than provided by the access token.'
export const MALFORMED_JSON_ERROR =
  "\nProblem:\n  message body does not match declared format\nResolution:\n  when specifying application/json as content-type, you must pass valid application/json in the request's 'body' "

/** Runs `action` and asserts the model is deep-equal before and after. */
export async function expectUnchanged<T>(mock: GitLabMock, action: () => Promise<T>): Promise<T> {
  const before = structuredClone(mock.dump())
  const result = await action()
  expect(mock.dump()).toEqual(before)
  return result
}

// ---------------------------------------------------------------- catalog

/** Every integration a 13.12 API routes (GET/PUT/DELETE). */
export const routable: readonly IntegrationSpec[] = catalog13_12.filter((spec) => spec.availability === 'available')

export function specOf(slug: string): IntegrationSpec {
  const spec = catalog13_12.find((entry) => entry.slug === slug)
  if (!spec) throw new Error(`no catalog entry ${slug}`)
  return spec
}

/** 13.12's rule for fields hidden from `properties` (spec §7). */
export const SECRET_NAME = /password|token|key|title|description/

/** The eleven event flags every entity exposes, in GitLab's order (spec §5.1). */
export const ENTITY_FLAGS = [
  'commit_events',
  'push_events',
  'issues_events',
  'confidential_issues_events',
  'merge_requests_events',
  'tag_push_events',
  'note_events',
  'confidential_note_events',
  'pipeline_events',
  'wiki_page_events',
  'job_events',
] as const

/** The keys of the basic entity, in GitLab's order (spec §5.1). */
export const BASIC_KEYS = [
  'id',
  'title',
  'slug',
  'created_at',
  'updated_at',
  'active',
  ...ENTITY_FLAGS,
  'comment_on_event_enabled',
] as const

export const FULL_KEYS = [...BASIC_KEYS, 'properties'] as const

/**
 * Fields that may appear in `properties` for a slug: the model's fields
 * (stored params plus `extraFields`) minus the hidden ones (spec §5.2, §7).
 */
export function visibleFields(spec: IntegrationSpec): string[] {
  const fields = spec.fields ?? [
    ...spec.params.filter((p) => !p.writeOnly && !p.topLevel).map((p) => p.name),
    ...(spec.extraFields ?? []),
  ]
  return fields.filter((name) => !SECRET_NAME.test(name))
}

/** A value a slug's param accepts and its model validations pass (spec Appendix B). */
export function sampleValue(spec: IntegrationSpec, param: ParamSpec): string | boolean | number {
  if (param.type === 'boolean') return true
  if (param.type === 'integer') return 6697
  if (param.name === 'confluence_url') return 'https://acme.atlassian.net/wiki/spaces/DEV'
  if (param.name === 'jira_issue_transition_id') return '11,21;31'
  if (param.values && param.values.length > 0) return param.values[0]!
  switch (param.kind) {
    case 'url':
      return `https://${spec.slug}.example.com/${param.name.replaceAll('_', '-')}`
    case 'webhook':
      return `https://hooks.example.com/${spec.slug}/T000/B000`
    case 'token':
    case 'password':
    case 'key':
      // Word characters only: datadog's api_key must match \A\w+\z.
      return `secret_${spec.slug.replaceAll('-', '_')}_${param.name}_s3cr3t`
    case 'username':
      return `bot-${spec.slug}`
    case 'email-list':
      return 'dev@example.com ops@example.com'
    case 'irc-recipients':
      return 'irc://irc.example.net/#gitlab'
    case 'irc-uri':
      return 'irc://irc.example.net/'
    case 'host':
      return `${spec.slug}.example.com`
    case 'channel':
      return '#general'
    case 'branches':
      return 'main'
    case 'json':
      return '{"type":"service_account"}'
    default:
      return `${param.name}-value`
  }
}

/** A PUT body with every required param of a slug (and nothing else). */
export function requiredParams(spec: IntegrationSpec): Record<string, string | boolean | number> {
  return Object.fromEntries(spec.params.filter((p) => p.required).map((p) => [p.name, sampleValue(spec, p)]))
}

/** A PUT body with every declared non-event param of a slug. */
export function allParams(spec: IntegrationSpec): Record<string, string | boolean | number> {
  return Object.fromEntries(spec.params.map((p) => [p.name, sampleValue(spec, p)]))
}

/** Asserts no hidden field name and no secret value appears in a response. */
export function expectNoSecrets(reply: Reply, secrets: readonly string[]): void {
  for (const secret of secrets) expect(reply.text).not.toContain(secret)
  const entities: any[] = Array.isArray(reply.body) ? reply.body : [reply.body]
  for (const entity of entities) {
    for (const key of Object.keys(entity?.properties ?? {})) expect(key).not.toMatch(SECRET_NAME)
  }
}

/** The secret values of a PUT body (params whose names are hidden). */
export function secretValues(body: Record<string, unknown>): string[] {
  return Object.entries(body)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value !== '')
    .map(([, value]) => value as string)
}
