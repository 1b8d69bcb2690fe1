// Read answers kept as bytes per data version: a repeated read runs no query, and any change of
// the data (an ingest by another process, a progress write) is served at once, never stale.
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { AnswerCache } from '../../src/http/answer-cache.js'
import { Representation } from '../../src/http/representation.js'
import { openDatabase } from '../../src/store/database.js'
import { loadDocuments } from '../../src/store/load.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, readPlan, secondPlanPath, tempDatabase, buildTestApp } from '../helper.js'

async function countedApp(t: Test, options: Parameters<typeof buildApp>[0]['responseCache']) {
  const { path } = tempDatabase(t, [bundledPlanPath])
  const statements: string[] = []
  const db = new BetterSqlite3(path, { verbose: (sql) => statements.push(String(sql)) })
  t.teardown(() => db.close())
  const app = await buildTestApp(t, { db, responseCache: options })
  return { app, db, path, statements }
}

const dataQueries = (statements: string[]) =>
  statements.filter((s) => !/data_version|audit_log/.test(s))

t.test('a repeated read is answered from the cache, without a query', async (t) => {
  const { app, statements } = await countedApp(t, undefined)
  for (const url of ['/v1/tasks?limit=50', '/v1/tasks.csv', '/v1/search?q=%E5%B0%B1%E4%B8%9A']) {
    statements.length = 0
    const first = await app.inject(url)
    t.equal(first.statusCode, 200)
    t.ok(dataQueries(statements).length > 0, `${url}: the first read queries`)
    statements.length = 0
    const second = await app.inject(url)
    t.same(dataQueries(statements), [], `${url}: the second does not`)
    t.equal(second.body, first.body, 'the same bytes')
    t.equal(second.headers.etag, first.headers.etag, 'under the same ETag')
    t.equal(second.headers['content-type'], first.headers['content-type'])
    t.equal(second.headers.vary, first.headers.vary)
    const revalidated = await app.inject({ url, headers: { 'if-none-match': first.headers.etag } })
    t.equal(revalidated.statusCode, 304, 'a cached answer still revalidates')
  }
})

t.test('a kept answer has all the route’s own headers, and fresh per-request ones', async (t) => {
  const { app } = await countedApp(t, undefined)
  for (const url of ['/graphiql', '/', '/v1/tasks?limit=2']) {
    const first = await app.inject(url)
    const second = await app.inject(url)
    for (const name of ['content-type', 'content-security-policy', 'etag', 'link', 'vary']) {
      t.equal(second.headers[name], first.headers[name], `${url}: ${name}`)
    }
    t.not(second.headers['x-request-id'], first.headers['x-request-id'], `${url}: its own id`)
    t.equal(
      Number(second.headers['x-ratelimit-remaining']),
      Number(first.headers['x-ratelimit-remaining']) - 1,
      `${url}: its own count`,
    )
  }
  t.ok((await app.inject('/graphiql')).headers['content-security-policy'], 'the page keeps its CSP')
})

t.test('what varies the answer varies the key', async (t) => {
  const { app } = await countedApp(t, undefined)
  const json = await app.inject('/v1/agencies')
  const csv = await app.inject({ url: '/v1/agencies', headers: { accept: 'text/csv' } })
  t.match(json.headers['content-type'], /json/)
  t.match(csv.headers['content-type'], /csv/)
  const a = await app.inject({ url: '/catalog.jsonld', headers: { host: 'a.example.gov.cn' } })
  const b = await app.inject({ url: '/catalog.jsonld', headers: { host: 'b.example.gov.cn' } })
  t.match(a.body, /a\.example\.gov\.cn/)
  t.match(b.body, /b\.example\.gov\.cn/)
  t.notMatch(b.body, /a\.example\.gov\.cn/)
})

t.test('a change of the data is served at once', async (t) => {
  const { app, db, path } = await countedApp(t, undefined)
  const before = (await app.inject('/v1/documents')).json() as { meta: { total: number } }
  // Another process ingests a second plan.
  const other = openDatabase(path)
  loadDocuments(other, [readPlan(secondPlanPath)])
  other.close()
  // A request that could know of the commit comes from the network, in a later turn of the
  // event loop; the data version is asked once per turn.
  await new Promise((resolve) => setImmediate(resolve))
  const after = (await app.inject('/v1/documents')).json() as { meta: { total: number } }
  t.equal(after.meta.total, before.meta.total + 1, 'an ingest elsewhere')

  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const target = ((await app.inject('/v1/targets?limit=1')).json() as { data: { id: string }[] })
    .data[0]!.id
  const list = () => app.inject(`/v1/targets/${target}/observations`)
  t.equal(((await list()).json() as { meta: { total: number } }).meta.total, 0)
  const write = await app.inject({
    method: 'POST',
    url: `/v1/targets/${target}/observations`,
    headers: { authorization: `Bearer ${admin}` },
    payload: { value: 3, observedOn: '2024-01-01' },
  })
  t.equal(write.statusCode, 201)
  t.equal(((await list()).json() as { meta: { total: number } }).meta.total, 1, 'a write here')
})

t.test('answers for a token, errors and operators’ routes are not kept', async (t) => {
  const { app, db, statements } = await countedApp(t, undefined)
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  for (let i = 0; i < 2; i++) {
    statements.length = 0
    const audit = await app.inject({
      url: '/v1/audit',
      headers: { authorization: `Bearer ${admin}` },
    })
    t.equal(audit.statusCode, 200)
    t.ok(dataQueries(statements).length > 0, 'the audit log is read each time')
  }
  for (let i = 0; i < 2; i++) {
    statements.length = 0
    t.equal((await app.inject('/v1/tasks/no-such-task')).statusCode, 404)
    t.ok(dataQueries(statements).length > 0, 'a 404 is looked up each time')
  }
  db.close()
  t.equal((await app.inject('/readyz')).statusCode, 503, 'readiness is asked each time')
})

t.test('the cache is bounded by bytes, oldest out first', async (t) => {
  const cache = new AnswerCache({ maxBytes: 100, maxAnswerBytes: 60 })
  const answer = (n: number) =>
    new Representation({ headers: {}, body: Buffer.alloc(n), route: '/x', effort: 'kept' })
  cache.set('a', answer(40))
  cache.set('b', answer(40))
  t.ok(cache.get('a'), 'a used again: now the newest')
  cache.set('c', answer(40))
  t.same(cache.size, { answers: 2, bytes: 80 })
  t.notOk(cache.get('b'), 'the least recently used went')
  t.ok(cache.get('a'))
  cache.set('big', answer(61))
  t.notOk(cache.get('big'), 'an answer over the size of one is not kept')
  t.same(cache.size, { answers: 2, bytes: 80 })
})

t.test('an answer too large to keep is still sent whole', async (t) => {
  const { app, statements } = await countedApp(t, { maxBytes: 1024, maxAnswerBytes: 512 })
  // A filtered list: a whole table is kept as an export file instead (test/http/exports.test.ts).
  const first = await app.inject('/v1/tasks.csv?sort=number')
  const second = await app.inject('/v1/tasks.csv?sort=number')
  t.ok(first.rawPayload.length > 512)
  t.equal(second.body, first.body)
  statements.length = 0
  await app.inject('/v1/tasks.csv?sort=number')
  t.ok(dataQueries(statements).length > 0, 'and read again next time')
})

t.test('off when configured so', async (t) => {
  const { app, statements } = await countedApp(t, false)
  await app.inject('/v1/tasks')
  statements.length = 0
  await app.inject('/v1/tasks')
  t.ok(dataQueries(statements).length > 0)
})
