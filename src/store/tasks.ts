// Read queries for tasks (rows of task tables and clauses of the body), with each task's
// responsible units and their roles, its deadline and the items it restates.
import type { SortsOf } from './query.js'
import type { Due, UnitRole } from '../ingest/types.js'
import type { Database } from './database.js'
import type { TaskStatus } from './progress.js'
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
import { matchingIds } from './search.js'

export interface TaskAgency {
  id: string
  name: string
  asWritten: string
  role: UnitRole
}

export interface TaskRecord {
  id: string
  documentId: string
  number: number
  text: string
  agencies: TaskAgency[]
  /** The section of the body that states the task; null for a table row. */
  sectionId: string | null
  items: string[]
  due: Due | null
  /** As its agencies last reported it; not_started until they report. */
  status: TaskStatus
  /** `page`: the PDF page of the line; null for other formats. */
  source: { line: number; page: number | null }
}

interface Row {
  id: string
  document_id: string
  position: number
  number: number
  text: string
  line: number
  page: number | null
  section_id: string | null
  due_text: string | null
  due_date: string | null
  agencies: string
  items: string
  status: TaskStatus | null
}

/** A task's status: its latest change, or not_started before any (an index serves it, 0003). */
export const TASK_STATUS = `COALESCE((SELECT c.status FROM task_status_changes c
  WHERE c.task_id = t.id ORDER BY c.seq DESC LIMIT 1), 'not_started')`

const SELECT = `SELECT t.*,
  (SELECT json_group_array(json_object('id', a.id, 'name', a.name, 'asWritten', ta.as_written,
       'role', ta.role) ORDER BY ta.position)
   FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE ta.task_id = t.id) AS agencies,
  (SELECT json_group_array(s.id ORDER BY s.position)
   FROM task_items ti JOIN sections s ON s.id = ti.section_id WHERE ti.task_id = t.id) AS items,
  (SELECT c.status FROM task_status_changes c WHERE c.task_id = t.id ORDER BY c.seq DESC LIMIT 1)
    AS status
  FROM tasks t`

function toRecord(r: Row): TaskRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    number: r.number,
    text: r.text,
    agencies: parseJsonArray(r.agencies),
    sectionId: r.section_id,
    items: parseJsonArray(r.items),
    due: r.due_text === null ? null : { text: r.due_text, date: r.due_date },
    status: r.status ?? 'not_started',
    source: { line: r.line, page: r.page },
  }
}

export interface TaskFilter {
  document?: string | undefined
  /** An agency id, canonical name or alias. */
  agency?: string | undefined
  /** An item's section id or its number. */
  item?: string | undefined
  q?: string | undefined
  /** As the agencies last reported it; not_started matches the tasks never reported. */
  status?: TaskStatus | undefined
}

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function taskQuery(filter: TaskFilter): [ListSpec<Row, TaskRecord>, Conditions] {
  const where = new Conditions()
  if (filter.document !== undefined) {
    where.add(`t.document_id IN ${DOCUMENT_REF}`, filter.document, filter.document)
  }
  if (filter.agency !== undefined) {
    const a = filter.agency
    where.add(
      `t.id IN (SELECT task_id FROM task_agencies WHERE agency_id IN ${AGENCY_REF})`,
      ...agencyRefParams(a),
    )
  }
  if (filter.item !== undefined) {
    const byNumber = /^\d+$/.test(filter.item) ? Number(filter.item) : -1
    where.add(
      `t.id IN (SELECT ti.task_id FROM task_items ti JOIN sections s ON s.id = ti.section_id
                WHERE s.id = ? OR (s.kind = 'item' AND s.number = ?))`,
      filter.item,
      byNumber,
    )
  }
  if (filter.q !== undefined) {
    const m = matchingIds('task', filter.q)
    where.add(`t.id IN ${m.sql}`, ...m.params)
  }
  if (filter.status !== undefined) where.add(`${TASK_STATUS} = ?`, filter.status)
  return [
    {
      select: SELECT,
      id: 't.id',
      from: 'FROM tasks t',
      key: ['t.document_id', 't.position'],
      keyOf: (r) => [r.document_id, r.position],
      map: toRecord,
      sorts: { number: { expr: 't.number', of: (r) => r.number } } satisfies SortsOf<'tasks', Row>,
      facets: {
        document: documentFacet('t'),
        agency: {
          type: 'text',
          join: (x) => `LEFT JOIN task_agencies ${x} ON ${x}.task_id = t.id`,
          value: (x) => `${x}.agency_id`,
          label: agencyLabel,
        },
        status: columnFacet(TASK_STATUS),
        item: {
          type: 'text',
          join: (x) => `LEFT JOIN task_items ${x} ON ${x}.task_id = t.id`,
          value: (x) => `${x}.section_id`,
          label: (v) =>
            `(SELECT trim(s.label || ' ' || s.heading) FROM sections s WHERE s.id = ${v})`,
        },
      } satisfies FacetsOf<'tasks'>,
    },
    where,
  ]
}

export function getTask(db: Database, id: string): TaskRecord | null {
  const row = prepared(db, `${SELECT} WHERE t.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/** The lists of tasks that hang on another record. */
export const taskRelations = {
  document: { join: `JOIN ${PARENT_IDS} r ON r.value = t.document_id`, parent: 'r.value' },
  agency: {
    join: `JOIN (SELECT DISTINCT task_id, agency_id FROM task_agencies
                 WHERE agency_id IN ${PARENT_IDS}) r ON r.task_id = t.id`,
    parent: 'r.agency_id',
  },
  target: {
    join: `JOIN (SELECT task_id, target_id FROM target_tasks
                 WHERE target_id IN ${PARENT_IDS}) r ON r.task_id = t.id`,
    parent: 'r.target_id',
  },
  /** Tasks that restate the section's items: the item itself, or any item under a part. */
  section: {
    join: `JOIN (${SECTION_SUBTREES} SELECT DISTINCT tree.root, ti.task_id
                 FROM tree JOIN task_items ti ON ti.section_id = tree.id) r ON r.task_id = t.id`,
    parent: 'r.root',
  },
} satisfies Record<string, Relation>
