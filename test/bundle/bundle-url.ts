/** Where the browser project's dev server serves the esbuild bundle of dist/browser.js (see serve-bundle.ts). */
export const BROWSER_BUNDLE_URL = '/__gitlab-services-mock__/browser.bundle.js'
