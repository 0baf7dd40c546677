/**
 * Enterprise Edition integrations added after 13.12
 * (ee/app/models/integrations/*.rb; ee/lib/ee/api/helpers/integrations_helpers.rb
 * routes them).
 */
import type { IntegrationSpec } from '../types.js'

/** ee/app/models/integrations/git_guardian.rb (16.9 behind `git_guardian_integration`, on by default on self-managed; GA 17.8). */
export const gitGuardian = {
  slug: 'git-guardian',
  title: 'GitGuardian',
  category: 'other',
  edition: 'ee',
  availability: 'available',
  params: [
    { name: 'api_url', type: 'string', kind: 'url', exposesSecrets: true },
    { name: 'token', type: 'string', required: true, kind: 'token', secret: true },
  ],
  events: [],
  validations: [
    ['present', 'token'],
    ['publicUrlIfPresent', 'api_url'],
  ],
} as const satisfies IntegrationSpec

/** Google Cloud integrations start with every event flag off. */
const NO_EVENTS = {
  push_events: false,
  issues_events: false,
  confidential_issues_events: false,
  merge_requests_events: false,
  tag_push_events: false,
  note_events: false,
  confidential_note_events: false,
  pipeline_events: false,
  wiki_page_events: false,
  job_events: false,
  commit_events: false,
} as const

/**
 * ee/app/models/integrations/google_cloud_platform/artifact_registry.rb
 * (16.9 beta; GitLab.com 17.1). Routed only where
 * `Gitlab::Saas.feature_available?(:google_cloud_support)`, i.e. on
 * GitLab.com: the EE profile stands for GitLab.com here.
 */
export const googleArtifactRegistry = {
  slug: 'google-cloud-platform-artifact-registry',
  examples: {
    artifact_registry_project_id: ({ org }) => `${org.word}-prod`.slice(0, 30),
    artifact_registry_location: ({ faker }) => faker.helpers.arrayElement(['us-east1', 'europe-west4', 'asia-northeast1']),
    artifact_registry_repositories: ({ org }) => org.project,
  },
  title: 'Google Artifact Management',
  category: 'other',
  edition: 'ee',
  availability: 'available',
  // EE_PROJECT_LEVEL_ONLY_INTEGRATION_NAMES = %w[github google_cloud_platform_artifact_registry]
  // (EE::Integrations::Base::Integration, ee/app/models/concerns/ee/integrations/base/integration.rb, 18.x–19.0).
  projectOnly: true,
  params: [
    { name: 'artifact_registry_project_id', type: 'string', required: true, kind: 'text' },
    { name: 'artifact_registry_repositories', type: 'string', required: true, kind: 'text' },
    { name: 'artifact_registry_location', type: 'string', required: true, kind: 'text' },
  ],
  events: [],
  defaults: { events: NO_EVENTS },
  validations: [
    ['present', 'artifact_registry_project_id'],
    ['present', 'artifact_registry_repositories'],
    ['present', 'artifact_registry_location'],
  ],
} as const satisfies IntegrationSpec

/** ee/app/models/integrations/google_cloud_platform/workload_identity_federation.rb (16.10 beta; GitLab.com 17.1). */
export const googleWorkloadIdentity = {
  slug: 'google-cloud-platform-workload-identity-federation',
  examples: {
    workload_identity_federation_project_id: ({ org }) => `${org.word}-prod`.slice(0, 30).padEnd(6, '0'),
    workload_identity_federation_project_number: ({ faker }) => faker.string.numeric({ length: 12, allowLeadingZeros: false }),
    workload_identity_pool_id: ({ org }) => `${org.word}-pool`.slice(0, 32),
    workload_identity_pool_provider_id: () => 'gitlab-provider',
  },
  title: 'Google Cloud IAM',
  category: 'other',
  edition: 'ee',
  availability: 'available',
  params: [
    { name: 'workload_identity_federation_project_id', type: 'string', required: true, kind: 'text' },
    { name: 'workload_identity_federation_project_number', type: 'string', required: true, kind: 'text' },
    { name: 'workload_identity_pool_id', type: 'string', required: true, kind: 'text' },
    { name: 'workload_identity_pool_provider_id', type: 'string', required: true, kind: 'text' },
  ],
  events: [],
  defaults: { events: NO_EVENTS },
  validations: [
    ['format', 'workload_identity_federation_project_id', '^[a-z0-9-]{6,30}$'],
    ['format', 'workload_identity_pool_id', '^[a-z0-9-]{4,32}$'],
    ['format', 'workload_identity_pool_provider_id', '^[a-z0-9-]{4,32}$'],
    ['present', 'workload_identity_federation_project_id'],
    ['present', 'workload_identity_federation_project_number'],
    ['present', 'workload_identity_pool_id'],
    ['present', 'workload_identity_pool_provider_id'],
  ],
} as const satisfies IntegrationSpec

export const addedEnterpriseIntegrations = [gitGuardian, googleArtifactRegistry, googleWorkloadIdentity] as const
