// What every read query shares: prepared statements kept per database, and keyset paging.
import { compact } from '../ingest/text.js'
import type { Statement } from 'better-sqlite3'
import type { Database } from './database.js'
import type { FacetSpec } from './facets.js'
import type { ResourceName, SortName } from '../resources.js'
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
  /** The SQL expression of the record's public id, e.g. 't.id'. */
  id: string
  /** SQL expressions of the sort key, unique together, e.g. ['t.document_id', 't.position']. */
  key: string[]
  keyOf: (row: Row) => (string | number)[]
  map: (row: Row) => T
  /** Fields a client may sort by, each an SQL expression that is never null and its value. */
  sorts?: Record<string, SortKey<Row>>
  /** Fields the list's records are counted by (facets.ts). */
  facets?: Record<string, FacetSpec>
}

export interface SortKey<Row> {
  expr: string
  of: (row: Row) => string | number
}

/** A list's sort keys: exactly the fields src/resources.ts declares for the resource. */
export type SortsOf<R extends ResourceName, Row> = Record<SortName<R>, SortKey<Row>>

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
 * Rows after a key. In one direction, a row value, (a, b) > (?, ?): SQLite searches the index
 * for it, where it scans the index from the start for the equivalent OR, so that a page deep in
 * a long list would cost as much as the rows before it. In mixed directions, which row values
 * cannot say: (a > ?) OR (a = ? AND b < ?) OR ….
 */
function afterKey(columns: Ordering<unknown>['columns'], key: (string | number)[]): Conditions {
  const descending = columns[0]!.descending
  if (columns.every((column) => column.descending === descending)) {
    const row = columns.map((column) => column.expr).join(', ')
    const marks = columns.map(() => '?').join(', ')
    return new Conditions().add(
      `(${row}) ${descending ? '<' : '>'} (${marks})`,
      ...key.slice(0, columns.length),
    )
  }
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
  const orderBy = orderByOf(order as Ordering<unknown>)
  return prepared(db, `${spec.select} ${where.sql()} ORDER BY ${orderBy} LIMIT ?`).all(
    ...where.params,
    limit,
  ) as Row[]
}

/**
 * How the records of a list hang on other records: tasks on the agencies responsible for them,
 * targets on the sections they stand in. The store pages many parents' lists in one statement.
 */
export interface Relation {
  /** JOIN … that pairs each row with its parents; its one ? stands for a JSON array of their ids. */
  join: string
  /** The SQL expression of the parent id that a row was joined to. */
  parent: string
}

/** The parents' ids as one parameter, so that one prepared statement serves any number of them. */
export const PARENT_IDS = '(SELECT value FROM json_each(?))'

/** The select of a list with more columns in front of its own. */
function withColumns(select: string, columns: string): string {
  if (!select.startsWith('SELECT ')) throw new Error('a list select must start with SELECT')
  return `SELECT ${columns}, ${select.slice('SELECT '.length)}`
}

function orderByOf(order: Ordering<unknown>): string {
  return order.columns.map((c) => `${c.expr} ${c.descending ? 'DESC' : 'ASC'}`).join(', ')
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
  return pageOf(rows, page.limit, total, spec.map, (row) =>
    encodeCursor(order.name, order.keyOf(row)),
  )
}

/**
 * One page of the list for each parent, in two statements whatever the number of parents: the
 * counts grouped by parent, and the first rows of each parent numbered by a window function.
 * A cursor applies to every parent's list alike.
 */
export function pagesByParent<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  conditions: Conditions,
  relation: Relation,
  parentIds: readonly string[],
  page: PageRequest,
): Map<string, Page<T>> {
  const pages = new Map<string, Page<T>>()
  if (parentIds.length === 0) return pages
  const parents = JSON.stringify([...new Set(parentIds)])
  const counts = prepared(
    db,
    `SELECT ${relation.parent} AS parent, count(*) AS n ${spec.from} ${relation.join}
     ${conditions.sql()} GROUP BY 1`,
  ).all(parents, ...conditions.params) as { parent: string; n: number }[]
  const totals = new Map(counts.map((c) => [c.parent, c.n]))

  const order = orderingOf(spec, page.sort)
  const where = new Conditions().add(
    conditions.clauses.length ? conditions.clauses.join(' AND ') : '1',
    ...conditions.params,
  )
  if (page.cursor !== undefined) {
    const after = decodeCursor(page.cursor, order.name, order.columns.length)
    const next = afterKey(order.columns as Ordering<unknown>['columns'], after)
    where.add(next.clauses[0]!, ...next.params)
  }
  const numbered = withColumns(
    spec.select,
    `${relation.parent} AS parent__,
     row_number() OVER (PARTITION BY ${relation.parent} ORDER BY ${orderByOf(order as Ordering<unknown>)}) AS rank__`,
  )
  const rows = prepared(
    db,
    `SELECT * FROM (${numbered} ${relation.join} ${where.sql()})
     WHERE rank__ <= ? ORDER BY parent__, rank__`,
  ).all(parents, ...where.params, page.limit + 1) as (Row & { parent__: string })[]

  const rowsOf = new Map<string, Row[]>()
  for (const row of rows) {
    const list = rowsOf.get(row.parent__)
    if (list) list.push(row)
    else rowsOf.set(row.parent__, [row])
  }
  for (const parent of parentIds) {
    pages.set(
      parent,
      pageOf(rowsOf.get(parent) ?? [], page.limit, totals.get(parent) ?? 0, spec.map, (row) =>
        encodeCursor(order.name, order.keyOf(row)),
      ),
    )
  }
  return pages
}

/** The records with these ids, in no particular order; ids that name none are left out. */
export function listByIds<Row, T>(
  db: Database,
  spec: ListSpec<Row, T>,
  ids: readonly string[],
): T[] {
  if (ids.length === 0) return []
  const rows = prepared(db, `${spec.select} WHERE ${spec.id} IN ${PARENT_IDS}`).all(
    JSON.stringify([...new Set(ids)]),
  ) as Row[]
  return rows.map(spec.map)
}

/** A page from up to limit + 1 rows read: the extra row only says that another page follows. */
export function pageOf<Row, T>(
  rows: Row[],
  limit: number,
  total: number,
  map: (row: Row) => T,
  cursorOf: (row: Row) => string,
): Page<T> {
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  const last = items[items.length - 1]
  return {
    items: items.map(map),
    total,
    next: more && last ? cursorOf(last) : null,
    more,
    cursorAt: (index) => cursorOf(items[index]!),
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

/**
 * The three parameters of AGENCY_REF for what a client asked: an id as given, a name spelled as
 * the ingest records names (各乡镇(街道) is 各乡镇（街道）, spaces a converter left are dropped).
 */
export function agencyRefParams(value: string): [string, string, string] {
  const name = compact(value)
  return [value, name, name]
}

/** Matches a document given by id or by 发文字号 (two parameters). */
export const DOCUMENT_REF = '(SELECT id FROM documents WHERE id = ? OR number = ?)'

export function parseJsonArray<T>(text: string | null): T[] {
  return text === null ? [] : (JSON.parse(text) as T[])
}
