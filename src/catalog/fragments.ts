/**
 * Pieces several catalog entries share, declared once. Everything here is
 * `as const` so the derived TypeScript types keep the literal names.
 */
import type { EventFlag } from './types.js'

/** Values GitLab documents for `branches_to_be_notified`. */
export const BRANCH_CHOICES = ['all', 'default', 'protected', 'default_and_protected'] as const

/** The nine event flags of the chat notifiers (`chat_notification_events` in lib/api/helpers/services_helpers.rb, 13.12). */
export const CHAT_EVENTS = [
  'push_events',
  'issues_events',
  'confidential_issues_events',
  'merge_requests_events',
  'note_events',
  'confidential_note_events',
  'tag_push_events',
  'pipeline_events',
  'wiki_page_events',
] as const satisfies readonly EventFlag[]

/** Per-event channel fields every chat notifier keeps (visible in `properties`). */
export const CHAT_CHANNEL_FIELDS = [
  'push_channel',
  'issue_channel',
  'confidential_issue_channel',
  'merge_request_channel',
  'note_channel',
  'confidential_note_channel',
  'tag_push_channel',
  'pipeline_channel',
  'wiki_page_channel',
] as const

/**
 * The channel params slack and mattermost declare in 13.12: the fields above
 * minus `confidential_note_channel`, which the seed documents but Grape does
 * not declare (lib/api/helpers/services_helpers.rb, 13.12), so it is ignored on PUT.
 */
export const DECLARED_CHANNEL_PARAMS = [
  { name: 'push_channel', type: 'string', kind: 'channel' },
  { name: 'issue_channel', type: 'string', kind: 'channel' },
  { name: 'confidential_issue_channel', type: 'string', kind: 'channel' },
  { name: 'merge_request_channel', type: 'string', kind: 'channel' },
  { name: 'note_channel', type: 'string', kind: 'channel' },
  { name: 'tag_push_channel', type: 'string', kind: 'channel' },
  { name: 'pipeline_channel', type: 'string', kind: 'channel' },
  { name: 'wiki_page_channel', type: 'string', kind: 'channel' },
] as const

/**
 * ChatNotificationService#default_fields of the notifiers without a
 * username (app/models/project_services/chat_notification_service.rb and
 * each notifier's `default_fields`, 13.12): the head of their model field
 * order, which `properties` follows.
 */
export const NOTIFIER_FIELDS = ['webhook', 'notify_only_broken_pipelines', 'branches_to_be_notified'] as const

/** Chat notifiers start with these properties (ChatNotificationService#initialize_properties, 13.12). */
export const CHAT_DEFAULTS = {
  notify_only_broken_pipelines: true,
  branches_to_be_notified: 'default',
} as const

export const WEBHOOK = { name: 'webhook', type: 'string', required: true, kind: 'webhook' } as const
export const BRANCHES = {
  name: 'branches_to_be_notified',
  type: 'string',
  values: BRANCH_CHOICES,
  kind: 'branches',
} as const
export const BROKEN_ONLY = { name: 'notify_only_broken_pipelines', type: 'boolean' } as const
/** Every `token` param is a `type: :password` field (hidden by the 14.10.1 rule). */
export const REQUIRED_TOKEN = { name: 'token', type: 'string', required: true, kind: 'token', secret: true } as const

/** The three URLs of the simple issue trackers (bugzilla, custom, redmine, ewm). */
export const TRACKER_PARAMS = [
  { name: 'new_issue_url', type: 'string', required: true, kind: 'url' },
  { name: 'issues_url', type: 'string', required: true, kind: 'url' },
  { name: 'project_url', type: 'string', required: true, kind: 'url' },
] as const

/** IssueTrackerService#fields order (13.12): `properties` follows it. */
export const TRACKER_FIELDS = ['project_url', 'issues_url', 'new_issue_url'] as const

export const TRACKER_VALIDATIONS = [
  ['present', 'project_url'],
  ['publicUrl', 'project_url'],
  ['present', 'issues_url'],
  ['publicUrl', 'issues_url'],
  ['present', 'new_issue_url'],
  ['publicUrl', 'new_issue_url'],
] as const

/** Chat notifiers require a public webhook URL. */
export const WEBHOOK_VALIDATIONS = [
  ['present', 'webhook'],
  ['publicUrl', 'webhook'],
] as const
