/**
 * The checked-in fixtures/ directory, computed in memory: one example per
 * configurable integration (`integrations/<slug>.json`: the PUT body and
 * the GET answer, recorded through the MSW handlers on a fixed clock) and
 * the demo scenario the standalone server loads by default, and a second
 * one with groups (GitLab 19.0).
 *
 * scripts/generate-fixtures.ts writes these files; test/fixtures checks
 * that the checked-in copies are current.
 */
import { getResponse } from 'msw'
import { catalog13_12, createFixtures, createGitLabMock, type GitLabMock, type Scenario } from '../src/index.js'

export const FIXTURE_SEED = 1312
export const FIXTURE_DATE = '2021-05-22T00:00:00.000Z'
export const EXAMPLE_BASE_URL = 'https://gitlab.example.com/api/v4'
export const EXAMPLE_TOKEN = 'glpat-fixtures-root'

/** The mock every integration example is recorded against (and verified with). */
export const EXAMPLE_SCENARIO = {
  version: 1,
  users: [{ id: 1, username: 'root', admin: true, created_at: FIXTURE_DATE, tokens: [EXAMPLE_TOKEN] }],
  projects: [{ id: 1, path_with_namespace: 'acme/app', created_at: FIXTURE_DATE }],
} as const satisfies Scenario

export function exampleMock(): GitLabMock {
  return createGitLabMock({ baseUrl: EXAMPLE_BASE_URL, scenario: EXAMPLE_SCENARIO, now: () => Date.parse(FIXTURE_DATE) })
}

/** One request through the mock's handlers, without a server. */
export async function exampleRequest(mock: GitLabMock, method: 'GET' | 'PUT', slug: string, body?: unknown) {
  const request = new Request(`${EXAMPLE_BASE_URL}/projects/1/services/${slug}`, {
    method,
    headers: { 'PRIVATE-TOKEN': EXAMPLE_TOKEN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const response = await getResponse(mock.handlers, request)
  if (!response) throw new Error(`${method} ${request.url}: no handler answered`)
  return { status: response.status, body: (await response.json()) as unknown }
}

/** Slugs with an example file: those a default mock accepts on PUT. */
export const EXAMPLE_SLUGS = catalog13_12.filter((spec) => spec.availability === 'available').map((spec) => spec.slug)

export interface IntegrationExample {
  put: unknown
  get: unknown
}

export async function integrationExamples(): Promise<Map<string, IntegrationExample>> {
  const fixtures = createFixtures({ seed: FIXTURE_SEED, referenceDate: FIXTURE_DATE })
  const mock = exampleMock()
  const examples = new Map<string, IntegrationExample>()
  for (const slug of EXAMPLE_SLUGS) {
    await mock.reset()
    const { params } = fixtures.integration(slug)
    const put = await exampleRequest(mock, 'PUT', slug, params)
    if (put.status !== 200) throw new Error(`PUT ${slug} answered ${put.status}: ${JSON.stringify(put.body)}`)
    const get = await exampleRequest(mock, 'GET', slug)
    if (get.status !== 200) throw new Error(`GET ${slug} answered ${get.status}: ${JSON.stringify(get.body)}`)
    examples.set(slug, { put: params, get: get.body })
  }
  return examples
}

export const DEMO_TOKENS = {
  root: 'glpat-demo-root',
  maintainer: 'glpat-demo-maintainer',
  maintainerReadApi: 'glpat-demo-read-api',
  developer: 'glpat-demo-developer',
} as const

/**
 * The standalone server's default state: an admin `root`, a maintainer and
 * a developer on three projects (private, internal, public), and a mix of
 * active, inactive and list-only integrations.
 */
export function demoScenario(): Scenario {
  const f = createFixtures({ seed: FIXTURE_SEED, referenceDate: FIXTURE_DATE })
  const root = f.user({ username: 'root', name: 'Administrator', email: 'admin@example.com', admin: true, tokens: [DEMO_TOKENS.root] })
  const maintainer = f.user({
    tokens: [DEMO_TOKENS.maintainer, { token: DEMO_TOKENS.maintainerReadApi, scopes: ['read_api'] }],
  })
  const developer = f.user({ tokens: [DEMO_TOKENS.developer] })
  const member = (user: { username: string }, access_level: 10 | 20 | 30 | 40 | 50) => ({ user: user.username, access_level })

  const web = f.project({
    path_with_namespace: 'demo/web-app',
    name: 'Web App',
    visibility: 'private',
    members: [member(maintainer, 40), member(developer, 30)],
  })
  const api = f.project({
    path_with_namespace: 'demo/payments-api',
    name: 'Payments API',
    visibility: 'internal',
    members: [member(maintainer, 50), member(developer, 30)],
  })
  const docs = f.project({
    path_with_namespace: 'demo/handbook',
    name: 'Handbook',
    visibility: 'public',
    members: [member(maintainer, 40), member(developer, 20)],
  })

  const plan = [
    [web, f.slack({ channel: '#web-deploys' })],
    [web, f.jira()],
    [web, f['pipelines-email'](undefined, 'onlyBrokenPipelines')],
    [web, f.alerts()],
    [api, f['microsoft-teams'](undefined, 'onlyBrokenPipelines')],
    [api, f.jenkins()],
    [api, f.prometheus({ manual_configuration: true })],
    [api, f['emails-on-push'](undefined, 'inactive')],
    [docs, f.confluence()],
    [docs, f['external-wiki'](undefined, 'inactive')],
  ] as const

  const end = Date.parse(FIXTURE_DATE)
  const integrations = plan.map(([project, fixture], index) => {
    // Spread over the project's lifetime, deterministically.
    const start = Date.parse(project.created_at!)
    const created = start + Math.floor(((end - start) * (index + 1)) / (plan.length + 1))
    const updated = created + Math.floor((end - created) / 2)
    return fixture.build(project.id, {
      id: index + 1,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(updated).toISOString(),
    })
  })
  return { version: 1, users: [root, maintainer, developer], projects: [web, api, docs], integrations }
}

export const GROUPS_DEMO_TOKENS = {
  owner: 'glpat-groups-demo-owner',
  maintainer: 'glpat-groups-demo-maintainer',
} as const

/**
 * A second demo, for GitLab 19.0: Slack configured once on the group
 * `demo-org` and inherited by the subgroup `demo-org/backend` and by two
 * projects (`storefront`, `backend/orders`); `backend/billing` overrides it
 * with its own. Serve it with `--scenario fixtures/groups-scenario.json`.
 */
export function groupsDemoScenario(): Scenario {
  const f = createFixtures({ gitlab: '19.0', seed: FIXTURE_SEED, referenceDate: FIXTURE_DATE })
  const root = f.user({ username: 'root', name: 'Administrator', email: 'admin@example.com', admin: true, tokens: [DEMO_TOKENS.root] })
  const owner = f.user({ tokens: [GROUPS_DEMO_TOKENS.owner] })
  const maintainer = f.user({ tokens: [GROUPS_DEMO_TOKENS.maintainer] })
  const org = f.group({ path: 'demo-org', name: 'Demo Org', members: [{ user: owner.username, access_level: 50 }] })
  const backend = f.group({ path: 'backend', name: 'Backend', parent: org.id, members: [{ user: maintainer.username, access_level: 40 }] })
  const project = (path: string, name: string) => f.project({ path_with_namespace: path, name, visibility: 'private', members: [] })
  const storefront = project('demo-org/storefront', 'Storefront')
  const orders = project('demo-org/backend/orders', 'Orders')
  const billing = project('demo-org/backend/billing', 'Billing')
  const at = { created_at: FIXTURE_DATE, updated_at: FIXTURE_DATE }
  const slack = f.slack({ username: 'demo-org-bot', push_channel: '#demo-org' })
  const integrations = [
    slack.buildForGroup(org.id, { id: 1, ...at }),
    slack.buildForGroup(backend.id, { id: 2, inherited: true, ...at }),
    slack.build(storefront.id, { id: 3, inherited: true, ...at }),
    slack.build(orders.id, { id: 4, inherited: true, ...at }),
    f.slack({ username: 'billing-bot', push_channel: '#billing' }).build(billing.id, { id: 5, ...at }),
    f.jira().build(orders.id, { id: 6, ...at }),
  ]
  return { version: 1, gitlab: '19.0', users: [root, owner, maintainer], groups: [org, backend], projects: [storefront, orders, billing], integrations }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Every generated file under fixtures/, by path relative to it (POSIX separators), with its exact content. */
export async function generateFixtureFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const [slug, example] of await integrationExamples()) files.set(`integrations/${slug}.json`, json(example))
  files.set('demo-scenario.json', json(demoScenario()))
  files.set('groups-scenario.json', json(groupsDemoScenario()))
  return files
}
