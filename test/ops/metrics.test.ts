// /metrics in Prometheus' text format: requests and latency by route and status, GraphQL
// operations and errors by type and code, and the database's documents and size.
import { statSync } from 'node:fs'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, secondPlanPath, tempDatabase } from '../helper.js'

/** The samples of an exposition: each series (name and labels as written) with its value. */
function samples(text: string): Map<string, number> {
  const series = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const cut = line.lastIndexOf(' ')
    series.set(line.slice(0, cut), Number(line.slice(cut + 1)))
  }
  return series
}

t.test('requests, GraphQL and the database, counted as they happen', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const store = new Store(db)
  const app = await buildApp({ store, rateLimit: { max: 8, windowMs: 60_000 } })
  t.teardown(() => app.close())
  const task = [...store.eachTask({})][0]!
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret

  for (let i = 0; i < 3; i++) await app.inject(`/v1/tasks/${task.id}`)
  await app.inject({ url: '/v1/tasks/no-such-task', remoteAddress: '10.0.0.2' })
  for (let i = 0; i < 9; i++) await app.inject({ url: `/made-up/${i}`, remoteAddress: '10.0.0.3' })
  const query = (body: object, headers = {}) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      payload: body,
      headers,
      remoteAddress: '10.0.0.4',
    })
  // The same query thrice: it runs once; the result cache answers the other two.
  for (let i = 0; i < 3; i++) await query({ query: '{ tasks(first: 1) { totalCount } }' })
  await query({ query: '{ documents { totalCount } }' })
  await query({ query: '{ nope }' })
  await query({ query: '{ tasks(' })
  const etag = (await app.inject({ url: `/v1/tasks/${task.id}`, remoteAddress: '10.0.0.5' }))
    .headers.etag as string
  await query(
    {
      query: `mutation { setTaskStatus(taskId: "${task.id}", status: done, ifMatch: ${JSON.stringify(etag)}) { status } }`,
    },
    { authorization: `Bearer ${admin}` },
  )

  const res = await app.inject({ url: '/metrics', remoteAddress: '10.0.0.3' })
  t.equal(res.statusCode, 200, 'not rate limited though its client is over the limit')
  t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  t.equal(res.headers['cache-control'], 'no-store')
  const m = samples(res.body)
  const count = (method: string, route: string, status: number) =>
    m.get(
      `http_request_duration_seconds_count{method="${method}",route="${route}",status_code="${status}"}`,
    )
  t.equal(count('GET', '/v1/tasks/:id', 200), 3 + 1, 'by route template, not by URL')
  t.equal(count('GET', '/v1/tasks/:id', 404), 1)
  t.equal(count('GET', 'unmatched', 404), 8, 'paths no route serves make one series')
  t.equal(count('GET', 'unmatched', 429), 1, 'and refusals are counted too')
  t.equal(count('POST', '/graphql', 200), 5)
  t.equal(count('POST', '/graphql', 400), 2)
  t.notOk(
    [...m.keys()].some((k) => k.includes('made-up')),
    'no client-made path becomes a label',
  )
  const bucket = m.get(
    'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/tasks/:id",status_code="200"}',
  )
  t.equal(bucket, 4, 'latency is a histogram')
  t.ok(
    m.get(
      'http_request_duration_seconds_sum{method="GET",route="/v1/tasks/:id",status_code="200"}',
    )! > 0,
  )

  t.equal(m.get('graphql_operations_total{type="query"}'), 2, 'operations run, not cache hits')
  t.equal(m.get('graphql_operations_total{type="mutation"}'), 1)
  t.equal(m.get('graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}'), 1)
  t.equal(m.get('graphql_errors_total{code="GRAPHQL_PARSE_FAILED"}'), 1)

  const documents = (await app.inject('/v1/documents')).json() as { meta: { total: number } }
  t.equal(m.get('plan_documents_loaded'), documents.meta.total)
  t.equal(m.get('plan_documents_loaded'), 2)
  t.equal(m.get('plan_database_bytes{file="main"}'), statSync(path).size)
  t.equal(m.get('plan_database_bytes{file="wal"}'), statSync(`${path}-wal`).size)
  t.ok(m.has('process_resident_memory_bytes'), 'the process figures too')
  t.ok(m.has('nodejs_eventloop_lag_p99_seconds'))

  const openapi = (await app.inject('/openapi.json')).json() as { paths: Record<string, unknown> }
  t.notOk('/metrics' in openapi.paths, 'an operator’s route, not part of the data API')
})

t.test('GraphQL error codes say what kind of mistake a request made', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildApp({ store: new Store(db) })
  t.teardown(() => app.close())
  const codes = async (payload: object) => {
    const res = await app.inject({ method: 'POST', url: '/graphql', payload })
    return (res.json() as { errors: { extensions: { code: string } }[] }).errors.map(
      (e) => e.extensions.code,
    )
  }
  t.same(await codes({ query: '{ nope }' }), ['GRAPHQL_VALIDATION_FAILED'])
  t.same(await codes({ query: '{ tasks(' }), ['GRAPHQL_PARSE_FAILED'])
  t.same(
    await codes({
      query: 'query ($n: Int) { tasks(first: $n) { totalCount } }',
      variables: { n: 'x' },
    }),
    ['BAD_USER_INPUT'],
  )
})
