// Read queries for documents.
import type { SortsOf } from './query.js'
import type { SourceFormat } from '../ingest/formats/types.js'
import type { JurisdictionLevel, SuppliedField } from '../ingest/types.js'
import type { Database } from './database.js'
import { Conditions } from './paging.js'
import { columnFacet, type FacetsOf } from './facets.js'
import { parseJsonArray, prepared, type ListSpec } from './query.js'

export interface DocumentRecord {
  id: string
  number: string | null
  numberParts: { agencyCode: string; year: number; serial: number } | null
  issuer: string | null
  jurisdiction: string | null
  jurisdictionLevel: JurisdictionLevel | null
  title: string | null
  planTitle: string | null
  recipients: string[]
  issuedOn: string | null
  printedBy: string | null
  sponsor: string | null
  cc: string[]
  attachments: { title: string }[]
  /** documentId: the cited document where it is loaded too, else null. */
  citations: { title: string; number: string | null; line: number; documentId: string | null }[]
  /** The documents that cite this one, by id. */
  citedBy: string[]
  source: {
    file: string
    sha256: string
    url: string | null
    /** Null for a document loaded before files were kept with their documents. */
    format: SourceFormat | null
    mediaType: string | null
  }
  suppliedFields: SuppliedField[]
}

interface Row {
  id: string
  number: string | null
  agency_code: string | null
  year: number | null
  serial: number | null
  issuer: string | null
  jurisdiction: string | null
  jurisdiction_level: JurisdictionLevel | null
  title: string | null
  plan_title: string | null
  recipients: string
  issued_on: string | null
  printer: string | null
  sponsor: string | null
  cc: string
  attachments: string
  citations: string
  cited_by: string
  source_file: string
  source_sha256: string
  source_url: string | null
  source_format: SourceFormat | null
  source_media_type: string | null
  supplied_fields: string
}

/**
 * A citation's document: by its 发文字号; without one, by the notice's or the plan's title. Read
 * when served, so that a document loaded after the one citing it is linked at once. Each branch
 * is one lookup in an index (migration 0012).
 */
const CITED = `(CASE WHEN c.number IS NOT NULL
  THEN (SELECT x.id FROM documents x WHERE x.number = c.number AND x.id != c.document_id)
  ELSE coalesce(
    (SELECT x.id FROM documents x WHERE x.title = c.title AND x.id != c.document_id
     ORDER BY x.id LIMIT 1),
    (SELECT x.id FROM documents x WHERE x.plan_title = c.title AND x.id != c.document_id
     ORDER BY x.id LIMIT 1))
  END)`

/** The documents that cite d, the same way round. */
const CITED_BY = `(SELECT json_group_array(DISTINCT citing ORDER BY citing) FROM (
    SELECT c.document_id AS citing FROM citations c WHERE c.number = d.number
    UNION ALL SELECT c.document_id FROM citations c WHERE c.number IS NULL AND c.title = d.title
    UNION ALL SELECT c.document_id FROM citations c
      WHERE c.number IS NULL AND c.title = d.plan_title)
  WHERE citing != d.id)`

const SELECT = `SELECT d.*,
  (SELECT json_group_array(json_object('title', c.title, 'number', c.number, 'line', c.line,
       'documentId', ${CITED})
     ORDER BY c.position) FROM citations c WHERE c.document_id = d.id) AS citations,
  ${CITED_BY} AS cited_by,
  f.format AS source_format, f.media_type AS source_media_type
  FROM documents d LEFT JOIN document_files f ON f.document_id = d.id`

function toRecord(r: Row): DocumentRecord {
  return {
    id: r.id,
    number: r.number,
    numberParts:
      r.agency_code === null || r.year === null || r.serial === null
        ? null
        : { agencyCode: r.agency_code, year: r.year, serial: r.serial },
    issuer: r.issuer,
    jurisdiction: r.jurisdiction,
    jurisdictionLevel: r.jurisdiction_level,
    title: r.title,
    planTitle: r.plan_title,
    recipients: parseJsonArray(r.recipients),
    issuedOn: r.issued_on,
    printedBy: r.printer,
    sponsor: r.sponsor,
    cc: parseJsonArray(r.cc),
    attachments: parseJsonArray(r.attachments),
    citations: parseJsonArray(r.citations),
    citedBy: parseJsonArray(r.cited_by),
    source: {
      file: r.source_file,
      sha256: r.source_sha256,
      url: r.source_url,
      format: r.source_format,
      mediaType: r.source_media_type,
    },
    suppliedFields: parseJsonArray(r.supplied_fields),
  }
}

export interface DocumentFilter {
  number?: string | undefined
}

/** The rows a filter selects, in key order: the store pages through them or reads them all. */
export function documentQuery(filter: DocumentFilter): [ListSpec<Row, DocumentRecord>, Conditions] {
  const where = new Conditions()
  if (filter.number !== undefined) where.add('d.number = ?', filter.number)
  return [
    {
      select: SELECT,
      id: 'd.id',
      from: 'FROM documents d',
      key: ['d.id'],
      keyOf: (r) => [r.id],
      map: toRecord,
      sorts: {
        issuedOn: {
          expr: "COALESCE(d.issued_on, '9999-12-31')",
          of: (r) => r.issued_on ?? '9999-12-31',
        },
        number: { expr: "COALESCE(d.number, '')", of: (r) => r.number ?? '' },
      } satisfies SortsOf<'documents', Row>,
      facets: {
        jurisdictionLevel: columnFacet('d.jurisdiction_level'),
        issuer: columnFacet('d.issuer'),
        // The year of 印发日期.
        year: columnFacet('CAST(substr(d.issued_on, 1, 4) AS INTEGER)', 'integer'),
      } satisfies FacetsOf<'documents'>,
    },
    where,
  ]
}

export function getDocument(db: Database, id: string): DocumentRecord | null {
  const row = prepared(db, `${SELECT} WHERE d.id = ?`).get(id) as Row | undefined
  return row ? toRecord(row) : null
}

/** Whether the database holds this exact text, loaded by this parser version or a newer one. */
export function hasSource(db: Database, sha256: string, parserVersion: number): boolean {
  return (
    prepared(db, 'SELECT 1 FROM documents WHERE source_sha256 = ? AND parser_version >= ?').get(
      sha256,
      parserVersion,
    ) !== undefined
  )
}

/** The file a document was loaded from, and the text the parser read from it. */
export interface DocumentFile {
  format: SourceFormat
  mediaType: string
  file: string
  sha256: string
  original: Buffer
  text: string
  pageOfLine: number[] | null
}

export function getDocumentFile(db: Database, id: string): DocumentFile | null {
  const row = prepared(
    db,
    `SELECT f.format, f.media_type, f.original, f.text, f.page_of_line, d.source_file,
       d.source_sha256
     FROM document_files f JOIN documents d ON d.id = f.document_id WHERE f.document_id = ?`,
  ).get(id) as
    | {
        format: SourceFormat
        media_type: string
        original: Buffer
        text: string
        page_of_line: string | null
        source_file: string
        source_sha256: string
      }
    | undefined
  if (!row) return null
  return {
    format: row.format,
    mediaType: row.media_type,
    file: row.source_file,
    sha256: row.source_sha256,
    original: row.original,
    text: row.text,
    pageOfLine: row.page_of_line === null ? null : (JSON.parse(row.page_of_line) as number[]),
  }
}
