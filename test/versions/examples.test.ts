/** The catalog's `examples` name real params: each key is a param of its integration in at least one release. */
import { expect, test } from 'vitest'
import { catalog, compileGitLab, GITLAB_VERSIONS, type IntegrationSpec } from 'gitlab-services-mock'

const entries: readonly IntegrationSpec[] = catalog

test('every example names a param its integration has in some GitLab release', () => {
  const params = new Map<string, Set<string>>()
  for (const version of GITLAB_VERSIONS)
    for (const info of compileGitLab({ gitlab: version }).integrations.values()) {
      const names = params.get(info.spec.slug) ?? new Set<string>()
      for (const param of info.spec.params) names.add(param.name)
      params.set(info.spec.slug, names)
    }
  const stray = entries.flatMap((spec) =>
    Object.keys(spec.examples ?? {})
      .filter((name) => !params.get(spec.slug)?.has(name))
      .map((name) => `${spec.slug}.${name}`),
  )
  expect(stray).toEqual([])
  expect(entries.filter((spec) => spec.examples).length).toBeGreaterThan(30)
})
