/**
 * Grape's validation of one integration's declared PUT params (lib/api/services.rb, 13.12: `requires`/`optional` per param):
 * presence of required keys, then type coercion, errors in declaration
 * order. Undeclared params are dropped silently.
 */
import type { ParamSpec } from '../catalog/index.js'
import type { EventParam, IntegrationInfo } from '../versions/index.js'
import { castLenientFlag, coerceBoolean, coerceInteger, coerceString, INVALID, type Coerced } from './coerce.js'
import type { Params } from './request-params.js'

export type Accepted = Map<string, string | number | boolean | null>

export type ParamCheck = { ok: true; values: Accepted } | { ok: false; errors: string[] }

function coerce(param: ParamSpec | EventParam, value: unknown): Coerced<string | number | boolean> {
  if ('event' in param) return param.strict ? coerceBoolean(value) : castLenientFlag(value)
  switch (param.type) {
    case 'boolean':
      return coerceBoolean(value)
    case 'integer':
      return coerceInteger(value)
    default:
      return coerceString(value)
  }
}

export function validateParams(info: IntegrationInfo, params: Params): ParamCheck {
  const errors: string[] = []
  const values: Accepted = new Map()
  for (const param of info.declared) {
    if (!Object.hasOwn(params, param.name)) {
      if ('required' in param && param.required) errors.push(`${param.name} is missing`)
      continue
    }
    const value = coerce(param, params[param.name])
    if (value === INVALID) errors.push(`${param.name} is invalid`)
    else values.set(param.name, value)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values }
}
