/** GitLab 16.1: ClickUp (MR 120732) and Telegram (MR 122879). */
import { telegram } from '../../catalog/added/chat.js'
import { clickup } from '../../catalog/added/issue-trackers.js'
import type { Release } from '../types.js'

export const gitlab16_1 = {
  version: '16.1',
  integrations: {
    add: [clickup, telegram],
    added: {
      clickup: { cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, ClickUp: "Introduced in GitLab 16.1" (MR 120732)' },
      telegram: { cite: 'doc/user/project/integrations/telegram.md @ gitlabhq 0286e4c6: "Introduced in GitLab 16.1" (MR 122879)' },
    },
  },
} as const satisfies Release
