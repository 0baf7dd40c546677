/**
 * The request journal: what the mock was asked and what it answered, oldest
 * first, in a ring bounded in entries and in bytes so a long run cannot grow
 * memory, whatever the requests weigh. The ring holds raw facts (query
 * string, body bytes, epoch ms) so a request pays almost nothing; entries
 * are built when read, with secrets redacted. Nothing unredacted ever leaves
 * this module.
 */
import { mediaType, queryLimitError } from '../gitlab/request-params.js'

export interface JournalEntry {
  readonly method: string
  /** Path as requested, below the origin (`/api/v4/projects/1/services/slack`). */
  readonly path: string
  /** Query parameters, secrets redacted. */
  readonly query: Record<string, string | string[]>
  readonly status: number
  /** The parsed body (JSON or form), secrets redacted; null when there was none. */
  readonly body: unknown
  /** ISO time the request arrived. */
  readonly time: string
  /** The username of the authenticated caller (never the token), null when anonymous or refused. */
  readonly user: string | null
  /** Present when a bound left part of the request out: what was left out and why. */
  readonly cut?: string
}

export const REDACTED = '[REDACTED]'
export const DEFAULT_JOURNAL_SIZE = 1000
/** Body and query bytes kept per entry; past it the entry keeps neither (and says so in `cut`). */
export const JOURNAL_ENTRY_BYTES = 64 * 1024
/** Body and query bytes kept in all; past it the oldest entries lose theirs first. */
export const DEFAULT_JOURNAL_BYTES = 8 * 1024 * 1024

/**
 * Names whose values the journal hides, whatever GitLab version the mock
 * emulates: every name any release hides from `properties` (13.12's
 * password|token|key|title|description, `webhook` since 15.x), in any case
 * (`PRIVATE_TOKEN`, `Password` reach Rails as distinct params but are still
 * secrets), plus other names that carry credentials.
 */
const HIDDEN_NAME = /password|token|key|title|description|webhook/
const CREDENTIAL_NAME = /secret|passw|credential|authori[sz]ation|cookie|session|signature/
const isSecretName = (name: string) => {
  const lower = name.toLowerCase()
  return HIDDEN_NAME.test(lower) || CREDENTIAL_NAME.test(lower)
}
/**
 * A key that names a secret but is not a plain parameter name is itself
 * data that may hold the secret: a JSON document sent as a form body arrives
 * as one key, `{"password":"..."}`. Such keys are replaced too.
 */
const PLAIN_NAME = /^[\w.\-[\] ]*$/
const shownKey = (key: string) => (PLAIN_NAME.test(key) || !isSecretName(key) ? key : REDACTED)

function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[too deep]'
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = Object.create(null)
  for (const key of Object.keys(value))
    out[shownKey(key)] = isSecretName(key) ? REDACTED : redact((value as Record<string, unknown>)[key], depth + 1)
  return out
}

/** Form or query pairs as an object, repeated names as arrays, secrets redacted. Linear. */
function pairsToObject(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of new URLSearchParams(text)) {
    const shown = isSecretName(key) ? REDACTED : value
    const name = shownKey(key)
    const current = out[name]
    if (current === undefined) out[name] = shown
    else if (Array.isArray(current)) current.push(shown)
    else out[name] = [current, shown]
  }
  return out
}

/** A query string or form body as the journal shows it: pairs, or why not. */
function formOrMarker(text: string): Record<string, string | string[]> | string {
  // The request was refused with a 400 for this; parsing it here would be the slow path it avoids.
  const error = queryLimitError(text)
  return error === undefined ? pairsToObject(text) : `[not parsed: ${error}]`
}

const decoder = new TextDecoder()

/** The body of a request as the journal keeps it. */
function journalBody(contentType: string | null, body: Uint8Array | null): unknown {
  if (body === null || body.length === 0) return null
  const type = mediaType(contentType)
  if (type === 'application/json' || type.endsWith('+json')) {
    const text = decoder.decode(body)
    try {
      return redact(JSON.parse(text))
    } catch {
      return `[unparseable JSON, ${text.length} characters]`
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') return formOrMarker(decoder.decode(body))
  // The header is the client's text: shown only when it is a plain media type.
  const shown = /^[\w.+-]{1,64}\/[\w.+-]{1,64}$/.test(type) ? type : 'other'
  return `[${shown} body, ${body.length} bytes]`
}

/** What a request leaves in the ring; turned into a JournalEntry when read. */
export interface RawEntry {
  readonly method: string
  readonly path: string
  /** The query string, with its `?` (or empty). */
  readonly search: string
  readonly status: number
  readonly contentType: string | null
  readonly body: Uint8Array | null
  /** Epoch ms the request arrived. */
  readonly time: number
  readonly user: string | null
}

/** A ring slot: the raw entry; once a bound cut it, without its body and query (only their sizes). */
interface Slot {
  raw: RawEntry
  /** Body plus query bytes held; 0 once cut. */
  bytes: number
  cut?: { readonly reason: string; readonly bodyBytes: number | null }
}

/** The slot without its body and query: the bytes must go, not only stop being counted. */
function cutSlot(slot: Slot, reason: string): void {
  slot.cut = { reason, bodyBytes: slot.raw.body === null ? null : slot.raw.body.length }
  slot.raw = { ...slot.raw, body: null, search: '' }
  slot.bytes = 0
}

function toEntry({ raw, cut }: Slot): JournalEntry {
  const query = cut === undefined && raw.search.length > 1 ? formOrMarker(raw.search.slice(1)) : undefined
  return {
    method: raw.method,
    path: raw.path,
    query: typeof query === 'object' ? query : Object.create(null),
    status: raw.status,
    body: cut === undefined ? journalBody(raw.contentType, raw.body) : cut.bodyBytes === null ? null : `[body not kept: ${cut.bodyBytes} bytes]`,
    time: new Date(raw.time).toISOString(),
    user: raw.user,
    ...(cut !== undefined ? { cut: cut.reason } : typeof query === 'string' ? { cut: `query ${query}` } : {}),
  }
}

export interface JournalLimits {
  /** Entries kept (oldest dropped first); 0 turns the journal off. */
  readonly size?: number
  /** Body and query bytes kept in all (oldest entries lose theirs first). */
  readonly bytes?: number
}

/**
 * A ring buffer of entries (O(1) per request once full). Entries are
 * numbered from the last clear; bodies are kept for the newest entries
 * only, from `#keptFrom` on, so dropping the oldest body is O(1) too.
 */
export class Journal {
  #slots: Slot[] = []
  /** Entries added since the last clear; entry n sits at n % size. */
  #count = 0
  /** The first entry still holding its body and query. */
  #keptFrom = 0
  /** Body and query bytes held. */
  #bytes = 0
  readonly size: number
  readonly bytes: number
  readonly #entryBytes: number

  constructor(limits: JournalLimits = {}) {
    this.size = limits.size ?? DEFAULT_JOURNAL_SIZE
    this.bytes = limits.bytes ?? DEFAULT_JOURNAL_BYTES
    this.#entryBytes = Math.min(JOURNAL_ENTRY_BYTES, this.bytes)
  }

  add(raw: RawEntry): void {
    const size = this.size
    if (size <= 0) return
    const weight = (raw.body?.length ?? 0) + raw.search.length
    const slot: Slot = { raw, bytes: weight }
    if (weight > this.#entryBytes) cutSlot(slot, `body and query (${weight} bytes) over the journal's limit of ${this.#entryBytes} bytes per entry`)
    const at = this.#count % size
    // The entry it replaces: its bytes, if it still held any, leave with it.
    if (this.#count >= size) this.#bytes -= this.#slots[at]!.bytes
    this.#slots[at] = slot
    this.#count++
    this.#bytes += slot.bytes
    // Over the total: the oldest entries still holding bytes give them up.
    while (this.#bytes > this.bytes && this.#keptFrom < this.#count) {
      const seq = this.#keptFrom++
      if (seq < this.#count - size) continue
      const old = this.#slots[seq % size]!
      if (old.bytes === 0) continue
      this.#bytes -= old.bytes
      cutSlot(old, `body and query dropped to keep the journal under ${this.bytes} bytes`)
    }
  }

  entries(): readonly JournalEntry[] {
    const out: JournalEntry[] = []
    for (let seq = Math.max(0, this.#count - this.size); seq < this.#count; seq++) out.push(toEntry(this.#slots[seq % this.size]!))
    return out
  }

  clear(): void {
    this.#slots = []
    this.#count = 0
    this.#keptFrom = 0
    this.#bytes = 0
  }
}
