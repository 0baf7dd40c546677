/**
 * The model validations GitLab runs when a PUT activates a record (spec
 * §6.5, Appendix B), evaluated on the properties the record would have
 * after the save. The rules are named in the catalog; their meaning is here.
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

function ircRecipientsResolve(recipients: string, defaultUri: string): boolean {
  const defaultIsIrc = /^ircs?:\/\/[^/\s]+/.test(defaultUri)
  return recipients
    .split(/\s+/)
    .filter(Boolean)
    .some((recipient) => /^ircs?:\/\/[^/\s]+/.test(recipient) || defaultIsIrc)
}

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
    case 'pair':
      return present(p[rule[1]]) === present(p[rule[2]])
    case 'presentWith':
      return !present(p[rule[2]]) || present(p[rule[1]])
    case 'idList':
      return !present(p[rule[1]]) || /^\d+(?:[,;]\d+)*$/.test(text(p[rule[1]]))
    case 'ircRecipients':
      return !present(p[rule[1]]) || ircRecipientsResolve(text(p[rule[1]]), text(p[rule[2]]))
    case 'confluenceUrl':
      return !present(p[rule[1]]) || isConfluenceUrl(text(p[rule[1]]))
  }
}

/** True when every rule holds. */
export function validateModel(rules: readonly Validation[] | undefined, properties: Properties): boolean {
  return (rules ?? []).every((rule) => passes(rule, properties))
}
