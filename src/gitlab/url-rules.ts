/**
 * GitLab's URL validators (app/validators/addressable_url_validator.rb, public_url_validator.rb): "URL" is a parseable http(s) URL with
 * a host; "public URL" also rejects loopback, private, link-local and
 * localhost hosts (GitLab's default outbound-request settings).
 */

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined
  } catch {
    return undefined
  }
}

export function isHttpUrl(value: string): boolean {
  return parseHttpUrl(value) !== undefined
}

function isLocalIPv4(host: string): boolean {
  const parts = host.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false
  const [a, b] = parts as [number, number, number, number]
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

function isLocalIPv6(host: string): boolean {
  if (!host.startsWith('[')) return false
  const address = host.slice(1, -1).toLowerCase()
  if (address === '::' || address === '::1') return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (mapped) return isLocalIPv4(mapped[1]!)
  // fe80::/10 link-local, fc00::/7 unique local
  return /^fe[89ab]/.test(address) || /^f[cd]/.test(address)
}

export function isPublicUrl(value: string): boolean {
  const url = parseHttpUrl(value)
  if (!url) return false
  const host = url.hostname.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return false
  return !isLocalIPv4(host) && !isLocalIPv6(host)
}

/**
 * ConfluenceService#confluence_uri_valid? (app/models/project_services/
 * confluence_service.rb, 13.12): scheme `\Ahttps?\Z`, host
 * `\A.+\.atlassian\.net\Z`, path `\A/wiki(/|\Z)` (so `/wikipedia` fails).
 */
export function isConfluenceUrl(value: string): boolean {
  const url = parseHttpUrl(value)
  return url !== undefined && /^.+\.atlassian\.net$/.test(url.hostname) && /^\/wiki(\/|$)/.test(url.pathname)
}
