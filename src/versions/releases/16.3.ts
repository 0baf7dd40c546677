/**
 * GitLab 16.3: Discord's per-event webhook overrides (`*_channel`, MR
 * 125621). Discord masks them (`mask_configurable_channels?`): accepted and
 * stored, never shown in `properties`.
 */
import { SLACK_CHANNEL_PARAMS } from '../../catalog/added/chat.js'
import { BRANCHES, BROKEN_ONLY, CHAT_EVENTS } from '../../catalog/fragments.js'
import type { Release } from '../types.js'


export const gitlab16_3 = {
  version: '16.3',
  integrations: {
    change: [
      {
        slug: 'discord',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Discord: "_channel parameters introduced in GitLab 16.3" (MR 125621); app/models/concerns/integrations/base/chat_notification.rb#api_field_names (mask_configurable_channels?)',
        addParams: [BROKEN_ONLY, BRANCHES, ...SLACK_CHANNEL_PARAMS],
        set: {
          events: [...CHAT_EVENTS, 'deployment_events'],
          strictEvents: CHAT_EVENTS,
          fields: ['webhook', 'notify_only_broken_pipelines', 'branches_to_be_notified'],
          extraFields: [],
        },
      },
    ],
  },
} as const satisfies Release
