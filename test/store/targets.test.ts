// Targets and findings in the database: links, ids that survive amendments, the search index.
import t from 'tap'
import { parseText, readPlan, readText, bundledPlanPath, tempDatabase } from '../helper.js'
import { loadDocuments } from '../../src/store/load.js'
import { matchingIds } from '../../src/store/search.js'

const count = (db: ReturnType<typeof tempDatabase>['db'], sql: string) =>
  (db.prepare(sql).get() as { n: number }).n

t.test('every target, its task links and every finding are stored', async (t) => {
  const plan = readPlan(bundledPlanPath)
  const { db } = tempDatabase(t, [bundledPlanPath])
  t.equal(count(db, 'SELECT count(*) AS n FROM targets'), 19)
  t.equal(
    count(db, 'SELECT count(*) AS n FROM target_tasks'),
    plan.targets.reduce((n, x) => n + x.taskIndexes.length, 0),
  )
  t.equal(count(db, 'SELECT count(*) AS n FROM findings'), plan.findings.length)
  const row = db
    .prepare("SELECT * FROM targets WHERE unit = '人' AND deadline_year = 2025")
    .get() as Record<string, unknown>
  t.match(row, { value: 30000, comparator: 'gte', basis: 'total', line: 29 })
  t.match(row.id, /^target-[0-9a-f]{12}-[0-9a-f]{12}$/)
})

t.test('an amendment that adds a target keeps the ids of the others', async (t) => {
  const text = readText(bundledPlanPath)
  const amended = text.replace(
    '打造全国职业教育创新发展高地，',
    '打造全国职业教育创新发展高地，新增实训工位5000个，',
  )
  t.not(amended, text, 'the preamble is amended')
  const before = tempDatabase(t)
  loadDocuments(before.db, [parseText(text)])
  const after = tempDatabase(t)
  loadDocuments(after.db, [parseText(amended)])
  const ids = (db: typeof before.db) =>
    (db.prepare('SELECT id FROM targets ORDER BY position').all() as { id: string }[]).map(
      (r) => r.id,
    )
  const old = ids(before.db)
  const now = ids(after.db)
  t.equal(now.length, old.length + 1, 'one target more')
  t.same(now.slice(1), old, 'the others keep their ids')
})

t.test('a new target of the same measure with another year takes a new id', async (t) => {
  const text = readText(bundledPlanPath)
  const amended = text.replace(
    '打造全国职业教育创新发展高地，',
    '打造全国职业教育创新发展高地，到2024年中等职业学校在校生规模达到2.5万人，',
  )
  const ids = (source: string) => {
    const { db } = tempDatabase(t)
    loadDocuments(db, [parseText(source)])
    return db.prepare('SELECT id, value FROM targets ORDER BY position').all() as {
      id: string
      value: number
    }[]
  }
  const old = ids(text)
  const now = ids(amended)
  t.equal(now[0]!.value, 25000)
  t.same(now.slice(1), old, 'the 2025 target keeps its id, the 2024 one has its own')
})

t.test('finding ids do not move with line numbers', async (t) => {
  const ids = (source: string) => {
    const { db } = tempDatabase(t)
    loadDocuments(db, [parseText(source)])
    return (db.prepare('SELECT id FROM findings ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    )
  }
  const text = readText(bundledPlanPath)
  t.same(ids(`\n\n${text}`), ids(text), 'two blank lines above change every line, no id')
})

t.test('re-ingesting replaces targets and findings with the document', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const text = readText(bundledPlanPath).replace('达到 3 万人', '达到 4 万人')
  loadDocuments(db, [parseText(text)])
  t.equal(count(db, 'SELECT count(*) AS n FROM targets'), 19, 'no rows left from the old version')
  t.equal(count(db, 'SELECT count(*) AS n FROM targets WHERE value = 40000'), 1)
  t.equal(count(db, 'SELECT count(*) AS n FROM targets WHERE value = 30000'), 0)
  t.equal(
    count(db, "SELECT count(*) AS n FROM search_index WHERE kind = 'target'"),
    19,
    'the search index follows',
  )
})

t.test('targets are in the full-text index, by indicator and quote', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const find = (q: string) => {
    const m = matchingIds('target', q)
    return (
      db.prepare(`SELECT count(*) AS n FROM targets WHERE id IN ${m.sql}`).get(...m.params) as {
        n: number
      }
    ).n
  }
  t.equal(find('就业率'), 1)
  t.equal(find('产教融合'), 3, 'two indicators and a quote they share with a third')
  t.equal(find('率'), 2, 'one character works too')
})
