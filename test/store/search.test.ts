import t from 'tap'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, readPlan, tempDatabase } from '../helper.js'

t.test('task text search finds Chinese queries of any length', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const plan = readPlan(bundledPlanPath)
  // Words separated by whitespace are each required.
  const expected = (q: string) =>
    plan.tasks.filter((x) => q.split(/\s+/).every((w) => x.text.includes(w))).map((x) => x.number)
  const found = (q: string) => store.listTasks({ q }, { limit: 500 }).items.map((x) => x.number)
  for (const q of ['农', '智慧', '双师型', '产教融合', '职业教育', '一带一路', '2025', '30%']) {
    t.ok(expected(q).length > 0, `${q} occurs in the plan`)
    t.same(found(q), expected(q), q)
  }
  for (const q of ['%', '_', '"', "'", '\\', '税务 局', '不存在的词']) {
    t.same(found(q), expected(q), `${q} is literal text`)
  }
  for (const q of [
    '职业 教育',
    '教育\u3000职业',
    '教育 职业教育',
    '农 教育',
    '教育 2025',
    '学校 ， 的',
    '局 教育',
  ]) {
    t.ok(expected(q).length > 0, `${q}: tasks contain every word`)
    const one = q.split(/\s+/)[0]!
    t.ok(expected(one).length > expected(q).length, `${q}: more contain only ${one}`)
    t.same(found(q), expected(q), `${q}: every word is required`)
  }
})
