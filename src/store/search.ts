// Full-text matching over sections, tasks, targets, agencies and documents (the search_index
// table). A query's words separated by whitespace are each required. The trigram index answers
// words of three or more characters; words of one or two, common in Chinese (教育, 农), are
// looked up and ranked in search_pairs (each text's pairs of adjacent characters); LIKE checks
// what the pairs cannot decide.

import type { Database } from './database.js'
import { Conditions, decodeCursor, encodeCursor, type Page, type PageRequest } from './paging.js'
import { DOCUMENT_REF, pageOf, prepared } from './query.js'
import { requiredWords, searchWords } from './search-words.js'

const TRIGRAM = 3

/** The text holds the LIKE pattern given (q escaped, between %): exact, and a scan. */
const CONTAINS = "text LIKE ? ESCAPE '\\'"

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** An FTS5 phrase: the query's characters in this order, whatever they are. */
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`
}

/**
 * The FTS5 query that finds the texts holding a query of one or two characters in search_pairs:
 * two letters or digits are one pair; one is the prefix of the pairs it begins (a character next
 * to punctuation is a token of its own, which the prefix covers too). Null without a letter or
 * digit to look up.
 */
function pairQuery(q: string): string | null {
  const letters = [...q].filter((c) => /[\p{L}\p{N}]/u.test(c))
  if (letters.length === 2 && letters.length === [...q].length) return ftsPhrase(q)
  return letters.length > 0 ? `${ftsPhrase(letters[0]!)}*` : null
}

/**
 * Whether search_pairs alone decides a short query exactly: for Han characters, digits and ASCII
 * letters its tokens are what LIKE compares. Elsewhere the tokenizer folds case and diacritics,
 * and punctuation splits pairs, so LIKE checks the candidates.
 */
function pairsDecide(q: string): boolean {
  return /^[\p{Script=Han}0-9A-Za-z]+$/u.test(q)
}

/**
 * How the words of a query are looked up, together: words of three or more characters as an AND
 * of phrases in the trigram index, shorter ones as an AND of pair queries in search_pairs, and
 * LIKE for the words the pairs cannot decide (`checked`) or cannot find at all (`scanned`, no
 * letter or digit). A word inside another is found with it and not looked up (requiredWords).
 * With a kind, the search_pairs query holds it too: the rows of that kind are walked, not every
 * match.
 */
interface Lookup {
  trigrams: string | null
  /** The search_pairs query: the short words, the kind, or both; null for neither. */
  pairs: string | null
  /** Whether the search_pairs query has words, which rank the matches when there are no trigrams. */
  pairWords: boolean
  checked: string[]
  scanned: string[]
}

function lookupOf(words: string[], kind?: HitType): Lookup {
  const required = requiredWords(words)
  const long = required.filter((w) => [...w].length >= TRIGRAM)
  const short = required.filter((w) => [...w].length < TRIGRAM)
  const paired = short.filter((w) => pairQuery(w) !== null)
  const pairs = [
    ...paired.map((w) => `pairs : ${pairQuery(w)!}`),
    ...(kind === undefined ? [] : [`kind : ${ftsPhrase(kind)}`]),
  ]
  return {
    trigrams: long.length > 0 ? long.map((w) => `text : ${ftsPhrase(w)}`).join(' AND ') : null,
    pairs: pairs.length > 0 ? pairs.join(' AND ') : null,
    pairWords: paired.length > 0,
    checked: paired.filter((w) => !pairsDecide(w)),
    scanned: short.filter((w) => pairQuery(w) === null),
  }
}

const likePattern = (word: string) => `%${escapeLike(word)}%`

/**
 * A condition on the rows of search_index (named `table` in the statement) that holds where the
 * text contains every word, and the row is of the kind given. Returns the clause and its
 * parameters.
 */
export function textMatch(
  words: string[],
  table = 'search_index',
  kind?: HitType,
): { clause: string; params: string[] } {
  const l = lookupOf(words, kind)
  const clauses: string[] = []
  const params: string[] = []
  if (l.trigrams !== null) {
    clauses.push('search_index MATCH ?')
    params.push(l.trigrams)
  }
  if (l.pairs !== null) {
    // With a MATCH to walk, the pairs' rowids are a set to test each match against (the +
    // keeps them from FTS5): looking each of them up in the trigram index instead took 400 ms
    // for a common word at 70 plans. Alone, they are the rows to read.
    const rowid = l.trigrams !== null ? `+${table}.rowid` : `${table}.rowid`
    clauses.push(`${rowid} IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH ?)`)
    params.push(l.pairs)
  }
  for (const word of [...l.checked, ...l.scanned]) {
    clauses.push(`${table}.${CONTAINS}`)
    params.push(likePattern(word))
  }
  return { clause: clauses.length > 0 ? clauses.join(' AND ') : '1', params }
}

/**
 * The order of hits, named in their cursors: by rank (lower better: what the score negates),
 * ties newest first. The name is the one cursors were issued under when the rank was the score,
 * so that they stay valid. A cursor of the order before, (score, type, id), is refused with
 * 400, not misread.
 */
const RANKING = 'score,-entry'

/** How many matching texts a search ranks and counts (see rankedWindow). */
export const SEARCH_WINDOW = 1000

/**
 * The most recently indexed texts of the kind given (any without) that contain every word and
 * pass the filters, newest first, at most `limit`, as (entry, rank), the rank lower better: bm25 over the trigram index of the
 * words of three characters or more, the other words only required; without such words, bm25
 * over search_pairs of the shorter ones; without a letter or digit, minus the number of
 * occurrences. FTS5 ranks an AND of phrases as one match, so several words are ranked together.
 *
 * FTS5 walks its matches in rowid order and computes bm25 only for the rows a statement
 * returns, so a window costs what its size costs, however many texts match: a common word in a
 * thousand plans has tens of thousands. Records are read only where a filter or a check of the
 * text needs them; the page's rows are read afterwards. Ranking every match and joining each to
 * its record took 56 ms for one two-character word at that size; the window takes 1 to 2.
 * A kind is looked up in search_pairs with the words, so that a search of agencies walks the
 * thousand agencies rather than every text holding a common character (2 s at that size).
 */
function rankedWindow(
  words: string[],
  kind: HitType | undefined,
  filters: Conditions,
  scored = true,
): { sql: string; params: unknown[] } {
  const filter = filters.clauses.map((clause) => ` AND ${clause}`).join('')
  const l = lookupOf(words, kind)
  if (l.trigrams !== null || !l.pairWords) {
    const m = textMatch(words, 'si', kind)
    const counted = l.trigrams === null && scored
    const occurrences = l.scanned
      .map(() => '(length(si.text) - length(replace(si.text, ?, ?))) / length(?)')
      .join(' + ')
    const rank = !scored ? '0' : l.trigrams !== null ? 'bm25(search_index)' : `-(${occurrences})`
    return {
      sql: `SELECT si.rowid AS entry, ${rank} AS score
        FROM search_index si WHERE ${m.clause}${filter}
        ORDER BY si.rowid DESC LIMIT ?`,
      params: [
        ...(counted ? l.scanned.flatMap((w) => [w, '', w]) : []),
        ...m.params,
        ...filters.params,
      ],
    }
  }
  // The words the pairs cannot decide, and those without a letter or digit, are read in the text.
  const read = [...l.checked, ...l.scanned]
  const records =
    read.length > 0 || filters.clauses.length > 0
      ? ' JOIN search_index si ON si.rowid = search_pairs.rowid'
      : ''
  const checks = read.map(() => ` AND si.${CONTAINS}`).join('')
  // The kind column weighs nothing: the rank is the words' alone, with or without a type.
  const rank = scored ? 'bm25(search_pairs, 1.0, 0.0)' : '0'
  return {
    sql: `SELECT search_pairs.rowid AS entry, ${rank} AS score
      FROM search_pairs${records}
      WHERE search_pairs MATCH ?${checks}${filter}
      ORDER BY search_pairs.rowid DESC LIMIT ?`,
    params: [l.pairs, ...read.map(likePattern), ...filters.params],
  }
}

/** Ids of records of one kind whose text contains every word of q, as a subquery. */
export function matchingIds(kind: HitType, q: string): { sql: string; params: string[] } {
  const m = textMatch(searchWords(q))
  return {
    sql: `(SELECT ref_id FROM search_index WHERE kind = ? AND ${m.clause})`,
    params: [kind, ...m.params],
  }
}

export type HitType = 'section' | 'task' | 'target' | 'agency' | 'document'

export interface SearchHit {
  type: HitType
  id: string
  /** The document it belongs to; a document's own id; the latest issued naming an agency. */
  documentId: string
  /** A section's label and heading, a task's number, a target's indicator, an agency's
   * jurisdiction and name, a document's 发文字号 and title. */
  title: string
  /** The text around the first match, with where the words occur in it (html.ts marks it up). */
  excerpt: Excerpt
  /** Higher is better: minus the rank (bm25 over the trigrams or, for one or two characters,
   * the pairs). */
  score: number
}

/** A page of hits, and whether more texts match than the window ranks. */
export interface SearchPage extends Page<SearchHit> {
  totalIsLowerBound: boolean
}

export interface SearchQuery {
  q: string
  type?: HitType | undefined
  document?: string | undefined
}

interface HitRow {
  entry: number
  kind: HitType
  ref_id: string
  document_id: string
  text: string
  rank: number
  title: string
}

/** Characters of context on each side of the first match in an excerpt. */
const CONTEXT = 30

/** A window of a record's text around the first occurrence of a word, and every word in it. */
export interface Excerpt {
  /** The window, runs of whitespace collapsed to one space. */
  text: string
  /**
   * Where the words occur in `text` (case folded), in UTF-16 code units as JavaScript counts, in
   * order; occurrences that overlap (of 职业 and 业教 in 职业教育) are one.
   */
  matches: { start: number; length: number }[]
  /** Whether the record's text goes on before and after the window. */
  cutBefore: boolean
  cutAfter: boolean
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every occurrence of each word in text, overlapping ones too, sorted by where they start. */
function occurrences(text: string, words: string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = []
  for (const word of words) {
    const pattern = new RegExp(escapeRegExp(word), 'gi')
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length })
      pattern.lastIndex = m.index + 1
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** The text around the first occurrence of any of the words, with every word's occurrences. */
export function excerptOf(text: string, words: string[]): Excerpt {
  const flat = text.replace(/\s+/g, ' ')
  const first = occurrences(flat, words)[0] ?? { start: 0, end: 0 }
  const start = Math.max(0, first.start - CONTEXT)
  const end = Math.min(flat.length, first.end + CONTEXT)
  const window = flat.slice(start, end)
  const merged: { start: number; end: number }[] = []
  for (const o of occurrences(window, words)) {
    const last = merged.at(-1)
    if (last !== undefined && o.start < last.end) last.end = Math.max(last.end, o.end)
    else merged.push({ ...o })
  }
  return {
    text: window,
    matches: merged.map((m) => ({ start: m.start, length: m.end - m.start })),
    cutBefore: start > 0,
    cutAfter: end < flat.length,
  }
}

/**
 * Hits of sections, tasks, targets, agencies and documents that contain every word of the
 * query, best first (ties newest first), paged by keyset. Only the SEARCH_WINDOW most recently
 * indexed matches are ranked and paged, as large search APIs rank and count a bounded number:
 * `total` is exact up to the window and `totalIsLowerBound` says when more texts match. The type
 * and document filters narrow the window; /v1/tasks?q= reaches every matching task, type and
 * document the others. Throws InvalidSearchError for a query without words or with too many.
 */
export function search(db: Database, query: SearchQuery, page: PageRequest): SearchPage {
  const words = searchWords(query.q)
  const filters = new Conditions()
  if (query.document !== undefined) {
    // An agency belongs to no document: it is in one that names it.
    const d = query.document
    filters.add(
      `(si.document_id IN ${DOCUMENT_REF} OR si.kind = 'agency' AND si.ref_id IN
         (SELECT agency_id FROM agency_names WHERE document_id IN ${DOCUMENT_REF}))`,
      d,
      d,
      d,
      d,
    )
  }
  const window = rankedWindow(words, query.type, filters)
  // Counted without scores: bm25 would be computed for every row counted.
  const counted = rankedWindow(words, query.type, filters, false)
  const matched = (
    prepared(db, `SELECT count(*) AS n FROM (${counted.sql})`).get(
      ...counted.params,
      SEARCH_WINDOW + 1,
    ) as { n: number }
  ).n
  const after = new Conditions()
  if (page.cursor !== undefined) {
    after.add('(h.score, -h.entry) > (?, ?)', ...decodeCursor(page.cursor, RANKING, 2))
  }
  // The page is chosen from the window first; records, texts and titles are read for its rows.
  const rows = prepared(
    db,
    `SELECT p.entry, p.score AS rank, si.kind, si.ref_id, si.text, CASE si.kind
         WHEN 'agency' THEN coalesce((SELECT n.document_id FROM agency_names n
           JOIN documents d ON d.id = n.document_id WHERE n.agency_id = si.ref_id
           ORDER BY d.issued_on DESC NULLS LAST, d.id DESC LIMIT 1), '')
         ELSE si.document_id END AS document_id, CASE si.kind
         WHEN 'section' THEN (SELECT label || ' ' || heading FROM sections WHERE id = si.ref_id)
         WHEN 'task' THEN (SELECT '任务 ' || number FROM tasks WHERE id = si.ref_id)
         WHEN 'target' THEN (SELECT indicator FROM targets WHERE id = si.ref_id)
         WHEN 'document' THEN (SELECT coalesce(number || ' ', '')
             || coalesce(nullif(plan_title, ''), title, id) FROM documents WHERE id = si.ref_id)
         ELSE (SELECT coalesce(jurisdiction || ' ', '') || name FROM agencies
           WHERE id = si.ref_id) END AS title
       FROM (SELECT h.entry, h.score FROM (${window.sql}) h ${after.sql()}
             ORDER BY h.score, -h.entry LIMIT ?) p
       JOIN search_index si ON si.rowid = p.entry
       ORDER BY p.score, -p.entry`,
  ).all(...window.params, SEARCH_WINDOW, ...after.params, page.limit + 1) as HitRow[]
  return {
    ...pageOf(
      rows,
      page.limit,
      Math.min(matched, SEARCH_WINDOW),
      (r): SearchHit => ({
        type: r.kind,
        id: r.ref_id,
        documentId: r.document_id,
        title: r.title,
        excerpt: excerptOf(r.text, words),
        // Negated so that the best is the highest; 0 - r.rank keeps a rank of 0 from being -0.
        score: 0 - r.rank,
      }),
      (last) => encodeCursor(RANKING, [last.rank, -last.entry]),
    ),
    totalIsLowerBound: matched > SEARCH_WINDOW,
  }
}
