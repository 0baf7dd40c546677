/**
 * GitLab 14.10: `properties` hides every `type: :password` field instead of
 * the names matching password|token|key|title|description (security
 * release 14.10.1, "Missing input masking on sensitive integration
 * properties", gitlab-org/security/gitlab!2369; cited by issue 384580).
 */
import type { Release } from '../types.js'

export const gitlab14_10 = {
  version: '14.10',
  hidden: {
    approximate: 'the secret-field rule shipped in the 14.10.1 patch (likely backported to 14.9.x/14.8.x, not verified); the mock applies it from 14.10',
    kind: 'secret',
    names: [],
    cite: 'security release 14.10.1 (gitlab-org/security/gitlab!2369); Integration#api_field_names rejects type password (issue 357671)',
  },
} as const satisfies Release
