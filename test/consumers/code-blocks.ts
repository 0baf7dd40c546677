/**
 * The fenced code blocks of the user documents, with what their info
 * strings say about running them (CONTRIBUTING.md, "Code blocks in the
 * documents"): `lang [project] [install|server] [file=NAME] [norun=REASON]`.
 */
import { readdirSync, readFileSync } from 'node:fs'

export interface CodeBlock {
  /** `README.md:12`: the document and the line of the opening fence. */
  readonly where: string
  readonly lang: string
  /** The consumer project the block is a file of (`vitest`, `jest`, `babel`, `jsdom`). */
  readonly project?: string
  readonly file?: string
  readonly install: boolean
  readonly server: boolean
  readonly norun?: string
  readonly code: string
}

export const PROJECTS = ['vitest', 'jest', 'babel', 'jsdom'] as const
const LANGS = new Set(['ts', 'tsx', 'js', 'sh', 'python', 'go', 'json', 'text'])

const root = new URL('../../', import.meta.url)

/** README.md, CONTRIBUTING.md and every docs/*.md. */
export function documents(): string[] {
  const docs = readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md'))
  return ['README.md', 'CONTRIBUTING.md', ...docs.map((name) => `docs/${name}`)]
}

export function codeBlocks(document: string): CodeBlock[] {
  const lines = readFileSync(new URL(document, root), 'utf8').split('\n')
  const blocks: CodeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!)
    if (!open) continue
    const end = lines.indexOf('```', i + 1)
    if (end < 0) throw new Error(`${document}:${i + 1}: unclosed code block`)
    const where = `${document}:${i + 1}`
    const [lang = '', attrs = ''] = [open[1], open[2]]
    if (!LANGS.has(lang)) throw new Error(`${where}: code block language "${lang}" is none of ${[...LANGS].join(', ')}`)
    const words = attrs.trim().split(/\s+/).filter(Boolean)
    const value = (key: string) => words.find((w) => w.startsWith(`${key}=`))?.slice(key.length + 1)
    const project = words.find((w) => (PROJECTS as readonly string[]).includes(w))
    const known = (w: string) => w === project || w === 'install' || w === 'server' || /^(file|norun)=\S+$/.test(w)
    const unknown = words.filter((w) => !known(w))
    if (unknown.length) throw new Error(`${where}: unknown info-string words ${unknown.join(' ')}`)
    blocks.push({
      where,
      lang,
      ...(project ? { project } : {}),
      ...(value('file') ? { file: value('file')! } : {}),
      install: words.includes('install'),
      server: words.includes('server'),
      ...(value('norun') ? { norun: value('norun')! } : {}),
      code: lines.slice(i + 1, end).join('\n') + '\n',
    })
    i = end
  }
  return blocks
}
