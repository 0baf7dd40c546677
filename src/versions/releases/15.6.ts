/**
 * GitLab 15.6: chat integrations' `webhook` is hidden from `properties`
 * ("Hide webhook value in chat integrations", commit 1ee634be, MR 103458;
 * Integration#api_field_names rejects `name == 'webhook'`).
 */
import type { Release } from '../types.js'

export const gitlab15_6 = {
  version: '15.6',
  hidden: {
    approximate: 'webhook hiding: commit 1ee634be was authored 2022-11-09, before the 15.6 release (2022-11-22); it may have shipped in 15.7',
    kind: 'secret',
    names: ['webhook'],
    cite: 'app/models/integration.rb @ 1ee634be "Hide webhook value in chat integrations" (MR 103458)',
  },
} as const satisfies Release
