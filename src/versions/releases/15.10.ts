/**
 * GitLab 15.10: Apple App Store (GA; 15.8–15.9 behind a flag, off by
 * default) and Squash TM; incident notifications for Slack and Mattermost;
 * `properties` lists every visible field, null when unset
 * (`api_field_names.index_with { public_send }`).
 */
import { appleAppStore, squashTm } from '../../catalog/added/others.js'
import { BRANCHES, BROKEN_ONLY, CHAT_CHANNEL_FIELDS, CHAT_EVENTS, NOTIFIER_FIELDS } from '../../catalog/fragments.js'
import type { Release } from '../types.js'
import { gitlab13_12 } from './13.12.js'

/**
 * The notifiers without configurable channels: the 19.0 models list no
 * `*_channel` fields and declare the broken-only and branch params; with
 * every field now shown, their `properties` follow those models.
 */
const PLAIN_NOTIFIER = {
  cite: 'app/models/integrations/{microsoft_teams,hangouts_chat,unify_circuit,webex_teams,discord}.rb (newest): fields webhook, notify_only_broken_pipelines, branches_to_be_notified; configurable_channels? false',
  approximate: 'the release these models dropped the channel fields and declared the params is not established; placed with all-fields properties',
} as const
const PLAIN_FIELDS = { fields: NOTIFIER_FIELDS, extraFields: [] }

const INCIDENT = {
  cite: 'lib/api/helpers/integrations_helpers.rb (≈15.10–16.0, index id 1560146934): chat channels include incident_channel',
  approximate: 'dated from a snapshot whose integration set places it at ≈15.10–16.0',
  addParams: [{ name: 'incident_channel', type: 'string', kind: 'channel' }],
  before: 'confidential_issue_channel',
} as const

export const gitlab15_10 = {
  version: '15.10',
  approximate: [
    'incident_events and incident_channel for Slack and Mattermost: from a ≈15.10–16.0 helper snapshot',
  ],
  behaviour: { properties: 'all-fields', cite: 'lib/api/entities/project_integration.rb: integration.api_field_names.index_with { |name| integration.public_send(name) }', approximate: 'properties with every visible field (null when unset): a 14.x entity shows stored keys only; a ≈15.10–16.0 request spec (spec/requests/api/integrations_spec.rb, index id 1236658028) expects `jira_issue_transition_id: nil`: placed at 15.10' },
  integrations: {
    add: [appleAppStore, squashTm],
    added: {
      'apple-app-store': {
        cite: 'doc/user/project/integrations/apple_app_store.md: "Introduced in GitLab 15.8 with a flag named apple_app_store_integration. Disabled by default." / "Generally available in GitLab 15.10" (issue 385335)',
      },
      'squash-tm': { cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Squash TM: "Introduced in GitLab 15.10" (issue 337855)' },
    },
    change: [
      { ...PLAIN_NOTIFIER, slug: 'microsoft-teams', set: PLAIN_FIELDS },
      { ...PLAIN_NOTIFIER, slug: 'hangouts-chat', addParams: [BROKEN_ONLY], before: 'branches_to_be_notified', set: PLAIN_FIELDS },
      { ...PLAIN_NOTIFIER, slug: 'unify-circuit', addParams: [BROKEN_ONLY, BRANCHES], set: PLAIN_FIELDS },
      { ...PLAIN_NOTIFIER, slug: 'webex-teams', addParams: [BROKEN_ONLY, BRANCHES], set: PLAIN_FIELDS },
      {
        slug: 'buildkite',
        cite: 'app/models/integrations/buildkite.rb (newest): enable_ssl_verification is a field whose getter is always true and whose setter drops the value',
        approximate: 'shown from 15.10 with every other field (release not established)',
        set: { fields: ['project_url', 'enable_ssl_verification'], defaults: { properties: { enable_ssl_verification: true } }, columnDefaults: { enable_ssl_verification: true } },
      },
      { ...PLAIN_NOTIFIER, slug: 'discord', set: { fields: NOTIFIER_FIELDS, extraFields: ['notify_only_broken_pipelines', 'branches_to_be_notified'] } },
      {
        ...INCIDENT,
        slug: 'slack',
        set: {
          events: [...CHAT_EVENTS, 'deployment_events', 'incident_events'],
          strictEvents: [...CHAT_EVENTS, 'incident_events'],
          fields: [
            'webhook', 'username', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified',
            ...CHAT_CHANNEL_FIELDS, 'deployment_channel', 'incident_channel', 'alert_channel',
          ],
        },
      },
      {
        ...INCIDENT,
        slug: 'mattermost',
        set: {
          events: [...CHAT_EVENTS, 'deployment_events', 'incident_events'],
          strictEvents: [...CHAT_EVENTS, 'incident_events'],
          fields: [
            'webhook', 'username', 'notify_only_broken_pipelines', 'branches_to_be_notified', 'labels_to_be_notified',
            ...CHAT_CHANNEL_FIELDS, 'deployment_channel', 'incident_channel',
          ],
        },
      },
    ],
  },
  entity: {
    // The flags are unchanged; the incident_events column joins the record (default false).
    keys: gitlab13_12.entity.keys,
    columns: { ...gitlab13_12.entity.columns, incident_events: false },
    cite: 'app/models/concerns/integrations/base/integration.rb: attribute :incident_events, default: false',
  },
} as const satisfies Release
