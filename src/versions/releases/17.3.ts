/**
 * GitLab 17.3: inheritance generally available (issue 467186; flag
 * `integration_api_inheritance` removed): entities say `inherited`, every
 * PUT takes `use_inherited_settings`. Matrix arrives; Datadog gains CI Visibility.
 */
import { matrix } from '../../catalog/added/chat.js'
import type { Release } from '../types.js'
import { gitlab16_4 } from './16.4.js'

export const gitlab17_3 = {
  version: '17.3',
  approximate: ['Datadog datadog_ci_visibility: absent from the ≈16.9–17.1 API doc and the 16.11–17.0 helper, present in the ≥17.3 API doc: placed at 17.3'],
  behaviour: {
    inheritance: true,
    cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa: "use_inherited_settings parameter generally available in GitLab 17.3" (issue 467186)',
  },
  entity: {
    keys: [...gitlab16_4.entity.keys, 'inherited'],
    eeKeys: gitlab16_4.entity.eeKeys,
    columns: gitlab16_4.entity.columns,
    cite: 'doc/api/project_integrations.md: "inherited field generally available in GitLab 17.3" (issue 467186); lib/api/entities/integration_basic.rb: expose :inherited (EE vulnerability_events after it)',
  },
  integrations: {
    add: [matrix],
    added: { matrix: { cite: 'doc/user/project/integrations/matrix.md @ gitlabhq 0655a851: "Introduced in GitLab 17.3"' } },
    change: [
      {
        slug: 'datadog',
        cite: 'doc/api/project_integrations.md (≥17.3, index id 69597500): datadog_ci_visibility',
        approximate: 'bounded ≈17.1–17.3',
        addParams: [{ name: 'datadog_ci_visibility', type: 'boolean' }],
        before: 'archive_trace_events',
        set: {
          fields: ['datadog_site', 'api_url', 'api_key', 'datadog_ci_visibility', 'archive_trace_events', 'datadog_service', 'datadog_env', 'datadog_tags'],
        },
      },
    ],
  },
} as const satisfies Release
