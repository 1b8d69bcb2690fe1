// /metrics in Prometheus' text format: requests and latency by route and status, GraphQL
// operations and errors by type and code, and the database's documents and size.
import { statSync } from 'node:fs'
import t from 'tap'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { Metrics, ownMetrics } from '../../src/ops/metrics.js'
import { MetricsExposition } from '../../src/ops/metrics-exposition.js'
import { bundledPlanPath, secondPlanPath, tempDatabase, buildTestApp } from '../helper.js'

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

const METRICS_TOKEN = 'operators-only-0123456789'
const operator = { authorization: `Bearer ${METRICS_TOKEN}` }

t.test('requests, GraphQL and the database, counted as they happen', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, {
    store,
    rateLimit: { max: 8, windowMs: 60_000 },
    metricsToken: METRICS_TOKEN,
  })
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

  const res = await app.inject({ url: '/metrics', remoteAddress: '10.0.0.3', headers: operator })
  t.equal(res.statusCode, 200, 'not held to the read limit though its client is over it')
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
  const app = await buildTestApp(t, { db })
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

t.test(
  'the public port serves /metrics only with METRICS_TOKEN, and only to its bearer',
  async (t) => {
    const { db } = tempDatabase(t, [bundledPlanPath])
    const store = new Store(db)
    const open = await buildTestApp(t, { store })
    const unserved = await open.inject('/metrics')
    t.equal(unserved.statusCode, 404, 'no token configured: the operator port alone serves it')
    t.equal(unserved.headers['content-type'], 'application/problem+json; charset=utf-8')

    const guarded = await buildTestApp(t, { store, metricsToken: METRICS_TOKEN })
    const anonymous = await guarded.inject('/metrics')
    t.equal(anonymous.statusCode, 401)
    t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="metrics"')
    t.notMatch(anonymous.body, /http_request/, 'no figure leaks')
    const wrong = await guarded.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    })
    t.equal(wrong.statusCode, 401)
    const agency = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
    const apiToken = await guarded.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${agency}` },
    })
    t.equal(apiToken.statusCode, 401, 'an API token is not the operators’ token')
    const right = await guarded.inject({ url: '/metrics', headers: operator })
    t.equal(right.statusCode, 200)
    t.match(right.body, /# TYPE http_request_duration_seconds histogram/)
  },
)

t.test('scrapes are bounded per address, and scrapes at once share one render', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const metrics = new Metrics(new Store(db))
  let renders = 0
  const exposition = new MetricsExposition(
    metrics,
    async (m) => {
      renders += 1
      return m.registry.metrics()
    },
    { max: 30, windowMs: 60_000 },
  )
  const texts = await Promise.all(
    Array.from({ length: 20 }, () => {
      const scrape = exposition.scrape('10.0.0.1')
      if (!scrape.allowed) throw new Error('refused within the limit')
      return scrape.text()
    }),
  )
  t.equal(renders, 1, 'twenty scrapes at once: one render')
  t.equal(new Set(texts).size, 1, 'and one text for all')
  for (let i = 20; i < 30; i++) t.ok(exposition.scrape('10.0.0.1').allowed, `scrape ${i + 1}`)
  const over = exposition.scrape('10.0.0.1')
  t.match(over, { allowed: false, detail: /more than 30 scrapes/ })
  t.ok(!over.allowed && over.retryAfterSeconds >= 1, 'with a time to retry')
  t.ok(exposition.scrape('10.0.0.2').allowed, 'another address has its own allowance')

  // The public route applies the same bound.
  const app = await buildTestApp(t, {
    db,
    metricsToken: METRICS_TOKEN,
    metricsExposition: new MetricsExposition(metrics, ownMetrics, { max: 2, windowMs: 60_000 }),
  })
  const statuses = []
  for (let i = 0; i < 3; i++) {
    statuses.push((await app.inject({ url: '/metrics', headers: operator })).statusCode)
  }
  t.same(statuses, [200, 200, 429])
})
