/** GitLab 16.7: Shimo moved to the JiHu codebase (issue 377824; commit 4f878106 "Remove shimo integration", 2023-11-20, after the 16.6 release). */
import type { Release } from '../types.js'

export const gitlab16_7 = {
  version: '16.7',
  integrations: {
    remove: [
      {
        slug: 'shimo',
        cite: 'issue 377824 "Move Shimo integration to the JiHu codebase"; MR 136143; removal commit 4f878106 dated 2023-11-20 (16.6 released 2023-11-16)',
      },
    ],
  },
} as const satisfies Release
