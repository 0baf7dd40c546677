/**
 * Generated sections of the hand-written documents: the text between a
 * start and an end marker is rendered from the code, so it cannot drift.
 * `npm run docs` rewrites them; a test per document fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'

export interface Section {
  /** The document, relative to the repository root (for messages). */
  readonly file: string
  readonly start: string
  readonly end: string
  readonly render: () => string
}

/** `doc` with the section's markers enclosing its freshly rendered text. */
export function withSection(doc: string, section: Section): string {
  const start = doc.indexOf(section.start)
  const end = doc.indexOf(section.end)
  if (start < 0 || end < start) throw new Error(`${section.file} has no ${section.start} … ${section.end} markers`)
  return `${doc.slice(0, start + section.start.length)}\n${section.render()}\n${doc.slice(end)}`
}

/** Rewrites the section in its document on disk. */
export function writeSection(section: Section): void {
  const url = new URL(`../${section.file}`, import.meta.url)
  writeFileSync(url, withSection(readFileSync(url, 'utf8'), section))
}
