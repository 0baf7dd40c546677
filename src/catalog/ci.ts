/** Continuous-integration servers. */
import { REQUIRED_TOKEN } from './fragments.js'
import type { IntegrationSpec } from './types.js'

export const ciIntegrations = [
  {
    slug: 'bamboo',
    examples: {
      password: ({ faker }) => faker.internet.password({ length: 16 }),
    },
    title: 'Atlassian Bamboo',
    category: 'ci',
    availability: 'available',
    params: [
      { name: 'bamboo_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      // Hidden from `properties` only because its name contains "key" (Service#api_field_names, app/models/service.rb 13.12).
      { name: 'build_key', type: 'string', required: true, kind: 'key', secret: true },
      // The API requires both although the model only requires them pairwise (lib/api/helpers/services_helpers.rb 13.12 `required: true`).
      { name: 'username', type: 'string', required: true, kind: 'username' },
      { name: 'password', type: 'string', required: true, kind: 'password', secret: true },
    ],
    events: ['push_events'],
    validations: [
      ['present', 'bamboo_url'],
      ['publicUrl', 'bamboo_url'],
      ['present', 'build_key'],
      // `if: ->(service) { service.activated? && service.password }` and its mirror: "" counts as set.
      ['presentIfSet', 'username', 'password'],
      ['presentIfSet', 'password', 'username'],
    ],
    notes: ['seed titles it "Atlassian Bamboo CI"; 13.12 says "Atlassian Bamboo"', 'build_key is hidden in GET (name rule)'],
  },
  {
    slug: 'buildkite',
    examples: {
      project_url: ({ org }) => `https://buildkite.com/${org.word}/${org.project}`,
      token: ({ alnum }) => alnum(24, 'lower'),
    },
    title: 'Buildkite',
    category: 'ci',
    availability: 'available',
    params: [
      REQUIRED_TOKEN,
      { name: 'project_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      // Accepted and discarded: SSL verification is always on (lib/api/helpers/services_helpers.rb 13.12: "DEPRECATED").
      { name: 'enable_ssl_verification', type: 'boolean', writeOnly: true },
    ],
    events: ['push_events'],
    validations: [
      ['present', 'project_url'],
      ['publicUrl', 'project_url'],
      ['present', 'token'],
    ],
  },
  {
    slug: 'drone-ci',
    examples: {
      token: ({ alnum }) => alnum(32),
    },
    title: 'Drone CI',
    category: 'ci',
    availability: 'available',
    params: [
      REQUIRED_TOKEN,
      { name: 'drone_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      { name: 'enable_ssl_verification', type: 'boolean' },
    ],
    events: ['push_events', 'merge_requests_events', 'tag_push_events'],
    validations: [
      ['present', 'drone_url'],
      ['publicUrl', 'drone_url'],
      ['present', 'token'],
    ],
  },
  {
    slug: 'jenkins',
    examples: {
      project_name: ({ org }) => org.project,
    },
    title: 'Jenkins CI',
    category: 'ci',
    availability: 'available',
    // PROJECT_LEVEL_ONLY_INTEGRATION_NAMES = %w[apple_app_store google_play jenkins] (app/models/concerns/integrations/base/integration.rb, 17.x-19.0)
    projectOnly: true,
    params: [
      { name: 'jenkins_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      { name: 'project_name', type: 'string', required: true, kind: 'text' },
      { name: 'username', type: 'string', kind: 'username' },
      { name: 'password', type: 'string', kind: 'password', secret: true },
    ],
    events: ['push_events', 'merge_requests_events', 'tag_push_events'],
    defaults: { events: { merge_requests_events: false, tag_push_events: false } },
    validations: [
      ['present', 'jenkins_url'],
      ['url', 'jenkins_url'],
      ['present', 'project_name'],
      ['presentWith', 'username', 'password'],
    ],
  },
  {
    slug: 'jenkins-deprecated',
    title: 'Jenkins CI (Deprecated)',
    category: 'ci',
    availability: 'removed',
    params: [],
    events: [],
    notes: ['documented by the seed but removed in GitLab 13.0: PUT 404, GET/DELETE 400'],
  },
  {
    slug: 'mock-ci',
    title: 'MockCI',
    category: 'ci',
    availability: 'development',
    params: [{ name: 'mock_service_url', type: 'string', required: true, kind: 'url' }],
    events: ['push_events'],
    validations: [
      ['present', 'mock_service_url'],
      ['url', 'mock_service_url'],
    ],
    notes: ['exists only when GitLab runs in development mode; enable with the scenario option `development: true`'],
  },
  {
    slug: 'teamcity',
    examples: {
      build_type: ({ faker, org, pascal }) => `${pascal(org.project)}_${faker.helpers.arrayElement(['Build', 'Test', 'Deploy'])}`,
    },
    title: 'JetBrains TeamCity CI',
    category: 'ci',
    availability: 'available',
    params: [
      { name: 'teamcity_url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      { name: 'build_type', type: 'string', required: true, kind: 'text' },
      { name: 'username', type: 'string', required: true, kind: 'username' },
      { name: 'password', type: 'string', required: true, kind: 'password', secret: true },
    ],
    events: ['push_events', 'merge_requests_events'],
    validations: [
      ['present', 'teamcity_url'],
      ['publicUrl', 'teamcity_url'],
      ['present', 'build_type'],
      // `if: ->(service) { service.activated? && service.password }` and its mirror: "" counts as set.
      ['presentIfSet', 'username', 'password'],
      ['presentIfSet', 'password', 'username'],
    ],
    notes: ['seed lists push_events only; 13.12 also accepts merge_requests_events'],
  },
] as const satisfies readonly IntegrationSpec[]
