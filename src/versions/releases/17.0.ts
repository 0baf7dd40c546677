/** GitLab 17.0: viewing Jira issues in GitLab is configurable through the API (issue 267015). */
import type { Release } from '../types.js'

export const gitlab17_0 = {
  version: '17.0',
  approximate: [
    'Jira project_keys (Array[String], 17.0) is not emulated: the mock declares no array params',
    'Jira issues_enabled: GitLab declares it a String param (the column casts it); the mock declares it Boolean',
  ],
  integrations: {
    change: [
      {
        slug: 'jira',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Jira: issues_enabled and project_keys "Introduced in GitLab 17.0" (issue 267015)',
        addParams: [{ name: 'issues_enabled', type: 'boolean' }],
        before: 'comment_on_event_enabled',
        set: {
          fields: ['url', 'api_url', 'jira_auth_type', 'username', 'password', 'jira_issue_regex', 'jira_issue_prefix', 'jira_issue_transition_id', 'issues_enabled'],
          defaults: { properties: { jira_auth_type: 0, issues_enabled: false } },
          // jira_tracker_data.issues_enabled: NOT NULL DEFAULT false (db/structure.sql).
          columnDefaults: { jira_auth_type: 0, issues_enabled: false },
        },
      },
    ],
  },
} as const satisfies Release
