// Links are batched: a query for many tasks with their agencies, items and targets runs a small
// number of SQL statements that does not grow with the number of tasks.
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { generatePlan } from '../../bench/generate-plans.js'
import { parseText, tempDatabase, buildTestApp } from '../helper.js'
import { loadDocuments } from '../../src/store/load.js'
import { graphql } from './client.js'

const TASKS_WITH_LINKS = `query ($first: Int) {
  tasks(first: $first) {
    totalCount
    nodes {
      number
      agencies { asWritten agency { name phone taskCount } }
      items { label heading parent { heading } }
      targets { totalCount nodes { indicator value unit } }
    }
  }
}`

t.test('statements per query stay the same from 5 tasks to 50', async (t) => {
  const { db, path } = tempDatabase(t)
  loadDocuments(
    db,
    [1, 2, 3].map((seed) => parseText(generatePlan(seed), `generated-${seed}.txt`)),
  )
  const statements: string[] = []
  const counted = new BetterSqlite3(path, { verbose: (sql) => statements.push(String(sql)) })
  t.teardown(() => counted.close())
  // Without the result cache: what is counted is the statements of running the query.
  const app = await buildTestApp(t, { db: counted, responseCache: false })

  const run = async (first: number) => {
    statements.length = 0
    const res = await graphql<{ tasks: { nodes: { targets: { totalCount: number } }[] } }>(
      app,
      TASKS_WITH_LINKS,
      { first },
    )
    t.equal(res.status, 200)
    t.notOk(res.errors, JSON.stringify(res.errors))
    t.equal(res.data!.tasks.nodes.length, first)
    return { count: statements.length, data: res.data! }
  }
  const few = await run(5)
  const many = await run(50)
  t.ok(
    many.data.tasks.nodes.some((n) => n.targets.totalCount > 0),
    'some of the 50 tasks have targets, so their loader runs',
  )
  t.equal(many.count, few.count, `${few.count} statements for 5 tasks and for 50`)
  // tasks: count and page; agencies by id; items by id, then their parents; targets: counts and
  // pages by task.
  t.ok(many.count <= 7, `${many.count} statements: ${statements.join('\n')}`)
})
