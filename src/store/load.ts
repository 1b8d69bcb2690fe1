// Loading a parsed plan: one transaction per document, replacing an earlier version of the same
// document number and leaving every other document as it was.
import type { PlanDocument } from '../ingest/types.js'
import { PARSER_VERSION } from '../ingest/version.js'
import type { Database } from './database.js'
import { recordLoad, recordRelated, recordRemoval, relatedRecords, snapshotOf } from './changes.js'
import { linkTargets } from './target-links.js'
import { recordVersion } from './versions.js'
import type { HitType } from './search.js'
import {
  agencyId,
  documentId,
  documentIdentity,
  findingIds,
  sectionIds,
  targetIds,
  taskId,
} from './ids.js'

export interface LoadResult {
  documentId: string
  replaced: boolean
}

/** The pairs of adjacent characters of a text, and its last character: what search_pairs holds. */
function pairsOf(text: string): string {
  const chars = [...text]
  return chars.map((c, i) => c + (chars[i + 1] ?? '')).join(' ')
}

/**
 * Indexes a text for search: in the trigram index, and as pairs of characters in search_pairs
 * (migration 0004) under the same rowid, for queries of one or two characters, with its kind
 * (migration 0009) for searches of one kind. Returns the rowid.
 */
function textIndexer(db: Database) {
  const indexed = db.prepare(
    'INSERT INTO search_index (kind, ref_id, document_id, text) VALUES (?, ?, ?, ?)',
  )
  const pairs = db.prepare('INSERT INTO search_pairs (rowid, pairs, kind) VALUES (?, ?, ?)')
  return (kind: HitType, refId: string, docId: string, text: string): number => {
    const entry = Number(indexed.run(kind, refId, docId, text).lastInsertRowid)
    if (text !== '') pairs.run(entry, pairsOf(text), kind)
    return entry
  }
}

/** What a document is found by: its 发文字号, title and plan title, one a line (migration 0009). */
function documentText(
  number: string | null,
  title: string | null,
  planTitle: string | null,
): string {
  return `${number ?? ''}\n${title ?? ''}${planTitle ? `\n${planTitle}` : ''}`
}

/**
 * Indexes these agencies again under every name they have now, canonical or alias, in code point
 * order, one a line (as migration 0009 does), or drops them from the index where they are gone.
 * Their names change as documents naming them come and go. Re-indexed, an agency is among the
 * most recent texts the search window ranks.
 */
function reindexAgencies(db: Database, ids: Iterable<string>): void {
  const entryOf = db.prepare('SELECT entry FROM search_agencies WHERE agency_id = ?').pluck()
  const unpair = db.prepare('DELETE FROM search_pairs WHERE rowid = ?')
  const unindex = db.prepare('DELETE FROM search_index WHERE rowid = ?')
  const forget = db.prepare('DELETE FROM search_agencies WHERE agency_id = ?')
  const names = db
    .prepare(
      `SELECT group_concat(name, char(10) ORDER BY name)
         FROM (SELECT name FROM agency_names WHERE agency_id = ?
               UNION SELECT name FROM agencies WHERE id = ?)`,
    )
    .pluck()
  const remember = db.prepare('INSERT INTO search_agencies (agency_id, entry) VALUES (?, ?)')
  const indexed = textIndexer(db)
  for (const id of ids) {
    const entry = entryOf.get(id) as number | undefined
    if (entry !== undefined) {
      unpair.run(entry)
      unindex.run(entry)
      forget.run(id)
    }
    const text = names.get(id, id) as string | null
    if (text !== null) remember.run(id, indexed('agency', id, '', text))
  }
}

/** Drops a document and what hangs on it; agencies no document mentions any more go too. */
function deleteDocument(db: Database, id: string): void {
  const named = db
    .prepare('SELECT DISTINCT agency_id FROM agency_names WHERE document_id = ?')
    .pluck()
    .all(id) as string[]
  db.prepare(
    'DELETE FROM search_pairs WHERE rowid IN (SELECT rowid FROM search_index WHERE document_id = ?)',
  ).run(id)
  db.prepare('DELETE FROM search_index WHERE document_id = ?').run(id)
  db.prepare('DELETE FROM documents WHERE id = ?').run(id)
  db.prepare(
    `DELETE FROM agencies WHERE id NOT IN (SELECT agency_id FROM agency_names)
       AND id NOT IN (SELECT agency_id FROM task_agencies)
       AND id NOT IN (SELECT agency_id FROM agency_profiles)`,
  ).run()
  reindexAgencies(db, named)
}

function insertDocument(db: Database, plan: PlanDocument): string {
  const id = documentId(documentIdentity(plan))
  db.prepare(
    `INSERT INTO documents (id, number, agency_code, year, serial, issuer, jurisdiction,
       jurisdiction_level, title, plan_title, recipients, issued_on, printer, sponsor, cc,
       attachments, source_file, source_sha256, source_url, supplied_fields, line_count,
       parser_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    plan.number,
    plan.numberParts?.agencyCode ?? null,
    plan.numberParts?.year ?? null,
    plan.numberParts?.serial ?? null,
    plan.issuer,
    plan.jurisdiction,
    plan.jurisdictionLevel,
    plan.title,
    plan.planTitle,
    JSON.stringify(plan.recipients),
    plan.issuedOn,
    plan.printer,
    plan.sponsor,
    JSON.stringify(plan.cc),
    JSON.stringify(plan.attachments),
    plan.source.file,
    plan.source.sha256,
    plan.source.url,
    JSON.stringify(plan.suppliedFields),
    plan.lineCount,
    PARSER_VERSION,
  )
  const citation = db.prepare(
    'INSERT INTO citations (document_id, position, title, number, line) VALUES (?, ?, ?, ?, ?)',
  )
  plan.citations.forEach((c, i) => citation.run(id, i + 1, c.title, c.number, c.line))
  const { bytes, text, pageOfLine } = plan.published
  db.prepare(
    `INSERT INTO document_files (document_id, format, media_type, original, text, page_of_line)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    plan.source.format,
    plan.source.mediaType,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    text,
    pageOfLine === null ? null : JSON.stringify(pageOfLine),
  )
  textIndexer(db)('document', id, id, documentText(plan.number, plan.title, plan.planTitle))
  return id
}

/** The page of a line of the text read from a PDF; null for every other format. */
function pageOf(plan: PlanDocument): (line: number) => number | null {
  const pages = plan.published.pageOfLine
  return (line) => (pages === null ? null : (pages[line - 1] ?? null))
}

function insertSections(db: Database, plan: PlanDocument, docId: string): string[] {
  const ids = sectionIds(documentIdentity(plan), plan.sections)
  const section = db.prepare(
    `INSERT INTO sections (id, document_id, position, kind, label, number, heading, text,
       parent_id, start_line, end_line, start_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const page = pageOf(plan)
  const indexed = textIndexer(db)
  plan.sections.forEach((s, i) => {
    const parentId = s.parentIndex === null ? null : ids[s.parentIndex]!
    section.run(
      ids[i],
      docId,
      i + 1,
      s.kind,
      s.label,
      s.number,
      s.heading,
      s.text,
      parentId,
      s.startLine,
      s.endLine,
      page(s.startLine),
    )
    indexed('section', ids[i]!, docId, s.text === '' ? s.heading : `${s.heading}\n${s.text}`)
  })
  return ids
}

function insertAgencies(db: Database, plan: PlanDocument, docId: string): string[] {
  const agency = db.prepare(
    'INSERT OR IGNORE INTO agencies (id, jurisdiction, name, kind) VALUES (?, ?, ?, ?)',
  )
  const name = db.prepare(
    'INSERT OR IGNORE INTO agency_names (agency_id, document_id, name) VALUES (?, ?, ?)',
  )
  const profile = db.prepare(
    `INSERT INTO agency_profiles (agency_id, document_id, duties, lead, phone, line)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  return plan.agencies.map((a) => {
    const id = agencyId(plan.jurisdiction, a.name, documentIdentity(plan))
    agency.run(id, plan.jurisdiction, a.name, a.kind)
    for (const spelling of [a.name, ...a.aliases]) name.run(id, docId, spelling)
    if (a.profile) {
      const p = a.profile
      profile.run(id, docId, p.duties, p.lead, p.phone, p.line)
    }
    return id
  })
}

function insertTasks(
  db: Database,
  plan: PlanDocument,
  docId: string,
  sectionIdsByIndex: string[],
  agencyIds: string[],
): void {
  const identity = documentIdentity(plan)
  const task = db.prepare(
    `INSERT INTO tasks (id, document_id, position, number, text, line, section_id, due_text,
       due_date, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const page = pageOf(plan)
  const unit = db.prepare(
    `INSERT INTO task_agencies (task_id, position, agency_id, as_written, line, role)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const item = db.prepare('INSERT INTO task_items (task_id, section_id) VALUES (?, ?)')
  const indexed = textIndexer(db)
  plan.tasks.forEach((t, i) => {
    const id = taskId(identity, i + 1)
    const sectionId = t.sectionIndex === null ? null : sectionIdsByIndex[t.sectionIndex]!
    task.run(
      id,
      docId,
      i + 1,
      t.number,
      t.text,
      t.line,
      sectionId,
      t.due?.text ?? null,
      t.due?.date ?? null,
      page(t.line),
    )
    t.units.forEach((u, k) =>
      unit.run(id, k + 1, agencyIds[u.agencyIndex], u.asWritten, u.line, u.role),
    )
    for (const index of t.itemIndexes) item.run(id, sectionIdsByIndex[index])
    indexed('task', id, docId, t.text)
  })
}

function insertTargets(
  db: Database,
  plan: PlanDocument,
  docId: string,
  sectionIdsByIndex: string[],
): string[] {
  const identity = documentIdentity(plan)
  const ids = targetIds(identity, plan.targets)
  const target = db.prepare(
    `INSERT INTO targets (id, document_id, position, section_id, indicator, comparator, value,
       value_max, unit, deadline_year, deadline_from, basis, base_year, relative_to, quote, line,
       page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const page = pageOf(plan)
  const link = db.prepare('INSERT INTO target_tasks (target_id, task_id) VALUES (?, ?)')
  const indexed = textIndexer(db)
  plan.targets.forEach((t, i) => {
    const sectionId = t.sectionIndex === null ? null : sectionIdsByIndex[t.sectionIndex]!
    target.run(
      ids[i],
      docId,
      i + 1,
      sectionId,
      t.indicator,
      t.comparator,
      t.value,
      t.valueMax,
      t.unit,
      t.deadlineYear,
      t.deadlineFrom,
      t.basis,
      t.baseYear,
      t.relativeTo,
      t.quote,
      t.line,
      page(t.line),
    )
    for (const taskIndex of t.taskIndexes) link.run(ids[i], taskId(identity, taskIndex + 1))
    indexed('target', ids[i]!, docId, `${t.indicator}\n${t.quote}`)
  })
  return ids
}

function insertFindings(db: Database, plan: PlanDocument, docId: string) {
  const ids = findingIds(documentIdentity(plan), plan.findings)
  const finding = db.prepare(
    `INSERT INTO findings (id, document_id, position, severity, code, message, line, lines, page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const page = pageOf(plan)
  plan.findings.forEach((f, i) =>
    finding.run(
      ids[i],
      docId,
      i + 1,
      f.severity,
      f.code,
      f.message,
      f.lines[0]!,
      JSON.stringify(f.lines),
      page(f.lines[0]!),
    ),
  )
}

type TargetRow = Record<string, unknown> & { id: string }

/** The document's targets that agencies have reported on: their history outlives the text. */
function reportedTargets(db: Database, docId: string): TargetRow[] {
  return db
    .prepare(
      `SELECT * FROM targets g WHERE g.document_id = ?
         AND EXISTS (SELECT 1 FROM observations o WHERE o.target_id = g.id)
       ORDER BY g.position`,
    )
    .all(docId) as TargetRow[]
}

/**
 * Targets reported on that the new text no longer states stay, marked withdrawn, after the
 * text's own targets and without the old text's section and task links, so that their
 * observations still have a target to belong to.
 */
function keepWithdrawn(db: Database, docId: string, earlier: TargetRow[], current: Set<string>) {
  const gone = earlier.filter((row) => !current.has(row.id))
  if (gone.length === 0) return
  const { last } = db
    .prepare('SELECT coalesce(max(position), 0) AS last FROM targets WHERE document_id = ?')
    .get(docId) as { last: number }
  const insert = db.prepare(
    `INSERT INTO targets (id, document_id, position, section_id, indicator, comparator, value,
       value_max, unit, deadline_year, deadline_from, basis, base_year, relative_to, quote, line,
       page, withdrawn)
     VALUES (@id, @document_id, @position, NULL, @indicator, @comparator, @value, @value_max,
       @unit, @deadline_year, @deadline_from, @basis, @base_year, @relative_to, @quote, @line,
       @page, 1)`,
  )
  gone.forEach((row, i) => insert.run({ ...row, position: last + i + 1 }))
}

function loadOne(db: Database, plan: PlanDocument, at: string): LoadResult {
  const id = documentId(documentIdentity(plan))
  const replaced = db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined
  const before = replaced ? snapshotOf(db, id) : new Map()
  const beforeText = replaced
    ? ((
        db.prepare('SELECT text FROM document_files WHERE document_id = ?').get(id) as
          { text: string } | undefined
      )?.text ?? null)
    : null
  const reported = replaced ? reportedTargets(db, id) : []
  // Records of other documents that say something of this one: they change with it.
  const relatedBefore = replaced ? relatedRecords(db, id) : []
  if (replaced) deleteDocument(db, id)
  insertDocument(db, plan)
  const sections = insertSections(db, plan, id)
  const agencies = insertAgencies(db, plan, id)
  reindexAgencies(db, new Set(agencies))
  insertTasks(db, plan, id, sections, agencies)
  const targets = insertTargets(db, plan, id, sections)
  keepWithdrawn(db, id, reported, new Set(targets))
  insertFindings(db, plan, id)
  linkTargets(db, id)
  const changed = recordLoad(db, id, before, at)
  // What others say of a document that did not change does not change either.
  if (changed) recordRelated(db, id, [...relatedBefore, ...relatedRecords(db, id)], at)
  recordVersion(db, id, { at, before, beforeText, changed })
  return { documentId: id, replaced }
}

/**
 * Removes a document and what hangs on it, recording each record it served as removed (an
 * agency another document still names, as changed) and the other plans' records that spoke of
 * it. Its versions stay, and the observations and statuses reported, as history. False when no
 * document has the id.
 */
export function removeDocument(db: Database, id: string, now: Date = new Date()): boolean {
  const remove = db.transaction(() => {
    if (db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) === undefined) return false
    const at = now.toISOString()
    const related = relatedRecords(db, id)
    const before = snapshotOf(db, id)
    deleteDocument(db, id)
    recordRemoval(db, id, before, at)
    recordRelated(db, id, related, at)
    return true
  })
  return remove()
}

/**
 * Loads documents all or nothing: each in a transaction of its own (a savepoint), all of them
 * in one outer transaction, so that a failure leaves the database exactly as it was.
 */
export function loadDocuments(
  db: Database,
  plans: PlanDocument[],
  now: Date = new Date(),
): LoadResult[] {
  const at = now.toISOString()
  const loadAll = db.transaction((all: PlanDocument[]) =>
    all.map((plan) => db.transaction(loadOne)(db, plan, at)),
  )
  return loadAll(plans)
}
