import { rmSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

// The two builds below run concurrently, so neither may `clean`: empty dist/ once, here.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true })

/** `msw` stays external: it is the user's peer dependency. */
const shared: Options = {
  target: 'es2022',
  sourcemap: true,
  platform: 'node',
  external: ['msw', 'msw/node', 'msw/browser'],
  /**
   * Bundled (tree-shaken) for import time: @msw/data pulls in the whole
   * es-toolkit barrel (~40 ms of a ~100 ms import); bundled, the main entry
   * imports in well under the 150 ms budget (`npm run bench`). They stay in
   * `dependencies` because the declaration files refer to their types.
   */
  noExternal: ['@msw/data', 'es-toolkit', 'mutative', 'rettime', 'outvariant', '@standard-schema/spec', 'zod', 'fastest-levenshtein'],
  // One build per format, so the entries of a format share chunks:
  // `gitlab-services-mock/server` and the main entry use the same classes
  // (ScenarioError, ...). Node built-ins are imported only by the server and
  // CLI chunks (a test bundles the browser entry and checks).
  splitting: true,
}

const library = { index: 'src/index.ts', browser: 'src/browser/index.ts', server: 'src/server/index.ts' }

/**
 * ESM (`.js`, `.d.ts`) and CommonJS (`.cjs`, `.d.cts`) with their own
 * declaration files: a CommonJS TypeScript project then resolves `msw`'s
 * types through the same condition as its own `import 'msw'`, so
 * `setupServer(...gitlab.handlers)` sees one copy of msw's classes. The CLI
 * is ESM only.
 */
export default defineConfig([
  { ...shared, format: ['esm'], entry: { ...library, cli: 'src/cli.ts' }, dts: { entry: library } },
  // faker is ESM-only: Jest's CommonJS runtime cannot require it, so the CommonJS build carries it.
  { ...shared, format: ['cjs'], entry: library, dts: { entry: library }, noExternal: [...shared.noExternal!, '@faker-js/faker'] },
])
