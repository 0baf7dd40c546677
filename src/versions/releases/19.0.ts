/**
 * GitLab 19.0 (gitlabhq 55eb439f, a commit of the 19.0 cycle:
 * config/feature_flags/gitlab_com_derisk/pipelines_email_notify_child_pipelines.yml
 * has milestone "19.0"): Slack slash commands removed (helper,
 * SLASH_COMMAND_INTEGRATIONS, INTEGRATION_NAMES); Jira Cloud service
 * accounts (`jira_auth_type` 2); Pipeline status emails for child pipelines.
 */
import type { Release } from '../types.js'

export const gitlab19_0 = {
  version: '19.0',
  approximate: [
    'Slack notifications and ZenTao, both "planned for removal in 19.0", are still in the 19.0-cycle helper (55eb439f): kept',
    'Jira jira_issue_transition_automatic: not a param at 55eb439f; the release it left is not established (placed at 19.0)',
    'Pipeline status emails notify_only_default_branch as a param: seen at 55eb439f; the release it arrived in is not established (placed at 19.0)',
  ],
  integrations: {
    remove: [
      {
        slug: 'slack-slash-commands',
        cite: 'lib/api/helpers/integrations_helpers.rb, lib/api/integrations.rb SLASH_COMMAND_INTEGRATIONS and app/models/concerns/integrations/base/integration.rb INTEGRATION_NAMES @ gitlabhq 55eb439f; work item 569345 "Deprecate Slack Slash Commands": removed in 19.0',
      },
    ],
    change: [
      {
        slug: 'jira',
        cite: 'app/models/integrations/jira.rb @ gitlabhq 55eb439f: AUTH_TYPE_SERVICE_ACCOUNT = 2 (MR 224187)',
        removeParams: ['jira_issue_transition_automatic'],
        changeParams: { jira_auth_type: { values: ['0', '1', '2'] } },
      },
      {
        slug: 'pipelines-email',
        cite: 'app/models/concerns/integrations/base/pipelines_email.rb @ gitlabhq 55eb439f: notify_only_default_branch (api_only), notify_child_pipelines (shown with pipelines_email_notify_child_pipelines, off by default)',
        addParams: [{ name: 'notify_only_default_branch', type: 'boolean' }],
        before: 'branches_to_be_notified',
      },
      {
        slug: 'pipelines-email',
        cite: 'config/feature_flags/gitlab_com_derisk/pipelines_email_notify_child_pipelines.yml (milestone 19.0)',
        addParams: [{ name: 'notify_child_pipelines', type: 'boolean' }],
        set: {
          fields: ['recipients', 'notify_only_broken_pipelines', 'notify_only_default_branch', 'branches_to_be_notified'],
          defaults: { properties: { notify_only_broken_pipelines: true, branches_to_be_notified: 'default', notify_child_pipelines: true } },
        },
      },
    ],
  },
} as const satisfies Release
