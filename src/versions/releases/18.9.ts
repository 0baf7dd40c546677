/**
 * GitLab 18.9: chat notifications for work items
 * (Integrations::Base::ChatNotification::SUPPORTED_EVENTS gains work_item
 * and confidential_work_item) and "notify only when the pipeline status
 * changes" (NotificationPipelineStatusSelection; the field is shown only
 * with the `pipeline_status_change_notifications` flag, off by default, so
 * it is a param but not a `properties` key).
 */
import { CHAT_EVENTS } from '../../catalog/fragments.js'
import type { EventFlag, ParamSpec } from '../../catalog/types.js'
import type { IntegrationChange, Release } from '../types.js'
import { gitlab17_3 } from './17.3.js'

const CITE =
  'app/models/concerns/integrations/base/chat_notification.rb @ 3cdb310d (18.9 cycle: config/feature_flags/gitlab_com_derisk/pipeline_status_change_notifications.yml, milestone 18.9)'
const APPROXIMATE = 'read at a commit of the 18.9 development cycle; the release it shipped in is 18.9 or 18.10'

const WORK_ITEMS = ['work_item_events', 'confidential_work_item_events'] as const
/** push, issues, confidential issues, then the work items, then the rest of the chat events (the models' order). */
const withWorkItems = (...more: EventFlag[]): EventFlag[] => [...CHAT_EVENTS.slice(0, 3), ...WORK_ITEMS, ...CHAT_EVENTS.slice(3), ...more]

const STATUS_CHANGES: ParamSpec = { name: 'notify_only_when_pipeline_status_changes', type: 'boolean' }

function change(slug: string, events: readonly EventFlag[] | undefined, statusBefore?: string): IntegrationChange {
  return {
    slug,
    cite: CITE,
    approximate: APPROXIMATE,
    ...(statusBefore ? { addParams: [STATUS_CHANGES], before: statusBefore } : {}),
    ...(events ? { set: { events } } : {}),
  }
}

export const gitlab18_9 = {
  version: '18.9',
  approximate: [
    'the work-item flag columns default to false, as the other opt-in chat flags (group mentions) do; the migration was not read',
  ],
  // The work-item events are flag columns like the others, but the entity does not expose them
  // (lib/api/entities/integration_basic.rb @ 55eb439f, 19.0 cycle, lists no work_item_events).
  entity: {
    keys: gitlab17_3.entity.keys,
    eeKeys: gitlab17_3.entity.eeKeys,
    columns: { ...gitlab17_3.entity.columns, work_item_events: false, confidential_work_item_events: false },
    cite: 'lib/api/entities/integration_basic.rb @ 55eb439f (19.0 cycle); chat_notification.rb @ 3cdb310d',
  },
  integrations: {
    change: [
      change('microsoft-teams', withWorkItems(), 'branches_to_be_notified'),
      change('pumble', withWorkItems(), 'branches_to_be_notified'),
      change('hangouts-chat', withWorkItems()),
      change('unify-circuit', withWorkItems()),
      change('webex-teams', withWorkItems()),
      change('discord', withWorkItems('deployment_events'), 'branches_to_be_notified'),
      change('telegram', [...CHAT_EVENTS, 'incident_events', ...WORK_ITEMS]),
      change('matrix', [...CHAT_EVENTS, 'incident_events', ...WORK_ITEMS]),
      change('mattermost', [...CHAT_EVENTS, 'deployment_events', 'incident_events', ...WORK_ITEMS], 'branches_to_be_notified'),
      change('slack', [...CHAT_EVENTS, 'deployment_events', 'incident_events', ...WORK_ITEMS, 'alert_events'], 'branches_to_be_notified'),
      change('gitlab-slack-application', [...CHAT_EVENTS, 'deployment_events', 'incident_events', ...WORK_ITEMS, 'alert_events'], 'branches_to_be_notified'),
      {
        ...change('pipelines-email', undefined, 'branches_to_be_notified'),
        set: { fields: ['recipients', 'notify_only_broken_pipelines', 'branches_to_be_notified'] },
      },
    ],
  },
} as const satisfies Release
