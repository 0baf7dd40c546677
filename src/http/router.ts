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

export interface CompiledRoute<C, E> extends RouteDeclaration<C, E> {
  readonly pattern: RegExp
}

export interface RouteMatch<C, E> {
  readonly route: CompiledRoute<C, E>
  /** Named path segments, still percent-encoded. */
  readonly params: Readonly<Record<string, string>>
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `/projects/:id/:family/*` → `^/projects/(?<id>[^/]+)/(?<family>[^/]+)(?:/.*)?/?$` */
export function compilePath(path: string): RegExp {
  const source = path
    .split('/')
    .slice(1)
    .map((segment) => {
      if (segment === '*') return '(?:/.*)?'
      if (segment.startsWith(':')) return `/(?<${segment.slice(1)}>[^/]+)`
      return `/${escape(segment)}`
    })
    .join('')
  return new RegExp(`^${source}/?$`)
}

export function compileRoutes<C, E>(declarations: readonly RouteDeclaration<C, E>[]): CompiledRoute<C, E>[] {
  return declarations.map((declaration) => ({ ...declaration, pattern: compilePath(declaration.path) }))
}

function decoded(value: string): string | undefined {
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

/** The first route of the table that serves this request. */
export function findRoute<C, E>(
  routes: readonly CompiledRoute<C, E>[],
  method: string,
  path: string,
  context: C,
): RouteMatch<C, E> | undefined {
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue
    const match = route.pattern.exec(path)
    if (!match) continue
    const params = { ...match.groups }
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
