/** The per-version slug types are generated from the compiled profiles: fail when they are stale. */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { renderSlugTypes, SLUGS_FILE } from '../../scripts/version-slugs.js'

test('src/versions/slugs.generated.ts matches the releases (run `npm run types` to refresh)', () => {
  expect(readFileSync(SLUGS_FILE, 'utf8')).toBe(renderSlugTypes())
})
