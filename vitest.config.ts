import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** Tests import the kit by its package name; in the repo that name means the source. */
const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))
const self = [
  { find: /^gitlab-services-mock$/, replacement: source('index.ts') },
  { find: /^gitlab-services-mock\/server$/, replacement: source('server/index.ts') },
]

/**
 * The suite runs twice: against msw 3 (the devDependency `msw`) and against
 * msw 2 (installed as the alias `msw2`), since most users are still on 2.
 * The alias rewrites `msw` and `msw/node` in the kit's source and the tests.
 */
export default defineConfig({
  resolve: { alias: self },
  test: {
    projects: [
      { extends: true, test: { name: 'msw3', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        // The server does not go through msw: it runs once, under msw3.
        test: { name: 'msw2', include: ['test/**/*.test.ts'], exclude: ['test/server/**'] },
        resolve: { alias: [...self, { find: /^msw(\/.*)?$/, replacement: 'msw2$1' }] },
      },
    ],
  },
})
