/**
 * fast-check generators of HTTP requests for the fuzz suite. A request is
 * built as a *valid* request (right token, project, slug and body, so the
 * success paths run) and then bent by zero to three mutations: another
 * method, a hostile path segment (encoded, double-encoded, `..`, very long,
 * unknown slug), duplicate or malformed tokens, a hostile query string, a
 * hostile body (malformed JSON, wrong types, deep nesting, huge strings,
 * `__proto__`/`constructor`/`prototype` keys, NUL bytes, unicode).
 *
 * Sizes are capped so a request stays within node's 16 KiB header limit:
 * past it node's HTTP parser answers 431 before the mock sees anything.
 */
import fc from 'fast-check'
import { catalog } from 'gitlab-services-mock'
import { requiredParams } from '../core/support.js'
import { BLANK_PROJECT, PROJECT, PUBLIC_PROJECT, putBody, ROUTABLE, TOKENS, type RawRequest } from './support.js'

export interface Draft {
  method: string
  /** `/api/v4` normally. */
  prefix: string
  /** Path segments below the prefix, already encoded as they go on the wire. */
  segments: string[]
  trailingSlash: boolean
  /** Raw query string without `?`. */
  query: string[]
  headers: [string, string][]
  body?: { type?: string; text: string }
}

export function render(draft: Draft): RawRequest {
  const path = `${draft.prefix}/${draft.segments.join('/')}${draft.trailingSlash ? '/' : ''}`
  const query = draft.query.length ? `?${draft.query.join('&')}` : ''
  const headers: [string, string][] = [...draft.headers]
  if (draft.body?.type !== undefined) headers.push(['Content-Type', draft.body.type])
  return { method: draft.method, target: path + query, headers, ...(draft.body ? { body: draft.body.text } : {}) }
}

const enc = encodeURIComponent
const pair = (key: string, value: string) => `${enc(key)}=${enc(value)}`

// ---------------------------------------------------------------- building blocks

const SLUGS = catalog.map((spec) => spec.slug)
const FAMILIES = ['services', 'integrations'] as const
const TRIGGERS = ['slack_slash_commands', 'mattermost_slash_commands'] as const

/** Names a PUT, a query or a JSON body might use: declared ones, secrets, auth and prototype keys. */
const PARAM_NAMES = [
  ...new Set(catalog.flatMap((spec) => [...spec.params.map((p) => p.name), ...spec.events])),
  'private_token',
  'access_token',
  'token',
  'active',
  'id',
  'properties',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
]

const projectRef = fc.constantFrom(
  String(PROJECT.id),
  enc(PROJECT.path),
  '0001',
  enc(PROJECT.path.toUpperCase()),
  String(PUBLIC_PROJECT.id),
  enc(PUBLIC_PROJECT.path),
  String(BLANK_PROJECT.id),
  enc(BLANK_PROJECT.path),
)

/** Mostly callers who may configure the project, so valid requests succeed. */
const goodToken = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(TOKENS.admin, TOKENS.maintainer) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(TOKENS)) },
)

/** The three ways GitLab accepts a personal access token. */
const auth = fc.tuple(goodToken, fc.constantFrom('header', 'query', 'bearer')).map(([token, where]) =>
  where === 'header'
    ? { headers: [['PRIVATE-TOKEN', token]] as [string, string][], query: [] as string[] }
    : where === 'bearer'
      ? { headers: [['Authorization', `Bearer ${token}`]] as [string, string][], query: [] as string[] }
      : { headers: [] as [string, string][], query: [pair('private_token', token)] },
)

// ---------------------------------------------------------------- hostile values

/** Strings that stress parsers and coercion. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'true',
    'false',
    'maybe',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0x1A',
    '6_697',
    '1e309',
    '[object Object]',
    '__proto__',
    'constructor',
    '%',
    '%zz',
    '%00',
    '\u202E\u0645\u0631\u062D\u0628\u0627',
    '🦊🚀',
    'e\u0301',
    '\uFEFF',
    'javascript:alert(1)',
    'https://hooks.slack.com/services/T0/B0/x',
    'http://127.0.0.1/',
    'https://[::1]/',
    'irc://irc.example.net/#x',
    '${jndi:ldap://x}',
    '{{7*7}}',
    "'; DROP TABLE services; --",
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 300, max: 1_200 }).map((n) => 'x'.repeat(n)),
)

/** A path segment as it goes on the wire. */
const nastySegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E',
    '%2F',
    '%252F',
    `${enc(PROJECT.path).replace('%2F', '%252F')}`,
    'acme%2F..%2Fapp',
    'acme%2F%2Fapp',
    '%',
    '%zz',
    '%00',
    '%C0%AF',
    '%ff',
    '%E2%80%AE',
    'slack%00',
    '%73%6C%61%63%6B',
    '%2573%256C%2561%2563%256B',
    'SLACK',
    'Slack',
    'slack%20',
    'jenkins-deprecated',
    'mock-ci',
    'alerts',
    'trigger',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '-1',
    '0',
    '1.0',
    '1e3',
    '0x1',
    '99999999999999999999999',
    'acme',
    'services',
    'integrations',
    'service',
    '~',
    ';',
    ',',
    '@',
    '*',
  ),
  fc.constantFrom(...SLUGS, ...TRIGGERS),
  fc.constantFrom(...SLUGS).map((slug) => enc(enc(slug).replace(/-/g, '%2D'))),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(enc),
  fc.stringMatching(/^[a-z0-9_-]{1,24}$/),
  fc.integer({ min: 256, max: 3_000 }).map((n) => 'a'.repeat(n)),
)

const nastyQueryPart: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...PARAM_NAMES), nastyText).map(([k, v]) => pair(k, v)),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), nastyText).map(([k, v]) => pair(k, v)),
  fc.constantFrom(
    '%',
    '%zz',
    '=',
    '==',
    '&&',
    'a=%E0%A4%A',
    'private_token',
    'private_token=',
    'private_token[]=x',
    'private_token[a]=x',
    '__proto__[polluted]=1',
    '__proto__=x',
    'constructor[prototype][polluted]=1',
    'prototype[polluted]=1',
    'webhook[]=a&webhook[]=b',
    'webhook[x]=a',
    'push_events[]=true',
    '[]=x',
    '[x]=1',
    'a]=1',
    ';',
    '+',
    '%2B',
  ),
)

/** Header lines, token-bearing ones malformed in every way a client might. */
const nastyHeaders: fc.Arbitrary<[string, string][]> = fc.oneof(
  fc.tuple(goodToken, goodToken).map(([a, b]): [string, string][] => [
    ['PRIVATE-TOKEN', a],
    ['PRIVATE-TOKEN', b],
  ]),
  fc
    .constantFrom(
      '',
      'glpat-unknown',
      `${TOKENS.maintainer}x`,
      TOKENS.maintainer.toUpperCase(),
      `${TOKENS.maintainer}, ${TOKENS.admin}`,
      'glpat-\u00e9\u00ff',
      'null',
      'x'.repeat(3_000),
    )
    .map((value): [string, string][] => [['PRIVATE-TOKEN', value]]),
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      `bearer ${TOKENS.maintainer}`,
      `Bearer  ${TOKENS.admin}`,
      `Bearer ${TOKENS.maintainer}, Bearer ${TOKENS.admin}`,
      `Token ${TOKENS.maintainer}`,
      'Basic cm9vdDpwYXNzd29yZA==',
      `Bearer ${'y'.repeat(2_000)}`,
    )
    .map((value): [string, string][] => [['Authorization', value]]),
  fc.tuple(goodToken, goodToken).map(([a, b]): [string, string][] => [
    ['Authorization', `Bearer ${a}`],
    ['Authorization', `Bearer ${b}`],
  ]),
  goodToken.map((token): [string, string][] => [['JOB-TOKEN', token]]),
  fc.constantFrom('root', '1', 'nobody', '').map((value): [string, string][] => [['Sudo', value]]),
  fc
    .constantFrom('Tue, 01 Jun 2021 09:00:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', 'yesterday', '0', '')
    .map((value): [string, string][] => [['If-Unmodified-Since', value]]),
  fc.constantFrom('text/html', '*/*', 'application/xml', '').map((value): [string, string][] => [['Accept', value]]),
)

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'text/plain',
  'text/xml',
  'application/octet-stream',
  'application/json; charset=latin1; foo',
  ';',
  'garbage',
] as const

/** Raw JSON text whose object keys include `__proto__`, `constructor` and `prototype` at any depth. */
const jsonValueText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyText.map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'false', 'null', '0', '-0', '1', '1.5', '1e308', '-1e-308', '12345678901234567890'),
    fc.double({ noNaN: true }).map((n) => JSON.stringify(n)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    tie('object'),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
})).object

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 5_000 }), fc.constantFrom('array', 'object', 'inside'))
  .map(([depth, shape]) =>
    shape === 'array'
      ? '['.repeat(depth) + ']'.repeat(depth)
      : shape === 'object'
        ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
        : `{"webhook":${'['.repeat(depth)}${']'.repeat(depth)},"push_events":${'{"x":'.repeat(depth)}0${'}'.repeat(depth)}}`,
  )

const malformedJson = fc.oneof(
  fc.constantFrom('{', '}', '{"a":}', "{'a':1}", 'NaN', '{"a":1,}', '\uFEFF{}', '[', '"unterminated', '{"__proto__":', 'nul', 'tru', '{"a" 1}', '\u0000'),
  jsonValueText.chain((text) => fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
)

/** Bodies: JSON objects and non-objects, malformed JSON, huge strings, forms, multipart, text. */
const nastyBody: fc.Arbitrary<{ type?: string; text: string }> = fc.oneof(
  jsonValueText.map((text) => ({ type: 'application/json', text })),
  fc.constantFrom('[]', '"str"', '1', 'null', 'true', '[{"webhook":"https://x.example.com"}]').map((text) => ({ type: 'application/json', text })),
  malformedJson.map((text) => ({ type: 'application/json', text })),
  deepNesting.map((text) => ({ type: 'application/json', text })),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => ({
    type: 'application/json',
    text: JSON.stringify({ webhook: `https://hooks.slack.com/services/${'a'.repeat(n)}`, username: 'é'.repeat(n / 10) }),
  })),
  fc.array(nastyQueryPart, { maxLength: 6 }).map((parts) => ({ type: 'application/x-www-form-urlencoded', text: parts.join('&') })),
  fc.array(nastyQueryPart, { maxLength: 6 }).map((parts) => ({ text: parts.join('&') })),
  fc.tuple(fc.constantFrom(...PARAM_NAMES), nastyText, fc.boolean()).map(([name, value, file]) => ({
    type: 'multipart/form-data; boundary=fuzzbound',
    text:
      `--fuzzbound\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="x.txt"' : ''}\r\n\r\n${value}\r\n` +
      '--fuzzbound--\r\n',
  })),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => ({ type: 'multipart/form-data; boundary=nope', text })),
  fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.string({ unit: 'grapheme', maxLength: 200 })).map(([type, text]) => ({ type, text })),
)

// ---------------------------------------------------------------- valid requests

const base = (method: string, segments: string[], a: { headers: [string, string][]; query: string[] }, trailingSlash = false): Draft => ({
  method,
  prefix: '/api/v4',
  segments,
  trailingSlash,
  query: [...a.query],
  headers: [...a.headers],
})

const family = fc.constantFrom(...FAMILIES)
const routableSpec = fc.constantFrom(...ROUTABLE)

/** Requests a real client would send, most of which succeed. */
export const validDraft: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(projectRef, family, auth, fc.boolean()).map(([id, f, a, slash]) => base('GET', ['projects', id, f], a, slash)),
  fc
    .tuple(fc.constantFrom('GET', 'HEAD'), projectRef, family, routableSpec, auth)
    .map(([m, id, f, spec, a]) => base(m, ['projects', id, f, spec.slug], a)),
  fc
    .tuple(projectRef, family, routableSpec, auth, fc.constantFrom('json', 'form', 'query'), fc.boolean(), fc.nat())
    .map(([id, f, spec, a, as, full, n]) => {
      const draft = base('PUT', ['projects', id, f, spec.slug], a)
      const params = full ? putBody(spec, `fuzz${n % 1000}`) : requiredParams(spec)
      if (as === 'json') draft.body = { type: 'application/json', text: JSON.stringify(params) }
      else {
        const parts = Object.entries(params).map(([k, v]) => pair(k, String(v)))
        if (as === 'form') draft.body = { type: 'application/x-www-form-urlencoded', text: parts.join('&') }
        else draft.query.push(...parts)
      }
      return draft
    }),
  fc.tuple(projectRef, family, routableSpec, auth).map(([id, f, spec, a]) => base('DELETE', ['projects', id, f, spec.slug], a)),
  fc
    .tuple(projectRef, family, fc.constantFrom(...TRIGGERS), fc.constantFrom('right', 'wrong', 'none'))
    .map(([id, f, trigger, which]) => {
      const draft = base('POST', ['projects', id, f, trigger, 'trigger'], { headers: [], query: [] })
      const spec = catalog.find((s) => 'trigger' in s && s.trigger === trigger)!
      const token = which === 'right' ? putBody(spec, 'seeded').token! : 'wrong-token'
      if (which !== 'none') draft.body = { type: 'application/x-www-form-urlencoded', text: pair('token', String(token)) }
      return draft
    }),
  fc.tuple(fc.constantFrom('user', 'version'), auth).map(([what, a]) => base('GET', [what], a)),
  fc.tuple(projectRef, auth).map(([id, a]) => base('GET', ['projects', id], a)),
)

// ---------------------------------------------------------------- mutations

type Mutation = (draft: Draft) => void

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Lower-case only where fetch upper-cases it: msw 3 sends `patch` or `purge` to the
  // network without consulting any handler (and node's parser refuses them).
  fc
    .constantFrom('GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'get', 'put', 'delete', 'PROPFIND', 'PURGE', 'QUERY', 'M-SEARCH')
    .map((method): Mutation => (d) => void (d.method = method)),
  fc.tuple(fc.nat(), nastySegment).map(([i, segment]): Mutation => (d) => {
    if (d.segments.length) d.segments[i % d.segments.length] = segment
    else d.segments.push(segment)
  }),
  fc.tuple(fc.nat(), nastySegment).map(([i, segment]): Mutation => (d) => void d.segments.splice(i % (d.segments.length + 1), 0, segment)),
  fc.nat().map((i): Mutation => (d) => void d.segments.splice(i % Math.max(1, d.segments.length), 1)),
  fc.constant<Mutation>((d) => void (d.trailingSlash = !d.trailingSlash)),
  fc.constant<Mutation>((d) => void d.segments.push('..', '..')),
  fc
    .constantFrom('/api/v3', '/API/v4', '/api/v4/', '/api/v4/..', '/api', '', '/api/v4/../api/v4', '/api/v4/%2e%2e/v4', '//api/v4')
    .map((prefix): Mutation => (d) => void (d.prefix = prefix)),
  fc.array(nastyQueryPart, { minLength: 1, maxLength: 3 }).map((parts): Mutation => (d) => void d.query.push(...parts)),
  nastyHeaders.map((headers): Mutation => (d) => void d.headers.push(...headers)),
  fc.constant<Mutation>((d) => void (d.headers = d.headers.filter(([name]) => name !== 'PRIVATE-TOKEN' && name !== 'Authorization'))),
  nastyBody.map((body): Mutation => (d) => void (d.body = body)),
  fc.constantFrom(...CONTENT_TYPES).map((type): Mutation => (d) => void (d.body = { text: d.body?.text ?? '', type })),
)

/** A valid request (about a third of the time) or one bent by one to three mutations. */
export function fuzzedDraft(extra: fc.Arbitrary<Draft> | undefined = undefined): fc.Arbitrary<Draft> {
  const start = extra ? fc.oneof({ weight: 6, arbitrary: validDraft }, { weight: 1, arbitrary: extra }) : validDraft
  return fc
    .tuple(start, fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }), fc.array(mutation, { minLength: 3, maxLength: 3 }))
    .map(([draft, count, mutations]) => {
      const copy: Draft = structuredClone(draft)
      for (const apply of mutations.slice(0, count)) apply(copy)
      return copy
    })
}

// ---------------------------------------------------------------- server-only requests

/** The control API, with hostile bodies, for the standalone server. */
export const controlDraft: fc.Arbitrary<Draft> = fc
  .tuple(
    fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH'),
    fc.constantFrom('scenario', 'reset', 'requests', '', 'scenario/', 'nope', '..'),
    fc.oneof(
      nastyBody,
      fc.constant({ type: 'application/json', text: '{}' }),
      jsonValueText.map((text) => ({ text: `{"users":[{"id":1,"username":"u","tokens":[${text}]}]}` })),
    ),
  )
  .map(([method, what, body]) => ({
    method,
    prefix: '',
    segments: ['__mock', what],
    trailingSlash: false,
    query: [],
    headers: [],
    body,
  }))

/** Host headers a forged or sloppy client sends (node:http only: fetch does not let you set Host). */
export const hostHeader = fc.constantFrom(
  undefined,
  undefined,
  'localhost',
  '',
  'gitlab.example.com:8443',
  'x/api/v4/projects/1/services/slack?',
  'x/__mock/scenario?',
  'evil.example#frag',
  'user@evil.example',
  '[::1]:80',
  '[::1',
  'ex ample',
)
