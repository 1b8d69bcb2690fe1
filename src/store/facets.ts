// Counts of a filtered list grouped by one or more of its fields: the facets of a list (the
// values of one field, most frequent first, as Datasette shows them) and the grouped counts of a
// dashboard (several fields together). One grouped statement each, over the same conditions as
// the list, so that the counts are of the whole filtered list and not of a page.
import type { Database } from './database.js'
import type { Conditions } from './paging.js'
import { prepared, type ListSpec } from './query.js'
import type { FacetName, ResourceName } from '../resources.js'

/** How a value is read back from SQLite: booleans are stored as 0 and 1. */
export type FacetType = 'text' | 'integer' | 'boolean'

export interface FacetSpec {
  type: FacetType
  /** The value's SQL; `x` is an alias this facet may use for its join. */
  value: (x: string) => string
  /**
   * LEFT JOIN … pairing each record with its values, for a field a record has several of (a
   * task's agencies): a record counts once under each of its values, and under null without.
   */
  join?: (x: string) => string
  /** The readable name of a value that is an id (an agency's name); else the value is its label. */
  label?: (value: string) => string
}

/** A list's facets: exactly the fields src/resources.ts declares for the resource. */
export type FacetsOf<R extends ResourceName> = Record<FacetName<R>, FacetSpec>

export type FacetValue = string | number | boolean | null

export interface GroupKey {
  value: FacetValue
  /** An id's readable name; null for a value that is no id. */
  label: string | null
}

export interface Group {
  keys: GroupKey[]
  count: number
}

export interface GroupRequest {
  /** The facets to group by, in order. */
  by: string[]
  /** Largest groups first, ties by value (facets); or by the values in turn (tables). */
  order: 'count' | 'value'
  /** At most this many groups; null for all. */
  limit: number | null
}

function valueOf(type: FacetType, raw: unknown): FacetValue {
  if (raw === null || raw === undefined) return null
  if (type === 'boolean') return raw === 1 || raw === 1n
  if (type === 'integer') return Number(raw)
  return String(raw)
}

/** What counting a list needs of its spec: its table, its ids and its facets. */
export type CountedList = Pick<ListSpec<never, unknown>, 'from' | 'id' | 'facets'>

/** The counts of the list's records grouped by the requested facets. */
export function groupCounts(
  db: Database,
  spec: CountedList,
  conditions: Conditions,
  request: GroupRequest,
): Group[] {
  const used = request.by.map((name, i) => {
    const facet = spec.facets?.[name]
    // Routes and resolvers let through only the declared facets: anything else is our bug.
    if (!facet) throw new Error(`this list has no facet ${name}`)
    return { facet, alias: `f${i}`, key: `k${i}`, label: `l${i}` }
  })
  const joins = used.flatMap(({ facet, alias }) => (facet.join ? [facet.join(alias)] : []))
  // A record joined to several values of a facet appears once per value: count it once per group.
  const count = joins.length > 0 ? `count(DISTINCT ${spec.id})` : 'count(*)'
  const keys = used.map((u) => `${u.facet.value(u.alias)} AS ${u.key}`).join(', ')
  const groupBy = used.map((u) => u.key).join(', ')
  const orderBy = (prefix: string) =>
    request.order === 'count'
      ? `${prefix}n DESC, ${used.map((u) => `${prefix}${u.key}`).join(', ')}`
      : used.map((u) => `${prefix}${u.key}`).join(', ')
  const labels = used
    .map((u) => `${u.facet.label ? u.facet.label(`g.${u.key}`) : 'NULL'} AS ${u.label}`)
    .join(', ')
  const limit = request.limit === null ? '' : `LIMIT ${Math.floor(request.limit)}`
  const sql = `SELECT g.*, ${labels} FROM (
      SELECT ${keys}, ${count} AS n ${spec.from} ${joins.join(' ')} ${conditions.sql()}
      GROUP BY ${groupBy} ORDER BY ${orderBy('')} ${limit}
    ) g ORDER BY ${orderBy('g.')}`
  const rows = prepared(db, sql).all(...conditions.params) as Record<string, unknown>[]
  return rows.map((row) => ({
    count: row.n as number,
    keys: used.map((u) => {
      const value = valueOf(u.facet.type, row[u.key])
      return { value, label: u.facet.label ? (row[u.label] as string | null) : null }
    }),
  }))
}

/** How many records the conditions select. */
export function countOf(db: Database, spec: CountedList, conditions: Conditions): number {
  const sql = `SELECT count(*) AS n ${spec.from} ${conditions.sql()}`
  return (prepared(db, sql).get(...conditions.params) as { n: number }).n
}

export interface Facet {
  /** The most frequent values, with how many records have each. */
  values: (GroupKey & { count: number })[]
  /** More values than these have records. */
  truncated: boolean
}

/**
 * Each facet named, from the list's counts grouped by it: up to `size` values, most frequent
 * first, ties by value; one more is read to tell that a facet is truncated.
 */
export function facetsOf(
  names: readonly string[],
  groups: (request: GroupRequest) => Group[],
  size: number,
): Record<string, Facet> {
  return Object.fromEntries(
    names.map((name) => {
      const found = groups({ by: [name], order: 'count', limit: size + 1 })
      const values = found.slice(0, size).map(({ keys: [key], count }) => ({
        value: key!.value,
        // A value that is not an id is its own label.
        label: key!.label ?? (key!.value === null ? null : String(key!.value)),
        count,
      }))
      return [name, { values, truncated: found.length > size }]
    }),
  )
}

/** A document's readable name: its title as served, else what it has. */
export const documentLabel = (value: string) =>
  `(SELECT COALESCE(d.title, d.plan_title, d.number) FROM documents d WHERE d.id = ${value})`

/** An agency's canonical name. */
export const agencyLabel = (value: string) =>
  `(SELECT a.name FROM agencies a WHERE a.id = ${value})`

/** The facet of the document a record belongs to, from its table's alias. */
export const documentFacet = (table: string): FacetSpec => ({
  type: 'text',
  value: () => `${table}.document_id`,
  label: documentLabel,
})

/** A plain column of the list's table. */
export const columnFacet = (column: string, type: FacetType = 'text'): FacetSpec => ({
  type,
  value: () => column,
})
