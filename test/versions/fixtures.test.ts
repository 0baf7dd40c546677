/**
 * The fixture kit follows the version: for the releases that added
 * integrations or validations, every factory of every integration a
 * project can create through the API gives a PUT that version accepts.
 */
import { describe, expect, test } from 'vitest'
import { compileGitLab, createFixtures, type FixtureSlug } from 'gitlab-services-mock'
import { call, integration, versionServer } from './support.js'

const { target } = versionServer()

/** Slugs a project creates through the API: routed, available without instance settings, manually activated. */
function creatable(gitlab: string, edition: 'ee' | 'ce'): string[] {
  return [...compileGitLab({ gitlab, edition }).integrations.values()]
    .filter((info) => info.availability === 'available' && !info.spec.condition && info.spec.apiCreatable !== false)
    .map((info) => info.spec.slug)
}

describe.each([
  ['14.9', 'ee'],
  ['15.11', 'ce'],
  ['16.11', 'ee'],
  ['17.3', 'ce'],
  ['19.0', 'ee'],
  ['19.0', 'ce'],
] as const)('GitLab %s %s', (gitlab, edition) => {
  test('telegram has a factory exactly where the version has the integration', () => {
    expect((createFixtures({ gitlab, edition }).slugs as readonly string[]).includes('telegram')).toBe(['16.11', '17.3', '19.0'].includes(gitlab))
  })

  test.each([1, 2, 3])('every creatable integration’s fixture PUTs with 200 (seed %i)', async (seed) => {
    const fixtures = createFixtures({ gitlab, edition, seed })
    const mock = target(gitlab, edition)
    for (const slug of creatable(gitlab, edition)) {
      const put = await call(mock, 'PUT', integration(slug, 'services'), fixtures.integration(slug as FixtureSlug).params)
      expect(put.status, `${slug}: ${put.text}`).toBe(200)
    }
  })
})
