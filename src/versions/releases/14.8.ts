/**
 * GitLab 14.8: Datadog tags (doc/api/integrations.md @ gitlabhq 04d4cf89:
 * "Introduced in GitLab 14.8", MR 79665), and SSL verification for Bamboo,
 * Jenkins and TeamCity (Integrations::EnableSslVerification, prepended, so
 * the param comes first and the field right after the URL).
 */
import type { ParamSpec } from '../../catalog/types.js'
import type { Release } from '../types.js'

const SSL: ParamSpec = { name: 'enable_ssl_verification', type: 'boolean' }
const SSL_CITE = 'app/models/concerns/integrations/enable_ssl_verification.rb; doc/api/integrations.md @ gitlabhq 04d4cf89 lists it for bamboo, jenkins, teamcity'
const SSL_APPROXIMATE = 'absent from a ≈14.4–14.7 helper (lib/api/helpers/integrations_helpers.rb), present in the ≈15.4 API doc: placed at 14.8'

export const gitlab14_8 = {
  version: '14.8',
  integrations: {
    change: [
      {
        slug: 'datadog',
        cite: 'doc/api/integrations.md @ gitlabhq 04d4cf89: datadog_tags "Introduced in GitLab 14.8" (MR 79665)',
        addParams: [{ name: 'datadog_tags', type: 'string', kind: 'text' }],
        set: { fields: ['datadog_site', 'api_url', 'api_key', 'datadog_service', 'datadog_env', 'datadog_tags'] },
      },
      {
        slug: 'bamboo',
        cite: SSL_CITE,
        approximate: SSL_APPROXIMATE,
        addParams: [SSL],
        before: 'bamboo_url',
        set: { fields: ['bamboo_url', 'enable_ssl_verification', 'build_key', 'username', 'password'], defaults: { properties: { enable_ssl_verification: true } } },
      },
      {
        slug: 'jenkins',
        cite: SSL_CITE,
        approximate: SSL_APPROXIMATE,
        addParams: [SSL],
        before: 'jenkins_url',
        set: {
          fields: ['jenkins_url', 'enable_ssl_verification', 'project_name', 'username', 'password'],
          defaults: { properties: { enable_ssl_verification: true }, events: { merge_requests_events: false, tag_push_events: false } },
        },
      },
      {
        slug: 'teamcity',
        cite: SSL_CITE,
        approximate: SSL_APPROXIMATE,
        addParams: [SSL],
        before: 'teamcity_url',
        set: { fields: ['teamcity_url', 'enable_ssl_verification', 'build_type', 'username', 'password'], defaults: { properties: { enable_ssl_verification: true } } },
      },
    ],
  },
} as const satisfies Release
