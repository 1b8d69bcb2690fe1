// The change feed (migration 0010): what a load or a write changed, recorded in its transaction,
// so that a change is in the feed exactly when it is in the data. A load compares the records of
// its document as the API serves them before and after, so that "changed" means a client would
// read something different.
import type { Database } from './database.js'
import { agencyQuery } from './agencies.js'
import { getDocument } from './documents.js'
import { findingQuery } from './findings.js'
import { Conditions } from './paging.js'
import { listAll, prepared, type ListSpec } from './query.js'
import { sectionQuery } from './sections.js'
import { targetQuery } from './targets.js'
import { linkedElsewhere } from './target-links.js'
import { taskQuery } from './tasks.js'

export const RECORD_TYPES = [
  'document',
  'section',
  'task',
  'agency',
  'target',
  'finding',
  'observation',
] as const
export type RecordType = (typeof RECORD_TYPES)[number]

export interface ChangeRecord {
  seq: number
  at: string
  kind: string
  documentId: string
  record: { type: RecordType; id: string }
}

interface Row {
  seq: number
  at: string
  kind: string
  document_id: string
  record_type: RecordType
  record_id: string
}

/** The records of a document as served, each as its JSON, by type and id. */
export type Snapshot = Map<string, { type: RecordType; id: string; json: string }>

/** What the API serves of one document now: itself, its sections, tasks, targets (withdrawn
 * too), findings and the agencies it names. Empty when it is not loaded. */
export function snapshotOf(db: Database, documentId: string): Snapshot {
  const snapshot: Snapshot = new Map()
  const document = getDocument(db, documentId)
  if (document === null) return snapshot
  const add = (type: RecordType, records: Iterable<{ id: string }>) => {
    for (const record of records) {
      snapshot.set(`${type}:${record.id}`, { type, id: record.id, json: JSON.stringify(record) })
    }
  }
  add('document', [document])
  const filter = { document: documentId }
  add('section', listAll(db, ...sectionQuery(filter)))
  add('task', listAll(db, ...taskQuery(filter)))
  add('agency', listAll(db, ...agencyQuery(filter)))
  add('target', listAll(db, ...targetQuery(filter)))
  add('finding', listAll(db, ...findingQuery(filter)))
  return snapshot
}

/** The ids of a document's records, in the order the lists serve them. */
function recordIds(db: Database, documentId: string): { type: RecordType; id: string }[] {
  const ids = (type: RecordType, sql: string) =>
    (prepared(db, sql).all(documentId) as { id: string }[]).map(({ id }) => ({ type, id }))
  return [
    ...ids('section', 'SELECT id FROM sections WHERE document_id = ? ORDER BY position'),
    ...ids('task', 'SELECT id FROM tasks WHERE document_id = ? ORDER BY position'),
    ...ids(
      'agency',
      'SELECT DISTINCT agency_id AS id FROM agency_names WHERE document_id = ? ORDER BY agency_id',
    ),
    ...ids('target', 'SELECT id FROM targets WHERE document_id = ? ORDER BY position'),
    ...ids('finding', 'SELECT id FROM findings WHERE document_id = ? ORDER BY position'),
  ]
}

/** Records one change. */
export function recordChange(
  db: Database,
  change: { at: string; kind: string; documentId: string; type: RecordType; id: string },
): void {
  prepared(
    db,
    'INSERT INTO changes (at, kind, document_id, record_type, record_id) VALUES (?, ?, ?, ?, ?)',
  ).run(change.at, change.kind, change.documentId, change.type, change.id)
}

/** Whether a record's JSON says it is withdrawn (a target the text no longer states). */
const withdrawn = (json: string) => (JSON.parse(json) as { withdrawn?: boolean }).withdrawn === true

/**
 * The changes between a document's records before a load and after it: the document loaded or
 * replaced, then each record added, changed, withdrawn or removed, in the order served. Returns
 * whether anything the document serves changed.
 */
export function recordLoad(
  db: Database,
  documentId: string,
  before: Snapshot,
  at: string,
): boolean {
  const record = (kind: string, type: RecordType, id: string) =>
    recordChange(db, { at, kind: `${type}.${kind}`, documentId, type, id })
  // An agency is its jurisdiction's: one this document names anew may be another's already.
  const namedElsewhere = prepared(
    db,
    'SELECT 1 FROM agency_names WHERE agency_id = ? AND document_id != ? LIMIT 1',
  )
  const added = (type: RecordType, id: string) => {
    const existed = type === 'agency' && namedElsewhere.get(id, documentId) !== undefined
    record(existed ? 'changed' : 'added', type, id)
  }
  if (before.size === 0) {
    // A new document: everything of it is new, and its ids say so without reading the records.
    record('loaded', 'document', documentId)
    for (const { type, id } of recordIds(db, documentId)) added(type, id)
    return true
  }
  // A replacement: what differs, recorded after document.replaced, and nothing when nothing
  // differs (the same text loaded again changes nothing a client reads).
  const after = snapshotOf(db, documentId)
  const differences: [string, RecordType, string][] = []
  for (const [key, now] of after) {
    if (now.type === 'document') continue
    const was = before.get(key)
    if (was === undefined) differences.push(['added', now.type, now.id])
    else if (was.json !== now.json) {
      const kind = withdrawn(now.json) && !withdrawn(was.json) ? 'withdrawn' : 'changed'
      differences.push([kind, now.type, now.id])
    }
  }
  for (const [key, was] of before) {
    if (after.has(key)) continue
    // An agency no longer named by this document may still be another's: changed, not gone.
    const stillServed =
      was.type === 'agency' &&
      prepared(db, 'SELECT 1 FROM agencies WHERE id = ?').get(was.id) !== undefined
    differences.push([stillServed ? 'changed' : 'removed', was.type, was.id])
  }
  const key = `document:${documentId}`
  if (differences.length === 0 && before.get(key)?.json === after.get(key)?.json) return false
  record('replaced', 'document', documentId)
  for (const [kind, type, id] of differences) {
    if (kind === 'added') added(type, id)
    else record(kind, type, id)
  }
  return true
}

/** A document removed: it and each record it served, removed (a shared agency, changed). */
export function recordRemoval(
  db: Database,
  documentId: string,
  before: Snapshot,
  at: string,
): void {
  const stillServed = prepared(db, 'SELECT 1 FROM agencies WHERE id = ?')
  recordChange(db, { at, kind: 'document.removed', documentId, type: 'document', id: documentId })
  for (const { type, id } of before.values()) {
    if (type === 'document') continue
    const kind = type === 'agency' && stillServed.get(id) !== undefined ? 'changed' : 'removed'
    recordChange(db, { at, kind: `${type}.${kind}`, documentId, type, id })
  }
}

/**
 * The records of other documents that say something of this one: the documents that cite it
 * and that it cites (citedBy, citations[].documentId), and the targets linked to its targets
 * (restates, restatedBy).
 */
export function relatedRecords(
  db: Database,
  documentId: string,
): { type: RecordType; id: string }[] {
  const documents = prepared(
    db,
    `SELECT c.document_id AS id FROM citations c JOIN documents d ON d.id = ?
       WHERE c.document_id != d.id
         AND (c.number = d.number OR (c.number IS NULL AND (c.title = d.title OR c.title = d.plan_title)))
     UNION
     SELECT x.id FROM citations c JOIN documents x
       ON x.id != c.document_id
      AND (x.number = c.number OR (c.number IS NULL AND (x.title = c.title OR x.plan_title = c.title)))
     WHERE c.document_id = ?`,
  ).all(documentId, documentId) as { id: string }[]
  return [
    ...documents.map(({ id }) => ({ type: 'document' as const, id })),
    ...linkedElsewhere(db, documentId).map((id) => ({ type: 'target' as const, id })),
  ]
}

/** Records a change of each related record still served (once each; the gone need none). */
export function recordRelated(
  db: Database,
  documentId: string,
  related: { type: RecordType; id: string }[],
  at: string,
): void {
  const seen = new Set<string>()
  const exists = {
    document: prepared(db, 'SELECT id AS doc FROM documents WHERE id = ?'),
    target: prepared(db, 'SELECT document_id AS doc FROM targets WHERE id = ?'),
  }
  for (const { type, id } of related) {
    if (seen.has(`${type}:${id}`) || (type !== 'document' && type !== 'target')) continue
    seen.add(`${type}:${id}`)
    const row = exists[type].get(id) as { doc: string } | undefined
    if (row === undefined || row.doc === documentId) continue
    recordChange(db, { at, kind: `${type}.changed`, documentId: row.doc, type, id })
  }
}

/** The feed in order, from the change after `since` (a seq) when given. */
export function changeQuery(filter: {
  since?: number | undefined
  document?: string | undefined
}): [ListSpec<Row, ChangeRecord>, Conditions] {
  const where = new Conditions()
  if (filter.since !== undefined) where.add('c.seq > ?', filter.since)
  if (filter.document !== undefined) where.add('c.document_id = ?', filter.document)
  return [
    {
      select: 'SELECT c.* FROM changes c',
      from: 'FROM changes c',
      id: 'c.seq',
      key: ['c.seq'],
      keyOf: (r) => [r.seq],
      map: (r) => ({
        seq: r.seq,
        at: r.at,
        kind: r.kind,
        documentId: r.document_id,
        record: { type: r.record_type, id: r.record_id },
      }),
    },
    where,
  ]
}

/** The latest `limit` changes, newest first (a feed reader's Atom). */
export function recentChanges(db: Database, limit: number): ChangeRecord[] {
  const [spec] = changeQuery({})
  const rows = prepared(db, `${spec.select} ORDER BY c.seq DESC LIMIT ?`).all(limit) as Row[]
  return rows.map(spec.map)
}

/** When the records of each type last changed, for the datasets' dcat:modified. */
export function lastChanges(db: Database): Map<RecordType, string> {
  const rows = prepared(
    db,
    'SELECT record_type AS type, max(at) AS at FROM changes GROUP BY record_type',
  ).all() as { type: RecordType; at: string }[]
  return new Map(rows.map((r) => [r.type, r.at]))
}
