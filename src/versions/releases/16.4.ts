/**
 * GitLab 16.4: the entity exposes `incident_events`, `alert_events` and
 * `deployment_events`, and EE `vulnerability_events` (MR 131831); the
 * group-mention flag columns arrive (issue 417751: group-level Slack
 * triggers only, so no project-level parameter).
 */
import type { Release } from '../types.js'
import { gitlab15_10 } from './15.10.js'

export const gitlab16_4 = {
  version: '16.4',
  entity: {
    approximate: 'incident_events, alert_events, deployment_events in the entity: absent from the ≈15.8–15.9 API doc example, present in the ≈16.9–17.1 one; placed with vulnerability_events (16.4)',
    // lib/api/entities/project_integration_basic.rb (later integration_basic.rb @ 800235cc), in its order.
    keys: [
      'commit_events', 'push_events', 'issues_events', 'incident_events', 'alert_events', 'confidential_issues_events',
      'merge_requests_events', 'tag_push_events', 'deployment_events', 'note_events', 'confidential_note_events',
      'pipeline_events', 'wiki_page_events', 'job_events', 'comment_on_event_enabled',
    ],
    // ee/lib/ee/api/entities/...integration_basic.rb: `expose :vulnerability_events` (EE only).
    eeKeys: ['vulnerability_events'],
    columns: {
      ...gitlab15_10.entity.columns,
      alert_events: true,
      vulnerability_events: false,
      group_mention_events: false,
      group_confidential_mention_events: false,
    },
    cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa: "vulnerability_events field introduced in GitLab 16.4" (MR 131831), "only available for GitLab Enterprise Edition"; column defaults from app/models/concerns/integrations/base/integration.rb',
  },
} as const satisfies Release
