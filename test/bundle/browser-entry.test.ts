/**
 * The built browser entry survives a browser bundler: bundling dist/browser.js
 * and everything it imports (msw, zod, faker) for platform `browser`
 * leaves no import of a Node built-in. The browser project loads the same
 * bundle in Chromium (test/browser/bundle.test.ts).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { bundleForBrowser, DIST_BROWSER_ENTRY } from './bundle-for-browser.js'

test('dist/browser.js bundles for the browser without Node built-ins', async () => {
  expect(existsSync(DIST_BROWSER_ENTRY), `${DIST_BROWSER_ENTRY} is missing: run \`npm run build\` first`).toBe(true)
  const { code, nodeImports } = await bundleForBrowser(DIST_BROWSER_ENTRY)
  expect(nodeImports).toEqual([])
  expect(code).not.toMatch(/\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(/)
  // The whole kit is in it, worker helper included.
  expect(code).toMatch(/export\s*\{[^}]*\bstartGitLabWorker\b/)
  expect(code).toMatch(/export\s*\{[^}]*\bcreateGitLabMock\b/)
})

test('the check names the Node built-ins a module imports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsm-bundle-'))
  try {
    const entry = join(dir, 'entry.js')
    writeFileSync(entry, "import { readFileSync } from 'node:fs'\nimport path from 'path'\nexport const x = [readFileSync, path]\n")
    const { nodeImports } = await bundleForBrowser(entry)
    expect(nodeImports.map((found) => found.path).sort()).toEqual(['node:fs', 'path'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
