// The data version keys every kept answer: it must change with every commit a client could know
// of, and cost as little as a cached read allows (SQLite is asked once per event-loop turn).
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { openDatabase } from '../../src/store/database.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, readPlan, secondPlanPath, tempDatabase } from '../helper.js'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

t.test('a commit by another connection shows from the next turn', async (t) => {
  const { path } = tempDatabase(t, [bundledPlanPath])
  const pragmas: string[] = []
  const db = new BetterSqlite3(path, {
    verbose: (sql) => void (/data_version/.test(String(sql)) && pragmas.push(String(sql))),
  })
  t.teardown(() => db.close())
  const store = new Store(db)
  const before = store.dataVersion()
  t.equal(store.dataVersion(), before)
  t.equal(pragmas.length, 1, 'SQLite is asked once in a turn')

  const other = openDatabase(path)
  loadDocuments(other, [readPlan(secondPlanPath)])
  other.close()
  t.equal(store.dataVersion(), before, 'within the turn the version asked stands')
  await nextTurn()
  const after = store.dataVersion()
  t.not(after, before, 'the next turn sees the ingest')
  t.equal(pragmas.length, 2)
  await nextTurn()
  t.equal(store.dataVersion(), after, 'and keeps it while nothing changes')
})

t.test('a write through the store shows at once, in the same turn', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const admin = store.principalOf(
    createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret,
  )!
  const target = store.listTargets({}, { limit: 1 }).items[0]!
  const before = store.dataVersion()
  store.addObservation(admin, target.id, { value: 1, observedOn: '2024-01-01' })
  t.not(store.dataVersion(), before)
})
