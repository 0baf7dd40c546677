/**
 * GitLab 17.2: PUT goes through Integrations::UpdateService, so a failed
 * validation answers `Failed to update integration. {...}`; DELETE of an
 * integration never saved answers 404 (`not_found!('Integration') unless
 * integration&.persisted?`). `inherited` and `use_inherited_settings` are
 * behind `integration_api_inheritance`, off by default (17.3 turns them on).
 */
import type { Release } from '../types.js'

export const gitlab17_2 = {
  version: '17.2',
  behaviour: {
    approximate: 'UpdateService and the DELETE 404: a ≈16.9–17.1 lib/api/integrations.rb (index id 6875556294) has neither, a ≥17.2 one (index id 208040012) both; the service came with the inheritance work (commit 56a2f1da, 2024-06-20); whether 17.2 with the flag off used it is not established',
    modelInvalid: 'failed-to-update',
    deleteUnconfigured: 'not-found',
    cite: 'app/services/integrations/update_service.rb: error("Failed to update integration. #{integration.errors.messages}"); lib/api/integrations.rb (index id 208040012)',
  },
} as const satisfies Release
