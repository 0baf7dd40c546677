/** GitLab 15.3: Pumble (MR 93623), Datadog `archive_trace_events` (issue 346339). */
import { pumble } from '../../catalog/added/chat.js'
import type { Release } from '../types.js'

export const gitlab15_3 = {
  version: '15.3',
  integrations: {
    add: [pumble],
    added: { pumble: { cite: 'doc/user/project/integrations/pumble.md @ gitlabhq 04d4cf89: "Introduced in GitLab 15.3" (MR 93623)' } },
    change: [
      {
        slug: 'datadog',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Datadog: archive_trace_events "introduced in GitLab 15.3" (issue 346339)',
        addParams: [{ name: 'archive_trace_events', type: 'boolean' }],
        before: 'datadog_service',
        set: { fields: ['datadog_site', 'api_url', 'api_key', 'archive_trace_events', 'datadog_service', 'datadog_env', 'datadog_tags'] },
      },
    ],
  },
} as const satisfies Release
