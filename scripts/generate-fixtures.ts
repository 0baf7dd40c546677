/**
 * Writes fixtures/ (integration examples and the demo scenario) from a fixed
 * seed and reference date; removes generated files that no longer belong.
 *
 *     node --experimental-transform-types --disable-warning=ExperimentalWarning \
 *          --import ./scripts/ts-hooks.mjs scripts/generate-fixtures.ts
 *
 * (Node 24: transform-types because src uses parameter properties; the hook
 * maps the sources' `.js` import specifiers to their `.ts` files.)
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateFixtureFiles } from './fixture-files.js'

const root = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** Paths of the JSON files under `dir`, relative to `root`, POSIX-style. */
async function existingJson(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return existingJson(path)
      return entry.name.endsWith('.json') ? [relative(root, path).split(sep).join('/')] : []
    }),
  )
  return nested.flat()
}

const files = await generateFixtureFiles()
let removed = 0
for (const path of await existingJson(root)) {
  if (!files.has(path)) {
    await rm(join(root, path))
    removed++
  }
}
for (const [path, content] of files) {
  const target = join(root, path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, content)
}
console.log(`fixtures/: wrote ${files.size} files${removed ? `, removed ${removed} stale` : ''}`)
