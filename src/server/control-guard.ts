/**
 * Who may use the control API (`/__mock`): it reads every secret and
 * replaces the state, and the server runs on laptops next to a browser, so
 * no web page may reach it. The checks, in the spirit of webpack-dev-server's
 * and Vite's answers to their DNS-rebinding advisories (CVE-2018-14732,
 * CVE-2025-24010), and more:
 * - `Host` must name this machine: localhost (and `*.localhost`), an IP
 *   address, or a name given with `--allowed-host` (the bound `--host` is
 *   one). A rebinding page reaches the server under its own DNS name, which
 *   is none of these; an IP address cannot be rebound.
 * - a request a browser marks as cross-site is refused: an `Origin` other
 *   than the server's own or a loopback/allowed name, `Origin: null`, or
 *   `Sec-Fetch-Site: cross-site`.
 * - POST and PUT need `Content-Type: application/json`, which no form and no
 *   "simple" fetch can send without a CORS preflight; `/__mock` answers no
 *   CORS, so the preflight fails. (PUT and DELETE always preflight.)
 * - with `--control-token`, `Authorization: Bearer TOKEN` (as WireMock's
 *   admin API can require credentials on shared machines).
 * The API under `/api` keeps GitLab's CORS (any origin): it is GitLab's
 * behaviour, and it never shows a secret.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { json } from '../http/json-response.js'

export interface ControlAccess {
  /** Host names accepted besides localhost and IP addresses; `.example.com` also accepts its subdomains. */
  readonly allowedHosts: readonly string[]
  /** When set, control requests must carry `Authorization: Bearer <token>`. */
  readonly token?: string
}

const forbidden = (reason: string) => json({ error: `403 Forbidden - ${reason}` }, 403)

/** A Host or Origin host name without brackets and trailing dot, lower-cased. */
function bare(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase()
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

function isAllowedName(name: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const host = bare(entry)
    return host.startsWith('.') ? name === host.slice(1) || name.endsWith(host) : name === host
  })
}

/** host[:port] as a URL parses it, or undefined when it is not one. */
function parseHost(value: string): URL | undefined {
  if (!/^[\w.:[\]-]+$/.test(value)) return undefined
  try {
    return new URL(`http://${value}`)
  } catch {
    return undefined
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * The answer refusing a control request, or undefined when it may proceed.
 * `open`: the request reads nothing secret (the health check a container
 * probe makes), so it needs no control token; the browser checks still apply.
 */
export function refuseControl(request: IncomingMessage, access: ControlAccess, open = false): Response | undefined {
  const { host, origin } = request.headers
  let hostUrl: URL | undefined
  // Browsers always send Host; a client without one is not a web page.
  if (host !== undefined) {
    hostUrl = parseHost(host)
    const name = hostUrl && bare(hostUrl.hostname)
    if (name === undefined || !(isLoopbackName(name) || isIP(name) !== 0 || isAllowedName(name, access.allowedHosts)))
      return forbidden('this Host is not allowed for /__mock; start the server with --allowed-host NAME to allow a name')
  }
  if (origin !== undefined) {
    let from: URL | undefined
    try {
      from = new URL(origin)
    } catch {
      // `null` (sandboxed frames, file:) and garbage: not a page of ours
    }
    const name = from && bare(from.hostname)
    const own = from !== undefined && hostUrl !== undefined && from.host === hostUrl.host
    if (name === undefined || !(own || isLoopbackName(name) || isAllowedName(name, access.allowedHosts)))
      return forbidden('cross-origin requests may not use /__mock')
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') return forbidden('cross-site requests may not use /__mock')
  if (access.token !== undefined && !open) {
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]
    if (given === undefined || !sameSecret(given, access.token))
      return json({ error: '401 Unauthorized - /__mock needs Authorization: Bearer <control token>' }, 401)
  }
  if (request.method === 'POST' || request.method === 'PUT') {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json')
      return json({ error: `415 Unsupported Media Type - ${request.method} /__mock needs Content-Type: application/json` }, 415)
  }
  return undefined
}
