// Under pressure the service sheds requests with 503 and Retry-After instead of falling over,
// and recovers by itself; liveness and metrics still answer.
import { Writable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { pino } from 'pino'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { readConfig } from '../../src/config.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

const SAMPLE_MS = 20

const METRICS_TOKEN = 'operators-only-0123456789'

async function appUnder(t: Test, pressure: Parameters<typeof buildApp>[0]['pressure']) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, pressure, metricsToken: METRICS_TOKEN })
  await app.ready()
  return app
}

/** Asks every few milliseconds until the answer's status is the one wanted, for a few seconds. */
async function until<R extends { statusCode: number }>(status: number, ask: () => Promise<R>) {
  for (let waited = 0; waited < 5000; waited += 2) {
    const res = await ask()
    if (res.statusCode === status) return res
    await sleep(2)
  }
  throw new Error(`never answered ${status}`)
}

/** Keeps the event loop busy, as a runaway synchronous job would. */
function spin(ms: number): void {
  const end = Date.now() + ms
  while (Date.now() < end) {
    // busy
  }
}

t.test('memory over its ceiling: reads are shed with a problem and Retry-After', async (t) => {
  const app = await appUnder(t, {
    maxEventLoopDelayMs: 0,
    maxHeapUsedBytes: 1,
    maxRssBytes: 0,
    retryAfterSeconds: 7,
    sampleIntervalMs: SAMPLE_MS,
  })
  const shed = await until(503, () =>
    app.inject({ url: '/v1/tasks', headers: { origin: 'https://dashboard.example.gov.cn' } }),
  )
  t.equal(shed.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(shed.headers['access-control-allow-origin'], '*', 'a browser may read the refusal')
  t.equal(shed.headers['retry-after'], '7')
  t.match(shed.json(), {
    type: '/problems/under-pressure',
    status: 503,
    detail: 'the heap is nearly full; retry later',
  })
  const graphql = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: '{ tasks { totalCount } }' },
  })
  t.equal(graphql.statusCode, 503, 'GraphQL is shed too')
  t.equal((await app.inject('/readyz')).statusCode, 503, 'the load balancer stops sending')
  t.equal((await app.inject('/healthz')).statusCode, 200, 'but the process is not restarted')
  const metrics = await app.inject({
    url: '/metrics',
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
  t.equal(metrics.statusCode, 200, 'and operators can see why')
  t.match(
    metrics.body,
    /http_request_duration_seconds_count\{method="GET",route="\/v1\/tasks",status_code="503"\}/,
  )
})

t.test('a stalled event loop sheds requests until it runs freely again', async (t) => {
  const app = await appUnder(t, {
    maxEventLoopDelayMs: 100,
    maxHeapUsedBytes: 0,
    maxRssBytes: 0,
    retryAfterSeconds: 3,
    sampleIntervalMs: SAMPLE_MS,
  })
  t.equal((await until(200, () => app.inject('/v1/documents'))).statusCode, 200)
  // Overload for three seconds: the loop is blocked 300 ms at a time, free only in between.
  let overloaded = true
  const overload = (async () => {
    for (const end = Date.now() + 3000; Date.now() < end;) {
      spin(300)
      await sleep(5)
    }
    overloaded = false
  })()
  const shed = await until(503, () => app.inject('/v1/documents'))
  t.ok(overloaded, 'shed while overloaded')
  t.match(shed.json(), { detail: 'the event loop is stalled; retry later' })
  t.equal(shed.headers['retry-after'], '3')
  await overload
  t.equal((await until(200, () => app.inject('/v1/documents'))).statusCode, 200, 'recovered')
})

t.test('a process that was slow to start does not shed its first requests', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const sampleIntervalMs = 50
  const app = await buildTestApp(t, {
    db,
    pressure: {
      maxEventLoopDelayMs: 100,
      maxHeapUsedBytes: 0,
      maxRssBytes: 0,
      retryAfterSeconds: 1,
      sampleIntervalMs,
    },
  })
  // A start that blocks the loop for half a second, as a slow disk or a busy machine makes it.
  spin(500)
  await app.ready()
  const statuses = new Set<number>()
  for (const started = Date.now(); Date.now() - started < sampleIntervalMs * 1.5;) {
    statuses.add((await app.inject('/v1/documents')).statusCode)
    await sleep(2)
  }
  t.same([...statuses], [200], 'the stall of the start is not taken for pressure')
})

t.test('shedding is logged when it starts, not for every request refused', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const messages: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      messages.push((JSON.parse(String(chunk)) as { msg: string }).msg)
      done()
    },
  })
  const app = await buildTestApp(t, {
    db,
    loggerInstance: pino({ level: 'info' }, sink),
    pressure: {
      maxEventLoopDelayMs: 0,
      maxHeapUsedBytes: 1,
      maxRssBytes: 0,
      retryAfterSeconds: 1,
      sampleIntervalMs: SAMPLE_MS,
    },
  })
  await app.ready()
  await until(503, () => app.inject('/v1/documents'))
  for (let i = 0; i < 10; i++) t.equal((await app.inject('/v1/documents')).statusCode, 503)
  t.equal(messages.filter((m) => m === 'under pressure: shedding').length, 1)
})

t.test('the thresholds come from the environment, checked at start', async (t) => {
  const config = readConfig({
    MAX_EVENT_LOOP_DELAY_MS: '250',
    MAX_HEAP_USED_MB: '512',
    MAX_RSS_MB: '0',
    RETRY_AFTER_SECONDS: '5',
  })
  t.same(config.pressure, {
    maxEventLoopDelayMs: 250,
    maxHeapUsedBytes: 512 * 1024 * 1024,
    maxRssBytes: 0,
    retryAfterSeconds: 5,
  })
  t.ok(readConfig({}).pressure.maxHeapUsedBytes > 0, 'a heap ceiling by default')
  t.throws(() => readConfig({ MAX_RSS_MB: '-1' }), /^MAX_RSS_MB must be a whole number/)
  t.throws(() => readConfig({ RETRY_AFTER_SECONDS: '0' }), /^RETRY_AFTER_SECONDS must be/)
})
