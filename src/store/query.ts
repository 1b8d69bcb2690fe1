// What every read query shares: prepared statements kept per database, and keyset paging.
import type { Statement } from 'better-sqlite3'
import type { Database } from './database.js'
import { Conditions, decodeCursor, encodeCursor, type Page, type PageRequest } from './paging.js'

const statements = new WeakMap<Database, Map<string, Statement>>()

/** Prepares a statement once per database; filters combine into a handful of distinct texts. */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

export interface ListSpec<Row, T> {
  /** SELECT … FROM … with the table aliased so that conditions and keys can name columns. */
  select: string
  /** FROM … used to count the rows that match. */
  from: string
  /** SQL expressions of the sort key, unique together, e.g. ['t.document_id', 't.position']. */
  key: string[]
  keyOf: (row: Row) => (string | number)[]
  map: (row: Row) => T
}

/** Up to `limit` rows after the key `after` (or from the start), in key order. */
function rowsAfter<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  conditions: Conditions,
  after: (string | number)[] | null,
  limit: number,
): Row[] {
  const where = new Conditions()
  where.add(
    conditions.clauses.length ? conditions.clauses.join(' AND ') : '1',
    ...conditions.params,
  )
  if (after !== null) {
    where.add(`(${spec.key.join(', ')}) > (${spec.key.map(() => '?').join(', ')})`, ...after)
  }
  return prepared(db, `${spec.select} ${where.sql()} ORDER BY ${spec.key.join(', ')} LIMIT ?`).all(
    ...where.params,
    limit,
  ) as Row[]
}

export function listPage<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  conditions: Conditions,
  page: PageRequest,
): Page<T> {
  const total = (
    prepared(db, `SELECT count(*) AS n ${spec.from} ${conditions.sql()}`).get(
      ...conditions.params,
    ) as { n: number }
  ).n
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor, spec.key.length)
  const rows = rowsAfter(db, spec, conditions, after, page.limit + 1)
  const more = rows.length > page.limit
  const items = more ? rows.slice(0, page.limit) : rows
  const last = items[items.length - 1]
  return {
    items: items.map(spec.map),
    total,
    next: more && last ? encodeCursor(spec.keyOf(last)) : null,
  }
}

/** Rows read per statement when a whole list is streamed. */
const BATCH = 500

/**
 * Every matching record in key order, read in keyset batches rather than held in memory. No
 * statement stays open between batches: better-sqlite3 refuses other queries on a connection
 * while an iterator is open, and a slow CSV download must not block the other requests.
 */
export function* listAll<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  conditions: Conditions,
): IterableIterator<T> {
  for (let after: (string | number)[] | null = null; ;) {
    const rows = rowsAfter(db, spec, conditions, after, BATCH)
    for (const row of rows) yield spec.map(row)
    const last = rows[rows.length - 1]
    if (rows.length < BATCH || last === undefined) return
    after = spec.keyOf(last)
  }
}

/** Agencies named by id, canonical name or any spelling a document uses (three parameters). */
export const AGENCY_REF = `(SELECT id FROM agencies WHERE id = ? OR name = ?
  UNION SELECT agency_id FROM agency_names WHERE name = ?)`

/** Matches a document given by id or by 发文字号 (two parameters). */
export const DOCUMENT_REF = '(SELECT id FROM documents WHERE id = ? OR number = ?)'

export function parseJsonArray<T>(text: string | null): T[] {
  return text === null ? [] : (JSON.parse(text) as T[])
}
