/** GitLab 15.7: Flowdock removed (issue 379197: MR 102394, removal entry data/deprecations/15-7-remove-flowdock-integration.yml). */
import type { Release } from '../types.js'

export const gitlab15_7 = {
  version: '15.7',
  integrations: {
    remove: [{ slug: 'flowdock', cite: 'issue 379197 "Remove Flowdock integration" (15.7: MR 102394, MR 105345, MR 105363)' }],
  },
} as const satisfies Release
