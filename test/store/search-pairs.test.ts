// Queries of one or two characters are looked up in search_pairs, then checked with LIKE: the
// same hits as scanning every text, found through an index.
import t, { type Test } from 'tap'
import { migrationsDir } from '../../src/paths.js'
import { migrate, readMigrations } from '../../src/store/migrate.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { textMatch } from '../../src/store/search.js'
import type { Database } from '../../src/store/database.js'
import {
  bundledPlanPath,
  parseText,
  readText,
  secondPlanPath,
  tempDatabase,
  thirdPlanPath,
} from '../helper.js'

const plans = [bundledPlanPath, secondPlanPath, thirdPlanPath]

/** LIKE's idea of "contains": ASCII letters in either case. */
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())

/** Task ids whose text contains every word of q, by scanning every task in JavaScript. */
function scanned(db: Database, q: string): string[] {
  const tasks = db.prepare('SELECT id, text FROM tasks ORDER BY id').all() as {
    id: string
    text: string
  }[]
  const words = q.split(/\s+/).filter((w) => w !== '')
  return tasks
    .filter((x) => words.every((w) => lowerAscii(x.text).includes(lowerAscii(w))))
    .map((x) => x.id)
}

/** Every character and pair of adjacent characters of the tasks, and a few made-up ones. */
function shortQueries(db: Database): string[] {
  const queries = new Set(['Ab', 'ab', 'AB', '5G', '5g', 'ｇ', '  ', '，。', 'x'])
  for (const { text } of db.prepare('SELECT text FROM tasks').all() as { text: string }[]) {
    const chars = [...text]
    chars.forEach((c, i) => {
      queries.add(c)
      if (i + 1 < chars.length) queries.add(c + chars[i + 1])
    })
  }
  return [...queries].filter((q) => q.trim() !== '')
}

const rowids = (db: Database, sql: string) =>
  (db.prepare(sql).all() as { rowid: number }[]).map((r) => r.rowid).sort((a, b) => a - b)

/** search_pairs holds exactly the rows of search_index that have text. */
function inStep(t: Test, db: Database, when: string) {
  t.same(
    rowids(db, 'SELECT rowid FROM search_pairs'),
    rowids(db, "SELECT rowid FROM search_index WHERE text <> ''"),
    `search_pairs is in step with search_index ${when}`,
  )
}

t.test(
  'every short query finds what a scan of every text finds, filtered or searched',
  async (t) => {
    const { db } = tempDatabase(t, plans)
    const store = new Store(db)
    const queries = shortQueries(db)
    t.ok(queries.length > 1000, `${queries.length} queries`)
    let differing = 0
    for (const q of queries) {
      const found = store
        .listTasks({ q }, { limit: 500 })
        .items.map((x) => x.id)
        .sort()
      // The search ranks its own way (bm25 over the pairs, LIKE where they cannot decide).
      const searched = store
        .search({ q, type: 'task' }, { limit: 1000 })
        .items.map((x) => x.id)
        .sort()
      const expected = scanned(db, q)
      for (const [how, ids] of [
        ['filter', found],
        ['search', searched],
      ] as const) {
        if (JSON.stringify(ids) !== JSON.stringify(expected)) {
          differing += 1
          t.same(ids, expected, `${how} ${JSON.stringify(q)}`)
        }
      }
    }
    t.equal(differing, 0, 'no query differs')
  },
)

t.test('a short query is an index lookup; one without letters or digits scans', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const plan = (q: string) => {
    const m = textMatch([q])
    return (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM search_index WHERE ${m.clause}`)
        .all(...m.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
  }
  for (const q of ['教育', '农', 'a，']) {
    t.match(plan(q), /SCAN search_pairs VIRTUAL TABLE INDEX 0:M/, q)
    t.match(plan(q), /SCAN search_index VIRTUAL TABLE INDEX 0:=/, q)
  }
  t.match(plan('，。'), /SCAN search_index VIRTUAL TABLE INDEX 0:$/m)
})

t.test('search_pairs follows loads, re-ingests and the migration that made it', async (t) => {
  const { db } = tempDatabase(t, plans)
  inStep(t, db, 'after loading')
  const store = new Store(db)
  const before = store.listTasks({ q: '职业' }, { limit: 500 }).items.length
  t.ok(before > 0)
  // The bundled plan again, with one task's words changed: old words go, new ones come.
  const changed = readText(bundledPlanPath).replace(/职业/g, '职员')
  loadDocuments(db, [parseText(changed)])
  inStep(t, db, 'after a re-ingest')
  t.ok(store.listTasks({ q: '职员' }, { limit: 500 }).items.length > 0)
  t.ok(store.listTasks({ q: '职业' }, { limit: 500 }).items.length < before)

  // A database from before migration 0004: the migration indexes what is there.
  const hits = (q: string) => store.listTasks({ q }, { limit: 500 }).items.map((x) => x.id)
  const expected = ['职员', '教', 'a'].map(hits)
  // Migrations 0004 and 0005 are applied again; the later ones stay as they were.
  db.exec(`DROP TABLE search_pairs; DELETE FROM schema_migrations WHERE version IN (4, 5)`)
  db.pragma('user_version = 3')
  const migrations = readMigrations(migrationsDir)
  migrate(db, migrations.slice(0, 5))
  db.pragma(`user_version = ${migrations.length}`)
  inStep(t, db, 'after the migration')
  t.same(['职员', '教', 'a'].map(hits), expected, 'the same hits')

  // Migration 0008 rebuilds the table with its index of one-character prefixes.
  const prefixes = migrations.findIndex((m) => m.name === 'search_pairs_prefix') + 1
  t.ok(prefixes > 5, 'migration 0008 is there')
  db.exec(`DELETE FROM schema_migrations WHERE version = ${prefixes}`)
  db.pragma(`user_version = ${prefixes - 1}`)
  migrate(db, migrations.slice(0, prefixes))
  db.pragma(`user_version = ${migrations.length}`)
  inStep(t, db, 'after the prefix index')
  t.same(['职员', '教', 'a'].map(hits), expected, 'the same hits with the prefix index')
  const sql = (
    db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_pairs'").get() as {
      sql: string
    }
  ).sql
  t.match(sql, /prefix = '1'/)
})
