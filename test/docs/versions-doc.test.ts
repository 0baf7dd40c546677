/** docs/gitlab-versions.md's tables are generated from the release files: fail when they are stale. */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { withVersionsTables } from '../../scripts/versions-doc.js'

test('docs/gitlab-versions.md matches the release files (run `npm run docs` to refresh)', () => {
  const doc = readFileSync(new URL('../../docs/gitlab-versions.md', import.meta.url), 'utf8')
  expect(doc).toBe(withVersionsTables(doc))
})
