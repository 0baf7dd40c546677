/** Chat notifiers and slash commands. */
import {
  NOTIFIER_FIELDS,
  BRANCHES,
  BROKEN_ONLY,
  CHAT_CHANNEL_FIELDS,
  CHAT_DEFAULTS,
  CHAT_EVENTS,
  DECLARED_CHANNEL_PARAMS,
  REQUIRED_TOKEN,
  WEBHOOK,
  WEBHOOK_VALIDATIONS,
} from './fragments.js'
import type { IntegrationSpec } from './types.js'

const slackLike = {
  category: 'chat',
  availability: 'available',
  params: [
    WEBHOOK,
    { name: 'username', type: 'string', kind: 'username' },
    // Stored by GitLab but never shown in `properties` (`channel` is not one of ChatNotificationService#fields, 13.12).
    { name: 'channel', type: 'string', writeOnly: true, kind: 'channel' },
    BROKEN_ONLY,
    BRANCHES,
    ...DECLARED_CHANNEL_PARAMS,
  ],
  events: [...CHAT_EVENTS, 'deployment_events'],
  // The nine flags are declared Boolean; deployment_events only as String (lib/api/helpers/services_helpers.rb and lib/api/services.rb, 13.12).
  strictEvents: CHAT_EVENTS,
  defaults: { properties: CHAT_DEFAULTS },
  validations: WEBHOOK_VALIDATIONS,
} as const

/** Notifiers that accept only a webhook and strict event flags; the chat defaults are stored and shown. */
const webhookOnly = {
  category: 'chat',
  availability: 'available',
  params: [WEBHOOK],
  events: CHAT_EVENTS,
  strictEvents: CHAT_EVENTS,
  extraFields: ['notify_only_broken_pipelines', 'branches_to_be_notified', ...CHAT_CHANNEL_FIELDS],
  fields: [...NOTIFIER_FIELDS, ...CHAT_CHANNEL_FIELDS],
  defaults: { properties: CHAT_DEFAULTS },
  validations: WEBHOOK_VALIDATIONS,
} as const

export const chatIntegrations = [
  {
    ...slackLike,
    slug: 'slack',
    examples: {
      webhook: ({ alnum }) => `https://hooks.slack.com/services/T${alnum(8, 'upper')}/B${alnum(10, 'upper')}/${alnum(24)}`,
    },
    title: 'Slack notifications',
    extraFields: ['labels_to_be_notified', 'confidential_note_channel', 'deployment_channel', 'alert_channel'],
    // default_fields, then one channel per supported event (SlackService, 13.12).
    fields: [
      'webhook', 'username', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified',
      ...CHAT_CHANNEL_FIELDS, 'deployment_channel', 'alert_channel',
    ],
    notes: [
      'seed lists commit_events and job_events: GitLab 13.12 does not accept them (ignored)',
      'seed lists confidential_note_channel and deployment_channel: not declared in 13.12 (ignored)',
      'seed lists notify_only_default_branch: not declared (ignored)',
    ],
  },
  {
    ...slackLike,
    slug: 'mattermost',
    examples: {
      webhook: ({ org, alnum }) => `https://mattermost.${org.domain}/hooks/${alnum(26, 'lower')}`,
    },
    title: 'Mattermost notifications',
    extraFields: ['labels_to_be_notified', 'confidential_note_channel', 'deployment_channel'],
    fields: [
      'webhook', 'username', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified',
      ...CHAT_CHANNEL_FIELDS, 'deployment_channel',
    ],
    notes: ['seed lists confidential_note_channel, deployment_channel, notify_only_default_branch: ignored by 13.12'],
  },
  {
    slug: 'microsoft-teams',
    examples: {
      webhook: ({ faker, org, hex }) => `https://${org.word}.webhook.office.com/webhookb2/${faker.string.uuid()}@${faker.string.uuid()}/IncomingWebhook/${hex(32)}/${faker.string.uuid()}`,
    },
    title: 'Microsoft Teams Notification',
    category: 'chat',
    availability: 'available',
    params: [WEBHOOK, BRANCHES, BROKEN_ONLY],
    // Declared String in 13.12 (lib/api/services.rb appends model events as `type: String`): lenient cast, no 400.
    events: CHAT_EVENTS,
    extraFields: CHAT_CHANNEL_FIELDS,
    fields: [...NOTIFIER_FIELDS, ...CHAT_CHANNEL_FIELDS],
    defaults: { properties: CHAT_DEFAULTS },
    validations: WEBHOOK_VALIDATIONS,
    notes: ['seed lists notify_only_default_branch: not declared (ignored)'],
  },
  {
    slug: 'hangouts-chat',
    examples: {
      webhook: ({ faker, alnum }) => `https://chat.googleapis.com/v1/spaces/AAAA${alnum(7)}/messages?key=AIzaSy${faker.string.alphanumeric(33)}&token=${alnum(43)}%3D`,
    },
    title: 'Google Chat',
    category: 'chat',
    availability: 'available',
    params: [WEBHOOK, BRANCHES],
    events: CHAT_EVENTS,
    strictEvents: CHAT_EVENTS,
    extraFields: ['notify_only_broken_pipelines', ...CHAT_CHANNEL_FIELDS],
    fields: [...NOTIFIER_FIELDS, ...CHAT_CHANNEL_FIELDS],
    defaults: { properties: CHAT_DEFAULTS },
    validations: WEBHOOK_VALIDATIONS,
    notes: [
      'seed calls it "Hangouts Chat"; 13.12 titles it "Google Chat"',
      'seed lists notify_only_broken_pipelines and notify_only_default_branch: not declared (ignored; the stored default is shown)',
    ],
  },
  {
    ...webhookOnly,
    slug: 'unify-circuit',
    examples: {
      webhook: ({ faker }) => `https://circuit.com/rest/v2/webhooks/incoming/${faker.string.uuid()}`,
    },
    title: 'Unify Circuit',
    notes: ['seed lists notify_only_broken_pipelines and branches_to_be_notified: not declared (ignored; defaults shown)'],
  },
  {
    ...webhookOnly,
    slug: 'webex-teams',
    examples: {
      webhook: ({ faker, base64 }) => `https://api.ciscospark.com/v1/webhooks/incoming/${base64(`ciscospark://us/WEBHOOK/${faker.string.uuid()}`)}`,
    },
    title: 'Webex Teams',
    notes: ['seed lists notify_only_broken_pipelines and branches_to_be_notified: not declared (ignored; defaults shown)'],
  },
  {
    slug: 'discord',
    examples: {
      webhook: ({ faker }) => `https://discord.com/api/webhooks/${faker.number.int({ min: 1, max: 9 })}${faker.string.numeric(17)}/${faker.string.alphanumeric(68)}`,
    },
    title: 'Discord Notifications',
    category: 'chat',
    availability: 'available',
    notInSeed: true,
    params: [WEBHOOK],
    events: CHAT_EVENTS,
    extraFields: ['notify_only_broken_pipelines', 'branches_to_be_notified', ...CHAT_CHANNEL_FIELDS],
    fields: [...NOTIFIER_FIELDS, ...CHAT_CHANNEL_FIELDS],
    defaults: { properties: CHAT_DEFAULTS },
    validations: WEBHOOK_VALIDATIONS,
  },
  {
    slug: 'campfire',
    examples: {
      token: ({ hex }) => hex(40),
      room: ({ faker }) => faker.string.numeric(6),
    },
    title: 'Campfire',
    category: 'chat',
    availability: 'available',
    params: [
      REQUIRED_TOKEN,
      { name: 'subdomain', type: 'string', kind: 'host', exposesSecrets: true },
      { name: 'room', type: 'string', kind: 'text' },
    ],
    events: ['push_events'],
    validations: [['present', 'token']],
  },
  {
    slug: 'flowdock',
    examples: {
      token: ({ hex }) => hex(32),
    },
    title: 'Flowdock',
    category: 'chat',
    availability: 'available',
    params: [REQUIRED_TOKEN],
    events: ['push_events'],
    validations: [['present', 'token']],
  },
  {
    slug: 'irker',
    examples: {
      server_host: ({ org }) => `irker.${org.domain}`,
    },
    title: 'Irker (IRC gateway)',
    category: 'chat',
    availability: 'available',
    params: [
      { name: 'recipients', type: 'string', required: true, kind: 'irc-recipients' },
      { name: 'default_irc_uri', type: 'string', kind: 'irc-uri' },
      { name: 'server_host', type: 'string', kind: 'host' },
      { name: 'server_port', type: 'integer' },
      { name: 'colorize_messages', type: 'boolean' },
    ],
    events: ['push_events'],
    // IrkerService#fields order (13.12).
    fields: ['server_host', 'server_port', 'default_irc_uri', 'recipients', 'colorize_messages'],
    validations: [
      ['present', 'recipients'],
      ['ircRecipients', 'recipients', 'default_irc_uri'],
    ],
  },
  {
    slug: 'slack-slash-commands',
    examples: {
      token: ({ alnum }) => alnum(24),
    },
    title: 'Slack slash commands',
    category: 'chat',
    availability: 'available',
    params: [REQUIRED_TOKEN],
    events: [],
    trigger: 'slack_slash_commands',
    notes: ['seed example shows properties.token: 13.12 hides every field named *token*, so properties is {}'],
  },
  {
    slug: 'mattermost-slash-commands',
    examples: {
      token: ({ alnum }) => alnum(26, 'lower'),
    },
    title: 'Mattermost slash commands',
    category: 'chat',
    availability: 'available',
    params: [REQUIRED_TOKEN],
    events: [],
    trigger: 'mattermost_slash_commands',
    notes: ['seed lists username: not declared in 13.12 (ignored)'],
  },
] as const satisfies readonly IntegrationSpec[]
