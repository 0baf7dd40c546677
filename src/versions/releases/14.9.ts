/** GitLab 14.9: Harbor (MR 80999). */
import { harbor } from '../../catalog/added/others.js'
import type { Release } from '../types.js'

export const gitlab14_9 = {
  version: '14.9',
  approximate: [
    'Harbor: no history line exists in any Harbor doc; MR 80999 falls between MR 79665 (documented 14.8) and MR 93623 (15.3): placed at 14.9',
  ],
  integrations: {
    add: [harbor],
    added: {
      harbor: {
        cite: 'MR 80999 "Harbor integration"; lib/api/helpers/integrations_helpers.rb (≈15.10, index id 1560146934): url, project_name, username, password required',
        approximate: 'version from MR-number ordering',
      },
    },
  },
} as const satisfies Release
