import { defineConfig, type Options } from 'tsup'

/** ESM + declarations. `msw` stays external: it is the user's peer dependency. */
const shared: Options = {
  format: ['esm'],
  target: 'es2022',
  sourcemap: true,
  external: ['msw', 'msw/node', 'msw/browser'],
  /**
   * Bundled (tree-shaken) for import time: @msw/data pulls in the whole
   * es-toolkit barrel (~40 ms of a ~100 ms import); bundled, the main entry
   * imports in well under the 150 ms budget (`npm run bench`). They stay in
   * `dependencies` because the declaration files refer to their types.
   */
  noExternal: ['@msw/data', 'es-toolkit', 'mutative', 'rettime', 'outvariant', '@standard-schema/spec', 'zod'],
}

/**
 * One build, so the entries share chunks: `gitlab-services-mock/server` and
 * the main entry use the same classes (ScenarioError, ...). Node built-ins
 * are imported only by the server and CLI chunks (a test bundles the browser
 * entry and checks).
 */
export default defineConfig({
  ...shared,
  entry: { index: 'src/index.ts', browser: 'src/browser/index.ts', server: 'src/server/index.ts', cli: 'src/cli.ts' },
  platform: 'node',
  dts: { entry: { index: 'src/index.ts', browser: 'src/browser/index.ts', server: 'src/server/index.ts' } },
  clean: true,
})
