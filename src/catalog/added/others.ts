/**
 * Other integrations added after 13.12: registries, mobile stores, test
 * management, code analysis, wikis and the Jira Cloud app
 * (app/models/integrations/*.rb, gitlabhq).
 */
import type { IntegrationSpec } from '../types.js'

/**
 * app/models/integrations/harbor.rb (≈14.9, MR 80999): a data-fields
 * integration. Not emulated: the password's `::Ci::Maskable::REGEX` format
 * rule (the mock accepts any non-blank password).
 */
export const harbor = {
  slug: 'harbor',
  examples: {
    project_name: ({ org }) => org.project,
    url: ({ org }) => `https://harbor.${org.domain}`,
  },
  title: 'Harbor',
  category: 'other',
  availability: 'available',
  params: [
    { name: 'url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
    { name: 'project_name', type: 'string', required: true, kind: 'text' },
    { name: 'username', type: 'string', required: true, kind: 'username' },
    { name: 'password', type: 'string', required: true, kind: 'password', secret: true },
  ],
  events: [],
  showsAllFields: true,
  validations: [
    ['present', 'url'],
    ['publicUrl', 'url'],
    ['present', 'project_name'],
    ['format', 'project_name', '^[a-z0-9]+(?:[._-][a-z0-9]+)*$'],
    ['present', 'username'],
  ],
} as const satisfies IntegrationSpec

/** app/models/integrations/shimo.rb (14.5 behind `shimo_integration`, GA 15.4; moved to JiHu in 16.7). */
export const shimo = {
  slug: 'shimo',
  examples: {
    external_wiki_url: ({ alnum }) => `https://shimo.im/docs/${alnum(16)}`,
  },
  title: 'Shimo',
  category: 'wiki',
  availability: 'available',
  params: [{ name: 'external_wiki_url', type: 'string', required: true, kind: 'url' }],
  events: [],
  validations: [
    ['present', 'external_wiki_url'],
    ['publicUrl', 'external_wiki_url'],
  ],
} as const satisfies IntegrationSpec

/**
 * app/models/integrations/apple_app_store.rb (15.8 behind
 * `apple_app_store_integration`, GA 15.10). GitLab declares the private key
 * a text field and shows it in `properties`; the mock marks it secret and
 * hides it, deliberately (docs/gitlab-versions.md).
 */
export const appleAppStore = {
  slug: 'apple-app-store',
  examples: {
    app_store_issuer_id: ({ faker }) => faker.string.uuid(),
    app_store_key_id: ({ faker }) => `${faker.string.alpha({ length: 4, casing: 'upper' })}${faker.string.numeric(6)}`,
    app_store_private_key_file_name: () => 'AuthKey.p8',
    app_store_private_key: ({ faker }) => `-----BEGIN PRIVATE KEY-----\n${faker.string.alphanumeric(64)}\n-----END PRIVATE KEY-----`,
  },
  title: 'Apple App Store',
  category: 'other',
  availability: 'available',
  // PROJECT_LEVEL_ONLY_INTEGRATION_NAMES = %w[apple_app_store google_play jenkins]
  // (app/models/concerns/integrations/base/integration.rb @ gitlabhq 55eb439f, 19.0 cycle).
  projectOnly: true,
  params: [
    { name: 'app_store_issuer_id', type: 'string', required: true, kind: 'text' },
    { name: 'app_store_key_id', type: 'string', required: true, kind: 'text' },
    { name: 'app_store_private_key_file_name', type: 'string', required: true, kind: 'text' },
    { name: 'app_store_private_key', type: 'string', required: true, kind: 'key', secret: true },
  ],
  events: [],
  validations: [
    ['present', 'app_store_issuer_id'],
    ['format', 'app_store_issuer_id', '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'],
    ['present', 'app_store_key_id'],
    ['format', 'app_store_key_id', '^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]+$'],
    ['present', 'app_store_private_key'],
    ['present', 'app_store_private_key_file_name'],
  ],
} as const satisfies IntegrationSpec

/**
 * app/models/integrations/google_play.rb (15.10 behind
 * `google_play_integration`, GA 15.11). Like Apple's key, GitLab shows the
 * service account key in `properties`; the mock hides it.
 */
export const googlePlay = {
  slug: 'google-play',
  examples: {
    package_name: ({ org, javaSegment }) => `com.${javaSegment(org.word)}.${javaSegment(org.project)}`,
    service_account_key_file_name: () => 'service_account.json',
  },
  title: 'Google Play',
  category: 'other',
  availability: 'available',
  // PROJECT_LEVEL_ONLY_INTEGRATION_NAMES (app/models/concerns/integrations/base/integration.rb @ gitlabhq 55eb439f).
  projectOnly: true,
  params: [
    { name: 'package_name', type: 'string', required: true, kind: 'text' },
    { name: 'service_account_key_file_name', type: 'string', required: true, kind: 'text' },
    { name: 'service_account_key', type: 'string', required: true, kind: 'json', secret: true },
  ],
  events: [],
  validations: [
    ['present', 'service_account_key'],
    ['present', 'service_account_key_file_name'],
    ['present', 'package_name'],
    ['format', 'package_name', '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*){1,20}$'],
  ],
} as const satisfies IntegrationSpec

/** app/models/integrations/squash_tm.rb (15.10, issue 337855). */
export const squashTm = {
  slug: 'squash-tm',
  title: 'Squash TM',
  category: 'other',
  availability: 'available',
  params: [
    { name: 'url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
    { name: 'token', type: 'string', kind: 'token', secret: true },
  ],
  events: ['issues_events', 'confidential_issues_events'],
  validations: [
    ['present', 'url'],
    ['publicUrl', 'url'],
  ],
} as const satisfies IntegrationSpec

/** app/models/integrations/diffblue_cover.rb (≈16.8, MR 134437). */
export const diffblueCover = {
  slug: 'diffblue-cover',
  title: 'Diffblue Cover',
  category: 'ci',
  availability: 'available',
  params: [
    { name: 'diffblue_license_key', type: 'string', required: true, kind: 'key', secret: true },
    { name: 'diffblue_access_token_name', type: 'string', required: true, kind: 'text' },
    { name: 'diffblue_access_token_secret', type: 'string', required: true, kind: 'token', secret: true },
  ],
  events: [],
  validations: [
    ['present', 'diffblue_license_key'],
    ['present', 'diffblue_access_token_name'],
    ['present', 'diffblue_access_token_secret'],
  ],
} as const satisfies IntegrationSpec

/**
 * The GitLab for Jira Cloud app (app/models/integrations/jira_cloud_app.rb):
 * available only when the instance has a Jira Connect application key
 * (Integration.disabled_integration_names), neither created nor disabled
 * through the API (MR 163702: 422). Not emulated: its service-id and
 * environment format rules.
 */
export const jiraCloudApp = {
  slug: 'jira-cloud-app',
  examples: {
    jira_cloud_app_service_ids: ({ alnum }) => `b:${alnum(24)}=`,
  },
  title: 'GitLab for Jira Cloud app',
  category: 'issues',
  availability: 'available',
  condition: {
    setting: 'jira_connect_application_key',
    when: true,
    cite: 'app/models/concerns/integrations/base/integration.rb#disabled_integration_names: jira_cloud_app unless jira_connect_application_key.present?',
  },
  apiCreatable: false,
  apiDeletable: false,
  params: [
    { name: 'jira_cloud_app_service_ids', type: 'string', kind: 'text' },
    { name: 'jira_cloud_app_enable_deployment_gating', type: 'boolean' },
    { name: 'jira_cloud_app_deployment_gating_environments', type: 'string', values: ['production', 'staging', 'testing', 'development'] },
  ],
  events: [],
} as const satisfies IntegrationSpec

export const addedOtherIntegrations = [harbor, shimo, appleAppStore, googlePlay, squashTm, diffblueCover, jiraCloudApp] as const
