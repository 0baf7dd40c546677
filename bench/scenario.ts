/** Scenarios the benchmarks load: one project with Slack, or N projects with many integrations. */
import { catalog } from '../dist/index.js'

export const TOKEN = 'glpat-bench-root'
const SLACK = { webhook: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX', username: 'bench' }

export function smallScenario() {
  return {
    users: [{ id: 1, username: 'root', admin: true, tokens: [TOKEN] }],
    projects: [{ id: 1, path_with_namespace: 'acme/app' }],
    integrations: [{ project: 1, slug: 'slack', properties: SLACK }],
  }
}

/** `projects` projects with `perProject` integrations each (slugs from the catalog, slack first). */
export function largeScenario(projects: number, perProject: number) {
  const slugs = catalog.filter((s) => s.availability === 'available').map((s) => s.slug)
  const chosen = ['slack', ...slugs.filter((s) => s !== 'slack')].slice(0, perProject)
  const integrations = []
  for (let p = 1; p <= projects; p++)
    for (const slug of chosen) integrations.push({ project: p, slug, properties: slug === 'slack' ? SLACK : {} })
  return {
    users: [{ id: 1, username: 'root', admin: true, tokens: [TOKEN] }],
    projects: Array.from({ length: projects }, (_, i) => ({ id: i + 1, path_with_namespace: `group/project-${i + 1}` })),
    integrations,
  }
}
