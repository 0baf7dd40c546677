/** GitLab 16.8: Diffblue Cover (MR 134437). */
import { diffblueCover } from '../../catalog/added/others.js'
import type { Release } from '../types.js'

export const gitlab16_8 = {
  version: '16.8',
  integrations: {
    add: [diffblueCover],
    added: {
      'diffblue-cover': {
        cite: 'MR 134437 "Diffblue Cover integration"; doc/integration/diffblue_cover.md images named *_v16_8.png',
        approximate: 'absent from a ≈16.0 helper, present in the ≈16.9–17.1 API doc; doc image names say 16.8',
      },
    },
  },
} as const satisfies Release
