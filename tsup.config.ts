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
}

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' }, platform: 'neutral', dts: true, clean: true },
  { ...shared, entry: { cli: 'src/cli.ts', server: 'src/server/index.ts' }, platform: 'node', dts: { entry: { server: 'src/server/index.ts' } } },
])
