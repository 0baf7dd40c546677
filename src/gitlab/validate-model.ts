/**
 * The model validations GitLab runs when a PUT activates a record (each
 * model's `validates ..., if: :activated?` in app/models/project_services/,
 * 13.12), evaluated on the properties the record would have after the save.
 * The rules are named in the catalog; their meaning is here.
 */
import type { Validation } from '../catalog/index.js'
import type { PropertyValue } from '../model/records.js'
import { isConfluenceUrl, isHttpUrl, isPublicUrl } from './url-rules.js'

type Properties = Readonly<Record<string, PropertyValue>>

/** Rails' `present?`: not nil, not false, not whitespace-only. */
function present(value: PropertyValue | undefined): boolean {
  if (value === null || value === undefined || value === false) return false
  return String(value).trim() !== ''
}

const text = (value: PropertyValue | undefined) => (present(value) ? String(value) : '')

const IRC_URI = /^ircs?:\/\/[^/\s]+/
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

/**
 * IrkerService#map_recipients (app/models/project_services/irker_service.rb,
 * 13.12): each recipient is kept when it is an irc(s) URI, or, when
 * `default_irc_uri` is set, when joining it to that URI gives one. Joining
 * an absolute URI returns it unchanged, so `http://...` stays invalid; the
 * save fails only when no recipient is valid.
 */
function ircRecipientsResolve(recipients: string, defaultUri: PropertyValue | undefined): boolean {
  const defaultIsIrc = typeof defaultUri === 'string' && IRC_URI.test(defaultUri)
  return recipients
    .split(/\s+/)
    .filter(Boolean)
    .some((recipient) => (HAS_SCHEME.test(recipient) ? IRC_URI.test(recipient) : defaultIsIrc))
}

/** Ruby's truthiness, which `if: -> { password }` tests: only nil and false are false. */
const isSet = (value: PropertyValue | undefined) => value !== null && value !== undefined && value !== false

/** Why a URL fails AddressableUrlValidator (app/validators/addressable_url_validator.rb), or undefined when it passes. */
function urlProblem(value: string, publicOnly: boolean): string | undefined {
  if (!isHttpUrl(value)) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]/.test(value) ? 'is blocked: Only allowed schemes are http, https' : 'must be a valid URL'
  }
  if (!publicOnly || isPublicUrl(value)) return undefined
  const host = new URL(value).hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || /^(127\.|\[::1\]$|0\.)/.test(host)
    ? 'is blocked: Requests to localhost are not allowed'
    : 'is blocked: Requests to the local network are not allowed'
}

/** An error as Rails records it: the attribute and its message. */
export type ModelError = readonly [field: string, message: string]

const BLANK = "can't be blank"

/** The errors one rule adds (none when it holds), with Rails' default or the model's own messages. */
function check(rule: Validation, p: Properties): ModelError[] {
  const field = rule[1]
  const fail = (message: string): ModelError[] => [[field, message]]
  switch (rule[0]) {
    case 'present':
      return present(p[field]) ? [] : fail(BLANK)
    case 'url':
    case 'publicUrl': {
      // No allow_blank: a blank URL fails this rule too (`must be a valid URL`) besides `present`.
      const problem = urlProblem(text(p[field]), rule[0] === 'publicUrl')
      return problem ? fail(problem) : []
    }
    case 'publicUrlIfPresent': {
      const problem = present(p[field]) ? urlProblem(text(p[field]), true) : undefined
      return problem ? fail(problem) : []
    }
    case 'presentIfSet':
      return !isSet(p[rule[2]]) || present(p[field]) ? [] : fail(BLANK)
    case 'presentWith':
      return !present(p[rule[2]]) || present(p[field]) ? [] : fail(BLANK)
    case 'presentUnless':
      return present(p[rule[2]]) || present(p[field]) ? [] : fail(BLANK)
    case 'format':
      return !present(p[field]) || new RegExp(rule[2]).test(text(p[field])) ? [] : fail(rule[3] ?? 'is invalid')
    case 'presentWhen':
      return String(p[rule[2]] ?? '') !== rule[3] || present(p[field]) ? [] : fail(BLANK)
    case 'idList':
      return !present(p[field]) || /\d/.test(text(p[field]))
        ? []
        : fail('IDs must be a list of numbers that can be split with , or ;')
    case 'ircRecipients':
      return !present(p[field]) || ircRecipientsResolve(text(p[field]), p[rule[2]]) ? [] : fail('are all invalid')
    case 'confluenceUrl':
      return !present(p[field]) || isConfluenceUrl(text(p[field]))
        ? []
        : fail('URL must be to a Confluence Cloud Workspace hosted on atlassian.net')
  }
}

/** Every error the rules find, in declaration order (Rails' `errors`). Empty when the record is valid. */
export function validateModel(rules: readonly Validation[] | undefined, properties: Properties): ModelError[] {
  return (rules ?? []).flatMap((rule) => check(rule, properties))
}

/**
 * `errors.messages.to_s` as GitLab 17.2+ puts it in `Failed to update
 * integration. ...`: Ruby 3.3's Hash#inspect of `{attribute: [messages]}`,
 * `{:webhook=>["can't be blank", "must be a valid URL"]}`.
 */
export function inspectErrors(errors: readonly ModelError[]): string {
  const byField = new Map<string, string[]>()
  for (const [field, message] of errors) byField.set(field, [...(byField.get(field) ?? []), message])
  const pairs = [...byField].map(([field, messages]) => `:${field}=>[${messages.map((m) => JSON.stringify(m)).join(', ')}]`)
  return `{${pairs.join(', ')}}`
}
