/** GitLab 17.4: the GitLab for Jira Cloud app in the API, neither created nor disabled there (MR 163702, issue 472755). */
import { jiraCloudApp } from '../../catalog/added/others.js'
import type { Release } from '../types.js'

export const gitlab17_4 = {
  version: '17.4',
  integrations: {
    add: [jiraCloudApp],
    added: {
      'jira-cloud-app': {
        cite: 'issue 460663 (commit 6aa81f6b "Add GitLab For Jira Integration", 2024-05-29, behind a flag); MR 163702 "Jira Cloud app only editable via API when active": 422 on create and disable',
        approximate: 'added ≈17.1 behind a flag; the API rules of MR 163702 (Aug–Sep 2024) placed at 17.4',
      },
    },
  },
} as const satisfies Release
