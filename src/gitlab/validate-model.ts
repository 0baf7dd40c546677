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

function passes(rule: Validation, p: Properties): boolean {
  switch (rule[0]) {
    case 'present':
      return present(p[rule[1]])
    // Presence is its own rule: a blank URL fails only `present`, as in Rails.
    case 'url':
      return !present(p[rule[1]]) || isHttpUrl(text(p[rule[1]]))
    case 'publicUrl':
    case 'publicUrlIfPresent':
      return !present(p[rule[1]]) || isPublicUrl(text(p[rule[1]]))
    case 'presentIfSet':
      return !isSet(p[rule[2]]) || present(p[rule[1]])
    case 'presentWith':
      return !present(p[rule[2]]) || present(p[rule[1]])
    case 'presentUnless':
      return present(p[rule[2]]) || present(p[rule[1]])
    case 'format':
      return !present(p[rule[1]]) || new RegExp(rule[2]).test(text(p[rule[1]]))
    case 'idList':
      return !present(p[rule[1]]) || /^\d+(?:[,;]\d+)*$/.test(text(p[rule[1]]))
    case 'ircRecipients':
      return !present(p[rule[1]]) || ircRecipientsResolve(text(p[rule[1]]), p[rule[2]])
    case 'confluenceUrl':
      return !present(p[rule[1]]) || isConfluenceUrl(text(p[rule[1]]))
  }
}

/** True when every rule holds. */
export function validateModel(rules: readonly Validation[] | undefined, properties: Properties): boolean {
  return (rules ?? []).every((rule) => passes(rule, properties))
}
