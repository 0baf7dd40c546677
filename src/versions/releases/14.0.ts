/**
 * GitLab 14.0. What changed since 13.12, as far as the API answers:
 * - Service became Integration in the models, and the GET/DELETE path
 *   parameter `service_slug` was renamed `slug`, which renames Grape's
 *   error. lib/api/services.rb @ gitlabhq 01ef10900ad5 (a 14.x file before
 *   the 14.4 route duplication) has `requires :slug, type: String, values:
 *   INTEGRATIONS.keys`; a 14.0 development copy (mehulagg/gitlab @ 3945fae6)
 *   routes `:slug` but still declares `service_slug`, so the rename landed
 *   during the 14.0 cycle: placed here, approximately.
 * - `/services` only: the mock's deliberate `/integrations` alias on 13.12
 *   is not carried into 14.0-14.3, which are emulated as GitLab served them
 *   (`/integrations` came in 14.4, gitlab-org/gitlab#334500).
 */
import type { Release } from '../types.js'

export const gitlab14_0 = {
  version: '14.0',
  wording: {
    approximate: 'the `slug does not have a valid value` wording: renamed during the 14.0 cycle (a 14.0 development copy is half-renamed)',
    slugInvalid: 'slug does not have a valid value',
    cite: 'lib/api/services.rb @ gitlabhq 01ef10900ad5 (14.x): requires :slug, values: INTEGRATIONS.keys',
  },
  families: { list: ['services'], cite: 'lib/api/services.rb @ gitlabhq 01ef10900ad5: get ":id/services" only' },
} as const satisfies Release
