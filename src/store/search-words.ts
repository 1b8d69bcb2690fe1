// A search query as the words a reader typed: separated by whitespace (spaces, tabs, and the
// ideographic space U+3000 that Chinese input methods type), each of them required.

/** The most words a query may have: each is a lookup of its own. */
export const MAX_WORDS = 10

/** A query that has no word to look for, or too many; the routes answer 400 naming it. */
export class InvalidSearchError extends Error {
  override name = 'InvalidSearchError'
}

/** JavaScript's \s: ASCII whitespace and Unicode's spaces, U+3000 among them. */
const WHITESPACE = /\s+/u

/**
 * The words of q, each once, in the order typed. Throws InvalidSearchError when q is only
 * whitespace or has more than MAX_WORDS different words.
 */
export function searchWords(q: string): string[] {
  const words = [...new Set(q.split(WHITESPACE).filter((w) => w !== ''))]
  if (words.length === 0) {
    throw new InvalidSearchError('has no text to find, only whitespace')
  }
  if (words.length > MAX_WORDS) {
    throw new InvalidSearchError(
      `has ${words.length} words separated by spaces; at most ${MAX_WORDS} are looked for`,
    )
  }
  return words
}

/**
 * The words a text must contain for it to contain them all: a word inside another (教育 in
 * 职业教育) is found wherever the longer one is, and left out of the lookup.
 */
export function requiredWords(words: string[]): string[] {
  return words.filter((w, i) => !words.some((other, j) => j !== i && other.includes(w)))
}
