// A page deep in a long list costs what the first page costs: its cursor is an index search.
// (A list sorted by another field, ?sort=, is sorted whole: no index serves those orders.)
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, secondPlanPath, tempDatabase, thirdPlanPath } from '../helper.js'

t.test('a page after a cursor searches the index instead of scanning it', async (t) => {
  const { path } = tempDatabase(t, [bundledPlanPath, secondPlanPath, thirdPlanPath])
  const statements: string[] = []
  const db = new BetterSqlite3(path, { verbose: (sql) => statements.push(String(sql)) })
  t.teardown(() => db.close())
  const store = new Store(db)
  const lists = {
    tasks: (cursor?: string) => store.listTasks({}, { limit: 5, cursor }),
    sections: (cursor?: string) => store.listSections({}, { limit: 5, cursor }),
  }
  for (const [name, list] of Object.entries(lists)) {
    const first = list()
    t.ok(first.next, `${name}: there is a second page`)
    statements.length = 0
    const second = list(first.next!)
    t.ok(second.items.length > 0)
    const page = statements.find((s) => /ORDER BY[\s\S]*LIMIT/.test(s))!
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page}`).all() as { detail: string }[])
      .map((row) => row.detail)
      .join('\n')
    t.match(plan, /SEARCH \w+ USING (COVERING )?INDEX .*\) ?[<>]/, name)
    t.notMatch(plan, /^SCAN/m, name)
  }
})
