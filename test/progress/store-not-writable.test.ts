// A primary whose database cannot take a write: every write, REST's and GraphQL's, is 503
// problem+json saying why, with Retry-After, never a generic 500; /readyz says the store is not
// writable, so the load balancer stops sending; a replica opened READ_ONLY stays ready.
//
// Each condition is SQLite's own answer on a real file, staged in a way that works for root too
// (CI runs tests as root, and root ignores file modes):
// - a read-only file: the file is made 0444 and opened by an unprivileged user (the effective
//   uid is switched around the open only). SQLite's open for reading and writing is refused, so
//   it falls back to a read-only handle and every write is SQLITE_READONLY, as for a service
//   whose file an operator made read-only, or that sits on a read-only mount.
// - a full disk: PRAGMA max_page_count caps the file at its size after a VACUUM (no free
//   pages), so a write that needs a page is SQLITE_FULL, SQLite's answer to a full disk too.
// - a lock held past the busy timeout: a second connection holds the write lock, and the
//   store's busy timeout is shortened so that the test does not wait five seconds.
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { openDatabase, type Database } from '../../src/store/database.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { createToken } from '../../src/store/tokens.js'
import {
  bundledPlanPath,
  readPlan,
  readText,
  secondPlanPath,
  tempDir,
  buildTestApp,
} from '../helper.js'

const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

/** A database file holding the bundled plan, with an agency's token and an admin's. */
function databaseFile(t: Test) {
  const dir = tempDir(t)
  const path = join(dir, 'plan.db')
  const db = openDatabase(path)
  loadDocuments(db, [readPlan(bundledPlanPath)])
  const store = new Store(db)
  const target = [...store.eachTarget({})].find((g) => g.taskIds.length > 0)!
  const task = store.getTask(target.taskIds[0]!)!
  const agencyId = task.agencies[0]!.id
  const agency = createToken(db, { role: 'agency', agencyId, label: 'agency' }).secret
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  return { dir, path, db, targetId: target.id, taskId: task.id, agency, admin }
}

/** Long enough to need pages of its own (6 kB of UTF-8, over a 4 kB page), within 2,000. */
const LONG_NOTE = '进'.repeat(2000)

/** Each write the API takes, tried once; the answers as status, headers and body. */
async function tryEveryWrite(
  t: Test,
  store: Store,
  ids: { targetId: string; taskId: string; agency: string; admin: string },
) {
  const app = await buildTestApp(t, { store })
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })
  const etag = (await app.inject(`/v1/tasks/${ids.taskId}`)).headers.etag as string
  const graphql = (query: string, variables: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables },
      headers: bearer(ids.agency),
    })
  const answers = {
    'POST observation': await app.inject({
      method: 'POST',
      url: `/v1/targets/${ids.targetId}/observations`,
      payload: { value: 1, observedOn: '2024-06-30', note: LONG_NOTE },
      headers: bearer(ids.agency),
    }),
    'PUT status': await app.inject({
      method: 'PUT',
      url: `/v1/tasks/${ids.taskId}/status`,
      payload: { status: 'in_progress', note: LONG_NOTE },
      headers: { ...bearer(ids.agency), 'if-match': etag },
    }),
    'POST document': await app.inject({
      method: 'POST',
      url: '/v1/documents',
      payload: readText(secondPlanPath),
      headers: { ...bearer(ids.admin), 'content-type': 'text/plain; charset=utf-8' },
    }),
    'mutation reportObservation': await graphql(
      `
        mutation ($id: ID!, $note: String) {
          reportObservation(
            targetId: $id
            input: { value: 2, observedOn: "2024-06-30", note: $note }
          ) {
            id
          }
        }
      `,
      { id: ids.targetId, note: LONG_NOTE },
    ),
    'mutation setTaskStatus': await graphql(
      `
        mutation ($id: ID!, $etag: String!, $note: String) {
          setTaskStatus(taskId: $id, status: done, note: $note, ifMatch: $etag) {
            id
          }
        }
      `,
      { id: ids.taskId, etag, note: LONG_NOTE },
    ),
  }
  return { app, answers }
}

/** Every write answered 503 with the reason, Retry-After, and no internal error. */
function assertRefused(
  t: Test,
  answers: Awaited<ReturnType<typeof tryEveryWrite>>['answers'],
  why: RegExp,
) {
  for (const [write, res] of Object.entries(answers)) {
    t.equal(res.statusCode, 503, `${write}: 503`)
    t.match(res.headers['retry-after'], /^\d+$/, `${write}: Retry-After`)
    if (write.startsWith('mutation')) {
      t.match(
        res.json(),
        { data: null, errors: [{ message: why, extensions: { code: 'STORE_NOT_WRITABLE' } }] },
        write,
      )
    } else {
      t.equal(res.headers['content-type'], PROBLEM_JSON, `${write}: problem+json`)
      t.match(res.json(), { type: '/problems/store-not-writable', status: 503, detail: why }, write)
      t.notMatch(res.json().detail, /\n/, `${write}: one line`)
    }
  }
}

/** An unprivileged user's id, for root to stage a file it may not write. */
const NOBODY = 65534

/** Why a read-only file cannot be staged here (root without CAP_SETUID), or false. */
function cannotStageReadOnlyFile(): string | false {
  if (process.getuid?.() !== 0) return false
  try {
    process.seteuid!(NOBODY)
    process.seteuid!(0)
    return false
  } catch (err) {
    return `root cannot switch to an unprivileged user to stage a read-only file: ${String(err)}`
  }
}

/** Opens the file as a user that may not write it: as root, with another effective uid. */
function openAsUnprivileged(dir: string, path: string): Database {
  chmodSync(path, 0o444)
  if (process.getuid?.() !== 0) return openDatabase(path)
  // That user creates the -wal and -shm files next to the database when it first reads it.
  chmodSync(dir, 0o777)
  process.seteuid!(NOBODY)
  // Synchronous from here to the switch back: nothing else of this process runs as that user.
  // The file is migrated already, and that user may not read the checkout's migrations (one in
  // a private folder, as /root is).
  try {
    return openDatabase(path, { migrate: false })
  } finally {
    process.seteuid!(0)
  }
}

t.test(
  'a database file this server may not write: writes are 503 and /readyz says why',
  { skip: cannotStageReadOnlyFile() },
  async (t) => {
    const { dir, path, db: writer, ...ids } = databaseFile(t)
    writer.close()
    const db = openAsUnprivileged(dir, path)
    t.teardown(() => db.close())
    t.equal(db.readonly, false, 'not read-only by configuration: the file refused the write access')
    // Before any write: the probe finds it.
    const unwritten = await buildTestApp(t, { db })
    const probed = await unwritten.inject('/readyz')
    t.equal(probed.statusCode, 503, 'not ready before any write is tried')
    t.match(probed.json(), { type: '/problems/store-not-writable', detail: /read-only/ })

    const store = new Store(db)
    const { app, answers } = await tryEveryWrite(t, store, ids)
    assertRefused(t, answers, /^[^\n]*read-only[^\n]*$/)

    const ready = await app.inject('/readyz')
    t.equal(ready.statusCode, 503, 'not ready')
    t.equal(ready.headers['content-type'], PROBLEM_JSON)
    t.match(ready.json(), { type: '/problems/store-not-writable', detail: /read-only/ })
    t.equal((await app.inject('/v1/tasks')).statusCode, 200, 'reads are still served')

    // The same file as a replica opens it: read-only on purpose, and ready.
    const replicaDb = openDatabase(path, { readonly: true, migrate: false })
    t.teardown(() => replicaDb.close())
    const replica = await buildTestApp(t, { db: replicaDb })
    t.equal((await replica.inject('/readyz')).statusCode, 200, 'a READ_ONLY replica stays ready')
  },
)

t.test('a full database: writes are 503, and /readyz says so until a write succeeds', async (t) => {
  const { db, ...ids } = databaseFile(t)
  t.teardown(() => db.close())
  db.exec('VACUUM')
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages}`)
  const store = new Store(db)
  const { app, answers } = await tryEveryWrite(t, store, ids)
  assertRefused(t, answers, /^[^\n]*full[^\n]*$/)

  const ready = await app.inject('/readyz')
  t.equal(ready.statusCode, 503, 'not ready: the last write failed')
  t.match(ready.json(), { type: '/problems/store-not-writable', detail: /full/ })

  db.pragma(`max_page_count = ${pages * 100}`)
  const written = await app.inject({
    method: 'POST',
    url: `/v1/targets/${ids.targetId}/observations`,
    payload: { value: 3, observedOn: '2024-06-30', note: LONG_NOTE },
    headers: { authorization: `Bearer ${ids.agency}` },
  })
  t.equal(written.statusCode, 201, 'room again: the write is taken')
  t.equal((await app.inject('/readyz')).statusCode, 200, 'and the server is ready again')
})

t.test('a lock held past the busy timeout: writes are 503, readiness stays', async (t) => {
  const { db, path, ...ids } = databaseFile(t)
  t.teardown(() => db.close())
  db.pragma('busy_timeout = 20')
  const other = new BetterSqlite3(path)
  t.teardown(() => other.close())
  other.exec('BEGIN IMMEDIATE')
  const store = new Store(db)
  const { app, answers } = await tryEveryWrite(t, store, ids)
  assertRefused(t, answers, /^[^\n]*lock[^\n]*$/)
  // Another writer holding the lock is contention, not a store that cannot write: taking the
  // server out of rotation would stop its reads too and free no lock.
  t.equal((await app.inject('/readyz')).statusCode, 200, 'still ready')
  other.exec('ROLLBACK')
  const written = await app.inject({
    method: 'POST',
    url: `/v1/targets/${ids.targetId}/observations`,
    payload: { value: 3, observedOn: '2024-06-30' },
    headers: { authorization: `Bearer ${ids.agency}` },
  })
  t.equal(written.statusCode, 201, 'the lock released: the write is taken')
})
