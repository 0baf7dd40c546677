/**
 * GitLab 15.4: Shimo generally available (doc/api/integrations.md @
 * gitlabhq 04d4cf89: introduced 14.5 behind `shimo_integration`, disabled by
 * default; "Generally available in GitLab 15.4", issue 345356).
 */
import { shimo } from '../../catalog/added/others.js'
import type { Release } from '../types.js'

export const gitlab15_4 = {
  version: '15.4',
  approximate: ['Shimo 14.5–15.3: behind the `shimo_integration` flag, off by default, so not served; whether the API routed it then is not verified'],
  integrations: {
    add: [shimo],
    added: {
      shimo: {
        cite: 'doc/api/integrations.md @ gitlabhq 04d4cf89, Shimo: "Introduced in GitLab 14.5 with a flag named shimo_integration. Disabled by default." / "Generally available in GitLab 15.4"',
      },
    },
  },
} as const satisfies Release
