/** The performance tables are generated from bench/results.json: fail when README.md or docs/performance.md is stale. */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { readResults, withBenchSection } from '../../scripts/bench-table.js'

const results = readResults()

for (const file of ['README.md', 'docs/performance.md'] as const)
  test(`${file} performance table matches bench/results.json (run \`npm run docs\` to refresh)`, () => {
    const doc = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
    expect(doc).toBe(withBenchSection(doc, file, results))
  })

test('the checked-in results are a full run with every baseline', () => {
  expect(results.schema).toBe(2)
  expect(results.quick).toBe(false)
  for (const measure of ['raw-get', 'kit-get', 'raw-list', 'kit-list', 'raw-put', 'kit-put', 'msw3-get', 'msw2-get'])
    expect(results.http.measures[measure]?.rounds).toHaveLength(results.http.rounds)
})
