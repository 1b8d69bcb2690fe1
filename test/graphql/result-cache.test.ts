// GraphQL results kept per normalized query, variables and data version: a repeated query runs
// no SQL, a write is seen at once, and mutations always run.
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

async function countedApp(t: Test) {
  const { path } = tempDatabase(t, [bundledPlanPath])
  const statements: string[] = []
  const db = new BetterSqlite3(path, { verbose: (sql) => statements.push(String(sql)) })
  t.teardown(() => db.close())
  const app = await buildTestApp(t, { db })
  /** Runs a POST and says how many statements beyond the data version's it took. */
  const post = async (body: object, headers: Record<string, string> = {}) => {
    statements.length = 0
    const res = await app.inject({ method: 'POST', url: '/graphql', payload: body, headers })
    const queries = statements.filter((s) => !/data_version|audit_log/.test(s)).length
    return { res, queries }
  }
  return { app, db, post }
}

const QUERY = `query Tasks($n: Int, $agency: String) {
  tasks(first: $n, filter: {agency: $agency}) { totalCount nodes { id agencies { asWritten } } }
}`

t.test('a repeated query is answered without running', async (t) => {
  const { post } = await countedApp(t)
  const first = await post({ query: QUERY, variables: { n: 5, agency: null } })
  t.equal(first.res.statusCode, 200)
  t.ok(first.queries > 0, 'the first run queries')
  const again = await post({ query: QUERY, variables: { n: 5, agency: null } })
  t.equal(again.queries, 0, 'the second does not')
  t.equal(again.res.body, first.res.body)
  t.equal(again.res.headers['content-type'], first.res.headers['content-type'])

  const reformatted = await post({
    query: `# the same, written otherwise\n${QUERY.replace(/\n/g, '\n\n   ')}`,
    variables: { agency: null, n: 5 },
  })
  t.equal(reformatted.queries, 0, 'whitespace, comments and the order of variables do not count')
  t.equal(reformatted.res.body, first.res.body)

  const other = await post({ query: QUERY, variables: { n: 6, agency: null } })
  t.ok(other.queries > 0, 'other variables run')
  t.not(other.res.body, first.res.body)
})

t.test('mutations always run, and what they change is read at once', async (t) => {
  const { app, db, post } = await countedApp(t)
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const read = { query: '{ tasks(first: 1) { nodes { id status etag } } }' }
  const before = await post(read)
  const task = (
    JSON.parse(before.res.body) as { data: { tasks: { nodes: { id: string; etag: string }[] } } }
  ).data.tasks.nodes[0]!
  const mutation = {
    query: `mutation ($id: ID!, $etag: String!) {
      setTaskStatus(taskId: $id, status: done, ifMatch: $etag) { status } }`,
    variables: { id: task.id, etag: task.etag },
  }
  const headers = { authorization: `Bearer ${admin}` }
  t.equal((await post(mutation, headers)).res.statusCode, 200)
  const repeated = await post(mutation, headers)
  t.equal(repeated.res.statusCode, 412, 'the same mutation ran again, and found the task changed')
  const after = await post(read)
  t.ok(after.queries > 0)
  t.match(after.res.body, /"status":"done"/, 'the next read sees the write')
  t.ok(app)
})

t.test('a request with a token, or an answer with errors, is not kept', async (t) => {
  const { db, post } = await countedApp(t)
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const body = { query: '{ documents { totalCount } }' }
  await post(body, { authorization: `Bearer ${admin}` })
  t.ok((await post(body, { authorization: `Bearer ${admin}` })).queries > 0)
  // An error for one field (first is at most 100).
  const failing = {
    query: '{ tasks(first: 1) { nodes { id } } more: tasks(first: 101) { totalCount } }',
  }
  const first = await post(failing)
  t.match(first.res.body, /"errors":/)
  t.ok((await post(failing)).queries > 0, 'an answer with errors is not kept')
})
