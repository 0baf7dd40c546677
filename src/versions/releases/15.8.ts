/**
 * GitLab 15.8: DELETE resets the fields to their column defaults
 * (lib/api/integrations.rb: `column.default`, NullColumn → nil), and
 * Prometheus' service-account JSON becomes a secret (issue 384580).
 */
import type { Release } from '../types.js'

export const gitlab15_8 = {
  version: '15.8',
  approximate: [
    "Prometheus google_iap_service_account_json hidden: reported unmasked in issue 384580 (2022-11, ≈15.6), fixed by a later security release (≈15.7–15.8, not verified)",
  ],
  behaviour: { deleteResets: 'column-defaults', cite: 'lib/api/integrations.rb (≈16.0, index id 1804366525): attrs index_with column.default', approximate: 'DELETE column defaults: the API doc says "settings are preserved" at ≈15.4 (gitlabhq 04d4cf89) and "settings are reset" at ≈15.8; a ≈16.0 lib/api/integrations.rb already resets to column defaults: placed at 15.8' },
  integrations: {
    change: [
      {
        slug: 'prometheus',
        cite: 'issue 384580 (HackerOne 1780770): Prometheus Google IAP fields were not masked',
        approximate: 'security fix version not verified (≈15.7–15.8)',
        changeParams: { google_iap_service_account_json: { secret: true } },
      },
    ],
  },
} as const satisfies Release
