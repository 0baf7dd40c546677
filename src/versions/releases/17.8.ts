/**
 * GitLab 17.8: Prometheus leaves the API (MR 175395 "Cleanup Prometheus
 * integration from API"); Pushover's params come from the model
 * (`api_arguments`), so `device` and `sound` are optional.
 */
import type { Release } from '../types.js'

export const gitlab17_8 = {
  version: '17.8',
  approximate: [
    'Prometheus removal: MR 175395 sits between MRs documented as 17.8 (175803, 176391); a ≥17.2 API still routes it: 17.7 or 17.8',
    'Pushover device/sound optional: required in the 16.11–17.0 helper, optional at a ≥17.3 commit using Pushover.api_arguments; placed with the api_arguments conversion (MR 175395)',
  ],
  integrations: {
    remove: [{ slug: 'prometheus', cite: 'MR 175395 "Cleanup Prometheus integration from API"', approximate: '17.7 or 17.8' }],
    change: [
      {
        slug: 'pushover',
        cite: 'lib/api/helpers/integrations_helpers.rb (≥17.3, index id 398825797): ::Integrations::Pushover.api_arguments; app/models/integrations/pushover.rb choices',
        approximate: 'placed at 17.8 (see above)',
        changeParams: {
          device: { required: false },
          sound: {
            required: false,
            values: [
              'pushover', 'bike', 'bugle', 'cashregister', 'classical', 'cosmic', 'falling', 'gamelan', 'incoming', 'intermission',
              'magic', 'mechanical', 'pianobar', 'siren', 'spacealarm', 'tugboat', 'alien', 'climb', 'persistent', 'echo', 'updown', 'none',
            ],
          },
          priority: { values: ['-2', '-1', '0', '1'] },
        },
      },
    ],
  },
} as const satisfies Release
