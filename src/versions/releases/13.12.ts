/**
 * GitLab 13.12, the base release: everything the project integrations API
 * (then "Services") did, read from GitLab's source of the 13.12 line:
 * `lib/api/services.rb`, `lib/api/helpers/services_helpers.rb`,
 * `lib/api/entities/project_service{,_basic}.rb`, `app/models/service.rb`
 * and `app/models/project_services/*.rb`. Later releases declare only what
 * they change.
 */
import { catalog13_12 } from '../../catalog/index.js'
import type { Release } from '../types.js'

export const gitlab13_12 = {
  version: '13.12',
  build: { version: '13.12.15-ee', revision: 'b6b3b4a5c4e' },
  integrations: { add: catalog13_12 },
  entity: {
    // lib/api/entities/project_service_basic.rb (13.12): the keys after `active`, in its order;
    // `deployment_events` is a column (app/models/service.rb) but not exposed.
    keys: [
      'commit_events',
      'push_events',
      'issues_events',
      'confidential_issues_events',
      'merge_requests_events',
      'tag_push_events',
      'note_events',
      'confidential_note_events',
      'pipeline_events',
      'wiki_page_events',
      'job_events',
      'comment_on_event_enabled',
    ],
    // The flag columns and their defaults (db/structure.sql, 13.12): all true but deployment_events.
    columns: {
      commit_events: true,
      push_events: true,
      issues_events: true,
      confidential_issues_events: true,
      merge_requests_events: true,
      tag_push_events: true,
      note_events: true,
      confidential_note_events: true,
      pipeline_events: true,
      wiki_page_events: true,
      job_events: true,
      deployment_events: false,
    },
    cite: 'lib/api/entities/project_service_basic.rb, app/models/service.rb (GitLab 13.12)',
  },
  hidden: {
    kind: 'name',
    // Service#api_field_names rejects names matching this (app/models/service.rb, 13.12),
    // which also hides bamboo's harmless `build_key`.
    pattern: 'password|token|key|title|description',
    cite: 'app/models/service.rb#api_field_names (GitLab 13.12)',
  },
  wording: {
    integrationNotFound: '404 Service Not Found',
    slugInvalid: 'service_slug does not have a valid value',
    cite: "lib/api/services.rb (GitLab 13.12): not_found!('Service'); requires :service_slug, values: SERVICES.keys",
  },
  // GitLab 13.12 routes `/services` only; `/integrations` arrived in 14.4 (gitlab-org/gitlab#334500).
  // The mock serves it on 13.12 too, deliberately: python-gitlab 3+ and gitbeaker call only it.
  families: { list: ['services', 'integrations'], cite: 'lib/api/services.rb (13.12); alias of GitLab 14.4 kept on purpose' },
  behaviour: {
    deleteUnconfigured: 'create-inactive',
    deleteResets: 'nil',
    modelInvalid: 'bare-400',
    properties: 'stored',
    eventParams: 'mixed',
    inheritance: false,
    groupIntegrations: false,
    resetSecrets: false,
    cite: 'lib/api/services.rb (13.12): DELETE finds_or_initializes, then update!(properties nil, active false); PUT answers render_api_error!(nil, 400)',
  },
  order: {
    steps: ['formatter', 'route', 'authenticate', 'project', 'slug', 'params', 'model'],
    cite: "Grape 1.5: the formatter middleware runs before the endpoint; lib/api/services.rb's `before { authenticate!; authorize_admin_project }` runs before param validation",
  },
} as const satisfies Release
