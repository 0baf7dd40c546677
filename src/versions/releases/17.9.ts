/**
 * GitLab 17.9: group-level integrations.
 * - `/groups/:id/integrations[/:slug]`: lib/api/integrations.rb mounts
 *   API::Integrations::IntegratableOperations under `resource :groups`
 *   (`/integrations` only, no `/services` alias), guarded by
 *   `authorize_admin_group_integrations`; doc/api/group_integrations.md:
 *   "Introduced in GitLab 17.9" (gitlab-org/gitlab#328496).
 */
import type { Release } from '../types.js'

export const gitlab17_9 = {
  version: '17.9',
  behaviour: {
    groupIntegrations: true,
    cite: 'lib/api/integrations.rb (17.9): resource :groups ... mount IntegratableOperations; doc/api/group_integrations.md',
  },
} as const satisfies Release
