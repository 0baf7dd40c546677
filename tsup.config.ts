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
   * Bundled (tree-shaken) for import time, and so the main entry imports no
   * package but msw. They stay in `dependencies` because the declaration
   * files refer to their types. faker is bundled for two more reasons: it is
   * ESM-only, which Jest's CommonJS runtime cannot require, and the fixture
   * kit `require()`s it on first use, which esbuild turns into a lazy start
   * of the bundled module (src/fixtures/random.ts), so importing the kit
   * does not load faker.
   */
  noExternal: ['zod', 'fastest-levenshtein', '@faker-js/faker'],
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
  // `shims`: the CommonJS build has no `import.meta`; src/fixtures/random.ts names it (in a branch
  // that only runs from source), and a bare `import.meta` is a syntax error in a CommonJS file.
  { ...shared, format: ['cjs'], entry: library, dts: { entry: library }, shims: true },
])
