import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { migrationsDir } from '../../src/paths.js'
import { openDatabase } from '../../src/store/database.js'
import { migrate, MigrationError, readMigrations, schemaVersion } from '../../src/store/migrate.js'
import { tempDir } from '../helper.js'

t.test('migrations apply in order, are recorded, and re-running is a no-op', async (t) => {
  const db = new BetterSqlite3(join(tempDir(t), 'm.db'))
  t.teardown(() => db.close())
  const migrations = readMigrations(migrationsDir)
  t.same(
    migrate(db, migrations).applied,
    migrations.map((m) => m.version),
  )
  t.equal(schemaVersion(db), migrations.length)
  t.same(
    db.prepare('SELECT version, name FROM schema_migrations').all(),
    migrations.map((m) => ({ version: m.version, name: m.name })),
  )
  t.same(migrate(db, migrations).applied, [])
})

t.test('a failing migration leaves the database at the last good version', async (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x INTEGER);')
  writeFileSync(
    join(dir, '0002_broken.sql'),
    'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);',
  )
  const db = new BetterSqlite3(join(dir, 'm.db'))
  t.teardown(() => db.close())
  t.throws(() => migrate(db, readMigrations(dir)), /no such table: nowhere/)
  t.equal(schemaVersion(db), 1)
  t.same(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('a', 'b')").all(), [
    { name: 'a' },
  ])
})

t.test('a database newer than the program is refused with a clear message', async (t) => {
  const path = join(tempDir(t), 'm.db')
  openDatabase(path).close()
  const db = new BetterSqlite3(path)
  db.pragma('user_version = 99')
  db.close()
  t.throws(() => openDatabase(path), {
    name: 'MigrationError',
    message: /schema is version 99, newer than this program knows/,
  })
})

t.test('an applied migration that was edited is refused', async (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x INTEGER);')
  const db = new BetterSqlite3(join(dir, 'm.db'))
  t.teardown(() => db.close())
  migrate(db, readMigrations(dir))
  writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x TEXT);')
  t.throws(() => migrate(db, readMigrations(dir)), /0001_first was changed after it was applied/)
})

t.test('migration files must be numbered without gaps', async (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, '0002_second.sql'), 'SELECT 1;')
  t.throws(() => readMigrations(dir), MigrationError)
})
