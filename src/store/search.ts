// Full-text matching over sections and tasks (the search_index table). The trigram index answers
// queries of three or more characters; one- and two-character queries, common in Chinese
// (教育, 农), are looked up and ranked in search_pairs (each text's pairs of adjacent
// characters); LIKE checks what the pairs cannot decide.

import type { Database } from './database.js'
import { Conditions, decodeCursor, encodeCursor, type Page, type PageRequest } from './paging.js'
import { DOCUMENT_REF, pageOf, prepared } from './query.js'

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
 * A condition on search_index rows that holds where the text contains q.
 * Returns the clause and its parameters.
 */
export function textMatch(q: string): { clause: string; params: string[] } {
  if ([...q].length >= TRIGRAM) {
    return { clause: 'search_index MATCH ?', params: [`text : ${ftsPhrase(q)}`] }
  }
  const like = { clause: CONTAINS, params: [`%${escapeLike(q)}%`] }
  const pairs = pairQuery(q)
  if (pairs === null) return like
  const found = 'rowid IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH ?)'
  return pairsDecide(q)
    ? { clause: found, params: [pairs] }
    : { clause: `${found} AND ${like.clause}`, params: [pairs, ...like.params] }
}

/**
 * The order of hits, named in their cursors: by score, ties newest first. A cursor of the order
 * before, (score, type, id), is refused with 400, not misread.
 */
const RANKING = 'score,-entry'

/** How many matching texts a search ranks and counts (see rankedWindow). */
export const SEARCH_WINDOW = 1000

/**
 * The most recently indexed texts that match q and the filters, newest first, at most `limit`,
 * as (entry, score), the score lower better: bm25 over the trigram index for three characters
 * or more, over search_pairs for fewer; without a letter or digit, minus the number of
 * occurrences.
 *
 * FTS5 walks its matches in rowid order and computes bm25 only for the rows a statement
 * returns, so a window costs what its size costs, however many texts match: a common word in a
 * thousand plans has tens of thousands. Records are read only where a filter or a check of the
 * text needs them; the page's rows are read afterwards. Ranking every match and joining each to
 * its record took 56 ms for one two-character word at that size; the window takes 1 to 2.
 */
function rankedWindow(
  q: string,
  filters: Conditions,
  scored = true,
): { sql: string; params: unknown[] } {
  const filter = filters.clauses.map((clause) => ` AND ${clause}`).join('')
  const pairs = pairQuery(q)
  if ([...q].length >= TRIGRAM || pairs === null) {
    const m = textMatch(q)
    const counted = [...q].length < TRIGRAM && scored
    const score = !scored
      ? '0'
      : [...q].length >= TRIGRAM
        ? 'bm25(search_index)'
        : '-((length(si.text) - length(replace(si.text, ?, ?))) / length(?))'
    return {
      sql: `SELECT si.rowid AS entry, ${score} AS score
        FROM search_index si WHERE ${m.clause.replace(/^text /, 'si.text ')}${filter}
        ORDER BY si.rowid DESC LIMIT ?`,
      params: [...(counted ? [q, '', q] : []), ...m.params, ...filters.params],
    }
  }
  const check = pairsDecide(q) ? [] : [`%${escapeLike(q)}%`]
  const records =
    check.length > 0 || filters.clauses.length > 0
      ? ' JOIN search_index si ON si.rowid = search_pairs.rowid'
      : ''
  return {
    sql: `SELECT search_pairs.rowid AS entry, ${scored ? 'bm25(search_pairs)' : '0'} AS score
      FROM search_pairs${records}
      WHERE search_pairs MATCH ?${check.length > 0 ? ` AND si.${CONTAINS}` : ''}${filter}
      ORDER BY search_pairs.rowid DESC LIMIT ?`,
    params: [pairs, ...check, ...filters.params],
  }
}

/**
 * What a search looks for: spaces around the text are ignored, as a reader typing into a search
 * box expects, unless they are all there is.
 */
export function searchTerm(q: string): string {
  return q.trim() || q
}

/** Ids of records of one kind whose text contains q, as a subquery. */
export function matchingIds(
  kind: 'section' | 'task' | 'target',
  q: string,
): { sql: string; params: string[] } {
  const m = textMatch(searchTerm(q))
  return {
    sql: `(SELECT ref_id FROM search_index WHERE kind = ? AND ${m.clause})`,
    params: [kind, ...m.params],
  }
}

export type HitType = 'section' | 'task' | 'target'

export interface SearchHit {
  type: HitType
  id: string
  documentId: string
  /** A section's label and heading, a task's number, a target's indicator. */
  title: string
  /** The text around the first match, with where q occurs in it (html.ts marks it up). */
  excerpt: Excerpt
  /** Lower is better: bm25 over the trigrams or, for one or two characters, the pairs. */
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
  score: number
  title: string
}

/** Characters of context on each side of the match in an excerpt. */
const CONTEXT = 30

/** A window of a record's text around the first occurrence of a query, and every occurrence in it. */
export interface Excerpt {
  /** The window, runs of whitespace collapsed to one space. */
  text: string
  /** Where the query occurs in `text` (case folded), in UTF-16 code units as JavaScript counts. */
  matches: { start: number; length: number }[]
  /** Whether the record's text goes on before and after the window. */
  cutBefore: boolean
  cutAfter: boolean
}

/** The text around the first occurrence of q, with the occurrences inside it. */
export function excerptOf(text: string, q: string): Excerpt {
  const flat = text.replace(/\s+/g, ' ')
  const at = Math.max(0, flat.toLowerCase().indexOf(q.toLowerCase()))
  const start = Math.max(0, at - CONTEXT)
  const end = Math.min(flat.length, at + q.length + CONTEXT)
  const window = flat.slice(start, end)
  const pattern = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
  const matches = [...window.matchAll(pattern)].map((m) => ({
    start: m.index,
    length: m[0].length,
  }))
  return { text: window, matches, cutBefore: start > 0, cutAfter: end < flat.length }
}

/**
 * Hits of sections, tasks and targets, best first (ties newest first), paged by keyset.
 * Only the SEARCH_WINDOW most recently indexed matches are ranked and paged, as large search
 * APIs rank and count a bounded number: `total` is exact up to the window and
 * `totalIsLowerBound` says when more texts match. The type and document filters narrow the
 * window; /v1/tasks?q= reaches every matching task, type and document the others.
 */
export function search(db: Database, query: SearchQuery, page: PageRequest): SearchPage {
  const q = searchTerm(query.q)
  const filters = new Conditions()
  if (query.type !== undefined) filters.add('si.kind = ?', query.type)
  if (query.document !== undefined) {
    filters.add(`si.document_id IN ${DOCUMENT_REF}`, query.document, query.document)
  }
  const window = rankedWindow(q, filters)
  // Counted without scores: bm25 would be computed for every row counted.
  const counted = rankedWindow(q, filters, false)
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
    `SELECT p.entry, p.score, si.kind, si.ref_id, si.document_id, si.text, CASE si.kind
         WHEN 'section' THEN (SELECT label || ' ' || heading FROM sections WHERE id = si.ref_id)
         WHEN 'task' THEN (SELECT '任务 ' || number FROM tasks WHERE id = si.ref_id)
         ELSE (SELECT indicator FROM targets WHERE id = si.ref_id) END AS title
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
        excerpt: excerptOf(r.text, q),
        score: r.score,
      }),
      (last) => encodeCursor(RANKING, [last.score, -last.entry]),
    ),
    totalIsLowerBound: matched > SEARCH_WINDOW,
  }
}
