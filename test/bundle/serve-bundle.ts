/**
 * A Vite plugin for the browser test project: serves the esbuild bundle of
 * dist/browser.js as a plain ES module (Vite does not transform it), so a
 * browser test loads exactly what a user's bundler would ship.
 */
import { existsSync } from 'node:fs'
import type { Plugin } from 'vite'
import { bundleForBrowser, DIST_BROWSER_ENTRY } from './bundle-for-browser.js'
import { BROWSER_BUNDLE_URL } from './bundle-url.js'

export function serveBrowserBundle(): Plugin {
  return {
    name: 'gitlab-services-mock:browser-bundle',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://localhost').pathname !== BROWSER_BUNDLE_URL) return next()
        if (!existsSync(DIST_BROWSER_ENTRY)) {
          response.writeHead(404, { 'content-type': 'text/plain' })
          response.end(`${DIST_BROWSER_ENTRY} is missing: run \`npm run build\` (npm test does) first.`)
          return
        }
        bundleForBrowser(DIST_BROWSER_ENTRY).then(
          ({ code }) => {
            response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
            response.end(code)
          },
          (error: unknown) => next(error),
        )
      })
    },
  }
}
