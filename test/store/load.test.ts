import { readFileSync } from 'node:fs'
import t from 'tap'
import { openDatabase } from '../../src/store/database.js'
import { dumpDatabase } from '../../src/store/dump.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import {
  bundledPlanPath,
  parseText,
  readPlan,
  secondPlanPath,
  tempDatabase,
  thirdPlanPath,
} from '../helper.js'

const all = { limit: 500 }

t.test('ingesting the same text twice gives byte-identical dumps', async (t) => {
  const a = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const b = tempDatabase(t, [secondPlanPath, bundledPlanPath])
  const first = dumpDatabase(a.db)
  t.equal(dumpDatabase(b.db), first, 'two databases, files in another order')
  loadDocuments(a.db, [readPlan(bundledPlanPath)])
  t.equal(dumpDatabase(a.db), first, 'the same database, re-ingested')
  t.match(first, /task-[0-9a-f]{12}-29/)
})

t.test('ids are derived from the document number and positions, not from load order', async (t) => {
  const { db } = tempDatabase(t, [thirdPlanPath, bundledPlanPath])
  const store = new Store(db)
  const doc = store.listDocuments({ number: '新政办〔2023〕17号' }, all).items[0]!
  t.match(doc.id, /^doc-[0-9a-f]{12}$/)
  const key = doc.id.slice(4)
  const sections = store.listSections({ document: doc.id }, all).items
  t.equal(sections[0]!.id, `sec-${key}-p1`)
  t.equal(
    sections.find((s) => s.heading === '做好顶层设计，构建现代职业教育体系')!.id,
    `sec-${key}-p2-c1`,
  )
  t.equal(sections.find((s) => s.kind === 'item' && s.number === 23)!.id, `sec-${key}-i23`)
  t.equal(store.listTasks({ document: doc.id }, all).items[28]!.id, `task-${key}-29`)
})

t.test('re-ingesting a changed text replaces that document only, atomically', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const store = new Store(db)
  const second = store.listDocuments({ number: '洛政办〔2024〕5号' }, all).items[0]!
  const secondBefore = JSON.stringify(store.listTasks({ document: second.id }, all))

  // The same document, amended: a task row dropped, one unit renamed.
  const text = readFileSync(bundledPlanPath, 'utf8')
    .replace(/^28\t.*\n/m, '')
    .replace('市总工会', '市妇联')
  const amended = parseText(text, 'amended.txt')
  t.equal(loadDocuments(db, [amended])[0]!.replaced, true)

  const doc = store.listDocuments({ number: '新政办〔2023〕17号' }, all)
  t.equal(doc.total, 1, 'still one document under that number')
  t.equal(doc.items[0]!.source.file, 'amended.txt')
  t.equal(store.listTasks({ document: doc.items[0]!.id }, all).total, 28)
  t.equal(store.listAgencies({ name: '市总工会' }, all).total, 0, 'an agency no text names is gone')
  t.equal(store.listAgencies({ name: '市妇联' }, all).total, 1)
  t.equal(
    JSON.stringify(store.listTasks({ document: second.id }, all)),
    secondBefore,
    'others untouched',
  )
})

t.test('a load that fails midway leaves the database as it was', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const before = dumpDatabase(db)
  const good = readPlan(secondPlanPath)
  const bad = readPlan(thirdPlanPath)
  bad.tasks[0]!.units[0]!.agencyIndex = 999 // an agency that does not exist: the insert fails
  const history = () =>
    db
      .prepare('SELECT (SELECT count(*) FROM changes) || (SELECT count(*) FROM document_versions)')
      .pluck()
      .get()
  const historyBefore = history()
  t.throws(() => loadDocuments(db, [good, bad]))
  t.equal(dumpDatabase(db), before)
  t.equal(history(), historyBefore, 'nor is any change or version recorded')
})

t.test('plans of several cities side by side; one city shares its agencies', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath, thirdPlanPath])
  const store = new Store(db)
  t.equal(store.listDocuments({}, all).total, 3)
  const finance = store.listAgencies({ name: '市财政局' }, all).items
  t.same(finance.map((a) => a.jurisdiction).sort(), ['新郑市', '洛阳市'])
  t.not(finance[0]!.id, finance[1]!.id, 'same name, two jurisdictions, two agencies')

  // Another plan of 洛阳市 names 市人社局 too: the same agency, with both documents' tasks.
  const other = readFileSync(secondPlanPath, 'utf8').replace(
    '洛政办〔2024〕5号',
    '洛政办〔2024〕6号',
  )
  loadDocuments(db, [parseText(other, 'other.txt')])
  const hr = store
    .listAgencies({ name: '市人社局' }, all)
    .items.filter((a) => a.jurisdiction === '洛阳市')
  t.equal(hr.length, 1)
  t.equal(
    hr[0]!.taskCount,
    6,
    'three tasks in each of the two documents (task 10 under a merged cell)',
  )
})

t.test('the database file is real SQLite that another connection reads', async (t) => {
  const { path } = tempDatabase(t, [bundledPlanPath])
  const reader = openDatabase(path, { readonly: true, migrate: false })
  t.teardown(() => reader.close())
  t.equal((reader.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n, 29)
})
