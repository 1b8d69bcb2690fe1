// Read queries for targets, with the tasks that restate each one.
import type { SortsOf } from './query.js'
import type { Basis, Comparator, DeadlineFrom, ParsedTarget } from '../ingest/types.js'
import { progressOf, type Progress } from '../progress/measure.js'
import type { Database } from './database.js'
import { Conditions } from './paging.js'
import { agencyLabel, columnFacet, documentFacet, type FacetsOf } from './facets.js'
import {
  AGENCY_REF,
  agencyRefParams,
  DOCUMENT_REF,
  PARENT_IDS,
  parseJsonArray,
  prepared,
  type ListSpec,
  type Relation,
} from './query.js'
import { SECTION_SUBTREES } from './sections.js'

/** The parser's target with ids for its links and its line as a source. */
export interface TargetRecord extends Omit<ParsedTarget, 'sectionIndex' | 'taskIndexes' | 'line'> {
  id: string
  documentId: string
  sectionId: string | null
  taskIds: string[]
  /** Targets of higher levels' plans this one restates or refines (migration 0012). */
  restates: string[]
  /** Targets of lower levels' plans that restate or refine this one. */
  restatedBy: string[]
  /** No longer stated by the current text of its document; kept for its observations. */
  withdrawn: boolean
  /** From the latest observation the agencies reported; null before the first. */
  progress: Progress | null
  /** `page`: the PDF page of the line; null for other formats. */
  source: { line: number; page: number | null }
}

interface Row {
  id: string
  document_id: string
  position: number
  section_id: string | null
  indicator: string
  comparator: Comparator
  value: number | null
  value_max: number | null
  unit: string | null
  deadline_year: number | null
  deadline_from: DeadlineFrom | null
  basis: Basis
  base_year: number | null
  relative_to: string | null
  quote: string
  line: number
  page: number | null
  task_ids: string
  restates: string
  restated_by: string
  withdrawn: 0 | 1
  latest_value: number | null
  latest_observed_on: string | null
  plan_year: number | null
}

/** The latest observation: by the date it holds for, then the last recorded. */
const LATEST = `FROM observations o WHERE o.target_id = g.id
  ORDER BY o.observed_on DESC, o.seq DESC LIMIT 1`

/**
 * Progress.onTrack of a target as SQL (1, 0 or null), for filters and counts: the function
 * target_on_track (registered on every connection, see database.ts) is progressOf itself, so
 * that SQL and the served records cannot disagree. Targets without observations are null
 * without calling it.
 */
export const ON_TRACK = `(CASE WHEN EXISTS (SELECT 1 FROM observations o WHERE o.target_id = g.id)
  THEN target_on_track(g.comparator, g.value, g.basis, g.deadline_year,
    (SELECT o.value ${LATEST}), (SELECT o.observed_on ${LATEST}),
    (SELECT CAST(substr(d.issued_on, 1, 4) AS INTEGER) FROM documents d WHERE d.id = g.document_id))
  END)`

const SELECT = `SELECT g.*,
  (SELECT json_group_array(k.id ORDER BY k.position)
   FROM target_tasks tt JOIN tasks k ON k.id = tt.task_id WHERE tt.target_id = g.id) AS task_ids,
  (SELECT json_group_array(l.restates ORDER BY l.restates) FROM target_links l
   WHERE l.target_id = g.id) AS restates,
  (SELECT json_group_array(l.target_id ORDER BY l.target_id) FROM target_links l
   WHERE l.restates = g.id) AS restated_by,
  (SELECT o.value ${LATEST}) AS latest_value,
  (SELECT o.observed_on ${LATEST}) AS latest_observed_on,
  (SELECT CAST(substr(d.issued_on, 1, 4) AS INTEGER) FROM documents d WHERE d.id = g.document_id)
    AS plan_year
  FROM targets g`

function toRecord(r: Row): TargetRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    sectionId: r.section_id,
    taskIds: parseJsonArray(r.task_ids),
    restates: parseJsonArray(r.restates),
    restatedBy: parseJsonArray(r.restated_by),
    indicator: r.indicator,
    comparator: r.comparator,
    value: r.value,
    valueMax: r.value_max,
    unit: r.unit,
    deadlineYear: r.deadline_year,
    deadlineFrom: r.deadline_from,
    basis: r.basis,
    baseYear: r.base_year,
    relativeTo: r.relative_to,
    quote: r.quote,
    withdrawn: r.withdrawn === 1,
    progress: progressOf(
      { comparator: r.comparator, value: r.value, basis: r.basis, deadlineYear: r.deadline_year },
      r.latest_value === null ? null : { value: r.latest_value, observedOn: r.latest_observed_on! },
      r.plan_year,
    ),
    source: { line: r.line, page: r.page },
  }
}

export interface TargetFilter {
  document?: string | undefined
  /** The deadline year the text sets. */
  year?: number | undefined
  unit?: string | undefined
  /** A section id: targets in it or in any section under it. */
  section?: string | undefined
  /** An agency id, canonical name or alias: targets of the tasks it is responsible for. */
  agency?: string | undefined
  /** True for the targets the current text no longer states. */
  withdrawn?: boolean | undefined
  /**
   * Progress.onTrack as served: true or false as the latest observation judges it. A target
   * with no observation, or one the text gives no way to judge (onTrack null), is neither.
   */
  onTrack?: boolean | undefined
}

/** The section and every section under it (one parameter). */
const SECTION_TREE = `(WITH RECURSIVE tree (id) AS (
    SELECT id FROM sections WHERE id = ?
    UNION ALL SELECT s.id FROM sections s JOIN tree ON s.parent_id = tree.id)
  SELECT id FROM tree)`

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function targetQuery(filter: TargetFilter): [ListSpec<Row, TargetRecord>, Conditions] {
  const where = new Conditions()
  if (filter.document !== undefined) {
    where.add(`g.document_id IN ${DOCUMENT_REF}`, filter.document, filter.document)
  }
  if (filter.year !== undefined) where.add('g.deadline_year = ?', filter.year)
  if (filter.unit !== undefined) where.add('g.unit = ?', filter.unit)
  if (filter.section !== undefined) where.add(`g.section_id IN ${SECTION_TREE}`, filter.section)
  if (filter.agency !== undefined) {
    const a = filter.agency
    where.add(
      `g.id IN (SELECT tt.target_id FROM target_tasks tt JOIN task_agencies ta
                ON ta.task_id = tt.task_id WHERE ta.agency_id IN ${AGENCY_REF})`,
      ...agencyRefParams(a),
    )
  }
  if (filter.withdrawn !== undefined) where.add('g.withdrawn = ?', filter.withdrawn ? 1 : 0)
  if (filter.onTrack !== undefined) where.add(`${ON_TRACK} = ?`, filter.onTrack ? 1 : 0)
  return [
    {
      select: SELECT,
      id: 'g.id',
      from: 'FROM targets g',
      key: ['g.document_id', 'g.position'],
      keyOf: (r) => [r.document_id, r.position],
      map: toRecord,
      sorts: {
        deadlineYear: {
          expr: 'COALESCE(g.deadline_year, 9999)',
          of: (r) => r.deadline_year ?? 9999,
        },
        value: { expr: 'COALESCE(g.value, -1e308)', of: (r) => r.value ?? -1e308 },
      } satisfies SortsOf<'targets', Row>,
      facets: {
        document: documentFacet('g'),
        year: columnFacet('g.deadline_year', 'integer'),
        unit: columnFacet('g.unit'),
        agency: {
          type: 'text',
          // The agencies of the tasks that restate the target, as the agency filter reads them.
          join: (x) => `LEFT JOIN target_tasks ${x}t ON ${x}t.target_id = g.id
            LEFT JOIN task_agencies ${x} ON ${x}.task_id = ${x}t.task_id`,
          value: (x) => `${x}.agency_id`,
          label: agencyLabel,
        },
        onTrack: columnFacet(ON_TRACK, 'boolean'),
        withdrawn: columnFacet('g.withdrawn', 'boolean'),
      } satisfies FacetsOf<'targets'>,
    },
    where,
  ]
}

export function getTarget(db: Database, id: string): TargetRecord | null {
  const row = prepared(db, `${SELECT} WHERE g.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/** The lists of targets that hang on another record. */
export const targetRelations = {
  document: { join: `JOIN ${PARENT_IDS} r ON r.value = g.document_id`, parent: 'r.value' },
  task: {
    join: `JOIN (SELECT task_id, target_id FROM target_tasks
                 WHERE task_id IN ${PARENT_IDS}) r ON r.target_id = g.id`,
    parent: 'r.task_id',
  },
  /** Targets of the tasks the agency is responsible for. */
  agency: {
    join: `JOIN (SELECT DISTINCT ta.agency_id, tt.target_id FROM task_agencies ta
                 JOIN target_tasks tt ON tt.task_id = ta.task_id
                 WHERE ta.agency_id IN ${PARENT_IDS}) r ON r.target_id = g.id`,
    parent: 'r.agency_id',
  },
  /** Targets stated in the section or in any section under it. */
  section: {
    join: `JOIN (${SECTION_SUBTREES} SELECT root, id FROM tree) r ON r.id = g.section_id`,
    parent: 'r.root',
  },
} satisfies Record<string, Relation>
