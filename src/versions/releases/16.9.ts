/**
 * GitLab 16.9: GitGuardian (EE, behind `git_guardian_integration`, on by
 * default on self-managed); the GitLab for Slack app joins the REST API
 * (MR 141693: update and disable only), and Slack slash commands become
 * the fallback for instances without the app (disabled_integration_names);
 * Slack and Mattermost declare their params from the models' fields
 * (labels, every channel, a visible `channel`); every event flag is a
 * Boolean param; the mobile-store integrations gain protected-refs switches.
 */
import { gitlabSlackApplication, LABEL_PARAMS, SLACK_CHANNEL_PARAMS } from '../../catalog/added/chat.js'
import { gitGuardian } from '../../catalog/added/enterprise.js'
import { BRANCHES, BROKEN_ONLY, CHAT_DEFAULTS, CHAT_EVENTS } from '../../catalog/fragments.js'
import type { IntegrationChange, Release } from '../types.js'

/** Slack's (and Mattermost's) `properties`: the model's fields, then one channel per supported event. */
const SLACK_FIELDS = [
  'webhook', 'username', 'channel', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified',
  'labels_to_be_notified_behavior', 'push_channel', 'issue_channel', 'confidential_issue_channel', 'merge_request_channel',
  'note_channel', 'confidential_note_channel', 'tag_push_channel', 'pipeline_channel', 'wiki_page_channel',
  'deployment_channel', 'incident_channel',
] as const

const API_FIELDS_APPROXIMATE =
  'Slack/Mattermost params from the models (labels, alert and deployment channels): absent from a ≈16.0 helper, present in a 16.11–17.0 one (index id 1853278633): placed at 16.9'

function slackStyle(slug: 'slack' | 'mattermost', alert: boolean): IntegrationChange {
  return {
    slug,
    cite: 'lib/api/helpers/integrations_helpers.rb (16.11–17.0, index id 1853278633): ::Integrations::Slack.api_fields + chat_notification_channels; app/models/integrations/slack.rb',
    approximate: API_FIELDS_APPROXIMATE,
    removeParams: [
      'channel', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'push_channel', 'issue_channel', 'incident_channel',
      'confidential_issue_channel', 'merge_request_channel', 'note_channel', 'tag_push_channel', 'pipeline_channel', 'wiki_page_channel',
    ],
    addParams: [{ name: 'channel', type: 'string', kind: 'channel' }, BROKEN_ONLY, BRANCHES, ...LABEL_PARAMS, ...SLACK_CHANNEL_PARAMS],
    set: {
      events: [...CHAT_EVENTS, 'deployment_events', 'incident_events', ...(alert ? (['alert_events'] as const) : [])],
      fields: alert ? [...SLACK_FIELDS, 'alert_channel'] : SLACK_FIELDS,
      extraFields: [],
      defaults: { properties: { ...CHAT_DEFAULTS, labels_to_be_notified_behavior: 'match_any' } },
    },
  }
}

export const gitlab16_9 = {
  version: '16.9',
  approximate: [
    'GitLab for Slack app in the REST API: MR 141693 (issue 364440, January 2024) is 16.8 or 16.9',
    'Slack slash commands unavailable when the Slack app is enabled: disabled_integration_names seen at a ≥17.3 commit; placed with the Slack app',
    'Apple App Store Connect title and the protected-refs switches: absent from a ≈15.10–16.0 helper, present in the ≈16.9–17.1 API doc: placed at 16.9',
  ],
  behaviour: { eventParams: 'boolean', cite: 'lib/api/integrations.rb (≈16.9–17.1, index id 6875556294): event params type ::Grape::API::Boolean', approximate: 'event flags declared Boolean: a ≈16.0 lib/api/integrations.rb still declares them String, a ≈16.9–17.1 one Boolean: placed at 16.9' },
  integrations: {
    add: [gitGuardian, gitlabSlackApplication],
    added: {
      'git-guardian': {
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, GitGuardian: "Introduced in GitLab 16.9 with a flag named git_guardian_integration. Enabled by default." / "Generally available in GitLab 17.8"',
      },
      'gitlab-slack-application': {
        cite: 'MR 141693 "REST API support for GitLab for Slack app integration" (issue 364440); lib/api/integrations.rb: "You cannot create the GitLab for Slack app from the API" (422)',
        approximate: '16.8 or 16.9',
      },
    },
    change: [
      {
        slug: 'slack-slash-commands',
        cite: 'app/models/concerns/integrations/base/integration.rb (≥17.3): disabled = slack_app_enabled ? [slack_slash_commands] : [gitlab_slack_application]',
        approximate: 'introduction of disabled_integration_names not established',
        set: {
          condition: {
            setting: 'slack_app_enabled',
            when: false,
            cite: 'Integration.disabled_integration_names: slack_slash_commands when slack_app_enabled',
          },
        },
      },
      slackStyle('slack', true),
      slackStyle('mattermost', false),
      {
        slug: 'apple-app-store',
        cite: 'doc/user/project/integrations/apple_app_store.md (newer): "Apple App Store Connect"; app/models/integrations/apple_app_store.rb: app_store_protected_refs',
        approximate: 'placed at 16.9 (see above)',
        addParams: [{ name: 'app_store_protected_refs', type: 'boolean' }],
        set: { title: 'Apple App Store Connect', defaults: { properties: { app_store_protected_refs: true } } },
      },
      {
        slug: 'google-play',
        cite: 'app/models/integrations/google_play.rb: google_play_protected_refs (checkbox, default true)',
        approximate: 'placed at 16.9 with Apple’s switch',
        addParams: [{ name: 'google_play_protected_refs', type: 'boolean' }],
        set: { defaults: { properties: { google_play_protected_refs: true } } },
      },
    ],
  },
} as const satisfies Release
