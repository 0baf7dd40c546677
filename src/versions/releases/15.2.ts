/**
 * GitLab 15.2: changing a field the secrets are sent to clears the secrets
 * not sent with it (security release 15.2.1, "Maintainer can leak Packagist
 * and other integration access tokens by changing integration URL":
 * `exposes_secrets: true`, Integrations::ResetSecretFields).
 */
import type { Release } from '../types.js'

export const gitlab15_2 = {
  version: '15.2',
  behaviour: { resetSecrets: true, cite: 'security release 15.2.1 (linked from issue 384580); app/models/concerns/integrations/reset_secret_fields.rb', approximate: 'secret reset shipped in the 15.2.1 patch; Datadog was covered later (issue 377799, ≈15.5–15.6): the mock resets for every integration from 15.2' },
} as const satisfies Release
