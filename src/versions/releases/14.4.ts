/**
 * GitLab 14.4: the API is mounted under `/projects/:id/integrations` as
 * well as `/services` (issue 334500, MR 71216 "Mount services REST
 * endpoints as integrations endpoints"; doc/api/integrations.md: "In GitLab
 * 14.4, the `services` endpoint was renamed to `integrations`. Calls ... can
 * be made to both"). lib/api/integrations.rb replaces lib/api/services.rb,
 * and its GET says `not_found!('Integration')`.
 */
import type { Release } from '../types.js'

/** Model titles as the newer models read (app/models/integrations/*.rb); see `approximate`. */
const retitled = [
  ['drone-ci', 'Drone'],
  ['irker', 'irker (IRC gateway)'],
  ['jenkins', 'Jenkins'],
  ['jira', 'Jira issues'],
  ['microsoft-teams', 'Microsoft Teams notifications'],
  ['pipelines-email', 'Pipeline status emails'],
  ['pivotaltracker', 'Pivotal Tracker'],
  ['teamcity', 'JetBrains TeamCity'],
  ['youtrack', 'JetBrains YouTrack'],
] as const

const TITLES_APPROXIMATE =
  'a 14.x model (app/models/integrations/pipelines_email.rb, `class PipelinesEmail < Integration`, before the field DSL) already titles pipelines-email "Pipeline status emails"; the release of each rename is not established, all placed here.'

export const gitlab14_4 = {
  version: '14.4',
  families: {
    list: ['services', 'integrations'],
    cite: 'doc/api/integrations.md @ gitlabhq 04d4cf89: "In GitLab 14.4, the services endpoint was renamed to integrations" (issue 334500)',
  },
  wording: {
    approximate: '`404 Integration Not Found` (was `404 Service Not Found`): lib/api/services.rb (≤14.3) says Service, lib/api/integrations.rb says Integration; placed with the 14.4 file rename, though that MR meant no functional change (issue 333580). A ≈15.10–16.0 request spec already expects Integration.',
    integrationNotFound: '404 Integration Not Found',
    cite: "lib/api/integrations.rb: not_found!('Integration') (version approximate, see above)",
  },
  integrations: {
    change: retitled.map(([slug, title]) => ({
      slug,
      set: { title },
      cite: `app/models/integrations/${slug.replace(/-/g, '_')}.rb: title '${title}'`,
      approximate: TITLES_APPROXIMATE,
    })),
  },
} as const satisfies Release
