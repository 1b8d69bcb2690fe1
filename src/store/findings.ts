// Read queries for data-quality findings.
import type { SortsOf } from './query.js'
import type { Severity } from '../ingest/types.js'
import type { Database } from './database.js'
import { Conditions } from './paging.js'
import { columnFacet, documentFacet, type FacetsOf } from './facets.js'
import {
  DOCUMENT_REF,
  parseJsonArray,
  prepared,
  type ListSpec,
  PARENT_IDS,
  type Relation,
} from './query.js'

export interface FindingRecord {
  id: string
  documentId: string
  severity: Severity
  code: string
  message: string
  /** `page`: the PDF page of the first line; null for other formats. */
  source: { line: number; lines: number[]; page: number | null }
}

interface Row {
  id: string
  document_id: string
  position: number
  severity: Severity
  code: string
  message: string
  line: number
  page: number | null
  lines: string
}

/** Errors first, then warnings, then information. */
const SEVERITY_RANK = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END"

const SELECT = 'SELECT f.* FROM findings f'

function toRecord(r: Row): FindingRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    severity: r.severity,
    code: r.code,
    message: r.message,
    source: { line: r.line, lines: parseJsonArray(r.lines), page: r.page },
  }
}

export interface FindingFilter {
  document?: string | undefined
  severity?: Severity | undefined
  code?: string | undefined
}

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function findingQuery(filter: FindingFilter): [ListSpec<Row, FindingRecord>, Conditions] {
  const where = new Conditions()
  if (filter.document !== undefined) {
    where.add(`f.document_id IN ${DOCUMENT_REF}`, filter.document, filter.document)
  }
  if (filter.severity !== undefined) where.add('f.severity = ?', filter.severity)
  if (filter.code !== undefined) where.add('f.code = ?', filter.code)
  return [
    {
      select: SELECT,
      id: 'f.id',
      from: 'FROM findings f',
      key: ['f.document_id', 'f.position'],
      keyOf: (r) => [r.document_id, r.position],
      map: toRecord,
      sorts: {
        severity: {
          expr: SEVERITY_RANK,
          of: (r) => ({ error: 0, warning: 1, info: 2 })[r.severity],
        },
      } satisfies SortsOf<'findings', Row>,
      facets: {
        document: documentFacet('f'),
        severity: columnFacet('f.severity'),
        code: columnFacet('f.code'),
      } satisfies FacetsOf<'findings'>,
    },
    where,
  ]
}

export function getFinding(db: Database, id: string): FindingRecord | null {
  const row = prepared(db, `${SELECT} WHERE f.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/** The lists of findings that hang on another record. */
export const findingRelations = {
  document: { join: `JOIN ${PARENT_IDS} r ON r.value = f.document_id`, parent: 'r.value' },
} satisfies Record<string, Relation>
