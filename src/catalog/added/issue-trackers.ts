/**
 * Issue trackers added after 13.12 (app/models/integrations/*.rb,
 * gitlabhq). The settings of the data-fields trackers live in a side table,
 * so every field shows once the record exists.
 */
import type { IntegrationSpec } from '../types.js'

const URL_PAIR = [
  { name: 'project_url', type: 'string', required: true, kind: 'url' },
  { name: 'issues_url', type: 'string', required: true, kind: 'url' },
] as const

const URL_PAIR_VALIDATIONS = [
  ['present', 'project_url'],
  ['publicUrl', 'project_url'],
  ['present', 'issues_url'],
  ['publicUrl', 'issues_url'],
] as const

const pairTracker = {
  category: 'issues',
  availability: 'available',
  params: URL_PAIR,
  events: ['push_events'],
  showsAllFields: true,
  validations: URL_PAIR_VALIDATIONS,
} as const

/** app/models/integrations/clickup.rb (16.1, MR 120732): `fields` limited to project_url and issues_url. */
export const clickup = { ...pairTracker, slug: 'clickup', title: 'ClickUp' } as const satisfies IntegrationSpec

/** app/models/integrations/phorge.rb (16.11, MR 145863). */
export const phorge = { ...pairTracker, slug: 'phorge', title: 'Phorge' } as const satisfies IntegrationSpec

/**
 * app/models/integrations/linear.rb (18.3, MR 198297): kept in
 * `properties`, not a data-fields table; the workspace URL has its own
 * format rule and message.
 */
export const linear = {
  slug: 'linear',
  examples: {
    workspace_url: ({ org }) => `https://linear.app/${org.word.slice(0, 32).padEnd(3, 'x')}`,
  },
  title: 'Linear',
  category: 'issues',
  availability: 'available',
  params: [{ name: 'workspace_url', type: 'string', required: true, kind: 'url' }],
  events: ['push_events'],
  validations: [
    ['present', 'workspace_url'],
    ['publicUrl', 'workspace_url'],
    ['format', 'workspace_url', '^https:\\/\\/linear\\.app\\/[a-z0-9\\-]{3,32}\\/?$', 'URL must point to a workspace URL like https://linear.app/example'],
  ],
} as const satisfies IntegrationSpec

/**
 * app/models/integrations/zentao.rb (14.5, issue 338178; a Premium
 * feature, so Enterprise Edition here, licensed like GitHub). Its
 * availability changes later (Project#disabled_integrations, release 17.1).
 */
export const zentao = {
  slug: 'zentao',
  title: 'ZenTao',
  category: 'issues',
  edition: 'ee',
  availability: 'available',
  params: [
    { name: 'url', type: 'string', required: true, kind: 'url', exposesSecrets: true },
    { name: 'api_url', type: 'string', kind: 'url', exposesSecrets: true },
    { name: 'api_token', type: 'string', required: true, kind: 'token', secret: true },
    { name: 'zentao_product_xid', type: 'string', required: true, kind: 'text' },
  ],
  events: [],
  showsAllFields: true,
  validations: [
    ['present', 'url'],
    ['publicUrl', 'url'],
    ['publicUrlIfPresent', 'api_url'],
    ['present', 'api_token'],
    ['present', 'zentao_product_xid'],
  ],
} as const satisfies IntegrationSpec

export const addedIssueTrackers = [clickup, phorge, linear, zentao] as const
