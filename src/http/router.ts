/**
 * Routes are declared by their path, as GitLab's Grape API declares them
 * (`/projects/:id/:family/:slug`), and compiled here once: `:name` is one
 * raw (still percent-encoded) segment, a final `*` any rest, a trailing
 * slash is ignored (Grape's router), HEAD is served by GET routes. A
 * parameter may carry a constraint, Grape's `values:`/requirements on a
 * path segment, checked on its decoded value after the pattern matched
 * (as find-my-way's constraints are checked after its tree match): a
 * request whose segment fails it is left to the next route, so a PUT to an
 * unknown slug reaches the catch-all, as it does in GitLab.
 */
export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'ANY'

/**
 * What routes read of a request. A Fetch `Request` satisfies it (MSW); the
 * node server passes a lighter object over node:http's own header list,
 * since building a Fetch Request costs as much as a whole route.
 */
export interface RouteRequest {
  readonly method: string
  readonly url: string
  readonly headers: { get(name: string): string | null; has(name: string): boolean }
}

/** Accepts a path parameter's decoded value; `context` is what the dispatcher passes (the mock's state). */
export type Constraint<C> = ReadonlySet<string> | ((value: string, context: C) => boolean)

export interface RouteDeclaration<C, E> {
  readonly method: Method
  /** Relative to the API base: `/projects/:id/:family/:slug`, `/projects/:id/:family/*`. */
  readonly path: string
  readonly constraints?: Readonly<Record<string, Constraint<C>>>
  /** What the dispatcher runs for a match. */
  readonly endpoint: E
}

/** One segment of a compiled path: literal text, a named parameter, or the final `*` (any rest). */
type Segment = { readonly literal: string } | { readonly param: string } | { readonly rest: true }

export interface CompiledRoute<C, E> extends RouteDeclaration<C, E> {
  readonly segments: readonly Segment[]
}

export interface RouteMatch<C, E> {
  readonly route: CompiledRoute<C, E>
  /** Named path segments, still percent-encoded. */
  readonly params: Readonly<Record<string, string>>
}

/**
 * `/projects/:id/:family/*` → literal `projects`, params `id` and `family`,
 * then any rest. Matched segment by segment rather than as a regex: a
 * regex with named groups costs more than the whole route lookup should.
 */
function compilePath(path: string): readonly Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((segment): Segment => (segment === '*' ? { rest: true } : segment.startsWith(':') ? { param: segment.slice(1) } : { literal: segment }))
}

export function compileRoutes<C, E>(declarations: readonly RouteDeclaration<C, E>[]): CompiledRoute<C, E>[] {
  return declarations.map((declaration) => ({ ...declaration, segments: compilePath(declaration.path) }))
}

function decoded(value: string): string | undefined {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function satisfies<C>(constraints: Readonly<Record<string, Constraint<C>>>, params: Record<string, string>, context: C): boolean {
  for (const name in constraints) {
    const value = decoded(params[name]!)
    const constraint = constraints[name]!
    if (value === undefined || !(typeof constraint === 'function' ? constraint(value, context) : constraint.has(value))) return false
  }
  return true
}

/** The params of a route whose segments match the request's, or undefined. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  let params: Record<string, string> | undefined
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    if ('rest' in segment) return params ?? {}
    const part = parts[i]
    if (part === undefined) return undefined
    if ('literal' in segment) {
      if (part !== segment.literal) return undefined
    } else {
      // A parameter is one non-empty segment (`[^/]+`).
      if (part === '') return undefined
      ;(params ??= {})[segment.param] = part
    }
  }
  return parts.length === segments.length ? (params ?? {}) : undefined
}

/** The routes that can serve each method, in table order (HEAD is served by GET routes), built once per table. */
const byMethod = new WeakMap<readonly CompiledRoute<any, any>[], Map<string, readonly CompiledRoute<any, any>[]>>()

function routesFor<C, E>(routes: readonly CompiledRoute<C, E>[], method: string): readonly CompiledRoute<C, E>[] {
  let index = byMethod.get(routes)
  if (!index) byMethod.set(routes, (index = new Map()))
  let list = index.get(method)
  if (!list) {
    list = routes.filter((route) => route.method === 'ANY' || route.method === method || (route.method === 'GET' && method === 'HEAD'))
    // Any method string a client sends is a key: keep the index to the methods routes declare.
    if (routes.some((route) => route.method === method) || method === 'HEAD') index.set(method, list)
  }
  return list
}

/** The first route of the table that serves this request. A single trailing slash is ignored, as Grape's router does. */
export function findRoute<C, E>(
  routes: readonly CompiledRoute<C, E>[],
  method: string,
  path: string,
  context: C,
): RouteMatch<C, E> | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  const parts = trimmed.slice(1).split('/')
  for (const route of routesFor(routes, method)) {
    const params = matchSegments(route.segments, parts)
    if (!params) continue
    if (route.constraints && !satisfies(route.constraints, params, context)) continue
    return { route, params }
  }
  return undefined
}

/** The path below the API base path, or undefined when the URL is not under it. */
export function relativePath(pathname: string, basePath: string): string | undefined {
  if (pathname === basePath) return '/'
  return pathname.startsWith(basePath + '/') ? pathname.slice(basePath.length) : undefined
}
