/**
 * `npm run bench -- --quick` end to end (against the dist/ that `npm test`
 * builds first): it must run every measurement and report ratios. Numbers
 * are not asserted: timing belongs to the benchmark, never to tests. Prism
 * and json-server may be slow to boot or missing: they are reported either
 * way, so only their presence in the output is checked.
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
  for (const row of ['raw node:http', "the kit's server", 'getResponse() behind node:http', 'Prism', 'json-server', 'in-process, msw 3', 'in-process, msw 2', 'mock.fetch', 'stored integrations', 'spawn to "listening"', 'import of the main entry'])
    expect(stdout).toContain(row)
  const results = JSON.parse(readFileSync(out, 'utf8'))
  expect(results.quick).toBe(true)
  expect(results.node).toBe(process.version)
  expect(results.http.loadGenerator).toMatch(/^(wrk|autocannon) \S+ \(/)
  for (const measure of ['raw-get', 'kit-get', 'kit-list', 'kit-put', 'msw3-get', 'msw2-get']) {
    const { rps, throughputVsRaw } = results.http.measures[measure]
    expect(rps.median).toBeGreaterThan(0)
    if (measure !== 'raw-get') expect(throughputVsRaw.median).toBeGreaterThan(0)
  }
  if (results.http.cpuMethod) expect(results.http.measures['kit-get'].cpuMicros.median).toBeGreaterThan(0)
  for (const value of [results.inProcess.msw3.ratio, results.inProcess.msw2.ratio, results.cold.importMs, results.scale.large.get])
    expect(value).toBeGreaterThan(0)
})
