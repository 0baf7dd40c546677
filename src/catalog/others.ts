/** Email and push notifications, wikis, monitoring, packaging and code hosts. */
import { BRANCHES, BROKEN_ONLY, REQUIRED_TOKEN } from './fragments.js'
import type { IntegrationSpec } from './types.js'

export const otherIntegrations = [
  {
    slug: 'emails-on-push',
    title: 'Emails on push',
    category: 'notifications',
    availability: 'available',
    params: [
      { name: 'recipients', type: 'string', required: true, kind: 'email-list' },
      { name: 'disable_diffs', type: 'boolean' },
      { name: 'send_from_committer_email', type: 'boolean' },
      BRANCHES,
    ],
    events: ['push_events', 'tag_push_events'],
    // EmailsOnPushService#fields order (13.12).
    fields: ['send_from_committer_email', 'disable_diffs', 'branches_to_be_notified', 'recipients'],
    defaults: { properties: { branches_to_be_notified: 'all' } },
    validations: [['present', 'recipients']],
  },
  {
    slug: 'pipelines-email',
    title: 'Pipelines emails',
    category: 'notifications',
    availability: 'available',
    params: [
      { name: 'recipients', type: 'string', required: true, kind: 'email-list' },
      BROKEN_ONLY,
      BRANCHES,
    ],
    events: ['pipeline_events'],
    defaults: { properties: { notify_only_broken_pipelines: true, branches_to_be_notified: 'default' } },
    validations: [['present', 'recipients']],
    notes: ['seed lists add_pusher and notify_only_default_branch: not declared in 13.12 (ignored)'],
  },
  {
    slug: 'pushover',
    examples: {
      api_key: ({ alnum }) => `a${alnum(29, 'lower')}`,
      user_key: ({ alnum }) => `u${alnum(29, 'lower')}`,
      device: ({ faker }) => faker.helpers.arrayElement(['iphone', 'ipad', 'pixel-8', 'galaxy-s24', 'desktop']),
    },
    title: 'Pushover',
    category: 'notifications',
    availability: 'available',
    params: [
      { name: 'api_key', type: 'string', required: true, kind: 'token', secret: true },
      { name: 'user_key', type: 'string', required: true, kind: 'token', secret: true },
      { name: 'priority', type: 'string', required: true, values: ['-2', '-1', '0', '1', '2'] },
      // Required keys that may be empty (lib/api/helpers/services_helpers.rb 13.12 `required: true`): the seed calls them optional.
      { name: 'device', type: 'string', required: true, kind: 'text' },
      { name: 'sound', type: 'string', required: true, values: ['pushover', 'bike', 'bugle', 'cashregister', 'classical', 'none'] },
    ],
    events: ['push_events'],
    // PushoverService#fields order (13.12).
    fields: ['api_key', 'user_key', 'device', 'priority', 'sound'],
    validations: [
      ['present', 'api_key'],
      ['present', 'user_key'],
      ['present', 'priority'],
    ],
    notes: ['seed marks device and sound optional; 13.12 requires the keys (blank allowed)'],
  },
  {
    slug: 'confluence',
    title: 'Confluence Workspace',
    category: 'wiki',
    availability: 'available',
    params: [{ name: 'confluence_url', type: 'string', required: true, kind: 'url' }],
    events: [],
    validations: [
      ['present', 'confluence_url'],
      ['confluenceUrl', 'confluence_url'],
    ],
  },
  {
    slug: 'external-wiki',
    examples: {
      external_wiki_url: ({ org }) => `https://wiki.${org.domain}/${org.project}`,
    },
    title: 'External wiki',
    category: 'wiki',
    availability: 'available',
    params: [{ name: 'external_wiki_url', type: 'string', required: true, kind: 'url' }],
    events: [],
    validations: [
      ['present', 'external_wiki_url'],
      ['publicUrl', 'external_wiki_url'],
    ],
  },
  {
    slug: 'github',
    examples: {
      token: ({ alnum }) => `ghp_${alnum(36)}`,
      repository_url: ({ org }) => `https://github.com/${org.word}/${org.project}`,
    },
    title: 'GitHub',
    // ee/app/models/project_services/github_service.rb: Enterprise Edition only.
    edition: 'ee',
    category: 'other',
    availability: 'available',
    // EE_PROJECT_SPECIFIC_INTEGRATION_NAMES = %w[github] (ee/app/models/ee/integration.rb, 17.x-19.0)
    projectOnly: true,
    params: [
      REQUIRED_TOKEN,
      { name: 'repository_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      { name: 'static_context', type: 'boolean' },
    ],
    events: ['pipeline_events'],
    defaults: { properties: { static_context: true } },
    validations: [
      ['present', 'token'],
      ['publicUrlIfPresent', 'repository_url'],
    ],
    notes: ['EE Premium: GitLab without the licence answers 404/500; the mock treats it as available'],
  },
  {
    slug: 'packagist',
    examples: {
      server: ({ org }) => `https://packagist.${org.domain}`,
      token: ({ alnum }) => alnum(20, 'lower'),
    },
    title: 'Packagist',
    category: 'other',
    availability: 'available',
    params: [
      { name: 'username', type: 'string', required: true, kind: 'username' },
      REQUIRED_TOKEN,
      { name: 'server', type: 'string', kind: 'url', exposesSecrets: true },
    ],
    events: ['push_events', 'merge_requests_events', 'tag_push_events'],
    validations: [
      ['present', 'username'],
      ['present', 'token'],
    ],
    notes: ['seed types server as boolean; 13.12 declares String'],
  },
  {
    slug: 'prometheus',
    examples: {
      api_url: ({ org }) => `https://prometheus.${org.domain}`,
      google_iap_audience_client_id: ({ faker, alnum }) => `${faker.string.numeric(12)}-${alnum(32, 'lower')}.apps.googleusercontent.com`,
    },
    title: 'Prometheus',
    category: 'monitoring',
    availability: 'available',
    params: [
      { name: 'api_url', type: 'string', required: true, kind: 'url' },
      { name: 'google_iap_audience_client_id', type: 'string', required: true, kind: 'text' },
      { name: 'google_iap_service_account_json', type: 'string', required: true, kind: 'json' },
    ],
    events: [],
    extraFields: ['manual_configuration'],
    // PrometheusService#fields order (13.12).
    fields: ['manual_configuration', 'api_url', 'google_iap_audience_client_id', 'google_iap_service_account_json'],
    // A save hook recomputes `active` from manual_configuration, which the
    // 13.12 API cannot set: a PUT answers 200 with active:false (PrometheusService#synchronize_service_state, 13.12).
    activeFrom: 'manual_configuration',
    // Validations run only when the record is saved active, i.e. here only
    // with manual configuration.
    validations: [
      ['present', 'api_url'],
      ['publicUrl', 'api_url'],
    ],
    notes: [
      'seed marks google_iap_* optional; 13.12 requires all three params',
      'saved inactive unless the scenario sets properties.manual_configuration: true (then api_url must be a public URL)',
    ],
  },
  {
    slug: 'datadog',
    examples: {
      api_key: ({ hex }) => hex(32),
      // Sites Datadog documents that 13.12's `\A[\w\.]+\z` accepts (its ddog-gov.com has a dash, so it fails there).
      datadog_site: ({ faker }) => faker.helpers.arrayElement(['datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'datadoghq.eu']),
      api_url: ({ org }) => `https://datadog-proxy.${org.domain}/api/v2/webhook`,
      datadog_service: ({ org }) => org.project,
      datadog_env: ({ faker }) => faker.helpers.arrayElement(['production', 'staging', 'ci']),
    },
    title: 'Datadog',
    category: 'monitoring',
    availability: 'available',
    notInSeed: true,
    params: [
      { name: 'api_key', type: 'string', required: true, kind: 'token', secret: true },
      { name: 'datadog_site', type: 'string', kind: 'host', exposesSecrets: true },
      { name: 'api_url', type: 'string', kind: 'url', exposesSecrets: true },
      { name: 'datadog_service', type: 'string', kind: 'text' },
      { name: 'datadog_env', type: 'string', kind: 'text' },
    ],
    events: ['pipeline_events', 'job_events'],
    // DatadogService (app/models/project_services/datadog_service.rb, 13.12): #fields order,
    // `initialize_properties` sets the default site, and the `with_options if: :activated?` block.
    fields: ['datadog_site', 'api_url', 'api_key', 'datadog_service', 'datadog_env'],
    defaults: { properties: { datadog_site: 'datadoghq.com' } },
    validations: [
      ['present', 'api_key'],
      ['format', 'api_key', '^\\w+$'],
      ['format', 'datadog_site', '^[\\w.]+$'],
      ['publicUrlIfPresent', 'api_url'],
      ['presentUnless', 'datadog_site', 'api_url'],
      ['presentUnless', 'api_url', 'datadog_site'],
    ],
  },
  {
    slug: 'alerts',
    title: 'Alerts endpoint',
    category: 'monitoring',
    availability: 'list-only',
    params: [],
    events: [],
    notes: ['appears in the list when active; has no GET/PUT/DELETE route'],
  },
] as const satisfies readonly IntegrationSpec[]
