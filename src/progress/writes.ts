// The rules of a progress write, the same through REST and GraphQL: who may write where, which
// values are valid, and that a task's status changes only from the state the writer saw.
import { ifMatchHolds, strongEtag } from '../http/etag.js'
import {
  StoreNotWritableError,
  type Principal,
  type Store,
  type TaskRecord,
} from '../store/index.js'
import type { ObservationInput, TaskStatus } from '../store/progress.js'
import type { ProgressEvents } from './events.js'

export type WriteFailure =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'precondition-required'
  | 'precondition-failed'
  | 'invalid-value'
  | 'read-only'
  | 'store-not-writable'

/** Why a write was refused: each kind is one HTTP status and one GraphQL error code. */
export class WriteError extends Error {
  override name = 'WriteError'
  /** When the refusal is for now only: the seconds to wait before trying again. */
  readonly retryAfterSeconds: number | null

  constructor(
    readonly failure: WriteFailure,
    message: string,
    readonly invalidParams: { name: string; reason: string }[] = [],
    options: {
      retryAfterSeconds?: number
      /** What failed underneath, for the log. */
      cause?: unknown
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.retryAfterSeconds = options.retryAfterSeconds ?? null
  }
}

export const STATUS_OF_FAILURE: Record<WriteFailure, number> = {
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'precondition-required': 428,
  'precondition-failed': 412,
  'invalid-value': 422,
  // A read replica: the client (or the load balancer) sent the write to the wrong node.
  'read-only': 503,
  // A primary that cannot write now (its file read-only, its disk full): not the client's doing.
  'store-not-writable': 503,
}

export const TASK_STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'done', 'at_risk']

/** Present: neither null nor left out. */
const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined

/** The longest note or evidence URL accepted. */
const MAX_TEXT = 2000

/** The strong ETag of a task as served: it changes whenever its status does. */
export function taskEtag(task: TaskRecord): string {
  return strongEtag(JSON.stringify(task))
}

/** The secret of an `Authorization: Bearer …` header, or null. */
function bearerSecret(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null
}

/**
 * Whom a request counts against in a rate limit: its token when the token is valid, else the
 * client's address, so that made-up tokens cannot buy fresh allowances. The key names the
 * token's id, never its secret.
 */
export function rateLimitKey(store: Store, authorization: string | undefined, ip: string): string {
  const secret = bearerSecret(authorization)
  const principal = secret === null ? null : store.principalOf(secret)
  return principal ? `token:${principal.tokenId}` : `address:${ip}`
}

/** The principal of an Authorization header; a WriteError when there is none or it is not valid. */
export function authenticate(store: Store, authorization: string | undefined): Principal {
  const secret = bearerSecret(authorization)
  if (secret === null) {
    throw new WriteError('unauthorized', 'a write needs Authorization: Bearer TOKEN')
  }
  const principal = store.principalOf(secret)
  if (!principal) throw new WriteError('unauthorized', 'the token is unknown or revoked')
  return principal
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

function isWebUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol)
  } catch {
    return false
  }
}

/** The problems of an observation's values, each naming its field. */
function invalidObservation(input: ObservationInput, today: string) {
  const problems: { name: string; reason: string }[] = []
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    problems.push({ name: 'value', reason: 'must be a finite number' })
  }
  if (typeof input.observedOn !== 'string' || !isCalendarDate(input.observedOn)) {
    problems.push({ name: 'observedOn', reason: 'must be a date, YYYY-MM-DD' })
  } else if (input.observedOn > today) {
    problems.push({ name: 'observedOn', reason: 'must not be later than today' })
  }
  if (given(input.note) && (typeof input.note !== 'string' || input.note.length > MAX_TEXT)) {
    problems.push({ name: 'note', reason: `must be text of at most ${MAX_TEXT} characters` })
  }
  if (
    given(input.evidenceUrl) &&
    (typeof input.evidenceUrl !== 'string' ||
      input.evidenceUrl.length > MAX_TEXT ||
      !isWebUrl(input.evidenceUrl))
  ) {
    problems.push({ name: 'evidenceUrl', reason: 'must be an http or https URL' })
  }
  return problems
}

/** A read replica takes no writes: they go to the primary, which the replicas follow. */
function assertWritable(store: Store): void {
  if (store.isReadOnly()) {
    throw new WriteError(
      'read-only',
      'this server is a read-only replica: send writes to the primary',
    )
  }
}

/**
 * Runs a write of the store; one SQLite could not take becomes a WriteError saying why, with
 * the SQLite error as its cause for the log.
 */
export function storeWrite<T>(write: () => T): T {
  try {
    return write()
  } catch (err) {
    if (!(err instanceof StoreNotWritableError)) throw err
    throw new WriteError('store-not-writable', `the write was not taken: ${err.message}`, [], {
      retryAfterSeconds: err.kind.retryAfterSeconds,
      cause: err.cause,
    })
  }
}

/**
 * Records an observation of a target. An agency writes on the targets of the tasks it is a
 * responsible unit of; a target no task restates takes an administrator's writes only.
 */
export function reportObservation(
  store: Store,
  principal: Principal,
  targetId: string,
  input: ObservationInput,
  events?: ProgressEvents,
  now = new Date(),
) {
  assertWritable(store)
  const target = store.getTarget(targetId)
  if (!target) throw new WriteError('not-found', `no target with id ${targetId}`)
  if (principal.role !== 'admin' && !store.isResponsibleForTarget(principal.agencyId!, targetId)) {
    throw new WriteError(
      'forbidden',
      target.taskIds.length === 0
        ? 'no task restates this target: only an administrator may report on it'
        : 'the token’s agency is not a responsible unit of a task restating this target',
    )
  }
  const problems = invalidObservation(input, now.toISOString().slice(0, 10))
  if (problems.length > 0) {
    throw new WriteError(
      'invalid-value',
      problems.map((p) => `${p.name} ${p.reason}`).join('; '),
      problems,
    )
  }
  const observation = storeWrite(() => store.addObservation(principal, targetId, input, now))
  events?.report({ kind: 'observation', targetId, taskId: null, observation })
  return observation
}

/**
 * Sets a task's status. The writer names the state it saw with If-Match (the task's ETag), and
 * the change is refused when the task has changed since, so that no report silently overwrites
 * another.
 */
export function changeTaskStatus(
  store: Store,
  principal: Principal,
  taskId: string,
  change: { status: string; note?: string | null | undefined },
  ifMatch: string | undefined,
  events?: ProgressEvents,
  now = new Date(),
): TaskRecord {
  assertWritable(store)
  const task = store.getTask(taskId)
  if (!task) throw new WriteError('not-found', `no task with id ${taskId}`)
  if (principal.role !== 'admin' && !store.isResponsibleForTask(principal.agencyId!, taskId)) {
    throw new WriteError('forbidden', 'the token’s agency is not a responsible unit of this task')
  }
  const problems: { name: string; reason: string }[] = []
  if (!TASK_STATUSES.includes(change.status as TaskStatus)) {
    problems.push({ name: 'status', reason: `must be one of ${TASK_STATUSES.join(', ')}` })
  }
  if (given(change.note) && (typeof change.note !== 'string' || change.note.length > MAX_TEXT)) {
    problems.push({ name: 'note', reason: `must be text of at most ${MAX_TEXT} characters` })
  }
  if (problems.length > 0) {
    throw new WriteError(
      'invalid-value',
      problems.map((p) => `${p.name} ${p.reason}`).join('; '),
      problems,
    )
  }
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new WriteError(
      'precondition-required',
      'send If-Match with the task’s ETag, so that a change made meanwhile is not overwritten',
    )
  }
  const statusChange = storeWrite(() =>
    store.setTaskStatus(
      principal,
      taskId,
      { status: change.status as TaskStatus, note: change.note },
      // Checked again inside the write's transaction: the state may have changed since the read.
      () => {
        if (!ifMatchHolds(ifMatch, taskEtag(store.getTask(taskId)!))) {
          throw new WriteError(
            'precondition-failed',
            'the task has changed since that ETag: read it again, then decide',
          )
        }
      },
      now,
    ),
  )
  events?.report({ kind: 'status', targetId: null, taskId, statusChange })
  return store.getTask(taskId)!
}
