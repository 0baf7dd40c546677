import { defineConfig, type Options } from 'tsup'

/**
 * ESM + declarations, in two builds that mirror the architecture: the
 * platform-free entry (MSW handlers, catalog, fixtures) and the Node-only
 * server and CLI. `msw` stays external: it is the user's peer dependency.
 */
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

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', browser: 'src/browser/index.ts' },
    platform: 'neutral',
    dts: true,
    clean: true,
  },
  { ...shared, entry: { cli: 'src/cli.ts', server: 'src/server/index.ts' }, platform: 'node', dts: { entry: { server: 'src/server/index.ts' } } },
])
