/**
 * docs/gitlab-versions.md's tables, rendered from the release files
 * (src/versions/releases/) so they cannot drift: what each release changed,
 * with its citation, and what is approximate. `npm run docs` rewrites the
 * document between the markers; a test fails when it is stale.
 */
import { compileGitLab, GITLAB_VERSIONS, releaseHistory } from '../src/versions/index.js'
import type { IntegrationChange, Release } from '../src/versions/types.js'
import { withSection, writeSection, type Section } from './generated-section.js'

export const START = '<!-- versions-table:start -->'
export const END = '<!-- versions-table:end -->'

/** Table cells hold one line: pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (name: string) => `\`${name}\``

function describeChange(change: IntegrationChange): string {
  const parts: string[] = []
  if (change.addParams?.length) parts.push(`adds ${change.addParams.map((p) => code(p.name)).join(', ')}`)
  if (change.removeParams?.length) parts.push(`drops ${change.removeParams.map(code).join(', ')}`)
  for (const [name, edit] of Object.entries(change.changeParams ?? {})) {
    parts.push(`${code(name)}: ${Object.entries(edit).map(([key, value]) => `${key} ${Array.isArray(value) ? value.join('/') : String(value)}`).join(', ')}`)
  }
  if (change.set?.title) parts.push(`title "${change.set.title}"`)
  if (change.set?.availability) parts.push(`availability ${change.set.availability}`)
  if (change.set?.condition) parts.push(`only when ${change.set.condition.setting} is ${change.set.condition.when}`)
  const other = Object.keys(change.set ?? {}).filter((key) => !['title', 'availability', 'condition', 'edition'].includes(key))
  if (other.length) parts.push(`new ${other.join(', ')}`)
  return `${code(change.slug)}: ${parts.join('; ')}`
}

interface Row {
  readonly version: string
  readonly what: string
  readonly cite: string
  readonly approximate: boolean
}

function rowsOf(release: Release): Row[] {
  const row = (what: string, cite: string, approximate = false): Row => ({ version: release.version, what, cite, approximate })
  const rows: Row[] = []
  const { integrations } = release
  for (const spec of integrations?.add ?? []) {
    const source = integrations?.added?.[spec.slug]
    rows.push(row(`adds ${code(spec.slug)} (${spec.title}${spec.edition === 'ee' ? ', EE' : ''})`, source?.cite ?? '', source?.approximate !== undefined))
  }
  for (const removed of integrations?.remove ?? []) rows.push(row(`removes ${code(removed.slug)}`, removed.cite, removed.approximate !== undefined))
  for (const change of integrations?.change ?? []) rows.push(row(describeChange(change), change.cite, change.approximate !== undefined))
  const { families, wording, hidden, behaviour, entity } = release
  if (families) rows.push(row(`path families: ${families.list.map((f) => `/${f}`).join(', ')}`, families.cite, families.approximate !== undefined))
  if (wording) {
    const { cite, approximate, ...texts } = wording
    rows.push(row(`wording: ${Object.values(texts).map((text) => `"${text}"`).join(', ')}`, cite, approximate !== undefined))
  }
  if (hidden) {
    const rule = hidden.kind === 'name' ? `names matching /${hidden.pattern}/` : `password fields${hidden.names.map((n) => ` and ${code(n)}`).join('')}`
    rows.push(row(`hidden from properties: ${rule}`, hidden.cite, hidden.approximate !== undefined))
  }
  if (behaviour) {
    const { cite, approximate, ...settings } = behaviour
    rows.push(row(`behaviour: ${Object.entries(settings).map(([key, value]) => `${key} ${String(value)}`).join(', ')}`, cite, approximate !== undefined))
  }
  if (entity) {
    const keys = [...entity.keys, ...(entity.eeKeys ?? []).map((k) => `${k} (EE)`)]
    rows.push(row(`entity flags: ${keys.join(', ')}`, entity.cite, entity.approximate !== undefined))
  }
  return rows
}

/**
 * Every reason a fact of `release` is approximate: its own list and its
 * sections', then the reasons of its additions, removals and changes, each
 * reason once with the slugs it concerns (a reason already given is not repeated).
 */
function approximationsOf(release: Release): string[] {
  const { integrations } = release
  const sections = [release.families, release.wording, release.hidden, release.behaviour, release.entity]
  const general = [...(release.approximate ?? []), ...sections.flatMap((section) => (section?.approximate ? [section.approximate] : []))]
  const bySlug = new Map<string, string[]>()
  const note = (slug: string, reason: string | undefined) => {
    if (reason !== undefined && !general.includes(reason)) bySlug.set(reason, [...new Set([...(bySlug.get(reason) ?? []), slug])])
  }
  for (const [slug, added] of Object.entries(integrations?.added ?? {})) note(slug, added.approximate)
  for (const removed of integrations?.remove ?? []) note(removed.slug, removed.approximate)
  for (const change of integrations?.change ?? []) note(change.slug, change.approximate)
  return [...general, ...[...bySlug].map(([reason, slugs]) => `${slugs.map(code).join(', ')}: ${reason}`)]
}

/**
 * Which releases route each integration, per edition, as `since–until`
 * ranges computed by compiling every version (a gap shows as two ranges).
 */
function integrationRanges(): string[] {
  const seen = new Map<string, { title: string; ee: string[]; ce: string[] }>()
  for (const version of GITLAB_VERSIONS)
    for (const edition of ['ee', 'ce'] as const)
      for (const info of compileGitLab({ gitlab: version, edition }).integrations.values()) {
        if (info.availability === 'removed') continue
        const row = seen.get(info.spec.slug) ?? { title: info.spec.title, ee: [], ce: [] }
        row.title = info.spec.title
        row[edition].push(version)
        seen.set(info.spec.slug, row)
      }
  const ranges = (versions: readonly string[]) => {
    if (versions.length === 0) return '—'
    const parts: string[] = []
    let start = versions[0]!
    let previous = start
    for (const version of [...versions.slice(1), '']) {
      if (version !== '' && GITLAB_VERSIONS.indexOf(version as never) === GITLAB_VERSIONS.indexOf(previous as never) + 1) {
        previous = version
        continue
      }
      parts.push(start === previous ? start : `${start}–${previous}`)
      start = previous = version
    }
    return parts.join(', ')
  }
  return [...seen].map(([slug, row]) => {
    const ee = ranges(row.ee)
    const ce = ranges(row.ce)
    return `| ${code(slug)} | ${cell(row.title)} | ${ee} | ${ce === ee ? 'same' : ce} |`
  })
}

export function renderVersionsTables(): string {
  const [base, ...later] = releaseHistory()
  const rows = later.flatMap(rowsOf)
  const approximate = later.flatMap((release) => approximationsOf(release).map((text) => `- **${release.version}**: ${text}`))
  return [
    `GitLab ${base!.version} is the base release (${base!.integrations?.add?.length ?? 0} catalog entries); each row below is a later release's change.`,
    'A version without rows answers as the newest release before it. `≈` marks a change whose version is not established.',
    '',
    '| release | change | citation |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.version}${r.approximate ? ' ≈' : ''} | ${cell(r.what)} | ${cell(r.cite)} |`),
    '',
    '### Approximate',
    '',
    ...approximate,
    '',
    '### Integrations by release',
    '',
    'The releases whose API routes each integration (title as of the newest), computed by compiling every version.',
    '',
    '| slug | title | EE | CE |',
    '|---|---|---|---|',
    ...integrationRanges(),
  ].join('\n')
}

const section: Section = { file: 'docs/gitlab-versions.md', start: START, end: END, render: renderVersionsTables }

export const withVersionsTables = (doc: string): string => withSection(doc, section)

if (import.meta.url === `file://${process.argv[1]}`) writeSection(section)
