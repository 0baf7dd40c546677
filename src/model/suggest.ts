/**
 * "Did you mean" for scenario errors: the nearest known name by edit
 * distance, when it is near enough to be a typo (a third of the name's
 * length, at least two edits) rather than a different word.
 */
import { closest, distance } from 'fastest-levenshtein'

export function didYouMean(given: string, known: Iterable<string>): string {
  const names = [...known]
  if (names.length === 0) return ''
  const best = closest(given, names)
  const near = distance(given.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(given.length / 3))
  return near ? `; did you mean ${JSON.stringify(best)}?` : ''
}
