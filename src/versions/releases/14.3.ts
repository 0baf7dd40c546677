/**
 * GitLab 14.3: the last release that routes `/services` only
 * (`/integrations` came in 14.4, gitlab-org/gitlab#334500). What it changed
 * since 13.12, as far as the API answers: Service became Integration in
 * the models (14.0/14.1), and the GET/DELETE path parameter `service_slug`
 * was renamed `slug`, which renames Grape's error.
 *
 * Source: lib/api/services.rb @ gitlabhq 01ef10900ad5 (the 14.x file before
 * the 14.4 route duplication): `requires :slug, type: String, values:
 * INTEGRATIONS.keys`, `not_found!('Service')`, event flags still `type: String`,
 * DELETE still `index_with { nil }`. Which 14.x minor renamed the parameter
 * is not established (a 14.0 development copy is half-renamed), so the
 * mock offers 14.3, where the file read shows it, and not 14.0-14.2.
 */
import type { Release } from '../types.js'

export const gitlab14_3 = {
  version: '14.3',
  // The patch number and revision are the mock's, not a real build's: clients read `version` for major.minor.
  build: { version: '14.3.0-ee', revision: 'mock14.3' },
  wording: {
    slugInvalid: 'slug does not have a valid value',
    cite: 'lib/api/services.rb @ gitlabhq 01ef10900ad5 (14.x): requires :slug, values: INTEGRATIONS.keys',
  },
} as const satisfies Release
