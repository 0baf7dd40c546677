/**
 * GitLab 16.0: Jira personal access tokens (`jira_auth_type`: 0 basic, 1
 * PAT; `username` only required for basic auth; MR 118054) and the issue
 * key prefix and regex (issue 413906 reproduces them on 16.0.1-ee).
 * Jira's `properties` now follow the model's field list, transition id included.
 */
import type { Release } from '../types.js'

const JIRA_APPROXIMATE = 'present in a ≈15.10–16.0 helper (index id 1560146934); MR 118054 and issue 413906 point to 16.0'

export const gitlab16_0 = {
  version: '16.0',
  integrations: {
    change: [
      {
        slug: 'jira',
        cite: 'MR 118054 "JIRA: Support Personal Access Tokens - backend"; app/models/integrations/jira.rb',
        approximate: JIRA_APPROXIMATE,
        addParams: [{ name: 'jira_auth_type', type: 'integer', values: ['0', '1'] }],
        before: 'username',
        changeParams: { username: { required: false } },
      },
      {
        slug: 'jira',
        cite: 'issue 413906; lib/api/helpers/integrations_helpers.rb (≈16.0): jira_issue_regex, jira_issue_prefix',
        approximate: JIRA_APPROXIMATE,
        addParams: [
          { name: 'jira_issue_regex', type: 'string', kind: 'text' },
          { name: 'jira_issue_prefix', type: 'string', kind: 'text' },
        ],
        before: 'jira_issue_transition_automatic',
        set: {
          fields: ['url', 'api_url', 'jira_auth_type', 'username', 'password', 'jira_issue_regex', 'jira_issue_prefix', 'jira_issue_transition_id'],
          defaults: { properties: { jira_auth_type: 0 } },
          // jira_tracker_data.jira_auth_type: NOT NULL DEFAULT 0 (db/structure.sql), which DELETE restores.
          columnDefaults: { jira_auth_type: 0 },
          validations: [
            ['present', 'url'],
            ['publicUrl', 'url'],
            ['publicUrlIfPresent', 'api_url'],
            ['presentWhen', 'username', 'jira_auth_type', '0'],
            ['present', 'password'],
            ['idList', 'jira_issue_transition_id'],
          ],
        },
      },
    ],
  },
} as const satisfies Release
