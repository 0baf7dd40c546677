/** GitLab 16.11: Phorge (MR 145863); Telegram's message thread (issue 441097); Prometheus' `manual_configuration` param. */
import { phorge } from '../../catalog/added/issue-trackers.js'
import type { Release } from '../types.js'

export const gitlab16_11 = {
  version: '16.11',
  approximate: ['Prometheus manual_configuration as a PUT param: absent from a ≈16.0 helper, present in the 16.11–17.0 one (index id 1853278633)'],
  integrations: {
    add: [phorge],
    added: { phorge: { cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Phorge: "Introduced in GitLab 16.11" (MR 145863)' } },
    change: [
      {
        slug: 'telegram',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Telegram: thread "Introduced in GitLab 16.11" (issue 441097); helper index id 1853278633 declares it Integer',
        addParams: [{ name: 'thread', type: 'integer' }],
        before: 'notify_only_broken_pipelines',
      },
      {
        slug: 'prometheus',
        cite: 'lib/api/helpers/integrations_helpers.rb (16.11–17.0, index id 1853278633): prometheus manual_configuration (Boolean, optional)',
        approximate: 'bounded ≈16.0 < v ≤ 16.11',
        addParams: [{ name: 'manual_configuration', type: 'boolean' }],
        before: 'api_url',
        set: { extraFields: [] },
      },
    ],
  },
} as const satisfies Release
