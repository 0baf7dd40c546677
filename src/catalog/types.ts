import type { Faker } from '@faker-js/faker'

/**
 * The shape of one catalog entry. The catalog is data: every other layer
 * (validation, serialisation, types, fixtures, docs) reads these fields and
 * nothing else, so adding an integration is adding one entry.
 */

/** Grape's declared type of a PUT parameter. */
export type ParamType = 'string' | 'boolean' | 'integer'

export interface ParamSpec {
  readonly name: string
  readonly type: ParamType
  /** Grape `requires`: the key must be present (an empty value passes; the model judges it). */
  readonly required?: boolean
  /** Values GitLab documents for the field (used by fixtures and docs; 13.12 does not enforce them). */
  readonly values?: readonly string[]
  /** Accepted by the API but not stored as a property (GitLab drops or re-routes it). */
  readonly writeOnly?: boolean
  /** Stored on the record's top level instead of in `properties` (jira `comment_on_event_enabled`). */
  readonly topLevel?: boolean
  /** What the value means; fixtures pick realistic data from it. */
  readonly kind?: ValueKind
  readonly description?: string
  /**
   * GitLab declares the field `type: :password` (or `is_secret`): hidden
   * from `properties` by the rule of 14.10.1 and later, and cleared when an
   * `exposesSecrets` field changes without it (Integrations::ResetSecretFields).
   */
  readonly secret?: boolean
  /** Changing it clears the secrets not sent with it (`exposes_secrets: true`, a URL the secret is sent to). */
  readonly exposesSecrets?: boolean
  /** Only on GitLab Enterprise Edition. */
  readonly edition?: 'ee'
}

/** The meaning of a string value, so fixtures can generate something realistic. */
export type ValueKind =
  | 'url'
  | 'webhook'
  | 'token'
  | 'password'
  | 'username'
  | 'email-list'
  | 'irc-recipients'
  | 'irc-uri'
  | 'host'
  | 'channel'
  | 'branches'
  | 'key'
  | 'json'
  | 'text'

/** The event flags GitLab keeps on integration records (which ones, by version: `src/versions`). */
export type EventFlag =
  | 'commit_events'
  | 'push_events'
  | 'issues_events'
  | 'confidential_issues_events'
  | 'merge_requests_events'
  | 'tag_push_events'
  | 'note_events'
  | 'confidential_note_events'
  | 'pipeline_events'
  | 'wiki_page_events'
  | 'job_events'
  | 'deployment_events'
  | 'incident_events'
  | 'alert_events'
  | 'vulnerability_events'
  | 'group_mention_events'
  | 'group_confidential_mention_events'
  | 'work_item_events'
  | 'confidential_work_item_events'

/**
 * Model validations that run when a PUT activates the record (each model's
 * `validates ..., if: :activated?`). A failure answers
 * `{"message":"400 Bad Request"}` in 13.12.
 */
export type Validation =
  | readonly ['present', string]
  /** parseable http(s) URL with a host */
  | readonly ['url', string]
  /** URL that is not loopback, private, link-local or localhost */
  | readonly ['publicUrl', string]
  /** blank, or a public URL */
  | readonly ['publicUrlIfPresent', string]
  /**
   * The first must be present when the second is set at all: Ruby's
   * `if: -> { password }` is true for `""` too (bamboo/teamcity username and password).
   */
  | readonly ['presentIfSet', string, string]
  /** the first must be present when the second is present (jenkins username when a password is sent) */
  | readonly ['presentWith', string, string]
  /** the first must be present unless the second is (datadog: a site or an API URL) */
  | readonly ['presentUnless', string, string]
  /**
   * blank, or matches the pattern (a JavaScript regex source, anchored like
   * Ruby's `\A...\z`); the message is Rails' `is invalid` unless the model
   * gives its own (linear's workspace URL).
   */
  | readonly ['format', string, string]
  | readonly ['format', string, string, string]
  /** the first must be present while the second holds this value (jira username under basic auth, `jira_auth_type` 0) */
  | readonly ['presentWhen', string, string, string]
  /**
   * jira transition ids: blank, or any value holding a digit. The model's
   * message says "a list of numbers that can be split with , or ;", but its
   * format check is Gitlab::Regex.jira_transition_id_regex, `/\d+/`,
   * unanchored, and Rails' format validator only asks for a match anywhere
   * (lib/gitlab/regex.rb, the same from 13.x to 19.0 @ gitlabhq 55eb439f;
   * spec/models/integrations/jira_spec.rb: 'foo 23 bar' is valid, 'foo bar' is not)
   */
  | readonly ['idList', string]
  /** at least one recipient resolves to an irc:// or ircs:// URI (irker) */
  | readonly ['ircRecipients', string, string]
  /** http(s), host ending .atlassian.net, path `/wiki` or under it */
  | readonly ['confluenceUrl', string]

/** Instance settings an integration's availability depends on (a scenario's `application_settings`). */
export type InstanceSetting = 'slack_app_enabled' | 'jira_connect_application_key'

/** Whether the integration can be configured through the API of GitLab 13.12. */
export type Availability =
  /** GET/PUT/DELETE routes exist */
  | 'available'
  /** appears in the list when active, has no routes of its own (`alerts`) */
  | 'list-only'
  /** documented but removed: PUT 404, GET/DELETE 400 (`jenkins-deprecated`) */
  | 'removed'
  /** exists only in development mode; like `removed` unless a scenario enables it (`mock-ci`) */
  | 'development'
  /** routed, but `Project#disabled_integrations` names it: PUT 400 `Integration not available`, GET/DELETE 404 (`zentao`) */
  | 'disabled'

/**
 * What an example generator gets from the fixture kit: a seeded faker, the
 * organisation every URL and email of the fixture shares, and text helpers.
 */
export interface ExampleTools {
  readonly faker: Faker
  /** `word` (a DNS label), `domain` (a public domain), `project` (a project slug). */
  readonly org: { readonly word: string; readonly domain: string; readonly project: string }
  alnum(length: number, casing?: 'mixed' | 'lower' | 'upper'): string
  hex(length: number): string
  /** Base64 without padding (Webex ids). */
  base64(text: string): string
  /** `bandwidth-protocol` → `BandwidthProtocol` (TeamCity build configuration ids). */
  pascal(text: string): string
  /** A Java package segment: a letter first, then letters, digits and underscores (Google Play). */
  javaSegment(text: string): string
}

/** A realistic value of a param, in the real service's own format (the model's validations pass it). */
export type Example = (tools: ExampleTools) => string

export interface IntegrationSpec {
  /** URL slug, dashed (`emails-on-push`). */
  readonly slug: string
  /**
   * Realistic values, by param name, where a param's `kind` alone gives a
   * generic one: Slack's webhook shape, a Jira Cloud site, a GitHub token.
   * Every key names a param the entry has in some release (a test checks it).
   */
  readonly examples?: Readonly<Record<string, Example>>
  /** Display title returned in `title`. */
  readonly title: string
  readonly category: 'chat' | 'ci' | 'issues' | 'monitoring' | 'notifications' | 'wiki' | 'other'
  readonly availability: Availability
  /** PUT parameters other than event flags, in Grape's declaration order (error messages follow it). */
  readonly params: readonly ParamSpec[]
  /** Event flags accepted on PUT. */
  readonly events: readonly EventFlag[]
  /**
   * Event flags declared Boolean (strict coercion, 400 on junk). The rest are
   * declared String in 13.x and cast leniently by the database layer (lib/api/services.rb 13.12 appends model events `type: String`).
   */
  readonly strictEvents?: readonly EventFlag[]
  /** Model fields that are not PUT params but can appear in `properties` (after DELETE, as null). */
  readonly extraFields?: readonly string[]
  /**
   * The model's field list in the model's own order, where it differs from
   * the params' order: `properties` keys follow it. Default: the stored
   * params in declaration order, then `extraFields`.
   */
  readonly fields?: readonly string[]
  /** `ee`: exists only in GitLab Enterprise Edition (`ee/app/models/...`). Default: both editions. */
  readonly edition?: 'ee'
  /**
   * Routed, but available only with an instance setting (`Integration.disabled_integration_names`):
   * otherwise PUT answers `400 Integration not available` and GET/DELETE `404 Integration Not Found`.
   */
  readonly condition?: { readonly setting: InstanceSetting; readonly when: boolean; readonly cite: string }
  /** `manual_activation?` is false: the API cannot create it (422), and a PUT does not force `active`. */
  readonly apiCreatable?: false
  /**
   * Project-level only (`Integration::PROJECT_LEVEL_ONLY_INTEGRATION_NAMES`, EE adds `github`):
   * a group's `/integrations/<slug>` answers `400 Integration not available`
   * (lib/api/integrations/integratable_operations.rb, 17.9+).
   */
  readonly projectOnly?: true
  /** The API cannot disable it (DELETE 422: jira-cloud-app). */
  readonly apiDeletable?: false
  /** Issue trackers and Jira keep settings in a side table: every visible field appears once the record exists. */
  readonly showsAllFields?: boolean
  readonly defaults?: {
    readonly properties?: Readonly<Record<string, string | boolean | number>>
    readonly events?: Readonly<Partial<Record<EventFlag, boolean>>>
  }
  readonly validations?: readonly Validation[]
  /** DELETE sets each field to its column default where a release resets to column defaults; unlisted fields to null. */
  readonly columnDefaults?: Readonly<Record<string, string | boolean | number>>
  /** A save hook recomputes `active` from this property (prometheus: `manual_configuration`). */
  readonly activeFrom?: string
  /** Path segment of the slash-command trigger route (`slack_slash_commands`). */
  readonly trigger?: string
  /** Not in the seed document but routed by GitLab 13.12 (app/models/service.rb SERVICE_NAMES, 13.12). */
  readonly notInSeed?: boolean
  /** Where the seed document and GitLab 13.12 disagree; GitLab's source wins. */
  readonly notes?: readonly string[]
}
