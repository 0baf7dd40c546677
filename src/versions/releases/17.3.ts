/**
 * GitLab 17.3 — minimal: merged with the full release data (the releases
 * 14.0..19.0 are written separately; this file carries only what groups and
 * inheritance need).
 * - Inheritance is generally available: every PUT declares
 *   `use_inherited_settings` and every entity exposes `inherited`
 *   (doc/api/project_integrations.md: introduced 17.2 behind
 *   `integration_api_inheritance`, generally available 17.3, gitlab-org/gitlab#467186).
 * - The entity's keys as lib/api/entities/integration_basic.rb has them by then,
 *   with `inherited` after `comment_on_event_enabled` and EE's
 *   `vulnerability_events` appended after it (ee/lib/ee/api/entities/integration_basic.rb).
 */
import type { Release } from '../types.js'

export const gitlab17_3 = {
  version: '17.3',
  entity: {
    keys: [
      'commit_events',
      'push_events',
      'issues_events',
      'incident_events',
      'alert_events',
      'confidential_issues_events',
      'merge_requests_events',
      'tag_push_events',
      'deployment_events',
      'note_events',
      'confidential_note_events',
      'pipeline_events',
      'wiki_page_events',
      'job_events',
      'comment_on_event_enabled',
      'inherited',
    ],
    eeKeys: ['vulnerability_events'],
    // Column defaults (Integrations::Base::Integration `attribute ... default:`).
    columns: {
      commit_events: true,
      push_events: true,
      issues_events: true,
      incident_events: false,
      alert_events: true,
      confidential_issues_events: true,
      merge_requests_events: true,
      tag_push_events: true,
      deployment_events: false,
      note_events: true,
      confidential_note_events: true,
      pipeline_events: true,
      wiki_page_events: true,
      job_events: true,
      vulnerability_events: false,
      group_mention_events: false,
      group_confidential_mention_events: false,
    },
    cite: 'lib/api/entities/integration_basic.rb, ee/lib/ee/api/entities/integration_basic.rb, app/models/concerns/integrations/base/integration.rb (GitLab 17.3)',
  },
  behaviour: {
    inheritance: true,
    cite: 'lib/api/integrations.rb (17.3): INTEGRATIONS[slug] << inheritance_field; app/services/integrations/update_service.rb',
  },
} as const satisfies Release
