/**
 * Facts of GitLab 13.12 that tests state independently of the kit's data,
 * so a test checks the kit against GitLab rather than against itself.
 */

/** Service#api_field_names (app/models/service.rb, 13.12) drops every field whose name matches. */
export const isHiddenField = (name: string) => /password|token|key|title|description/.test(name)

/** GET /version of the 13.12 profile. */
export const VERSION_13_12 = { version: '13.12.15-ee', revision: 'b6b3b4a5c4e' }
