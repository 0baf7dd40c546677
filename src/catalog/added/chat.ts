/**
 * Chat integrations added after 13.12, as each first shipped; what later
 * releases changed in them is in their release files
 * (src/versions/releases/). Sources: app/models/integrations/*.rb and
 * app/models/concerns/integrations/base/*.rb (gitlabhq), doc/api/project_integrations.md.
 */
import { BRANCHES, BROKEN_ONLY, CHAT_DEFAULTS, CHAT_EVENTS, NOTIFIER_FIELDS, WEBHOOK, WEBHOOK_VALIDATIONS } from '../fragments.js'
import type { IntegrationSpec } from '../types.js'

/** The chat notifiers' events plus `incident` (ChatNotification::SUPPORTED_EVENTS minus `deployment`: telegram, matrix). */
const CHAT_EVENTS_WITH_INCIDENT = [...CHAT_EVENTS, 'incident_events'] as const

/** app/models/integrations/pumble.rb (15.3, MR 93623): webhook, broken-only, branches. */
export const pumble = {
  slug: 'pumble',
  title: 'Pumble',
  category: 'chat',
  availability: 'available',
  params: [WEBHOOK, BROKEN_ONLY, BRANCHES],
  events: CHAT_EVENTS,
  fields: NOTIFIER_FIELDS,
  defaults: { properties: CHAT_DEFAULTS },
  validations: WEBHOOK_VALIDATIONS,
} as const satisfies IntegrationSpec

/**
 * app/models/integrations/telegram.rb (16.1, MR 122879): the model builds
 * its webhook from the hostname and the token (`before_validation`), so the
 * API takes no webhook. `branches_to_be_notified` (16.5), `thread` (16.11)
 * and `hostname` (17.1) are added by their releases.
 */
export const telegram = {
  slug: 'telegram',
  examples: {
    room: ({ faker }) => `-100${faker.string.numeric(10)}`,
    token: ({ faker, alnum }) => `${faker.string.numeric(10)}:${alnum(35)}`,
    hostname: ({ org }) => 'https://api.telegram.org',
  },
  title: 'Telegram',
  category: 'chat',
  availability: 'available',
  params: [
    { name: 'token', type: 'string', required: true, kind: 'token', secret: true },
    { name: 'room', type: 'string', required: true, kind: 'channel' },
    BROKEN_ONLY,
  ],
  events: CHAT_EVENTS_WITH_INCIDENT,
  defaults: { properties: { notify_only_broken_pipelines: true } },
  validations: [
    ['present', 'token'],
    ['present', 'room'],
  ],
} as const satisfies IntegrationSpec

/** app/models/integrations/matrix.rb (17.3; doc/user/project/integrations/matrix.md): the webhook is built from hostname and room. */
export const matrix = {
  slug: 'matrix',
  examples: {
    room: ({ org, alnum }) => `!${alnum(18)}:matrix.org`,
    hostname: ({ org }) => 'https://matrix-client.matrix.org',
  },
  title: 'Matrix notifications',
  category: 'chat',
  availability: 'available',
  params: [
    { name: 'hostname', type: 'string', kind: 'url', exposesSecrets: true },
    { name: 'token', type: 'string', required: true, kind: 'token', secret: true },
    { name: 'room', type: 'string', required: true, kind: 'channel' },
    BROKEN_ONLY,
    BRANCHES,
  ],
  events: CHAT_EVENTS_WITH_INCIDENT,
  defaults: { properties: CHAT_DEFAULTS },
  validations: [
    ['present', 'token'],
    ['present', 'room'],
    ['publicUrlIfPresent', 'hostname'],
  ],
} as const satisfies IntegrationSpec

/** The per-event channels of the Slack-style notifiers, in the API helper's order (chat_notification_channels). */
export const SLACK_CHANNEL_PARAMS = [
  { name: 'push_channel', type: 'string', kind: 'channel' },
  { name: 'issue_channel', type: 'string', kind: 'channel' },
  { name: 'incident_channel', type: 'string', kind: 'channel' },
  { name: 'alert_channel', type: 'string', kind: 'channel' },
  { name: 'confidential_issue_channel', type: 'string', kind: 'channel' },
  { name: 'merge_request_channel', type: 'string', kind: 'channel' },
  { name: 'note_channel', type: 'string', kind: 'channel' },
  { name: 'confidential_note_channel', type: 'string', kind: 'channel' },
  { name: 'tag_push_channel', type: 'string', kind: 'channel' },
  { name: 'deployment_channel', type: 'string', kind: 'channel' },
  { name: 'pipeline_channel', type: 'string', kind: 'channel' },
  { name: 'wiki_page_channel', type: 'string', kind: 'channel' },
  // ee/lib/ee/api/helpers/integrations_helpers.rb: chat_notification_channels + vulnerability_channel.
  { name: 'vulnerability_channel', type: 'string', kind: 'channel', edition: 'ee' },
] as const

/** The Slack-style label filter (Integrations::SlackMattermostFields). */
export const LABEL_PARAMS = [
  { name: 'labels_to_be_notified', type: 'string', kind: 'text' },
  { name: 'labels_to_be_notified_behavior', type: 'string', values: ['match_any', 'match_all'] },
] as const

/**
 * The GitLab for Slack app (app/models/integrations/gitlab_slack_application.rb):
 * routed by the REST API since MR 141693 (issue 364440), available only
 * when the instance has the Slack app set up (`slack_app_enabled`,
 * Integration.disabled_integration_names), never created by the API
 * (`manual_activation?` is false: 422). Its channels are masked
 * (`mask_configurable_channels?`), so `properties` shows none of them; all
 * its event flags default to false.
 */
export const gitlabSlackApplication = {
  slug: 'gitlab-slack-application',
  title: 'GitLab for Slack app',
  category: 'chat',
  availability: 'available',
  condition: {
    setting: 'slack_app_enabled',
    when: true,
    cite: 'app/models/concerns/integrations/base/integration.rb#disabled_integration_names: gitlab_slack_application unless slack_app_enabled',
  },
  apiCreatable: false,
  params: [{ name: 'channel', type: 'string', kind: 'channel' }, BROKEN_ONLY, BRANCHES, ...LABEL_PARAMS, ...SLACK_CHANNEL_PARAMS],
  events: [...CHAT_EVENTS, 'deployment_events', 'incident_events', 'alert_events'],
  fields: ['channel', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified', 'labels_to_be_notified_behavior'],
  defaults: {
    properties: { ...CHAT_DEFAULTS, labels_to_be_notified_behavior: 'match_any' },
    events: {
      push_events: false,
      issues_events: false,
      confidential_issues_events: false,
      merge_requests_events: false,
      note_events: false,
      confidential_note_events: false,
      tag_push_events: false,
      pipeline_events: false,
      wiki_page_events: false,
      deployment_events: false,
      incident_events: false,
      alert_events: false,
      commit_events: false,
      job_events: false,
    },
  },
} as const satisfies IntegrationSpec

export const addedChatIntegrations = [pumble, telegram, matrix, gitlabSlackApplication] as const
