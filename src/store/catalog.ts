// What the data as a whole looks like: a fingerprint that changes with it (for ETags) and the
// facts a data portal's metadata states (issuers, places, dates, counts).
import { createHash } from 'node:crypto'
import type { Database } from './database.js'

const RESOURCE_TABLES = [
  'documents',
  'sections',
  'tasks',
  'agencies',
  'targets',
  'findings',
] as const

export interface CatalogFacts {
  issuers: string[]
  jurisdictions: string[]
  /** ISO dates of the earliest and latest 印发日期. */
  firstIssued: string | null
  lastIssued: string | null
  counts: Record<(typeof RESOURCE_TABLES)[number], number>
}

/** Which texts are loaded, by which parser: it changes whenever a plan is (re)ingested. */
export function dataFingerprint(db: Database): string {
  const rows = db
    .prepare('SELECT id, source_sha256, parser_version FROM documents ORDER BY id')
    .raw()
    .all()
  return createHash('sha256').update(JSON.stringify(rows)).digest('base64url').slice(0, 27)
}

/** What the data portal's metadata says of the data: who issued it, where, when, how much. */
export function catalogFacts(db: Database): CatalogFacts {
  const documents = db
    .prepare('SELECT issuer, jurisdiction, issued_on FROM documents ORDER BY issued_on, id')
    .all() as { issuer: string; jurisdiction: string; issued_on: string | null }[]
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const dates = documents.flatMap((d) => (d.issued_on ? [d.issued_on] : []))
  return {
    issuers: [...new Set(documents.map((d) => d.issuer))],
    jurisdictions: [...new Set(documents.map((d) => d.jurisdiction))],
    firstIssued: dates[0] ?? null,
    lastIssued: dates[dates.length - 1] ?? null,
    counts: Object.fromEntries(RESOURCE_TABLES.map((t) => [t, count(t)])) as CatalogFacts['counts'],
  }
}
