/**
 * GitLab 17.1: Telegram's custom hostname (issue 461313); the Google Cloud
 * integrations on GitLab.com (MR 150472, EE here: the EE profile stands for
 * GitLab.com); ZenTao disabled for projects on every edition
 * (Project#disabled_integrations = %w[zentao]).
 */
import { googleArtifactRegistry, googleWorkloadIdentity } from '../../catalog/added/enterprise.js'
import type { Release } from '../types.js'

const GCP_CITE = 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa: "Enabled on GitLab.com in GitLab 17.1. Feature flag google_cloud_support_feature_flag removed." (MR 150472)'

export const gitlab17_1 = {
  version: '17.1',
  approximate: [
    'Google Cloud integrations: routed only on GitLab.com (Gitlab::Saas.feature_available?(:google_cloud_support)); the mock serves them on every EE 17.1+',
    'ZenTao disabled on every edition: app/models/project.rb#disabled_integrations returns %w[zentao] at a ≥17.x commit; placed with MR 152338 "Move ZenTao integration to JH" (May 2024)',
  ],
  integrations: {
    add: [googleArtifactRegistry, googleWorkloadIdentity],
    added: {
      'google-cloud-platform-artifact-registry': { cite: `${GCP_CITE}; introduced 16.9 as a beta behind the flag (issue 425066)` },
      'google-cloud-platform-workload-identity-federation': { cite: `${GCP_CITE}; introduced 16.10 as a beta behind the flag (issue 439200)` },
    },
    change: [
      {
        slug: 'telegram',
        cite: 'doc/api/project_integrations.md @ gitlabhq 10c8bfaa, Telegram: hostname "introduced in GitLab 17.1" (issue 461313)',
        addParams: [{ name: 'hostname', type: 'string', kind: 'url', exposesSecrets: true }],
        before: 'token',
        set: {
          validations: [
            ['present', 'token'],
            ['present', 'room'],
            ['publicUrlIfPresent', 'hostname'],
          ],
        },
      },
      {
        slug: 'zentao',
        cite: "app/models/project.rb#disabled_integrations: `%w[zentao]` (EE: super + github/slack); ZenTao deprecated in 15.7 (issue 377825)",
        approximate: 'placed at 17.1 (see above)',
        set: { availability: 'disabled', edition: undefined },
      },
    ],
  },
} as const satisfies Release
