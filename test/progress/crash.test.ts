// A 2xx means the write is on disk: the real server, killed with SIGKILL while writes are in
// flight, loses none it acknowledged, and keeps every write with its audit line, both or neither.
//
// What this proves: the answer is sent only after the write's transaction has committed. A
// SIGKILL ends the process but not the kernel, so a commit the OS holds in its page cache
// survives it even unsynced; losing those takes a power cut, which synchronous = FULL is for and
// which no test of a process can stage.
import { once } from 'node:events'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { openDatabase } from '../../src/store/database.js'
import { createToken } from '../../src/store/tokens.js'
import { tempDir } from '../helper.js'
import { start, stop, type Server } from '../server-process.js'

const CYCLES = 3
/** Concurrent writers: observations, and status changes competing for one task. */
const REPORTERS = 8
const STATUS_WRITERS = 2
/** Kill once this many writes of a cycle are acknowledged, or a second after the first one. */
const ENOUGH = 200
const SOON_MS = 1000
/** Past this, kill anyway: the assertion that writes were acknowledged then says why. */
const AT_MOST_MS = 20_000
const STATUSES = ['not_started', 'in_progress', 'done', 'at_risk']

/** What the server acknowledged, over all cycles. */
interface Ledger {
  /** The value of every observation answered 201 (values are unique), with its id once read. */
  observations: Map<number, string | null>
  /** The note of every status change answered 200 (notes are unique). */
  statusNotes: Set<string>
}

/** One cycle's writers: stopped by the kill, each error before it kept to fail the test. */
interface Run {
  killed: boolean
  acknowledged: number
  /** Requests whose answers are not fully read yet. */
  inFlight: number
  errors: string[]
}

async function ready(server: Server): Promise<void> {
  for (;;) {
    const res = await fetch(`${server.url}/readyz`)
    await res.arrayBuffer()
    if (res.status === 200) return
    await sleep(50)
  }
}

let counter = 0

/** Sends a request and reads its answer; the kill turns a failure into an unknown outcome. */
async function exchange(
  run: Run,
  url: string,
  init: RequestInit,
  acknowledge: (res: Response) => boolean,
): Promise<{ res: Response; body: unknown } | null> {
  run.inFlight++
  try {
    const res = await fetch(url, init)
    // The status line is the server's word: from here on the write counts as acknowledged,
    // even if the kill cuts off the rest of the answer.
    if (acknowledge(res)) run.acknowledged++
    const text = await res.text()
    return { res, body: text === '' ? null : (JSON.parse(text) as unknown) }
  } catch (err) {
    if (!run.killed) run.errors.push(`${init.method ?? 'GET'} ${url}: ${String(err)}`)
    return null
  } finally {
    run.inFlight--
  }
}

async function reportObservations(
  run: Run,
  ledger: Ledger,
  server: Server,
  target: string,
  token: string,
): Promise<void> {
  const url = `${server.url}/v1/targets/${target}/observations`
  while (!run.killed && run.errors.length === 0) {
    const value = ++counter
    const answer = await exchange(
      run,
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value, observedOn: '2024-06-30' }),
      },
      (res) => {
        if (res.status !== 201) return false
        ledger.observations.set(value, null)
        return true
      },
    )
    if (!answer) return
    if (answer.res.status !== 201) {
      run.errors.push(`POST ${url}: ${answer.res.status} ${JSON.stringify(answer.body)}`)
      return
    }
    ledger.observations.set(value, (answer.body as { data: { id: string } }).data.id)
  }
}

async function changeStatus(
  run: Run,
  ledger: Ledger,
  server: Server,
  task: string,
  token: string,
): Promise<void> {
  let etag: string | null = null
  while (!run.killed && run.errors.length === 0) {
    if (etag === null) {
      const read = await exchange(run, `${server.url}/v1/tasks/${task}`, {}, () => false)
      if (!read) return
      etag = read.res.headers.get('etag')
      if (read.res.status !== 200 || etag === null) {
        run.errors.push(`GET task ${task}: ${read.res.status}, ETag ${etag}`)
        return
      }
    }
    const n = ++counter
    const note = `change ${n}`
    const answer = await exchange(
      run,
      `${server.url}/v1/tasks/${task}/status`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'if-match': etag,
        },
        body: JSON.stringify({ status: STATUSES[n % STATUSES.length], note }),
      },
      (res) => {
        if (res.status !== 200) return false
        ledger.statusNotes.add(note)
        return true
      },
    )
    if (!answer) return
    if (answer.res.status === 200) {
      etag = answer.res.headers.get('etag')
    } else if (answer.res.status === 412) {
      // The other writer changed the task since this one read it: read it again.
      etag = null
    } else {
      run.errors.push(`PUT status of ${task}: ${answer.res.status} ${JSON.stringify(answer.body)}`)
      return
    }
  }
}

interface Stored {
  observations: number
  statusChanges: number
  missingObservations: number[]
  /** Stored but never acknowledged: their answers were lost with the kill. */
  unacknowledgedObservations: number
  unacknowledgedStatusChanges: number
  wrongIds: { value: number; acknowledged: string; stored: string | undefined }[]
  duplicateValues: number
  missingStatusChanges: string[]
  withoutAudit: string[]
  auditWithoutWrite: string[]
  integrity: unknown
  perTarget: Map<string, number>
  perTask: Map<string, number>
}

/** Reads the file directly, as it is on disk after the crash and the restart. */
function readStored(dbPath: string, ledger: Ledger): Stored {
  const db = openDatabase(dbPath, { readonly: true, migrate: false })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    const observations = db
      .prepare('SELECT id, target_id AS targetId, value FROM observations')
      .all() as { id: string; targetId: string; value: number }[]
    const changes = db
      .prepare('SELECT task_id AS taskId, note, set_at AS setAt FROM task_status_changes')
      .all() as { taskId: string; note: string; setAt: string }[]
    const audit = db.prepare('SELECT action, resource, after FROM audit_log').all() as {
      action: string
      resource: string
      after: string
    }[]

    const idOfValue = new Map(observations.map((o) => [o.value, o.id]))
    const notes = new Set(changes.map((c) => c.note))
    // Each write and its audit line, keyed alike: both or neither, and never twice.
    const writeKeys = [
      ...observations.map((o) => `observation ${o.targetId} ${o.id}`),
      ...changes.map((c) => `status ${c.taskId} ${c.note} ${c.setAt}`),
    ]
    const auditKeys = audit.map((a) => {
      const after = JSON.parse(a.after) as { id?: string; note?: string; setAt?: string }
      if (a.action === 'observation.create') return `observation ${a.resource} ${after.id}`
      if (a.action === 'task.status') return `status ${a.resource} ${after.note} ${after.setAt}`
      return `${a.action} ${a.resource}`
    })
    const auditCount = new Map<string, number>()
    for (const key of auditKeys) auditCount.set(key, (auditCount.get(key) ?? 0) + 1)
    const writeSet = new Set(writeKeys)

    const perTarget = new Map<string, number>()
    for (const o of observations) perTarget.set(o.targetId, (perTarget.get(o.targetId) ?? 0) + 1)
    const perTask = new Map<string, number>()
    for (const c of changes) perTask.set(c.taskId, (perTask.get(c.taskId) ?? 0) + 1)

    return {
      observations: observations.length,
      statusChanges: changes.length,
      missingObservations: [...ledger.observations.keys()].filter((v) => !idOfValue.has(v)),
      unacknowledgedObservations: observations.filter((o) => !ledger.observations.has(o.value))
        .length,
      unacknowledgedStatusChanges: changes.filter((c) => !ledger.statusNotes.has(c.note)).length,
      wrongIds: [...ledger.observations]
        .filter(([value, id]) => id !== null && idOfValue.get(value) !== id)
        .map(([value, id]) => ({ value, acknowledged: id!, stored: idOfValue.get(value) })),
      duplicateValues: observations.length - idOfValue.size,
      missingStatusChanges: [...ledger.statusNotes].filter((n) => !notes.has(n)),
      withoutAudit: writeKeys.filter((k) => auditCount.get(k) !== 1),
      auditWithoutWrite: auditKeys.filter((k) => !writeSet.has(k)),
      integrity,
      perTarget,
      perTask,
    }
  } finally {
    db.close()
  }
}

t.test('a write answered 2xx survives a SIGKILL the instant after', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  // No rate limit may refuse the load: every write should reach the database.
  const env = {
    DB_PATH: dbPath,
    RATE_LIMIT_MAX: '1000000000',
    WRITE_RATE_LIMIT_MAX: '1000000000',
  }
  let server = await start(t, env)
  t.teardown(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) return stop(server)
  })
  await ready(server)

  const targets = (
    (await (await fetch(`${server.url}/v1/targets?limit=4`)).json()) as {
      data: { id: string }[]
    }
  ).data.map((g) => g.id)
  const [task] = (
    (await (await fetch(`${server.url}/v1/tasks?limit=1`)).json()) as {
      data: { id: string; agencies: { id: string }[] }[]
    }
  ).data
  t.equal(targets.length, 4, 'targets to write on')
  t.ok(task && task.agencies.length > 0, 'a task with a responsible agency')
  const agencyId = task!.agencies[0]!.id

  // A second connection to the file the server holds open: SQLite serialises the writes.
  const db = openDatabase(dbPath)
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const agency = createToken(db, { role: 'agency', agencyId, label: agencyId }).secret
  db.close()

  const ledger: Ledger = { observations: new Map(), statusNotes: new Set() }
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const run: Run = { killed: false, acknowledged: 0, inFlight: 0, errors: [] }
    const writers = [
      ...Array.from({ length: REPORTERS }, (_, i) =>
        reportObservations(run, ledger, server, targets[i % targets.length]!, admin),
      ),
      ...Array.from({ length: STATUS_WRITERS }, () =>
        changeStatus(run, ledger, server, task!.id, agency),
      ),
    ]
    const begun = Date.now()
    for (;;) {
      const elapsed = Date.now() - begun
      if (run.errors.length > 0 || run.acknowledged >= ENOUGH || elapsed >= AT_MOST_MS) break
      if (run.acknowledged > 0 && elapsed >= SOON_MS) break
      await sleep(5)
    }
    const acknowledgedBefore = run.acknowledged
    const inFlight = run.inFlight
    // A server that died on its own before the kill fails the signal assertion below.
    const child = server.child
    const exited =
      child.exitCode === null && child.signalCode === null
        ? once(child, 'exit')
        : Promise.resolve([child.exitCode, child.signalCode])
    run.killed = true
    server.child.kill('SIGKILL')
    const [, signal] = (await exited) as [number | null, NodeJS.Signals | null]
    await Promise.all(writers)

    t.same(run.errors, [], `cycle ${cycle}: every answer before the kill was a success`)
    t.equal(signal, 'SIGKILL', `cycle ${cycle}: the server died of the kill`)
    t.ok(acknowledgedBefore > 0, `cycle ${cycle}: writes were acknowledged before the kill`)
    t.ok(
      inFlight > 0,
      `cycle ${cycle}: killed after ${acknowledgedBefore} acknowledged writes, ` +
        `with ${inFlight} requests in flight`,
    )

    server = await start(t, env)
    await ready(server)
    const stored = readStored(dbPath, ledger)
    const acked = ledger.observations.size
    const ackedStatus = ledger.statusNotes.size
    const writes = stored.observations + stored.statusChanges
    t.equal(stored.integrity, 'ok', `cycle ${cycle}: integrity_check`)
    t.same(
      stored.missingObservations,
      [],
      `cycle ${cycle}: each of ${acked} observations acknowledged so far is among the ` +
        `${stored.observations} stored (${stored.unacknowledgedObservations} more, ` +
        'unacknowledged, were in flight at a kill)',
    )
    t.same(stored.wrongIds, [], `cycle ${cycle}: each under the id its answer gave`)
    t.equal(stored.duplicateValues, 0, `cycle ${cycle}: no observation stored twice`)
    t.same(
      stored.missingStatusChanges,
      [],
      `cycle ${cycle}: each of ${ackedStatus} status changes acknowledged so far is among the ` +
        `${stored.statusChanges} stored (${stored.unacknowledgedStatusChanges} more, ` +
        'unacknowledged, were in flight at a kill)',
    )
    t.same(stored.withoutAudit, [], `cycle ${cycle}: each of ${writes} writes has one audit line`)
    t.same(stored.auditWithoutWrite, [], `cycle ${cycle}: each audit line has its write`)

    // The restarted server serves what the file holds.
    for (const [target, count] of stored.perTarget) {
      const res = await fetch(`${server.url}/v1/targets/${target}/observations?limit=1`)
      t.equal(
        ((await res.json()) as { meta: { total: number } }).meta.total,
        count,
        `cycle ${cycle}: ${target} serves its ${count} observations`,
      )
    }
    for (const [taskId, count] of stored.perTask) {
      const res = await fetch(`${server.url}/v1/tasks/${taskId}/status-history?limit=1`)
      t.equal(
        ((await res.json()) as { meta: { total: number } }).meta.total,
        count,
        `cycle ${cycle}: ${taskId} serves its ${count} status changes`,
      )
    }
  }
  t.equal(await stop(server), 0, 'after the crashes, SIGTERM still closes cleanly')
})
