// Progress as the agencies report it: observations of targets and status changes of tasks, each
// written in one transaction with its line of the audit log, and the queries that read them.
import { randomBytes } from 'node:crypto'
import type { Database } from './database.js'
import { recordChange } from './changes.js'
import { Conditions } from './paging.js'
import { PARENT_IDS, prepared, type ListSpec, type Relation } from './query.js'
import type { Principal } from './tokens.js'

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'at_risk'

export interface ObservationRecord {
  id: string
  targetId: string
  value: number
  observedOn: string
  note: string | null
  evidenceUrl: string | null
  reportedBy: string
  recordedAt: string
}

export interface StatusChangeRecord {
  taskId: string
  status: TaskStatus
  note: string | null
  setBy: string
  setAt: string
}

export interface AuditRecord {
  seq: number
  at: string
  tokenId: string
  actor: string
  action: string
  resource: string
  before: unknown
  after: unknown
}

/** Who a write is recorded as: the token's agency, or admin. */
const actorOf = (principal: Principal) => principal.agencyId ?? 'admin'

/** A line of the audit log, written in the transaction of the write it records. */
export function audit(
  db: Database,
  principal: Principal,
  entry: { at: string; action: string; resource: string; before: unknown; after: unknown },
): void {
  prepared(
    db,
    `INSERT INTO audit_log (at, token_id, actor, action, resource, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    principal.tokenId,
    actorOf(principal),
    entry.action,
    entry.resource,
    entry.before === null ? null : JSON.stringify(entry.before),
    JSON.stringify(entry.after),
  )
}

interface ObservationRow {
  seq: number
  id: string
  target_id: string
  value: number
  observed_on: string
  note: string | null
  evidence_url: string | null
  reported_by: string
  recorded_at: string
}

function toObservation(r: ObservationRow): ObservationRecord {
  return {
    id: r.id,
    targetId: r.target_id,
    value: r.value,
    observedOn: r.observed_on,
    note: r.note,
    evidenceUrl: r.evidence_url,
    reportedBy: r.reported_by,
    recordedAt: r.recorded_at,
  }
}

export interface ObservationInput {
  value: number
  observedOn: string
  note?: string | null | undefined
  evidenceUrl?: string | null | undefined
}

/** Records an observation and its audit line, both or neither. */
export function addObservation(
  db: Database,
  principal: Principal,
  targetId: string,
  input: ObservationInput,
  now = new Date(),
): ObservationRecord {
  const write = db.transaction(() => {
    const record: ObservationRecord = {
      id: `obs-${randomBytes(8).toString('hex')}`,
      targetId,
      value: input.value,
      observedOn: input.observedOn,
      note: input.note ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      reportedBy: actorOf(principal),
      recordedAt: now.toISOString(),
    }
    prepared(
      db,
      `INSERT INTO observations (id, target_id, value, observed_on, note, evidence_url,
         reported_by, token_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      targetId,
      record.value,
      record.observedOn,
      record.note,
      record.evidenceUrl,
      record.reportedBy,
      principal.tokenId,
      record.recordedAt,
    )
    const documentId = documentOfTarget(db, targetId)
    recordChange(db, {
      at: record.recordedAt,
      kind: 'observation.added',
      documentId,
      type: 'observation',
      id: record.id,
    })
    // The target's progress is what it says now.
    recordChange(db, {
      at: record.recordedAt,
      kind: 'target.changed',
      documentId,
      type: 'target',
      id: targetId,
    })
    audit(db, principal, {
      at: record.recordedAt,
      action: 'observation.create',
      resource: targetId,
      before: null,
      after: record,
    })
    return record
  })
  return write.immediate()
}

/** A target's observations, newest first by the date they hold for, then by recording. */
export function observationQuery(filter: {
  target?: string
}): [ListSpec<ObservationRow, ObservationRecord>, Conditions] {
  const where = new Conditions()
  if (filter.target !== undefined) where.add('o.target_id = ?', filter.target)
  return [
    {
      select: 'SELECT o.* FROM observations o',
      from: 'FROM observations o',
      id: 'o.id',
      // Negated so that the ascending keyset of the store reads newest first.
      key: ['-unixepoch(o.observed_on)', '-o.seq'],
      keyOf: (r) => [-unixEpoch(r.observed_on), -r.seq],
      map: toObservation,
    },
    where,
  ]
}

/** Observations hang on their targets. */
export const observationRelations = {
  target: { join: `JOIN ${PARENT_IDS} r ON r.value = o.target_id`, parent: 'r.value' },
} satisfies Record<string, Relation>

/** SQLite's unixepoch() of an ISO date: the same key on both sides of a cursor. */
function unixEpoch(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000
}

interface StatusRow {
  seq: number
  task_id: string
  status: TaskStatus
  note: string | null
  set_by: string
  set_at: string
}

function toStatusChange(r: StatusRow): StatusChangeRecord {
  return { taskId: r.task_id, status: r.status, note: r.note, setBy: r.set_by, setAt: r.set_at }
}

/** The current status of a task: its last change, or not started. */
export function currentStatus(db: Database, taskId: string): StatusChangeRecord | null {
  const row = prepared(
    db,
    'SELECT * FROM task_status_changes WHERE task_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(taskId) as StatusRow | undefined
  return row ? toStatusChange(row) : null
}

/**
 * Records a task's new status and its audit line, both or neither. `check` runs inside the
 * transaction, against the state it changes, so that two writers cannot both pass it.
 */
export function setTaskStatus(
  db: Database,
  principal: Principal,
  taskId: string,
  change: { status: TaskStatus; note?: string | null | undefined },
  check: () => void,
  now = new Date(),
): StatusChangeRecord {
  const write = db.transaction(() => {
    check()
    const before = currentStatus(db, taskId)
    const record: StatusChangeRecord = {
      taskId,
      status: change.status,
      note: change.note ?? null,
      setBy: actorOf(principal),
      setAt: now.toISOString(),
    }
    prepared(
      db,
      `INSERT INTO task_status_changes (task_id, status, note, set_by, token_id, set_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(taskId, record.status, record.note, record.setBy, principal.tokenId, record.setAt)
    recordChange(db, {
      at: record.setAt,
      kind: 'task.status_changed',
      documentId: prepared(db, 'SELECT document_id FROM tasks WHERE id = ?')
        .pluck()
        .get(taskId) as string,
      type: 'task',
      id: taskId,
    })
    audit(db, principal, {
      at: record.setAt,
      action: 'task.status',
      resource: taskId,
      before,
      after: record,
    })
    return record
  })
  return write.immediate()
}

/** The document a target belongs to. */
function documentOfTarget(db: Database, targetId: string): string {
  return prepared(db, 'SELECT document_id FROM targets WHERE id = ?')
    .pluck()
    .get(targetId) as string
}

/** A task's status changes, newest first. */
export function statusChangeQuery(filter: {
  task?: string
}): [ListSpec<StatusRow, StatusChangeRecord>, Conditions] {
  const where = new Conditions()
  if (filter.task !== undefined) where.add('c.task_id = ?', filter.task)
  return [
    {
      select: 'SELECT c.* FROM task_status_changes c',
      from: 'FROM task_status_changes c',
      id: 'c.seq',
      key: ['-c.seq'],
      keyOf: (r) => [-r.seq],
      map: toStatusChange,
    },
    where,
  ]
}

/** Status changes hang on their tasks. */
export const statusChangeRelations = {
  task: { join: `JOIN ${PARENT_IDS} r ON r.value = c.task_id`, parent: 'r.value' },
} satisfies Record<string, Relation>

interface AuditRow {
  seq: number
  at: string
  token_id: string
  actor: string
  action: string
  resource: string
  before: string | null
  after: string
}

/** The audit log, newest first. */
export function auditQuery(): [ListSpec<AuditRow, AuditRecord>, Conditions] {
  return [
    {
      select: 'SELECT l.* FROM audit_log l',
      from: 'FROM audit_log l',
      id: 'l.seq',
      key: ['-l.seq'],
      keyOf: (r) => [-r.seq],
      map: (r) => ({
        seq: r.seq,
        at: r.at,
        tokenId: r.token_id,
        actor: r.actor,
        action: r.action,
        resource: r.resource,
        before: r.before === null ? null : JSON.parse(r.before),
        after: JSON.parse(r.after),
      }),
    },
    new Conditions(),
  ]
}

/** Whether the agency is a responsible unit of the task. */
export function isResponsibleForTask(db: Database, agencyId: string, taskId: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM task_agencies WHERE agency_id = ? AND task_id = ?').get(
      agencyId,
      taskId,
    ) !== undefined
  )
}

/** Whether the agency is a responsible unit of a task that restates the target. */
export function isResponsibleForTarget(db: Database, agencyId: string, targetId: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM target_tasks tt JOIN task_agencies ta ON ta.task_id = tt.task_id
       WHERE ta.agency_id = ? AND tt.target_id = ?`,
    ).get(agencyId, targetId) !== undefined
  )
}

/** The number of the last write recorded: it grows with every progress write. */
export function lastWrite(db: Database): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n
}
