import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { msw } from 'msw/vite'
import { defineConfig } from 'vitest/config'
import { serveBrowserBundle } from './test/bundle/serve-bundle.js'

/** Tests import the kit by its package name; in the repo that name means the source. */
const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))
const self = [
  { find: /^gitlab-services-mock$/, replacement: source('index.ts') },
  { find: /^gitlab-services-mock\/server$/, replacement: source('server/index.ts') },
]

/**
 * The browser project imports `gitlab-services-mock/browser` through the
 * package's exports map, i.e. the tsup build in dist/ (`npm test` builds
 * first); without a build it falls back to the source.
 */
function browserEntry(): string {
  try {
    // The `import` condition: the ESM build (`require` would give the CommonJS one).
    return fileURLToPath(import.meta.resolve('gitlab-services-mock/browser'))
  } catch {
    return source('browser/index.ts')
  }
}

/** Debian's Chromium (no browser download): headless, no sandbox (CI runs as root), quiet. */
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
})

/**
 * The suite runs twice: against msw 3 (the devDependency `msw`) and against
 * msw 2 (installed as the alias `msw2`), since most users are still on 2.
 * The alias rewrites `msw` and `msw/node` in the kit's source and the tests.
 */
export default defineConfig({
  resolve: { alias: self },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'msw3', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', 'test/consumers/**'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        // The server does not go through msw: it runs once, under msw3.
        test: {
          name: 'msw2',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/server/**',
            'test/bundle/**',
            'test/browser/**',
            'test/bench/**',
            'test/consumers/**',
            'test/examples/**',
            // Attacks on the built CLI or kit in child processes: msw is not involved.
            'test/hardening/exposure.test.ts',
            'test/hardening/closed-stdout.test.ts',
            'test/hardening/control-access.test.ts',
            'test/hardening/pipelining.test.ts',
            'test/hardening/large-scenario.test.ts',
          ],
          sequence: { groupOrder: 0 },
        },
        resolve: { alias: [...self, { find: /^msw(\/.*)?$/, replacement: 'msw2$1' }] },
      },
      {
        extends: true,
        // Headless Chromium; msw/vite serves the installed msw's worker script.
        plugins: [msw({ mode: 'worker-only' }), serveBrowserBundle()],
        resolve: { alias: [{ find: /^gitlab-services-mock\/browser$/, replacement: browserEntry() }] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          // One test iframe at a time: msw's worker hands a request from a nested frame
          // that did not start mocking to any visible frame that did.
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        // The packed package in fresh projects, once the others are done: its npm, Jest and tsc
        // children would otherwise take the two cores from the timing-bound hardening tests.
        test: { name: 'consumers', include: ['test/consumers/**/*.test.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
})
