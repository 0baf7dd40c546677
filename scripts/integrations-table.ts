/**
 * The README's integrations table, rendered from the catalog so it cannot
 * drift. `npm run docs` rewrites the README between the markers; a test
 * fails when the checked-in table is stale.
 */
import { compileGitLab, type IntegrationSpec } from '../src/index.js'
import { withSection, writeSection, type Section } from './generated-section.js'

/** The table describes the default GitLab (13.12). */
const gitlab = compileGitLab()
const specs = [...gitlab.integrations.values()].map((info) => info.spec)

export const START = '<!-- integrations-table:start -->'
export const END = '<!-- integrations-table:end -->'

const AVAILABILITY: Record<IntegrationSpec['availability'], string> = {
  available: '',
  'list-only': ' (list only)',
  removed: ' (removed: no routes)',
  development: ' (development mode only)',
  disabled: ' (routed, never available to projects)',
}

function param(owner: IntegrationSpec, spec: IntegrationSpec['params'][number]): string {
  const type = spec.type === 'string' ? '' : `:${spec.type}`
  const hidden = !spec.writeOnly && !spec.topLevel && gitlab.isHidden(owner, spec.name) ? '*' : ''
  const dropped = spec.writeOnly ? '†' : ''
  return `\`${spec.name}\`${type}${hidden}${dropped}`
}

export function renderIntegrationsTable(): string {
  const rows = specs.map((spec) => {
    const required = spec.params.filter((p) => p.required).map((p) => param(spec, p)).join(', ') || '—'
    const optional = spec.params.filter((p) => !p.required).map((p) => param(spec, p)).join(', ') || '—'
    const events = spec.events.map((e) => e.replace(/_events$/, '')).join(', ') || '—'
    const slug = `\`${spec.slug}\`${AVAILABILITY[spec.availability]}${spec.notInSeed ? ' ‡' : ''}`
    return `| ${slug} | ${spec.title} | ${required} | ${optional} | ${events} |`
  })
  return [
    `${specs.length} integration types. \`*\` never returned (secret by GitLab's name rule), \`†\` accepted but not stored,`,
    '`‡` routed by GitLab 13.12 but missing from the API document. Parameters are strings unless typed.',
    '',
    '| slug | title | required | optional | events (`<name>_events`) |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

const section: Section = { file: 'README.md', start: START, end: END, render: renderIntegrationsTable }

export const withTable = (readme: string): string => withSection(readme, section)

if (import.meta.url === `file://${process.argv[1]}`) writeSection(section)
