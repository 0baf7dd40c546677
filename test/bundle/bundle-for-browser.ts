/**
 * Bundles a module the way a browser app's bundler would (esbuild, platform
 * `browser`, every dependency inlined) and records each import of a Node
 * built-in instead of failing on the first, so a test can name them all.
 */
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

/** The built browser entry, as the package's `./browser` export names it. */
export const DIST_BROWSER_ENTRY = fileURLToPath(new URL('../../dist/browser.js', import.meta.url))

export interface NodeImport {
  readonly path: string
  readonly importer: string
}

export interface BrowserBundle {
  /** The ESM bundle, with no imports left but the Node built-ins listed below. */
  readonly code: string
  readonly nodeImports: readonly NodeImport[]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const builtin = new RegExp(`^(?:node:.*|(?:${builtinModules.map(escape).join('|')})(?:/.*)?)$`)

function recordNodeImports(found: NodeImport[]): Plugin {
  return {
    name: 'record-node-imports',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: builtin }, ({ path, importer }) => {
        found.push({ path, importer })
        return { path, external: true }
      })
    },
  }
}

export async function bundleForBrowser(entry: string): Promise<BrowserBundle> {
  const nodeImports: NodeImport[] = []
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [recordNodeImports(nodeImports)],
  })
  const code = result.outputFiles[0]?.text
  if (code === undefined) throw new Error(`esbuild wrote no output for ${entry}`)
  return { code, nodeImports }
}
