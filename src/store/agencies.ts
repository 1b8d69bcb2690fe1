// Read queries for agencies. An agency is shared by the documents of its jurisdiction; its
// duties, lead and phone come from the most recent document whose agency table lists it.
import type { SortsOf } from './query.js'
import type { AgencyKind } from '../ingest/types.js'
import type { Database } from './database.js'
import { Conditions } from './paging.js'
import { columnFacet, documentLabel, type FacetsOf } from './facets.js'
import {
  AGENCY_REF,
  agencyRefParams,
  DOCUMENT_REF,
  parseJsonArray,
  prepared,
  type ListSpec,
  PARENT_IDS,
  type Relation,
} from './query.js'

export interface AgencyRecord {
  id: string
  /** Null for an agency of a document whose government the text does not name. */
  jurisdiction: string | null
  name: string
  aliases: string[]
  kind: AgencyKind
  duties: string | null
  lead: string | null
  phone: string | null
  taskCount: number
}

interface Row {
  id: string
  jurisdiction: string | null
  name: string
  kind: AgencyKind
  aliases: string
  duties: string | null
  lead: string | null
  phone: string | null
  task_count: number
}

/** How many tasks an agency is responsible for; selected, and a sort key. */
const TASK_COUNT =
  '(SELECT count(DISTINCT ta.task_id) FROM task_agencies ta WHERE ta.agency_id = a.id)'

const SELECT = `SELECT a.*,
  (SELECT json_group_array(DISTINCT n.name ORDER BY n.name) FROM agency_names n
   WHERE n.agency_id = a.id AND n.name <> a.name) AS aliases,
  p.duties, p.lead, p.phone,
  ${TASK_COUNT} AS task_count
  FROM agencies a
  LEFT JOIN agency_profiles p ON p.agency_id = a.id AND p.document_id = (
    SELECT p2.document_id FROM agency_profiles p2 JOIN documents d ON d.id = p2.document_id
    WHERE p2.agency_id = a.id ORDER BY d.issued_on DESC, d.id LIMIT 1)`

function toRecord(r: Row): AgencyRecord {
  return {
    id: r.id,
    jurisdiction: r.jurisdiction,
    name: r.name,
    aliases: parseJsonArray(r.aliases),
    kind: r.kind,
    duties: r.duties,
    lead: r.lead,
    phone: r.phone,
    taskCount: r.task_count,
  }
}

export interface AgencyFilter {
  /** Id, canonical name or alias; in every jurisdiction unless narrowed by document. */
  name?: string | undefined
  kind?: AgencyKind | undefined
  document?: string | undefined
}

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function agencyQuery(filter: AgencyFilter): [ListSpec<Row, AgencyRecord>, Conditions] {
  const where = new Conditions()
  if (filter.name !== undefined) {
    where.add(`a.id IN ${AGENCY_REF}`, ...agencyRefParams(filter.name))
  }
  if (filter.kind !== undefined) where.add('a.kind = ?', filter.kind)
  if (filter.document !== undefined) {
    where.add(
      `a.id IN (SELECT agency_id FROM agency_names WHERE document_id IN ${DOCUMENT_REF})`,
      filter.document,
      filter.document,
    )
  }
  return [
    {
      select: SELECT,
      id: 'a.id',
      from: 'FROM agencies a',
      // An agency of no named jurisdiction sorts first; the expression has an index (0006).
      key: ["COALESCE(a.jurisdiction, '')", 'a.name'],
      keyOf: (r) => [r.jurisdiction ?? '', r.name],
      map: toRecord,
      sorts: {
        name: { expr: 'a.name', of: (r) => r.name },
        taskCount: { expr: TASK_COUNT, of: (r) => r.task_count },
      } satisfies SortsOf<'agencies', Row>,
      facets: {
        kind: columnFacet('a.kind'),
        jurisdiction: columnFacet('a.jurisdiction'),
        // The documents that name the agency, as the document filter reads them.
        document: {
          type: 'text',
          join: (x) => `LEFT JOIN agency_names ${x} ON ${x}.agency_id = a.id`,
          value: (x) => `${x}.document_id`,
          label: documentLabel,
        },
      } satisfies FacetsOf<'agencies'>,
    },
    where,
  ]
}

export function getAgency(db: Database, id: string): AgencyRecord | null {
  const row = prepared(db, `${SELECT} WHERE a.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/** The lists of agencies that hang on another record. */
export const agencyRelations = {
  /** The agencies a document names, in its agency table, its task list or its text. */
  document: {
    join: `JOIN (SELECT DISTINCT document_id, agency_id FROM agency_names
                 WHERE document_id IN ${PARENT_IDS}) r ON r.agency_id = a.id`,
    parent: 'r.document_id',
  },
} satisfies Record<string, Relation>
