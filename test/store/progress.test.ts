// Progress writes: each is whole or absent together with its audit line, and reads back in order.
import t, { type Test } from 'tap'
import {
  addObservation,
  auditQuery,
  isResponsibleForTarget,
  isResponsibleForTask,
  observationQuery,
  setTaskStatus,
  statusChangeQuery,
} from '../../src/store/progress.js'
import { listAll, listPage } from '../../src/store/query.js'
import { createToken, listTokens, principalOf, revokeToken } from '../../src/store/tokens.js'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, tempDatabase } from '../helper.js'

function setup(t: Test) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const target = [...store.eachTarget({})].find((g) => g.taskIds.length > 0)!
  const task = store.getTask(target.taskIds[0]!)!
  const agency = task.agencies[0]!
  const { secret } = createToken(db, { role: 'agency', agencyId: agency.id, label: agency.name })
  const principal = principalOf(db, secret)!
  return { db, store, target, task, agency, principal }
}

t.test('tokens: only the hash is kept, and a revoked token stands for no one', async (t) => {
  const { db, agency, principal } = setup(t)
  t.same(principal, { tokenId: principal.tokenId, role: 'agency', agencyId: agency.id })
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' })
  t.match(admin.secret, /^plan_[\w-]{43}$/)
  const stored = JSON.stringify(db.prepare('SELECT * FROM tokens').all())
  t.notMatch(stored, admin.secret, 'the secret is not stored')
  t.equal(principalOf(db, `${admin.secret}x`), null)
  t.ok(revokeToken(db, admin.record.tokenId))
  t.equal(principalOf(db, admin.secret), null)
  t.notOk(revokeToken(db, admin.record.tokenId), 'revoked once')
  t.equal(listTokens(db).length, 2)
  t.throws(() =>
    db.prepare("INSERT INTO tokens VALUES ('x', 'h', 'admin', 'agency-1', 'l', 'now', NULL)").run(),
  )
})

t.test('an observation is written with its audit line, and read newest first', async (t) => {
  const { db, target, principal } = setup(t)
  const dates = ['2024-06-30', '2025-06-30', '2024-12-31']
  for (const [i, observedOn] of dates.entries()) {
    addObservation(db, principal, target.id, { value: i + 1, observedOn, note: `n${i}` })
  }
  const all = [...listAll(db, ...observationQuery({ target: target.id }))]
  t.same(
    all.map((o) => o.observedOn),
    ['2025-06-30', '2024-12-31', '2024-06-30'],
  )
  t.equal(all[0]!.reportedBy, principal.agencyId)
  const first = listPage(db, ...observationQuery({ target: target.id }), { limit: 2 })
  const second = listPage(db, ...observationQuery({ target: target.id }), {
    limit: 2,
    cursor: first.next!,
  })
  t.same([...first.items, ...second.items], all, 'pages follow the same order')
  const log = [...listAll(db, ...auditQuery())]
  t.equal(log.length, 3)
  t.match(log[0], { action: 'observation.create', resource: target.id, before: null })
  // The log is in order of writing: the last written first.
  t.same(
    log[0]!.after,
    all.find((o) => o.observedOn === dates[2]),
  )
})

t.test('a status change is whole or absent, and the task reads it back', async (t) => {
  const { db, store, task, principal } = setup(t)
  t.equal(store.getTask(task.id)!.status, 'not_started')
  setTaskStatus(db, principal, task.id, { status: 'in_progress' }, () => {})
  t.throws(
    () =>
      setTaskStatus(db, principal, task.id, { status: 'done' }, () => {
        throw new Error('stale')
      }),
    /stale/,
  )
  t.equal(store.getTask(task.id)!.status, 'in_progress', 'the refused change left nothing')
  setTaskStatus(db, principal, task.id, { status: 'at_risk', note: '资金未到位' }, () => {})
  const history = [...listAll(db, ...statusChangeQuery({ task: task.id }))]
  t.same(
    history.map((h) => h.status),
    ['at_risk', 'in_progress'],
  )
  const log = [...listAll(db, ...auditQuery())]
  t.equal(log.length, 2)
  t.match(log[0], { action: 'task.status', before: { status: 'in_progress' } })
  t.match(log[1], { action: 'task.status', before: null })
  t.throws(() => setTaskStatus(db, principal, task.id, { status: 'finished' as never }, () => {}))
})

t.test('responsibility: units of the task, and of a task restating the target', async (t) => {
  const { db, store, target, task, agency } = setup(t)
  t.ok(isResponsibleForTask(db, agency.id, task.id))
  t.ok(isResponsibleForTarget(db, agency.id, target.id))
  const other = [...store.eachAgency({})].find(
    (a) => !store.getTask(task.id)!.agencies.some((u) => u.id === a.id),
  )!
  t.notOk(isResponsibleForTask(db, other.id, task.id))
  const unlinked = [...store.eachTarget({})].find((g) => g.taskIds.length === 0)
  if (unlinked) t.notOk(isResponsibleForTarget(db, agency.id, unlinked.id))
})
