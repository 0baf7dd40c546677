/** GitLab 15.11: Google Play generally available (15.10 behind `google_play_integration`, off by default). */
import { googlePlay } from '../../catalog/added/others.js'
import type { Release } from '../types.js'

export const gitlab15_11 = {
  version: '15.11',
  integrations: {
    add: [googlePlay],
    added: {
      'google-play': {
        cite: 'doc/user/project/integrations/google_play.md: "Introduced in GitLab 15.10 with a flag named google_play_integration. Disabled by default." / "Generally available in GitLab 15.11" (issue 389611)',
      },
    },
  },
} as const satisfies Release
