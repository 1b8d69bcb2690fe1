import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { migrationsDir } from '../../src/paths.js'
import { openDatabase } from '../../src/store/database.js'
import { migrate, MigrationError, readMigrations, schemaVersion } from '../../src/store/migrate.js'
import { loadDocuments } from '../../src/store/load.js'
import { bundledPlanPath, readPlan, tempDir } from '../helper.js'

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

t.test('0006 rebuilds tables others refer to and keeps every row and reference', async (t) => {
  const db = new BetterSqlite3(join(tempDir(t), 'm.db'))
  t.teardown(() => db.close())
  db.pragma('foreign_keys = ON')
  const migrations = readMigrations(migrationsDir)
  migrate(db, migrations.slice(0, 5))
  // A document as version 5 held it, with a section, a task, an agency, a target and the
  // observation an agency reported on it.
  db.exec(`
    INSERT INTO documents (id, number, agency_code, year, serial, issuer, jurisdiction, title,
      plan_title, recipients, issued_on, printer, sponsor, cc, attachments, source_file,
      source_sha256, line_count, parser_version)
    VALUES ('doc-1', '甲政办〔2024〕1号', '甲政办', 2024, 1, '甲市人民政府办公室', '甲市',
      '通知', '方案', '[]', '2024-01-02', NULL, NULL, '[]', '[]', 'a.txt', 'abc', 10, 2);
    INSERT INTO sections (id, document_id, position, kind, label, number, heading, text,
      parent_id, start_line, end_line)
    VALUES ('sec-1', 'doc-1', 1, 'part', '一、', 1, '目标', '', NULL, 3, 4);
    INSERT INTO tasks (id, document_id, position, number, text, line)
    VALUES ('task-1', 'doc-1', 1, 1, '建设', 9);
    INSERT INTO agencies (id, jurisdiction, name, kind) VALUES ('agency-1', '甲市', '市教育局', 'agency');
    INSERT INTO task_agencies (task_id, position, agency_id, as_written, line)
    VALUES ('task-1', 1, 'agency-1', '市教育局', 9);
    INSERT INTO targets (id, document_id, position, section_id, indicator, comparator, value,
      value_max, unit, deadline_year, basis, relative_to, quote, line)
    VALUES ('target-1', 'doc-1', 1, 'sec-1', '规模', 'gte', 3, NULL, '所', 2025, 'total', NULL,
      '规模达到3所', 4);
    INSERT INTO target_tasks (target_id, task_id) VALUES ('target-1', 'task-1');
    INSERT INTO observations (id, target_id, value, observed_on, reported_by, token_id, recorded_at)
    VALUES ('obs-1', 'target-1', 1, '2024-06-30', 'agency-1', 'tok-1', '2024-07-01T00:00:00Z');
  `)
  // 0006 and every migration after it.
  t.equal(migrate(db, migrations).applied[0], 6)
  t.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on again')
  t.same(db.pragma('foreign_key_check'), [])
  t.match(db.prepare('SELECT * FROM documents').get(), {
    number: '甲政办〔2024〕1号',
    jurisdiction_level: null,
    supplied_fields: '[]',
  })
  t.match(db.prepare('SELECT * FROM targets').get(), {
    id: 'target-1',
    deadline_year: 2025,
    deadline_from: 'clause',
    base_year: null,
  })
  t.match(db.prepare('SELECT role FROM task_agencies').get(), { role: 'responsible' })
  t.equal((db.prepare('SELECT count(*) AS n FROM target_tasks').get() as { n: number }).n, 1)
  // The rebuilt tables cascade as before: a document deleted takes its rows along.
  db.prepare("DELETE FROM documents WHERE id = 'doc-1'").run()
  t.same(
    ['sections', 'tasks', 'targets', 'target_tasks'].map(
      (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ),
    [0, 0, 0, 0],
  )
  t.equal(
    (db.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n,
    1,
    'observations hang on no document',
  )
  // Documents without a number, and agencies of no named jurisdiction, may now be stored.
  db.exec(`INSERT INTO documents (id, recipients, cc, attachments, source_file, source_sha256,
    line_count) VALUES ('doc-2', '[]', '[]', '[]', 'b.txt', 'def', 5)`)
  db.exec(`INSERT INTO agencies (id, jurisdiction, name, kind) VALUES ('agency-2', NULL, '市教育局', 'agency'),
    ('agency-3', NULL, '市教育局', 'agency')`)
  t.pass('stored')
})

t.test(
  '0007 keeps files for documents loaded from now on; older documents have none',
  async (t) => {
    const db = openDatabase(join(tempDir(t), 'files.db'))
    t.teardown(() => db.close())
    loadDocuments(db, [readPlan(bundledPlanPath)])
    const file = db
      .prepare(
        'SELECT format, media_type, length(original) AS bytes, page_of_line FROM document_files',
      )
      .get()
    t.same(file, {
      format: 'text',
      media_type: 'text/plain; charset=utf-8',
      bytes: readFileSync(bundledPlanPath).length,
      page_of_line: null,
    })
    db.prepare('DELETE FROM documents').run()
    t.equal(
      (db.prepare('SELECT count(*) AS n FROM document_files').get() as { n: number }).n,
      0,
      'a document removed takes its file with it',
    )
  },
)
