/** Issue trackers and project-management tools. */
import { REQUIRED_TOKEN, TRACKER_FIELDS, TRACKER_PARAMS, TRACKER_VALIDATIONS } from './fragments.js'
import type { IntegrationSpec } from './types.js'

const simpleTracker = {
  category: 'issues',
  availability: 'available',
  params: TRACKER_PARAMS,
  fields: TRACKER_FIELDS,
  events: ['push_events'],
  // Settings live in a side table, so every field shows once the record exists.
  showsAllFields: true,
  validations: TRACKER_VALIDATIONS,
} as const

export const issueTrackerIntegrations = [
  {
    ...simpleTracker,
    slug: 'bugzilla',
    examples: {
      project_url: ({ org }) => `https://bugzilla.${org.domain}/describecomponents.cgi?product=${org.project}`,
      issues_url: ({ org }) => `https://bugzilla.${org.domain}/show_bug.cgi?id=:id`,
      new_issue_url: ({ org }) => `https://bugzilla.${org.domain}/enter_bug.cgi?product=${org.project}`,
    },
    title: 'Bugzilla',
    notes: ['seed lists description and title: not declared in 13.12 (ignored)'],
  },
  {
    ...simpleTracker,
    slug: 'custom-issue-tracker',
    title: 'Custom issue tracker',
    notes: ['seed lists description and title: not declared in 13.12 (ignored)'],
  },
  {
    ...simpleTracker,
    slug: 'redmine',
    examples: {
      project_url: ({ org }) => `https://redmine.${org.domain}/projects/${org.project}`,
      issues_url: ({ org }) => `https://redmine.${org.domain}/issues/:id`,
      new_issue_url: ({ org }) => `https://redmine.${org.domain}/projects/${org.project}/issues/new`,
    },
    title: 'Redmine',
    notes: ['seed lists description: not declared in 13.12 (ignored)'],
  },
  {
    ...simpleTracker,
    slug: 'ewm',
    examples: {
      project_url: ({ org }) => `https://ewm.${org.domain}/ccm/web/projects/${org.project}`,
      issues_url: ({ org }) => `https://ewm.${org.domain}/ccm/resource/itemName/com.ibm.team.workitem.WorkItem/:id`,
      new_issue_url: ({ org }) => `https://ewm.${org.domain}/ccm/web/projects/${org.project}#action=com.ibm.team.workitem.newWorkItem`,
    },
    title: 'EWM',
    notInSeed: true,
  },
  {
    slug: 'youtrack',
    examples: {
      project_url: ({ org }) => `https://${org.word}.youtrack.cloud/projects/${org.project}`,
      issues_url: ({ org }) => `https://${org.word}.youtrack.cloud/issue/:id`,
    },
    title: 'YouTrack',
    category: 'issues',
    availability: 'available',
    params: [
      { name: 'project_url', type: 'string', required: true, kind: 'url' },
      { name: 'issues_url', type: 'string', required: true, kind: 'url' },
    ],
    events: ['push_events'],
    showsAllFields: true,
    validations: [
      ['present', 'project_url'],
      ['publicUrl', 'project_url'],
      ['present', 'issues_url'],
      ['publicUrl', 'issues_url'],
    ],
    notes: ['seed lists description: not declared in 13.12 (ignored)'],
  },
  {
    slug: 'jira',
    examples: {
      url: ({ org }) => `https://${org.word}.atlassian.net`,
      api_url: ({ faker }) => `https://api.atlassian.com/ex/jira/${faker.string.uuid()}`,
      username: ({ faker, org }) => faker.internet.email({ provider: org.domain }).toLowerCase(),
      password: ({ alnum }) => alnum(24),
    },
    title: 'Jira',
    category: 'issues',
    availability: 'available',
    params: [
      { name: 'url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
      { name: 'api_url', type: 'string', kind: 'url', exposesSecrets: true },
      { name: 'username', type: 'string', required: true, kind: 'username' },
      { name: 'password', type: 'string', required: true, kind: 'password', secret: true },
      { name: 'jira_issue_transition_automatic', type: 'boolean', writeOnly: true },
      // Stored (and validated) but, since 13.11, no longer one of JiraService#fields: never shown.
      { name: 'jira_issue_transition_id', type: 'string', kind: 'text' },
      // Lands on the record's top-level flag, not in properties (JiraService keeps it as a column, not a property, 13.12).
      { name: 'comment_on_event_enabled', type: 'boolean', topLevel: true },
    ],
    events: ['commit_events', 'merge_requests_events'],
    // JiraService#fields since 13.11: url, api_url, username, password (the transition
    // settings moved out); the data-fields row shows all of them, null when unset.
    fields: ['url', 'api_url', 'username', 'password'],
    showsAllFields: true,
    validations: [
      ['present', 'url'],
      ['publicUrl', 'url'],
      ['publicUrlIfPresent', 'api_url'],
      ['present', 'username'],
      ['present', 'password'],
      ['idList', 'jira_issue_transition_id'],
    ],
    notes: ['seed lists `active` as a param: not a param in 13.12, a PUT always activates (ignored)'],
  },
  {
    slug: 'asana',
    examples: {
      api_key: ({ faker, hex }) => `1/${faker.string.numeric(16)}:${hex(32)}`,
    },
    title: 'Asana',
    category: 'issues',
    availability: 'available',
    params: [
      { name: 'api_key', type: 'string', required: true, kind: 'token', secret: true },
      { name: 'restrict_to_branch', type: 'string', kind: 'branches' },
    ],
    events: ['push_events'],
    validations: [['present', 'api_key']],
  },
  {
    slug: 'assembla',
    examples: {
      token: ({ hex }) => hex(32),
    },
    title: 'Assembla',
    category: 'issues',
    availability: 'available',
    params: [REQUIRED_TOKEN, { name: 'subdomain', type: 'string', kind: 'host', exposesSecrets: true }],
    events: ['push_events'],
    validations: [['present', 'token']],
  },
  {
    slug: 'pivotaltracker',
    examples: {
      token: ({ hex }) => hex(32),
    },
    title: 'PivotalTracker',
    category: 'issues',
    availability: 'available',
    params: [REQUIRED_TOKEN, { name: 'restrict_to_branch', type: 'string', kind: 'branches' }],
    events: ['push_events'],
    validations: [['present', 'token']],
    notes: ['seed types restrict_to_branch as boolean; 13.12 declares String'],
  },
] as const satisfies readonly IntegrationSpec[]
