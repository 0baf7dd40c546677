/** The API base URL a mock answers under: `https://gitlab.example.com/api/v4` or, in a browser, `/api/v4`. */
export interface BaseUrl {
  /** Scheme, host and port; absent for a relative base URL. */
  readonly origin?: string
  /** Path without a trailing slash. */
  readonly path: string
}

export const DEFAULT_BASE_URL = 'https://gitlab.example.com/api/v4'

export function parseBaseUrl(value: string): BaseUrl {
  if (value.startsWith('/')) return { path: value.replace(/\/+$/, '') }
  const url = new URL(value)
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') }
}
