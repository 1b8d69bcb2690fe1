// Whether the store can take a write: which SQLite failures say it cannot, how long a failed
// write is remembered, and the readiness probe, which must be cheap and change nothing.
import { readFileSync, statSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { Writability } from '../../src/store/writability.js'
import { StoreNotWritableError, writeFailureKindOf } from '../../src/store/write-failure.js'
import { tempDatabase } from '../helper.js'

const failure = (code: string) => new BetterSqlite3.SqliteError(`failed: ${code}`, code)

t.test('the failures that mean the store cannot write, each with its reason', async (t) => {
  const reasons: [string, RegExp][] = [
    ['SQLITE_READONLY', /read-only/],
    ['SQLITE_READONLY_DBMOVED', /moved or deleted/],
    ['SQLITE_READONLY_CANTLOCK', /read-only/],
    ['SQLITE_FULL', /full/],
    ['SQLITE_IOERR', /disk failed/],
    ['SQLITE_IOERR_WRITE', /disk failed/],
    ['SQLITE_IOERR_FSYNC', /disk failed/],
    ['SQLITE_CANTOPEN', /cannot be opened/],
    ['SQLITE_BUSY', /lock/],
    ['SQLITE_BUSY_SNAPSHOT', /lock/],
  ]
  for (const [code, reason] of reasons) {
    const kind = writeFailureKindOf(failure(code))
    t.match(kind?.reason, reason, code)
    t.ok(kind!.retryAfterSeconds > 0, `${code}: a time to wait`)
    t.notMatch(kind!.reason, /\n/, `${code}: one line`)
  }
  for (const other of [
    failure('SQLITE_CONSTRAINT_UNIQUE'),
    failure('SQLITE_ERROR'),
    failure('SQLITE_FULLY_MADE_UP'),
    new Error('SQLITE_FULL'),
    'SQLITE_FULL',
  ]) {
    t.equal(writeFailureKindOf(other), null, `${String(other)} is not one`)
  }
})

t.test('a failed write is remembered until a write succeeds or its time is up', async (t) => {
  const { db } = tempDatabase(t)
  let now = 0
  const writability = new Writability(db, { rememberFailureMs: 30_000, now: () => now })
  t.equal(writability.reasonNotWritable(), null, 'writable')

  const full = failure('SQLITE_FULL')
  const thrown = (() => {
    try {
      writability.guard(() => {
        throw full
      })
    } catch (err) {
      return err as StoreNotWritableError
    }
  })()!
  t.ok(thrown instanceof StoreNotWritableError)
  t.equal(thrown.cause, full, 'the SQLite error is its cause')
  t.match(writability.reasonNotWritable(), /full/, 'remembered')
  now += 29_999
  t.match(writability.reasonNotWritable(), /full/, 'for its time')
  now += 1
  t.equal(writability.reasonNotWritable(), null, 'then forgotten: the probe decides')

  t.throws(() =>
    writability.guard(() => {
      throw failure('SQLITE_IOERR_WRITE')
    }),
  )
  t.match(writability.reasonNotWritable(), /disk failed/)
  t.equal(
    writability.guard(() => 'written'),
    'written',
  )
  t.equal(writability.reasonNotWritable(), null, 'a write that succeeds clears it')

  t.throws(() =>
    writability.guard(() => {
      throw failure('SQLITE_BUSY')
    }),
  )
  t.equal(writability.reasonNotWritable(), null, 'a lock held by another writer is not kept')

  const constraint = failure('SQLITE_CONSTRAINT_UNIQUE')
  t.throws(
    () =>
      writability.guard(() => {
        throw constraint
      }),
    constraint,
    'any other failure passes as it is',
  )
})

t.test('the probe asks the connection at most once a second, and changes nothing', async (t) => {
  const { db, path } = tempDatabase(t)
  let now = 0
  const writability = new Writability(db, { probeEveryMs: 1000, now: () => now })
  const other = new BetterSqlite3(path)
  t.teardown(() => other.close())
  const dataVersion = () => other.pragma('data_version', { simple: true })
  const before = {
    version: dataVersion(),
    schema: db.pragma('user_version', { simple: true }),
    file: readFileSync(path),
    wal: statSync(`${path}-wal`).size,
  }
  t.equal(writability.reasonNotWritable(), null)

  // query_only makes SQLite refuse every write of the connection with SQLITE_READONLY, as it
  // does on a read-only file: the probe's cache shows while it lasts.
  db.pragma('query_only = ON')
  now += 999
  t.equal(writability.reasonNotWritable(), null, 'the answer of a moment ago')
  now += 1
  t.match(writability.reasonNotWritable(), /read-only/, 'asked again after a second')
  db.pragma('query_only = OFF')
  t.match(writability.reasonNotWritable(), /read-only/)
  now += 1000
  t.equal(writability.reasonNotWritable(), null)

  t.equal(dataVersion(), before.version, 'no commit another connection could see')
  t.equal(db.pragma('user_version', { simple: true }), before.schema)
  t.same(readFileSync(path), before.file, 'the file is as it was')
  t.equal(statSync(`${path}-wal`).size, before.wal, 'and nothing went to the log')
  t.equal(db.pragma('busy_timeout', { simple: true }), 5000, 'the busy timeout is restored')

  // Another writer holding the lock: the probe does not wait, and does not report it.
  other.exec('BEGIN IMMEDIATE')
  now += 1000
  const started = performance.now()
  t.equal(writability.reasonNotWritable(), null)
  t.ok(performance.now() - started < 1000, 'no wait for the lock')
  other.exec('ROLLBACK')
})
