// What every read query shares: prepared statements kept per database, and keyset paging.
import type { Statement } from 'better-sqlite3'
import type { Database } from './database.js'
import {
  Conditions,
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  type SortRequest,
} from './paging.js'

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
  /** Fields a client may sort by, each an SQL expression that is never null and its value. */
  sorts?: Record<string, SortKey<Row>>
}

export interface SortKey<Row> {
  expr: string
  of: (row: Row) => string | number
}

/** The order of a list: by the requested fields, each asc or desc, then by the unique key. */
interface Ordering<Row> {
  columns: { expr: string; descending: boolean }[]
  keyOf: (row: Row) => (string | number)[]
  /** Written into cursors, so that a cursor of one list or order is refused by another. */
  name: string
}

function orderingOf<Row, T>(spec: ListSpec<Row, T>, sort: SortRequest[] = []): Ordering<Row> {
  const keys = sort.map(({ field, descending }) => {
    const by = spec.sorts?.[field]
    // The REST schema only lets through the fields a list declares: anything else is our bug.
    if (!by) throw new Error(`this list cannot be sorted by ${field}`)
    return { ...by, descending }
  })
  return {
    columns: [
      ...keys.map((k) => ({ expr: k.expr, descending: k.descending })),
      ...spec.key.map((expr) => ({ expr, descending: false })),
    ],
    keyOf: (row) => [...keys.map((k) => k.of(row)), ...spec.keyOf(row)],
    name: [spec.key.join(','), ...sort.map((s) => `${s.descending ? '-' : ''}${s.field}`)].join(
      '|',
    ),
  }
}

/**
 * Rows after a key in a mixed-direction order: (a > ?) OR (a = ? AND b < ?) OR …, which row
 * values cannot say when directions differ.
 */
function afterKey(columns: Ordering<unknown>['columns'], key: (string | number)[]): Conditions {
  const alternatives: string[] = []
  const params: unknown[] = []
  columns.forEach((column, i) => {
    const equal = columns.slice(0, i).map((c) => `${c.expr} = ?`)
    alternatives.push(
      `(${[...equal, `${column.expr} ${column.descending ? '<' : '>'} ?`].join(' AND ')})`,
    )
    params.push(...key.slice(0, i + 1))
  })
  return new Conditions().add(`(${alternatives.join(' OR ')})`, ...params)
}

/** Up to `limit` rows after the key `after` (or from the start), in the given order. */
function rowsAfter<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  order: Ordering<Row>,
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
    const next = afterKey(order.columns as Ordering<unknown>['columns'], after)
    where.add(next.clauses[0]!, ...next.params)
  }
  const orderBy = order.columns.map((c) => `${c.expr} ${c.descending ? 'DESC' : 'ASC'}`).join(', ')
  return prepared(db, `${spec.select} ${where.sql()} ORDER BY ${orderBy} LIMIT ?`).all(
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
  const order = orderingOf(spec, page.sort)
  const after =
    page.cursor === undefined ? null : decodeCursor(page.cursor, order.name, order.columns.length)
  const rows = rowsAfter(db, spec, order, conditions, after, page.limit + 1)
  return pageOf(rows, page.limit, total, spec.map, (last) =>
    encodeCursor(order.name, order.keyOf(last)),
  )
}

/** A page from up to limit + 1 rows read: the extra row only says that another page follows. */
export function pageOf<Row, T>(
  rows: Row[],
  limit: number,
  total: number,
  map: (row: Row) => T,
  cursorAfter: (last: Row) => string,
): Page<T> {
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  const last = items[items.length - 1]
  return { items: items.map(map), total, next: more && last ? cursorAfter(last) : null }
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
  sort?: SortRequest[],
): IterableIterator<T> {
  const order = orderingOf(spec, sort)
  for (let after: (string | number)[] | null = null; ;) {
    const rows = rowsAfter(db, spec, order, conditions, after, BATCH)
    for (const row of rows) yield spec.map(row)
    const last = rows[rows.length - 1]
    if (rows.length < BATCH || last === undefined) return
    after = order.keyOf(last)
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
