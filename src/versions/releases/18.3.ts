/** GitLab 18.3: Linear (MR 198297). */
import { linear } from '../../catalog/added/issue-trackers.js'
import type { Release } from '../types.js'

export const gitlab18_3 = {
  version: '18.3',
  integrations: {
    add: [linear],
    added: { linear: { cite: 'doc/user/project/integrations/linear.md @ gitlabhq 55eb439f: "Introduced in GitLab 18.3" (MR 198297)' } },
  },
} as const satisfies Release
