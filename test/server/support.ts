/** A small scenario and helpers shared by the server tests. */
import type { Scenario } from 'gitlab-services-mock'

export const scenario: Scenario = {
  users: [
    { id: 1, username: 'root', admin: true, tokens: ['glpat-root-secret'] },
    { id: 2, username: 'mia', tokens: ['glpat-mia-secret'] },
  ],
  projects: [{ id: 1, path_with_namespace: 'acme/app', members: [{ user: 'mia', access_level: 40 }] }],
  integrations: [{ project: 1, slug: 'jira', properties: { url: 'https://jira.example.com', username: 'bot', password: 'jira-pass-secret' } }],
}

export const ROOT = { 'PRIVATE-TOKEN': 'glpat-root-secret' }
export const JSON_BODY = { ...ROOT, 'Content-Type': 'application/json' }
