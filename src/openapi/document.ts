/**
 * The OpenAPI 3.1 description of one GitLab profile's API, derived from its
 * integrations (one path per routable integration, its PUT parameters as
 * the request schema, its visible fields as `properties`), so it cannot
 * drift from what the mock serves. Served by the standalone server at
 * `/__mock/openapi.json`.
 */
import type { ParamSpec } from '../catalog/index.js'
import { compileGitLab, type GitLabChoice, type GitLabProfile, type IntegrationInfo } from '../versions/index.js'

type Schema = Record<string, unknown>

const JSON_TYPE = 'application/json'
const SCALAR: Record<ParamSpec['type'], Schema> = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  integer: { type: 'integer' },
}

const error = (description: string, example: Schema) => ({
  description,
  content: { [JSON_TYPE]: { schema: { $ref: '#/components/schemas/Error' }, example } },
})

const ERRORS = {
  '401': error('No valid token', { message: '401 Unauthorized' }),
  '403': error('Not a maintainer (or token scope too small)', { message: '403 Forbidden' }),
  '404': error('Project or integration not found', { message: '404 Project Not Found' }),
}

function requestSchema(info: IntegrationInfo): Schema {
  const properties: Record<string, Schema> = {}
  for (const param of info.declared) {
    if ('event' in param) properties[param.name] = { type: 'boolean', description: `${param.name.replace(/_events$/, '')} events` }
    else
      properties[param.name] = {
        ...SCALAR[param.type],
        ...(param.values ? { enum: [...param.values] } : {}),
        ...(param.description ? { description: param.description } : {}),
        ...(param.writeOnly ? { writeOnly: true } : {}),
      }
  }
  const required = info.spec.params.filter((p) => p.required).map((p) => p.name)
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}

function entitySchema(info: IntegrationInfo): Schema {
  const properties = Object.fromEntries(info.visibleFields.map((field) => [field, { type: ['string', 'boolean', 'integer', 'null'] }]))
  return {
    allOf: [
      { $ref: '#/components/schemas/Integration' },
      { type: 'object', properties: { slug: { const: info.spec.slug }, properties: { type: 'object', properties, additionalProperties: false } } },
    ],
  }
}

/** `owner` prefixes the slug in the operation ids of a group's paths (`get-group-slack`). */
function integrationPaths(info: IntegrationInfo, owner = ''): Record<string, Schema> {
  const { title } = info.spec
  const slug = `${owner}${info.spec.slug}`
  const ok = { description: 'The integration', content: { [JSON_TYPE]: { schema: entitySchema(info) } } }
  return {
    get: { summary: `Get ${title} settings`, operationId: `get-${slug}`, tags: [info.spec.category], responses: { '200': ok, ...ERRORS } },
    put: {
      summary: `Create or update ${title}`,
      operationId: `put-${slug}`,
      tags: [info.spec.category],
      requestBody: { content: { [JSON_TYPE]: { schema: requestSchema(info) }, 'application/x-www-form-urlencoded': { schema: requestSchema(info) } } },
      responses: {
        '200': ok,
        '400': error('Missing or invalid parameter, or a model validation failed', { error: `${info.spec.params.find((p) => p.required)?.name ?? 'token'} is missing` }),
        ...ERRORS,
      },
    },
    delete: {
      summary: `Deactivate ${title} and clear its settings`,
      operationId: `delete-${slug}`,
      tags: [info.spec.category],
      responses: { '204': { description: 'Deactivated' }, ...ERRORS },
    },
  }
}

const listPaths = (operationId: string) => ({
  get: {
    summary: 'List active integrations',
    operationId,
    responses: {
      '200': { description: 'Active integrations', content: { [JSON_TYPE]: { schema: { type: 'array', items: { $ref: '#/components/schemas/Integration' } } } } },
      ...ERRORS,
    },
  },
})

function documentOf(gitlab: GitLabProfile, serverUrl = 'https://gitlab.example.com/api/v4'): Schema {
  const [family, ...aliases] = gitlab.families
  const paths: Record<string, Schema> = { [`/projects/{id}/${family}`]: listPaths('list') }
  for (const info of gitlab.integrations.values())
    if (info.availability === 'available') paths[`/projects/{id}/${family}/${info.spec.slug}`] = integrationPaths(info)
  // 17.9+: a group's integrations, project-level-only ones excepted.
  if (gitlab.behaviour.groupIntegrations) {
    paths['/groups/{id}/integrations'] = listPaths('group-list')
    for (const info of gitlab.integrations.values())
      if (info.availability === 'available' && !info.spec.projectOnly) paths[`/groups/{id}/integrations/${info.spec.slug}`] = integrationPaths(info, 'group-')
  }
  const keys = Object.fromEntries(gitlab.entityKeys.map((key) => [key, { type: key === 'comment_on_event_enabled' || key === 'inherited' ? 'boolean' : ['boolean', 'null'] }]))
  return {
    openapi: '3.1.0',
    info: {
      title: 'GitLab project Services (integrations) API, as emulated by gitlab-services-mock',
      version: gitlab.build.version,
      description: `GitLab ${gitlab.version} (${gitlab.edition}).${aliases.map((alias) => ` Every path is also served under /projects/{id}/${alias}.`).join('')}`,
    },
    servers: [{ url: serverUrl }],
    security: [{ privateToken: [] }, { bearer: [] }],
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, item]) => [
        path,
        {
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: path.startsWith('/groups/') ? 'Group id or URL-encoded full path' : 'Project id or URL-encoded path',
              schema: { type: 'string' },
            },
          ],
          ...item,
        },
      ]),
    ),
    components: {
      securitySchemes: {
        privateToken: { type: 'apiKey', in: 'header', name: 'PRIVATE-TOKEN' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: { type: 'object', properties: { message: { type: 'string' }, error: { type: 'string' } } },
        Integration: {
          type: 'object',
          required: ['id', 'title', 'slug', 'created_at', 'updated_at', 'active'],
          properties: {
            id: { type: 'integer' },
            title: { type: 'string' },
            slug: { type: 'string' },
            created_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            active: { type: 'boolean' },
            ...keys,
          },
        },
      },
    },
  }
}

/**
 * The document of a mock's GitLab (`mock.openapi()`), or of a GitLab chosen
 * by version: `createOpenApiDocument({ gitlab: '13.12' }, serverUrl)`.
 */
export function createOpenApiDocument(gitlab: GitLabProfile | GitLabChoice = {}, serverUrl?: string): Schema {
  return documentOf('integrations' in gitlab ? gitlab : compileGitLab(gitlab), serverUrl)
}
