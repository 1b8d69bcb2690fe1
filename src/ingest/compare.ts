// Comparing a task's sentences with the body sentences they copy: which body sentence a task
// sentence restates, the enumerations (甲、乙、丙) each holds, and the small wording differences
// between the two (a word added or dropped). Pure string functions for quality.ts.

export interface Sentence {
  text: string
  /** The line where the sentence starts. */
  line: number
  /** Its character bigrams, computed once: every task sentence is compared with it. */
  grams: Set<string>
}

/**
 * A bound on work that grows with the product of two of a plan's lists (its task list and its
 * body, the names it uses and its agency table), counted in the steps of that work: bigram
 * lookups, pairs of terms or of names. A plan's own take a few million; lists of tens of
 * thousands of rows worded alike would take hours. Past the bound the work is left undone and
 * counted, for a finding to say what was left uncompared.
 */
export class WorkBound {
  private left: number
  /** Comparisons left undone because the bound was reached. */
  skipped = 0

  constructor(limit: number) {
    this.left = limit
  }

  /** Whether work of this size may still be done; if so, it is counted against the bound. */
  allows(work: number): boolean {
    if (work > this.left) {
      this.skipped++
      return false
    }
    this.left -= work
    return true
  }
}

/** A sentence shares at least this share of its bigrams with the one it was copied from. */
const MIN_CONTAINMENT = 0.6

function significant(text: string): string {
  return text.replace(/[^\p{Script=Han}\p{N}\p{L}]/gu, '')
}

/**
 * Bigrams of recently seen texts: a task sentence is compared with every item, then aligned with
 * one. Bounded, since a service ingests many plans in one process.
 */
const recentBigrams = new Map<string, Set<string>>()
const RECENT_LIMIT = 4096

/** The character bigrams of a text's Han characters, digits and letters. Do not modify it. */
export function bigrams(text: string): Set<string> {
  const known = recentBigrams.get(text)
  if (known) return known
  const chars = significant(text)
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars.slice(i, i + 2))
  if (recentBigrams.size >= RECENT_LIMIT) recentBigrams.clear()
  recentBigrams.set(text, grams)
  return grams
}

/** The share of a's bigrams that b holds. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return shared / a.size
}

/** Dice similarity of two short names or phrases. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b))
}

/** Dice similarity of two bigram sets, for callers that compare one text with many. */
export function dice(x: Set<string>, y: Set<string>): number {
  if (x.size + y.size === 0) return 0
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  return (2 * shared) / (x.size + y.size)
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？\n])/)
    .map((s) => s.trim())
    .filter((s) => significant(s).length >= 6)
}

/** The body sentence a task sentence restates, or null when none is close enough. */
export function bestSource(sentence: string, candidates: Sentence[]): Sentence | null {
  const grams = bigrams(sentence)
  let best: { sentence: Sentence; score: number } | null = null
  for (const candidate of candidates) {
    const score = containment(grams, candidate.grams)
    if (!best || score > best.score) best = { sentence: candidate, score }
  }
  return best && best.score >= MIN_CONTAINMENT ? best.sentence : null
}

/** Runs of three or more terms joined by 、 within one clause: 甲、乙、丙等. */
export function enumerations(sentence: string): string[][] {
  return sentence
    .split(/[，,：:；。（）()]/)
    .map((clause) => clause.split('、'))
    .filter((terms) => terms.length >= 3)
    .map((terms) => terms.map((t) => t.trim()))
}

/** Two enumerations list the same kind of thing when most terms of the shorter match. */
export function sameList(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  const matched = short.filter((term) => long.some((other) => similarity(term, other) >= 0.5))
  return matched.length >= Math.ceil(short.length / 2)
}

export interface WordingDifference {
  /** The text around the difference, as each side writes it. */
  body: string
  task: string
}

/** Punctuation width and spaces never make a difference of wording. */
function normalize(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[。；]$/, '')
}

/**
 * Which characters of each side a longest common subsequence keeps. A copy differs from its
 * source in a few places, so the shared start and end are kept without entering the table.
 */
function commonSubsequence(a: string, b: string): [boolean[], boolean[]] | [null, null] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++
  }
  if ((a.length - head - tail) * (b.length - head - tail) > MAX_TABLE) return [null, null]
  const [middleA, middleB] = middleSubsequence(
    a.slice(head, a.length - tail),
    b.slice(head, b.length - tail),
  )
  const kept = (n: number, middle: boolean[]) => [
    ...new Array<boolean>(head).fill(true),
    ...middle,
    ...new Array<boolean>(n - head - middle.length).fill(true),
  ]
  return [kept(a.length, middleA), kept(b.length, middleB)]
}

/** The longest-common-subsequence table, walked from the start. */
function middleSubsequence(a: string, b: string): [boolean[], boolean[]] {
  const n = a.length
  const m = b.length
  const width = m + 1
  // table[i * width + j]: the length of the common subsequence of a[i..] and b[j..].
  const table = new Int32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  const keptA = new Array<boolean>(n).fill(false)
  const keptB = new Array<boolean>(m).fill(false)
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      keptA[i++] = true
      keptB[j++] = true
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++
    else j++
  }
  return [keptA, keptB]
}

/** Beyond this many cells the diff table costs more than a finding of wording is worth. */
const MAX_TABLE = 250_000

/** Context kept on each side of a difference so a reader can find it. */
const CONTEXT = 6
/** A difference longer than this is a rewrite (an abridged task), not a changed word. */
const MAX_CHANGE = 8

/**
 * The small differences between a body sentence and its copy in the task list: a word added,
 * dropped or changed with the same text on both sides of it (健康学习型城市 / 学习型城市).
 */
export function wordingDifferences(body: string, task: string): WordingDifference[] {
  const a = normalize(body)
  const b = normalize(task)
  if (a === b) return []
  const [keptA, keptB] = commonSubsequence(a, b)
  if (keptA === null || keptB === null) return []
  const differences: WordingDifference[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && keptA[i] && keptB[j]) {
      i++
      j++
      continue
    }
    const startA = i
    const startB = j
    while (i < a.length && !keptA[i]) i++
    while (j < b.length && !keptB[j]) j++
    const changedA = a.slice(startA, i)
    const changedB = b.slice(startB, j)
    const before = anchor(a.slice(0, startA), b.slice(0, startB), 'before')
    const after = anchor(a.slice(i), b.slice(j), 'after')
    // 的, 之 and 要 come and go in abridged copies without changing what is said.
    const meaningful = /[\p{Script=Han}\p{N}]/u.test((changedA + changedB).replace(/[的之要]/g, ''))
    // A changed figure is a target's difference; quality.ts reports it as target-differs.
    const figure = /^[\d.,万千百十亿两一二三四五六七八九零〇]*$/
    const figureOnly = figure.test(changedA) && figure.test(changedB)
    if (
      meaningful &&
      !figureOnly &&
      before !== null &&
      after !== null &&
      Math.max(changedA.length, changedB.length) <= MAX_CHANGE
    ) {
      differences.push({ body: before + changedA + after, task: before + changedB + after })
    }
  }
  return differences
}

/**
 * The text both sides share next to a change: CONTEXT characters, or fewer where the sentence
 * ends on both sides at once. Null when they differ there too, which makes the change part of
 * a rewrite rather than a local edit.
 */
function anchor(a: string, b: string, side: 'before' | 'after'): string | null {
  const take = (s: string) => (side === 'before' ? s.slice(-CONTEXT) : s.slice(0, CONTEXT))
  const x = take(a)
  const y = take(b)
  if (x !== y || x.length === 0) return null
  return x.length === CONTEXT || (a.length === x.length && b.length === y.length) ? x : null
}
