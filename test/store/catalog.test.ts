// What the portal metadata says of the data as a whole, from the loaded documents: the levels of
// government that issued them and the period they cover, up to the end of the latest year a
// title's period or a target reaches.
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'
import { catalogFacts } from '../../src/store/catalog.js'
import { bundledPlanPath, tempDatabase } from '../helper.js'

const genre = (file: string) => join(projectRoot, 'test', 'fixtures', 'genre', 'tuning', file)

t.test('the period covered reaches the end of a period a title states', async (t) => {
  // 江西省数字政府建设三年行动计划（2024—2026年）, issued 2024-05-08.
  const { db } = tempDatabase(t, [genre('t02-shuzi-zhengfu.txt')])
  const latestTarget = (
    db.prepare('SELECT max(deadline_year) AS y FROM targets').get() as { y: number | null }
  ).y
  t.ok(latestTarget === null || latestTarget <= 2026, 'no target later than the period')
  const facts = catalogFacts(db)
  t.equal(facts.coveredUntil, '2026-12-31')
  t.equal(facts.firstIssued, '2024-05-08')
  t.same(facts.levels, ['provincial'])
})

t.test('without a period in a title, the latest year a target is due', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const { y } = db.prepare('SELECT max(deadline_year) AS y FROM targets').get() as { y: number }
  t.ok(y > 2000)
  t.equal(catalogFacts(db).coveredUntil, `${y}-12-31`)
})

t.test('an empty database covers no period', async (t) => {
  const { db } = tempDatabase(t)
  const facts = catalogFacts(db)
  t.equal(facts.coveredUntil, null)
  t.same(facts.levels, [])
})
