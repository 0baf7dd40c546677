/**
 * The parts of a request's URL the routes read. `new URL()` costs about a
 * sixth of an API GET's own work, and nearly every request's URL is already
 * in the form it would give: a normalized origin (a Fetch Request's, or the
 * node server's from `URL.origin`) and a path and query of plain characters.
 * Those are split as they are; anything else (dot segments, `%2e`,
 * characters the WHATWG URL parser would percent-encode or rewrite, such as
 * a space, `\`, `'` in a query) goes through `new URL()`, so what the
 * routes see is always exactly what `new URL(href)` gives.
 */
export type RequestUrl = Pick<URL, 'href' | 'origin' | 'pathname' | 'search' | 'searchParams'>

/** Characters WHATWG URL leaves as they are in a path (special schemes), without `.` runs checked below. */
const PLAIN_PATH = /^\/[\w\-.~!$&'()*+,;=:@%/]*$/
/** Dot segments (`/.`, `/..`, their `%2e` spellings) are resolved by the parser: not plain. */
const DOT_SEGMENT = /\/(?:\.|%2e)/i
/** The same set for a query, minus `'` (percent-encoded in a special scheme's query). */
const PLAIN_QUERY = /^\?[\w\-.~!$&()*+,;=:@%/?]*$/

class PlainUrl implements RequestUrl {
  readonly origin: string
  readonly pathname: string
  readonly search: string
  #searchParams: URLSearchParams | undefined

  constructor(origin: string, pathname: string, search: string) {
    this.origin = origin
    this.pathname = pathname
    this.search = search
  }

  get href(): string {
    return this.origin + this.pathname + this.search
  }

  get searchParams(): URLSearchParams {
    return (this.#searchParams ??= new URLSearchParams(this.search))
  }
}

/** The last origin text checked to be normalized (clients send one origin over and over). */
let normalizedOrigin = ''

function isNormalizedOrigin(origin: string): boolean {
  if (origin === normalizedOrigin) return true
  try {
    if (new URL(origin).origin !== origin) return false
  } catch {
    return false
  }
  normalizedOrigin = origin
  return true
}

export function requestUrl(href: string): RequestUrl {
  const scheme = href.startsWith('http://') ? 7 : href.startsWith('https://') ? 8 : -1
  const slash = scheme === -1 ? -1 : href.indexOf('/', scheme)
  if (slash !== -1) {
    const query = href.indexOf('?', slash)
    const pathname = query === -1 ? href.slice(slash) : href.slice(slash, query)
    const search = query === -1 || query === href.length - 1 ? '' : href.slice(query)
    if (
      PLAIN_PATH.test(pathname) &&
      !DOT_SEGMENT.test(pathname) &&
      (search === '' || PLAIN_QUERY.test(search)) &&
      isNormalizedOrigin(href.slice(0, slash))
    )
      return new PlainUrl(href.slice(0, slash), pathname, search)
  }
  return new URL(href)
}
