#!/usr/bin/env node
/**
 * `npm run test:node20`: the msw2 Vitest project on Node 20, the oldest
 * Node the package supports (with msw 2). npm scripts run on the pinned
 * Node 24 (node_modules/.bin/node comes first on their PATH), so this finds
 * Node 20 elsewhere: the Node that runs npm itself (`npm_node_execpath`),
 * or the system's. CI (`CI=true`) fails without one; elsewhere it says so.
 */
import { execFileSync, spawnSync } from 'node:child_process'

const candidates = [process.env.npm_node_execpath, '/usr/bin/node', '/usr/local/bin/node']
const node20 = candidates.find((path) => {
  try {
    return path && execFileSync(path, ['--version'], { encoding: 'utf8' }).startsWith('v20.')
  } catch {
    return false
  }
})
if (!node20) {
  process.stderr.write(`test:node20: no Node 20 among ${candidates.filter(Boolean).join(', ')}\n`)
  process.exit(process.env.CI ? 1 : 0)
}
process.stdout.write(`test:node20: the msw2 project on ${node20} (${execFileSync(node20, ['--version'], { encoding: 'utf8' }).trim()})\n`)
const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname
// Vitest's default reporter formats failures with Map.groupBy (Node >= 21): TAP reports them on
// Node 20. This run checks compatibility, not speed: the heavy hardening tests get 30 s each.
const options = ['--testTimeout', '30000', '--reporter', 'tap-flat', '--reporter', './test/support/summary-reporter.ts']
const { status } = spawnSync(node20, [vitest, 'run', '--project', 'msw2', ...options, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(status ?? 1)
