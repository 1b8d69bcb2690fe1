// Agencies and documents in the search index: what they are found by, checked against the
// tables, and kept in step through re-ingests and by the migration that indexed them.
import t, { type Test } from 'tap'
import { migrationsDir } from '../../src/paths.js'
import { migrate, readMigrations } from '../../src/store/migrate.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
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

/** A plan copied without its notice: no 发文字号, issuer, title or jurisdiction, each null. */
const headless = () =>
  parseText(
    '某某行动实施方案\n一、重点任务\n1．建设设施。新建设施5个，到2025年覆盖率达到90%。（责任单位：市财政局）\n',
    'headless.txt',
  )

/** Every name of every agency, canonical or alias, from the tables. */
function agencyNames(db: Database): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT id, name FROM agencies UNION SELECT agency_id, name FROM agency_names ORDER BY 1, 2`,
    )
    .all() as { id: string; name: string }[]
  const names = new Map<string, string[]>()
  for (const { id, name } of rows) names.set(id, [...(names.get(id) ?? []), name])
  return names
}

/** The search rows of agencies and documents, as (kind, id, text), sorted. */
function indexedRecords(db: Database): string[] {
  return (
    db
      .prepare(
        `SELECT kind, ref_id, text FROM search_index WHERE kind IN ('agency', 'document')
         ORDER BY kind, ref_id`,
      )
      .all() as { kind: string; ref_id: string; text: string }[]
  ).map((r) => `${r.kind} ${r.ref_id} ${JSON.stringify(r.text)}`)
}

/** Each agency once in the index, and search_agencies naming its row, search_pairs beside it. */
function inStep(t: Test, db: Database, when: string) {
  const names = agencyNames(db)
  const rows = db
    .prepare(
      `SELECT si.ref_id, si.text, sa.entry IS NOT NULL AS mapped,
         EXISTS (SELECT 1 FROM search_pairs WHERE rowid = si.rowid) AS paired
       FROM search_index si LEFT JOIN search_agencies sa ON sa.entry = si.rowid
       WHERE si.kind = 'agency'`,
    )
    .all() as { ref_id: string; text: string; mapped: number; paired: number }[]
  t.same(rows.map((r) => r.ref_id).sort(), [...names.keys()].sort(), `each agency once ${when}`)
  t.ok(
    rows.every((r) => r.mapped && r.paired),
    `search_agencies and search_pairs hold each ${when}`,
  )
  t.ok(
    rows.every((r) => r.text.split('\n').join() === names.get(r.ref_id)!.join()),
    `each under every name it has ${when}`,
  )
  const { n } = db.prepare('SELECT count(*) AS n FROM search_agencies').get() as { n: number }
  t.equal(n, rows.length, `no stale rows in search_agencies ${when}`)
}

t.test('every name of an agency and every run of a document number finds it', async (t) => {
  const { db } = tempDatabase(t, plans)
  const store = new Store(db)
  const names = agencyNames(db)
  let aliases = 0
  for (const [id, all] of names) {
    for (const name of all) {
      const ids = store.search({ q: name, type: 'agency' }, { limit: 100 }).items.map((h) => h.id)
      const expected = [...names].filter(([, ns]) => ns.some((n) => n.includes(name)))
      t.same(ids.sort(), expected.map(([i]) => i).sort(), `${name}`)
      if (!ids.includes(id)) t.fail(`${name} does not find ${id}`)
    }
    aliases += all.length - 1
  }
  t.ok(aliases > 5, `${aliases} aliases looked up`)
  const documents = db.prepare('SELECT id, number, title, plan_title FROM documents').all() as {
    id: string
    number: string
    title: string
    plan_title: string | null
  }[]
  for (const d of documents) {
    const chars = [...d.number]
    // Every run of three characters or more of the number, and a few of one and two.
    for (let from = 0; from < chars.length; from++) {
      for (const length of [1, 2, 3, 5, chars.length - from]) {
        const q = chars.slice(from, from + length).join('')
        if (q.trim() === '' || [...q].length < length) continue
        const ids = store.search({ q, type: 'document' }, { limit: 100 }).items.map((h) => h.id)
        const expected = documents.filter((o) =>
          `${o.number}\n${o.title}\n${o.plan_title ?? ''}`.toLowerCase().includes(q.toLowerCase()),
        )
        if (JSON.stringify(ids.sort()) !== JSON.stringify(expected.map((o) => o.id).sort())) {
          t.fail(`${q}: ${ids} but ${expected.map((o) => o.id)}`)
        }
      }
    }
    const hit = store.search({ q: d.number }, { limit: 100 }).items.find((h) => h.id === d.id)
    t.match(hit, { type: 'document', documentId: d.id, title: new RegExp(`^${d.number} `) })
  }
})

t.test('the best hit has the highest score, through every page', async (t) => {
  const { db } = tempDatabase(t, plans)
  const store = new Store(db)
  for (const q of ['市', '教育', '职业教育', '发展 教育', '，']) {
    const scores: number[] = []
    let cursor: string | undefined
    do {
      const page = store.search({ q }, { limit: 7, cursor })
      scores.push(...page.items.map((h) => h.score))
      cursor = page.next ?? undefined
    } while (cursor !== undefined)
    t.ok(scores.length > 7, `${q}: ${scores.length} hits on several pages`)
    t.ok(
      scores.every((s, i) => i === 0 || scores[i - 1]! >= s),
      `${q}: non-increasing`,
    )
    t.ok(scores[0]! > scores.at(-1)!, `${q}: the first is better than the last`)
  }
})

t.test('agencies follow loads, re-ingests and the migration that indexed them', async (t) => {
  const { db } = tempDatabase(t, plans)
  loadDocuments(db, [headless()])
  const store = new Store(db)
  inStep(t, db, 'after loading')
  const found = (q: string) =>
    store.search({ q, type: 'agency' }, { limit: 100 }).items.map((h) => h.id)

  // The bundled plan again, its short names for an agency spelled out: the alias goes where no
  // other document uses it.
  const before = found('人社局')
  t.ok(before.length > 0, '人社局 is an alias')
  const changed = readText(bundledPlanPath).replace(/市人社局/g, '市人力资源和社会保障局')
  loadDocuments(db, [parseText(changed)])
  inStep(t, db, 'after a re-ingest')
  const after = found('人社局')
  t.ok(after.length < before.length, 'the alias no longer finds the agency of that plan')
  t.ok(
    before.filter((id) => !after.includes(id)).every((id) => found('人力资源').includes(id)),
    'which its canonical name still finds',
  )

  // A database from before migration 0009: the migration indexes what is there, as loading
  // would have.
  const loaded = indexedRecords(db)
  db.exec(`DELETE FROM search_pairs WHERE rowid IN
             (SELECT rowid FROM search_index WHERE kind IN ('agency', 'document'));
           DELETE FROM search_index WHERE kind IN ('agency', 'document');
           DROP TABLE search_agencies;`)
  t.same(indexedRecords(db), [])
  const migrations = readMigrations(migrationsDir)
  const version = migrations.findIndex((m) => m.name === 'search_agencies_documents') + 1
  t.equal(version, 9, 'migration 0009 is there')
  db.exec(`DELETE FROM schema_migrations WHERE version = ${version}`)
  db.pragma(`user_version = ${version - 1}`)
  migrate(db, migrations.slice(0, version))
  db.pragma(`user_version = ${migrations.length}`)
  t.same(indexedRecords(db), loaded, 'the migration indexes what loading indexes')
  inStep(t, db, 'after the migration')
  t.same(found('人社局').sort(), after.sort())
})

t.test('a document or agency lacking a number or jurisdiction is found, and titled', async (t) => {
  const plan = headless()
  t.same([plan.number, plan.jurisdiction], [null, null], 'the fixture lacks them')
  const { db } = tempDatabase(t, [bundledPlanPath])
  loadDocuments(db, [plan])
  const store = new Store(db)
  const documents = store.search({ q: '某某行动', type: 'document' }, { limit: 10 }).items
  t.equal(documents.length, 1, 'the document by its title')
  t.ok(documents[0]!.title.includes('某某行动实施方案'), `titled ${documents[0]!.title}`)
  const agencies = store.search({ q: '财政局', type: 'agency' }, { limit: 10 }).items
  t.ok(agencies.length >= 1)
  t.ok(
    agencies.every((hit) => typeof hit.title === 'string' && hit.title.endsWith('财政局')),
    `titled ${agencies.map((hit) => hit.title).join(', ')}`,
  )
})
