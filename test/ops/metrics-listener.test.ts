// The operator port (METRICS_PORT): /metrics alone, bounded per address, and the public port
// without it. A real listener, and the server as npm start runs it.
import t from 'tap'
import { pino } from 'pino'
import { Metrics, ownMetrics } from '../../src/ops/metrics.js'
import { MetricsExposition } from '../../src/ops/metrics-exposition.js'
import { listenForMetrics } from '../../src/ops/metrics-listener.js'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, tempDatabase, tempDir } from '../helper.js'
import { metricsUrlOf, send, start, stop } from '../server-process.js'
import { join } from 'node:path'

t.test('the operator port serves /metrics, refuses the rest, and bounds scrapes', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const metrics = new Metrics(new Store(db))
  const exposition = new MetricsExposition(metrics, ownMetrics, { max: 2, windowMs: 60_000 })
  const listener = await listenForMetrics(exposition, {
    port: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
  })
  t.teardown(() => listener.close())
  const scrape = await send(`${listener.url}/metrics`)
  t.equal(scrape.status, 200)
  t.match(scrape.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  t.equal(scrape.headers['cache-control'], 'no-store')
  t.match(scrape.body, /# TYPE plan_documents_loaded gauge\nplan_documents_loaded 1/)
  const head = await send(`${listener.url}/metrics`, { method: 'HEAD' })
  t.equal(head.status, 200)
  t.equal(head.body, '')

  const elsewhere = await send(`${listener.url}/v1/tasks`)
  t.equal(elsewhere.status, 404)
  t.equal(elsewhere.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(JSON.parse(elsewhere.body), { status: 404, detail: 'this port serves /metrics only' })
  const post = await send(`${listener.url}/metrics`, { method: 'POST' })
  t.equal(post.status, 405)
  t.equal(post.headers.allow, 'GET, HEAD')

  const over = await send(`${listener.url}/metrics`)
  t.equal(over.status, 429, 'the third scrape of the window (GET and HEAD count)')
  t.ok(Number(over.headers['retry-after']) >= 1)
  t.match(JSON.parse(over.body), { status: 429, detail: /more than 2 scrapes/ })
})

t.test('npm start serves /metrics on METRICS_PORT and not on the public port', async (t) => {
  const server = await start(t, { DB_PATH: join(tempDir(t), 'plan.db') })
  const metricsUrl = await metricsUrlOf(server)
  t.not(new URL(metricsUrl).port, new URL(server.url).port)
  t.equal((await send(`${server.url}/v1/documents`)).status, 200)
  const publicMetrics = await send(`${server.url}/metrics`)
  t.equal(publicMetrics.status, 404, 'the public port does not serve it')
  const scrape = await send(metricsUrl)
  t.equal(scrape.status, 200)
  t.match(scrape.body, /route="\/v1\/documents",status_code="200"\} 1/, 'the public port’s figures')
  t.equal(await stop(server), 0, 'SIGTERM closes both ports and exits 0')
})
