/**
 * The request journal: what the mock was asked and what it answered, oldest
 * first, in a bounded ring so a long run cannot grow memory. The ring holds
 * raw facts (query string, body bytes, epoch ms) so a request pays almost
 * nothing; entries are built when read, with secrets redacted: the
 * `private_token` param and every field whose name GitLab would hide
 * (password, token, key, ...). Nothing unredacted ever leaves this module.
 */

/**
 * Names whose values the journal never shows, whatever GitLab version the
 * mock emulates: every name any release hides from `properties` (password,
 * token, key, ...; `webhook` since GitLab hides it too) and anything secret-sounding.
 */
const SECRET_NAME = /password|token|key|secret|webhook|title|description/
const isHiddenField = (name: string) => SECRET_NAME.test(name)

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
}

export const REDACTED = '[REDACTED]'
export const DEFAULT_JOURNAL_SIZE = 1000

function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[too deep]'
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = Object.create(null)
  for (const [key, item] of Object.entries(value)) out[key] = isHiddenField(key) ? REDACTED : redact(item, depth + 1)
  return out
}

function pairsToObject(pairs: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of pairs) {
    const shown = isHiddenField(key) ? REDACTED : value
    const current = out[key]
    out[key] = current === undefined ? shown : Array.isArray(current) ? [...current, shown] : [current, shown]
  }
  return out
}

const decoder = new TextDecoder()

/** The body of a request as the journal keeps it. */
function journalBody(contentType: string | null, body: Uint8Array | null): unknown {
  if (body === null || body.length === 0) return null
  const text = decoder.decode(body)
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return redact(JSON.parse(text))
    } catch {
      return `[unparseable JSON, ${text.length} characters]`
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') return pairsToObject(new URLSearchParams(text))
  return `[${type} body, ${text.length} characters]`
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

function toEntry(raw: RawEntry): JournalEntry {
  return {
    method: raw.method,
    path: raw.path,
    query: pairsToObject(new URLSearchParams(raw.search)),
    status: raw.status,
    body: journalBody(raw.contentType, raw.body),
    time: new Date(raw.time).toISOString(),
    user: raw.user,
  }
}

/** A ring buffer of entries (O(1) per request once full); `size` 0 disables the journal. */
export class Journal {
  #slots: RawEntry[] = []
  /** Index of the oldest entry once the buffer is full. */
  #start = 0
  readonly size: number
  constructor(size = DEFAULT_JOURNAL_SIZE) {
    this.size = size
  }

  add(entry: RawEntry): void {
    if (this.size <= 0) return
    if (this.#slots.length < this.size) {
      this.#slots.push(entry)
      return
    }
    this.#slots[this.#start] = entry
    this.#start = (this.#start + 1) % this.size
  }

  entries(): readonly JournalEntry[] {
    const slots = this.#slots
    return [...slots.slice(this.#start), ...slots.slice(0, this.#start)].map(toEntry)
  }

  clear(): void {
    this.#slots = []
    this.#start = 0
  }
}
