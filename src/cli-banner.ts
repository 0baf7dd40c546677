/**
 * What `gitlab-services-mock` prints once it listens: the base URL, a table
 * of the scenario's tokens with each user's role and the token's scopes, and
 * a curl line to try. Tokens of a scenario file are the user's own secrets:
 * the table shows their first characters only (the demo and `--seed`
 * scenarios' tokens are public, and shown whole).
 */
import type { Scenario } from './model/scenario.js'

/** GitLab's names of the access levels (Gitlab::Access). */
const ROLES: Record<number, string> = { 10: 'guest', 20: 'reporter', 30: 'developer', 40: 'maintainer', 50: 'owner' }

/** Addresses that accept connections on every interface; a client connects to loopback instead. */
const UNSPECIFIED: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '[::1]' }

export interface BannerOptions {
  /** The address the server bound, as given to `--host`. */
  host: string
  port: number
  /** `13.12 EE` */
  gitlab: string
  /** The loaded state (`mock.dump()`): members by username, tokens normalised. */
  scenario: Scenario
  /** Whether the tokens may be shown whole (the demo and generated scenarios). */
  showTokens: boolean
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

function masked(token: string): string {
  return token.length > 12 ? `${token.slice(0, 8)}…` : '…'
}

function role(scenario: Scenario, user: NonNullable<Scenario['users']>[number]): string {
  const memberships = (scenario.projects ?? []).flatMap((project) =>
    (project.members ?? [])
      .filter((member) => member.user === user.username || member.user === user.id)
      .map((member) => `${ROLES[member.access_level]} of ${project.path_with_namespace}`),
  )
  const roles = [...(user.admin ? ['admin'] : []), ...memberships]
  const state = user.state && user.state !== 'active' ? ` (${user.state})` : ''
  return (roles.length ? roles.join(', ') : 'no membership') + state
}

/** Columns padded to their widest cell; the last column is not padded. */
function aligned(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => '  ' + row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '))
}

export function banner({ host, port, gitlab, scenario, showTokens }: BannerOptions): string {
  const listening = `http://${hostForUrl(host)}:${port}/api/v4`
  const connect = `http://${UNSPECIFIED[host] ?? hostForUrl(host)}:${port}/api/v4`
  const lines = [`gitlab-services-mock listening on ${listening} (GitLab ${gitlab})`]
  const rows: string[][] = []
  for (const user of scenario.users ?? [])
    for (const token of user.tokens ?? []) {
      const spec: { token: string; scopes?: readonly string[]; expires_at?: string | null; revoked?: boolean } =
        typeof token === 'string' ? { token } : token
      const notes = [...(spec.revoked ? ['revoked'] : []), ...(spec.expires_at ? [`expires ${spec.expires_at}`] : [])]
      rows.push([
        `token for ${user.username}: ${showTokens ? spec.token : masked(spec.token)}`,
        (spec.scopes ?? ['api']).join(',') + (notes.length ? ` (${notes.join(', ')})` : ''),
        role(scenario, user),
      ])
    }
  if (rows.length) lines.push(...aligned([['TOKEN', 'SCOPES', 'ROLE'], ...rows]))
  else lines.push('  the scenario has no tokens: every request is anonymous')
  const first = scenario.users?.find((user) => user.tokens?.length)
  const token = first?.tokens?.[0]
  const value = typeof token === 'string' ? token : token?.token
  if (value !== undefined) {
    const project = scenario.projects?.[0]?.id ?? 1
    const shown = showTokens ? value : `<token of ${first!.username}>`
    lines.push(`  try: curl -H 'PRIVATE-TOKEN: ${shown}' ${connect}/projects/${project}/services`)
  }
  if (connect !== listening) lines.push(`  (bound to every interface; from this machine: ${connect})`)
  return lines.join('\n') + '\n'
}
