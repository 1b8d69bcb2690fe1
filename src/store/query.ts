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
  const where = new Conditions()
  where.add(
    conditions.clauses.length ? conditions.clauses.join(' AND ') : '1',
    ...conditions.params,
  )
  if (page.cursor !== undefined) {
    const after = decodeCursor(page.cursor, spec.key.length)
    where.add(`(${spec.key.join(', ')}) > (${spec.key.map(() => '?').join(', ')})`, ...after)
  }
  const rows = prepared(
    db,
    `${spec.select} ${where.sql()} ORDER BY ${spec.key.join(', ')} LIMIT ?`,
  ).all(...where.params, page.limit + 1) as Row[]
  const more = rows.length > page.limit
  const items = more ? rows.slice(0, page.limit) : rows
  const last = items[items.length - 1]
  return {
    items: items.map(spec.map),
    total,
    next: more && last ? encodeCursor(spec.keyOf(last)) : null,
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
