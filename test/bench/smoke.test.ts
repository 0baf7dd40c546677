/**
 * `npm run bench -- --quick` end to end (against the dist/ that `npm test`
 * builds first): it must run every measurement and report ratios. Numbers
 * are not asserted: timing belongs to the benchmark, never to tests.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

test('the quick benchmark runs every baseline and writes its JSON', { timeout: 180_000 }, async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gsm-bench-')), 'results.json')
  const script = fileURLToPath(new URL('../../bench/run.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--quick', '--out', out], { timeout: 170_000 })
  for (const row of ['HTTP GET one', 'in-process msw 3', 'in-process msw 2', 'at 10000 integrations', 'spawn to listening', 'import main entry'])
    expect(stdout).toContain(row)
  const results = JSON.parse(readFileSync(out, 'utf8'))
  expect(results.quick).toBe(true)
  for (const value of [results.rps.raw, results.rps.get, results.msw3.ratio, results.msw2.ratio, results.cold.importMs])
    expect(value).toBeGreaterThan(0)
})
