/**
 * Grape 1.5's coercion of PUT parameters (its primitive coercers over
 * dry-types' params coercions, as GitLab 13.12 runs them), and the database
 * cast that String-declared event flags go through.
 */

/** Marks a value Grape cannot coerce: answered as `"<name> is invalid"`. */
export const INVALID: unique symbol = Symbol('invalid')
export type Coerced<T> = T | null | typeof INVALID

const TRUE_WORDS = new Set(['true', '1', 't', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'True', 'TRUE'])
const FALSE_WORDS = new Set(['false', '0', 'f', 'F', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'False', 'FALSE'])
/** ActiveRecord's boolean cast: only these are false, every other non-blank value is true. */
const DB_FALSE_WORDS = new Set(['false', '0', 'f', 'F', 'FALSE', 'off', 'OFF'])

/** String params: scalars are stringified, structures are invalid, null stays null. */
export function coerceString(value: unknown): Coerced<string> {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return INVALID
}

/** Boolean params: a fixed vocabulary; empty string is nil. */
export function coerceBoolean(value: unknown): Coerced<boolean> {
  if (value === null || value === '') return null
  if (typeof value === 'boolean') return value
  if (value === 1) return true
  if (value === 0) return false
  if (typeof value === 'string') {
    if (TRUE_WORDS.has(value)) return true
    if (FALSE_WORDS.has(value)) return false
  }
  return INVALID
}

/** Integer params: decimal strings (Ruby's Integer(), underscores allowed), floats truncated. */
export function coerceInteger(value: unknown): Coerced<number> {
  if (value === null || value === '') return null
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : INVALID
  if (typeof value !== 'string') return INVALID
  const trimmed = value.trim()
  if (!/^[+-]?\d+(?:_\d+)*$/.test(trimmed)) return INVALID
  const parsed = Number(trimmed.replaceAll('_', ''))
  return Number.isSafeInteger(parsed) ? parsed : INVALID
}

/**
 * Event flags declared String in 13.x (lib/api/services.rb appends the
 * model's events as `type: String`): Grape stringifies, then the column
 * cast (ActiveModel::Type::Boolean) makes `"no"` or `"maybe"` true without an error.
 */
export function castLenientFlag(value: unknown): Coerced<boolean> {
  const text = coerceString(value)
  if (text === INVALID || text === null) return text
  if (text === '') return null
  return !DB_FALSE_WORDS.has(text)
}
