// What the data as a whole looks like: a fingerprint that changes with it (for ETags) and the
// facts a data portal's metadata states (issuers, places, dates, counts).
import { createHash } from 'node:crypto'
import { planPeriodEnd } from '../ingest/plan-period.js'
import type { JurisdictionLevel } from '../ingest/types.js'
import { lastChanges, type RecordType } from './changes.js'
import type { Database } from './database.js'

const RESOURCE_TABLES = [
  'documents',
  'sections',
  'tasks',
  'agencies',
  'targets',
  'findings',
] as const

/** The change feed's name for a record of each table. */
const RECORD_TYPE_OF: Record<(typeof RESOURCE_TABLES)[number], RecordType> = {
  documents: 'document',
  sections: 'section',
  tasks: 'task',
  agencies: 'agency',
  targets: 'target',
  findings: 'finding',
}

export interface CatalogFacts {
  issuers: string[]
  jurisdictions: string[]
  /** The levels of government the documents' issuers belong to, each once. */
  levels: JurisdictionLevel[]
  /** ISO dates of the earliest and latest 印发日期. */
  firstIssued: string | null
  lastIssued: string | null
  /** When the records of each table last changed (the change feed), or null before any. */
  lastChanged: Record<(typeof RESOURCE_TABLES)[number], string | null>
  /** When anything last changed. */
  lastChange: string | null
  /**
   * The last day of the last year the plans speak for: the latest period a title states
   * (（2023—2025年）: 2025-12-31) or the latest year a target is due, whichever is later; null
   * when neither is known.
   */
  coveredUntil: string | null
  counts: Record<(typeof RESOURCE_TABLES)[number], number>
}

/** Which texts are loaded, by which parser: it changes whenever a plan is (re)ingested. */
export function dataFingerprint(db: Database): string {
  const rows = db
    .prepare('SELECT id, source_sha256, parser_version FROM documents ORDER BY id')
    .raw()
    .all()
  // And the change feed's position: a load that changes what is served (another plan's
  // citedBy, say) or the feed itself moves it, whatever the documents' texts.
  const { seq } = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM changes').get() as {
    seq: number
  }
  return createHash('sha256')
    .update(JSON.stringify([rows, seq]))
    .digest('base64url')
    .slice(0, 27)
}

/** What the data portal's metadata says of the data: who issued it, where, when, how much. */
export function catalogFacts(db: Database): CatalogFacts {
  const documents = db
    .prepare(
      `SELECT issuer, jurisdiction, jurisdiction_level, title, plan_title, issued_on
       FROM documents ORDER BY issued_on, id`,
    )
    .all() as {
    issuer: string
    jurisdiction: string
    jurisdiction_level: JurisdictionLevel | null
    title: string | null
    plan_title: string | null
    issued_on: string | null
  }[]
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const dates = documents.flatMap((d) => (d.issued_on ? [d.issued_on] : []))
  const periodEnds = documents.flatMap((d) => {
    const end = planPeriodEnd([d.plan_title, d.title], d.issued_on)
    return end === null ? [] : [end]
  })
  // The index on deadline_year makes this one step.
  const { latest } = db.prepare('SELECT max(deadline_year) AS latest FROM targets').get() as {
    latest: number | null
  }
  if (latest !== null) periodEnds.push(latest)
  const changed = lastChanges(db)
  return {
    lastChanged: Object.fromEntries(
      RESOURCE_TABLES.map((t) => [t, changed.get(RECORD_TYPE_OF[t]) ?? null]),
    ) as CatalogFacts['lastChanged'],
    lastChange: [...changed.values()].sort().at(-1) ?? null,
    issuers: [...new Set(documents.map((d) => d.issuer))],
    jurisdictions: [...new Set(documents.map((d) => d.jurisdiction))],
    levels: [...new Set(documents.flatMap((d) => d.jurisdiction_level ?? []))],
    firstIssued: dates[0] ?? null,
    lastIssued: dates[dates.length - 1] ?? null,
    coveredUntil: periodEnds.length === 0 ? null : `${Math.max(...periodEnds)}-12-31`,
    counts: Object.fromEntries(RESOURCE_TABLES.map((t) => [t, count(t)])) as CatalogFacts['counts'],
  }
}
