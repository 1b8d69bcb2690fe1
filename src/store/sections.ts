// Read queries for sections: parts, chapters and action items.
import type { SortsOf } from './query.js'
import type { SectionKind } from '../ingest/types.js'
import type { Database } from './database.js'
import { Conditions } from './paging.js'
import { columnFacet, documentFacet, type FacetsOf } from './facets.js'
import { DOCUMENT_REF, PARENT_IDS, prepared, type ListSpec, type Relation } from './query.js'

export interface SectionRecord {
  id: string
  documentId: string
  kind: SectionKind
  label: string
  number: number
  heading: string
  text: string
  parentId: string | null
  /** `page`: the PDF page of the first line; null for other formats. */
  source: { startLine: number; endLine: number; page: number | null }
}

interface Row {
  id: string
  document_id: string
  position: number
  kind: SectionKind
  label: string
  number: number
  heading: string
  text: string
  parent_id: string | null
  start_line: number
  end_line: number
  start_page: number | null
}

const SELECT = 'SELECT s.* FROM sections s'

function toRecord(r: Row): SectionRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    kind: r.kind,
    label: r.label,
    number: r.number,
    heading: r.heading,
    text: r.text,
    parentId: r.parent_id,
    source: { startLine: r.start_line, endLine: r.end_line, page: r.start_page },
  }
}

export interface SectionFilter {
  document?: string | undefined
  kind?: SectionKind | undefined
  number?: number | undefined
  parent?: string | undefined
}

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function sectionQuery(filter: SectionFilter): [ListSpec<Row, SectionRecord>, Conditions] {
  const where = new Conditions()
  if (filter.document !== undefined) {
    where.add(`s.document_id IN ${DOCUMENT_REF}`, filter.document, filter.document)
  }
  if (filter.kind !== undefined) where.add('s.kind = ?', filter.kind)
  if (filter.number !== undefined) where.add('s.number = ?', filter.number)
  if (filter.parent !== undefined) where.add('s.parent_id = ?', filter.parent)
  return [
    {
      select: SELECT,
      id: 's.id',
      from: 'FROM sections s',
      key: ['s.document_id', 's.position'],
      keyOf: (r) => [r.document_id, r.position],
      map: toRecord,
      sorts: {} satisfies SortsOf<'sections', Row>,
      facets: {
        document: documentFacet('s'),
        kind: columnFacet('s.kind'),
      } satisfies FacetsOf<'sections'>,
    },
    where,
  ]
}

export function getSection(db: Database, id: string): SectionRecord | null {
  const row = prepared(db, `${SELECT} WHERE s.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/**
 * Each given section with itself and every section under it, as rows (root, id); its one ?
 * stands for the JSON array of the roots.
 */
export const SECTION_SUBTREES = `WITH RECURSIVE tree (root, id) AS (
    SELECT value, value FROM json_each(?)
    UNION ALL SELECT tree.root, s.id FROM sections s JOIN tree ON s.parent_id = tree.id)`

/** The lists of sections that hang on another record. */
export const sectionRelations = {
  document: { join: `JOIN ${PARENT_IDS} r ON r.value = s.document_id`, parent: 'r.value' },
  parent: { join: `JOIN ${PARENT_IDS} r ON r.value = s.parent_id`, parent: 'r.value' },
} satisfies Record<string, Relation>
