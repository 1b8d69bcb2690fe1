// The versions of a document (migration 0011), and what changed between two of them. A load
// that changes what a document serves adds a version; the one it supersedes keeps its text and
// its records as they were served, so that a diff reads the same records a client read then.
import type { Database } from './database.js'
import { snapshotOf, type Snapshot } from './changes.js'
import { prepared } from './query.js'

export interface VersionRecord {
  version: number
  loadedAt: string
  sourceFile: string
  sourceSha256: string
  lineCount: number
  current: boolean
}

interface Row {
  document_id: string
  version: number
  loaded_at: string
  source_file: string
  source_sha256: string
  line_count: number
  text: string | null
  records: string | null
}

/** What a version holds that a diff compares. */
interface Records {
  document: Record<string, unknown>
  sections: Record<string, unknown>[]
  tasks: Record<string, unknown>[]
  targets: Record<string, unknown>[]
}

const LISTED = { section: 'sections', task: 'tasks', target: 'targets' } as const

function recordsOf(snapshot: Snapshot): Records {
  const records: Records = { document: {}, sections: [], tasks: [], targets: [] }
  for (const { type, json } of snapshot.values()) {
    if (type === 'document') records.document = JSON.parse(json) as Record<string, unknown>
    else if (type in LISTED) {
      records[LISTED[type as keyof typeof LISTED]].push(JSON.parse(json) as Record<string, unknown>)
    }
  }
  return records
}

/**
 * After a load: a new document's first version; for a replaced one whose records or text
 * changed, the superseded version keeps `before` and its text, and a version is added.
 */
export function recordVersion(
  db: Database,
  documentId: string,
  load: { at: string; before: Snapshot; beforeText: string | null; changed: boolean },
): void {
  const latest = prepared(
    db,
    'SELECT max(version) AS version FROM document_versions WHERE document_id = ?',
  ).get(documentId) as { version: number | null }
  if (latest.version !== null && !load.changed) return
  if (latest.version !== null) {
    prepared(
      db,
      'UPDATE document_versions SET text = ?, records = ? WHERE document_id = ? AND version = ?',
    ).run(load.beforeText, JSON.stringify(recordsOf(load.before)), documentId, latest.version)
  }
  prepared(
    db,
    `INSERT INTO document_versions (document_id, version, loaded_at, source_file, source_sha256,
       line_count)
     SELECT id, ?, ?, source_file, source_sha256, line_count FROM documents WHERE id = ?`,
  ).run((latest.version ?? 0) + 1, load.at, documentId)
}

/** The document's versions, oldest first; empty when it is not loaded. */
export function listVersions(db: Database, documentId: string): VersionRecord[] {
  const rows = prepared(
    db,
    `SELECT v.* FROM document_versions v JOIN documents d ON d.id = v.document_id
     WHERE v.document_id = ? ORDER BY v.version`,
  ).all(documentId) as Row[]
  return rows.map((r, i) => ({
    version: r.version,
    loadedAt: r.loaded_at,
    sourceFile: r.source_file,
    sourceSha256: r.source_sha256,
    lineCount: r.line_count,
    current: i === rows.length - 1,
  }))
}

/** A version's records: the stored ones of a superseded version, the served ones of the current. */
function versionRecords(db: Database, documentId: string, version: number): Records | null {
  const versions = listVersions(db, documentId)
  const found = versions.find((v) => v.version === version)
  if (found === undefined) return null
  if (found.current) return recordsOf(snapshotOf(db, documentId))
  const row = prepared(
    db,
    'SELECT records FROM document_versions WHERE document_id = ? AND version = ?',
  ).get(documentId, version) as { records: string | null }
  return row.records === null ? null : (JSON.parse(row.records) as Records)
}

/**
 * Fields a diff leaves out: where a record sits in the text (a line added above moves every
 * record below it), what agencies report (progress, status), and what other plans say of this
 * one (citedBy, restates, restatedBy, a citation's documentId): no change of this text.
 */
const NOT_COMPARED = new Set(['source', 'progress', 'status', 'citedBy', 'restates', 'restatedBy'])

/** A field's value as a diff compares it: citations without the documents they resolve to. */
function comparable(field: string, value: unknown): unknown {
  if (field !== 'citations' || !Array.isArray(value)) return value
  return value.map((c: Record<string, unknown>) => ({ ...c, documentId: undefined }))
}

export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

export interface ListDiff {
  added: Record<string, unknown>[]
  removed: Record<string, unknown>[]
  changed: { id: string; fields: FieldChange[] }[]
}

export interface VersionDiff {
  from: number
  to: number
  document: FieldChange[]
  sections: ListDiff
  tasks: ListDiff
  targets: ListDiff
}

function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return fields
    .filter(
      (f) =>
        !NOT_COMPARED.has(f) &&
        JSON.stringify(comparable(f, a[f])) !== JSON.stringify(comparable(f, b[f])),
    )
    .map((field) => ({ field, from: a[field] ?? null, to: b[field] ?? null }))
}

function listDiff(a: Record<string, unknown>[], b: Record<string, unknown>[]): ListDiff {
  const before = new Map(a.map((r) => [r.id as string, r]))
  const after = new Map(b.map((r) => [r.id as string, r]))
  return {
    added: b.filter((r) => !before.has(r.id as string)),
    removed: a.filter((r) => !after.has(r.id as string)),
    changed: b.flatMap((r) => {
      const was = before.get(r.id as string)
      if (was === undefined) return []
      const fields = fieldChanges(was, r)
      return fields.length === 0 ? [] : [{ id: r.id as string, fields }]
    }),
  }
}

/** What changed from version `from` to version `to`, or null when either is not there. */
export function diffVersions(
  db: Database,
  documentId: string,
  from: number,
  to: number,
): VersionDiff | null {
  const a = versionRecords(db, documentId, from)
  const b = versionRecords(db, documentId, to)
  if (a === null || b === null) return null
  return {
    from,
    to,
    document: fieldChanges(a.document, b.document),
    sections: listDiff(a.sections, b.sections),
    tasks: listDiff(a.tasks, b.tasks),
    targets: listDiff(a.targets, b.targets),
  }
}
