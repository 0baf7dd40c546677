/** GitLab 16.5: Telegram's branch filter (MR 134361). */
import { BRANCHES, CHAT_DEFAULTS } from '../../catalog/fragments.js'
import type { Release } from '../types.js'

export const gitlab16_5 = {
  version: '16.5',
  integrations: {
    change: [
      {
        slug: 'telegram',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Telegram: branches_to_be_notified "introduced in GitLab 16.5" (MR 134361)',
        addParams: [BRANCHES],
        set: { defaults: { properties: CHAT_DEFAULTS } },
      },
    ],
  },
} as const satisfies Release
