/** GitLab 14.5: ZenTao (a Premium feature: Enterprise Edition). */
import { zentao } from '../../catalog/added/issue-trackers.js'
import type { Release } from '../types.js'

export const gitlab14_5 = {
  version: '14.5',
  approximate: ['ZenTao on CE 14.5–17.0: the route is declared in the CE helper but the integration is a Premium feature; the mock serves it on EE only until 17.1'],
  integrations: {
    add: [zentao],
    added: { zentao: { cite: 'doc/user/project/integrations/zentao.md @ gitlabhq 04d4cf89: "(PREMIUM)", "Introduced in GitLab 14.5" (issue 338178)' } },
  },
} as const satisfies Release
