/** The README's integrations table is generated from the catalog: fail when it is stale. */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { withTable } from '../../scripts/integrations-table.js'

test('README integrations table matches the catalog (run `npm run docs` to refresh)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  expect(readme).toBe(withTable(readme))
})
