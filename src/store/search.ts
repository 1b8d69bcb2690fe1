// Full-text matching over sections and tasks (the search_index table). The trigram index answers
// queries of three or more characters; one- and two-character queries, common in Chinese
// (教育, 农), are looked up in search_pairs (each text's pairs of adjacent characters) and
// checked with LIKE, which is exact.

import { escapeHtml } from '../html.js'
import type { Database } from './database.js'
import { Conditions, decodeCursor, encodeCursor, type Page, type PageRequest } from './paging.js'
import { DOCUMENT_REF, pageOf, prepared } from './query.js'

const TRIGRAM = 3

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** An FTS5 phrase: the query's characters in this order, whatever they are. */
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`
}

/**
 * A condition on search_index rows (aliased `si`) that holds where the text contains q.
 * Returns the clause and its parameters.
 */
export function textMatch(q: string): { clause: string; params: string[] } {
  if ([...q].length >= TRIGRAM) {
    return { clause: 'search_index MATCH ?', params: [`text : ${ftsPhrase(q)}`] }
  }
  const like = { clause: "text LIKE ? ESCAPE '\\'", params: [`%${escapeLike(q)}%`] }
  // Shorter: the rows search_pairs names, then LIKE on those alone, which is exact (the
  // tokenizer folds case and diacritics). Two letters or digits are one pair; one is the prefix
  // of the pairs it begins (a character next to punctuation is a token of its own, which the
  // prefix covers too). Nothing to look up: LIKE on every text.
  const letters = [...q].filter((c) => /[\p{L}\p{N}]/u.test(c))
  const token =
    letters.length === 2 && letters.length === [...q].length
      ? ftsPhrase(q)
      : letters.length > 0
        ? `${ftsPhrase(letters[0]!)}*`
        : null
  if (token === null) return like
  return {
    clause: `rowid IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH ?) AND ${like.clause}`,
    params: [token, ...like.params],
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
  /** The text around the first match, HTML-escaped, the match in <mark>…</mark>. */
  snippet: string
  /** Lower is better: bm25 for queries of three characters or more, else minus the matches. */
  score: number
}

export interface SearchQuery {
  q: string
  type?: HitType | undefined
  document?: string | undefined
}

interface HitRow {
  kind: HitType
  ref_id: string
  document_id: string
  text: string
  score: number
  title: string
}

/** Characters of context on each side of the match in a snippet. */
const CONTEXT = 30

/** The text around the first occurrence of q, with the occurrences inside it marked. */
export function snippetOf(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ')
  const at = Math.max(0, flat.toLowerCase().indexOf(q.toLowerCase()))
  const start = Math.max(0, at - CONTEXT)
  const end = Math.min(flat.length, at + q.length + CONTEXT)
  const window = flat.slice(start, end)
  const pattern = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
  let body = ''
  let from = 0
  for (const m of window.matchAll(pattern)) {
    body += `${escapeHtml(window.slice(from, m.index))}<mark>${escapeHtml(m[0])}</mark>`
    from = m.index + m[0].length
  }
  body += escapeHtml(window.slice(from))
  return `${start > 0 ? '…' : ''}${body}${end < flat.length ? '…' : ''}`
}

/** Hits of sections, tasks and targets, best first, paged by keyset on (score, type, id). */
export function search(db: Database, query: SearchQuery, page: PageRequest): Page<SearchHit> {
  const q = searchTerm(query.q)
  const m = textMatch(q)
  const long = [...q].length >= 3
  const score = long
    ? 'bm25(search_index)'
    : '-((length(text) - length(replace(text, ?, ?))) / length(?))'
  const scoreParams = long ? [] : [q, '', q]
  const inner = `SELECT kind, ref_id, document_id, text, ${score} AS score
    FROM search_index WHERE ${m.clause}`
  const where = new Conditions()
  if (query.type !== undefined) where.add('h.kind = ?', query.type)
  if (query.document !== undefined) {
    where.add(`h.document_id IN ${DOCUMENT_REF}`, query.document, query.document)
  }
  const params = [...scoreParams, ...m.params, ...where.params]
  const total = (
    prepared(db, `SELECT count(*) AS n FROM (${inner}) h ${where.sql()}`).get(...params) as {
      n: number
    }
  ).n
  if (page.cursor !== undefined) {
    const after = decodeCursor(page.cursor, 'score', 3)
    where.add('(h.score, h.kind, h.ref_id) > (?, ?, ?)', ...after)
  }
  const rows = prepared(
    db,
    `SELECT h.*, CASE h.kind
         WHEN 'section' THEN (SELECT label || ' ' || heading FROM sections WHERE id = h.ref_id)
         WHEN 'task' THEN (SELECT '任务 ' || number FROM tasks WHERE id = h.ref_id)
         ELSE (SELECT indicator FROM targets WHERE id = h.ref_id) END AS title
       FROM (${inner}) h ${where.sql()}
       ORDER BY h.score, h.kind, h.ref_id LIMIT ?`,
  ).all(...scoreParams, ...m.params, ...where.params, page.limit + 1) as HitRow[]
  return pageOf(
    rows,
    page.limit,
    total,
    (r): SearchHit => ({
      type: r.kind,
      id: r.ref_id,
      documentId: r.document_id,
      title: r.title,
      snippet: snippetOf(r.text, q),
      score: r.score,
    }),
    (last) => encodeCursor('score', [last.score, last.kind, last.ref_id]),
  )
}
