// Read queries for data-quality findings.
import type { Severity } from '../ingest/types.js'
import type { Database } from './database.js'
import { Conditions, type Page, type PageRequest } from './paging.js'
import { DOCUMENT_REF, listPage, parseJsonArray, prepared } from './query.js'

export interface FindingRecord {
  id: string
  documentId: string
  severity: Severity
  code: string
  message: string
  source: { line: number; lines: number[] }
}

interface Row {
  id: string
  document_id: string
  position: number
  severity: Severity
  code: string
  message: string
  line: number
  lines: string
}

const SELECT = 'SELECT f.* FROM findings f'

function toRecord(r: Row): FindingRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    severity: r.severity,
    code: r.code,
    message: r.message,
    source: { line: r.line, lines: parseJsonArray(r.lines) },
  }
}

export interface FindingFilter {
  document?: string | undefined
  severity?: Severity | undefined
  code?: string | undefined
}

export function listFindings(
  db: Database,
  filter: FindingFilter,
  page: PageRequest,
): Page<FindingRecord> {
  const where = new Conditions()
  if (filter.document !== undefined) {
    where.add(`f.document_id IN ${DOCUMENT_REF}`, filter.document, filter.document)
  }
  if (filter.severity !== undefined) where.add('f.severity = ?', filter.severity)
  if (filter.code !== undefined) where.add('f.code = ?', filter.code)
  return listPage<Row, FindingRecord>(
    db,
    {
      select: SELECT,
      from: 'FROM findings f',
      key: ['f.document_id', 'f.position'],
      keyOf: (r) => [r.document_id, r.position],
      map: toRecord,
    },
    where,
    page,
  )
}

export function getFinding(db: Database, id: string): FindingRecord | null {
  const row = prepared(db, `${SELECT} WHERE f.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}
