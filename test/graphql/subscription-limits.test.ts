// Subscriptions as an attacker would use them, over a real WebSocket: every limit of an HTTP
// query applies before one is accepted, connections and addresses have caps, a write's payload
// is computed once per distinct selection, and a subscriber that stops reading is dropped.
import t, { type Test } from 'tap'
import { type AppOptions } from '../../src/app.js'
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../src/graphql/subscriptions/server.js'
import { Store } from '../../src/store/index.js'
import { Metrics, ownMetrics } from '../../src/ops/metrics.js'
import { MetricsExposition } from '../../src/ops/metrics-exposition.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'
import { connect, type Message } from './ws-client.js'

const METRICS_TOKEN = 'operators-only-0123456789'

async function serve(t: Test, options: Partial<AppOptions> = {}) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const metrics = new Metrics(store)
  const app = await buildTestApp(t, {
    store,
    metrics,
    // The test reads its figures as often as it likes, and writes as fast as it can.
    metricsToken: METRICS_TOKEN,
    metricsExposition: new MetricsExposition(metrics, ownMetrics, { max: 1e9, windowMs: 60_000 }),
    rateLimit: { max: 1e9, windowMs: 60_000 },
    writeRateLimit: { max: 1e9, windowMs: 60_000 },
    ...options,
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const target = [...store.eachTarget({})][0]!
  const url = `${address.replace('http', 'ws')}/graphql`
  const open = async () => {
    const connection = connect(url)
    t.teardown(() => connection.socket.terminate())
    await connection.init()
    return connection
  }
  /** One observation, written as an agency would. */
  const write = async (value = 1) => {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/targets/${target.id}/observations`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { value, observedOn: '2024-05-31' },
    })
    if (res.statusCode !== 201) throw new Error(`the write failed: ${res.body}`)
  }
  /** A figure of /metrics. */
  const figure = async (series: string) => {
    const res = await app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
    const line = res.body.split('\n').find((l) => l.startsWith(`${series} `))
    return Number(line?.slice(series.length + 1))
  }
  /** Waits for a figure to reach a value (the server acts on a message a moment after it). */
  const figureReaches = async (series: string, value: number) => {
    for (let tries = 0; tries < 2000; tries++) {
      if ((await figure(series)) === value) return true
      await new Promise((tick) => setImmediate(tick))
    }
    return false
  }
  return { app, url, open, write, figure, figureReaches, target }
}

const errorCodes = (message: Message | null) =>
  (message?.payload as { extensions?: { code?: string } }[] | undefined)?.map(
    (e) => e.extensions?.code,
  )

/** A selection `levels` connections deep, each of `first` items: its cost grows as first^levels. */
function nestedSections(levels: number, first: number): string {
  let selection = 'id'
  for (let i = 0; i < levels; i++) {
    selection = `document { sections(first: ${first}) { nodes { ${selection} } } }`
  }
  return `subscription { progressReported { observation { target { ${selection} } } } }`
}

t.test('a subscription passes every check of an HTTP query before it is accepted', async (t) => {
  const { open, write, figure, figureReaches } = await serve(t)
  const connection = await open()
  const refused: [string, unknown, unknown, string][] = [
    // The selection of the attack: refused over HTTP for a cost of 1,020,202.
    ['three nested connections of 100', nestedSections(3, 100), undefined, 'QUERY_TOO_COSTLY'],
    // Cheap enough over HTTP (2,100 objects), but paid again for every write.
    [
      'a payload of 2,100 objects per write',
      `subscription { progressReported { observation { target { document {
        sections(first: 100) { nodes { tasks(first: 20) { nodes { id } } } } } } } } }`,
      undefined,
      'QUERY_TOO_COSTLY',
    ],
    ['nesting past the depth limit', nestedSections(6, 1), undefined, 'QUERY_TOO_DEEP'],
    [
      'more aliases than the limit',
      `subscription { progressReported { ${Array.from({ length: 40 }, (_, i) => `a${i}: kind`).join(' ')} } }`,
      undefined,
      'TOO_MANY_ALIASES',
    ],
    [
      'more tokens than the limit',
      `subscription { progressReported { ${'kind '.repeat(2100)} } }`,
      undefined,
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'a field the schema lacks',
      'subscription { progressReported { secrets } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'variables nested 40 deep',
      'subscription { progressReported { kind } }',
      JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)),
      'BAD_USER_INPUT',
    ],
    ['a query', '{ documents { totalCount } }', undefined, 'BAD_REQUEST'],
    [
      'a syntax error',
      'subscription { progressReported { kind }',
      undefined,
      'GRAPHQL_PARSE_FAILED',
    ],
  ]
  for (const [i, [what, query, variables, code]] of refused.entries()) {
    connection.subscribe(`bad-${i}`, query, variables)
    const answer = await connection.take((m) => m.id === `bad-${i}`)
    t.equal(answer?.type, 'error', `${what}: refused`)
    t.same(errorCodes(answer), [code], `${what}: ${code}`)
  }
  t.equal(connection.socket.readyState, connection.socket.OPEN, 'the connection stays open')

  t.equal(await figure('graphql_subscriptions_active'), 0, 'none was accepted')
  connection.subscribe('good', 'subscription { progressReported { kind observation { value } } }')
  t.ok(await figureReaches('graphql_subscriptions_active', 1), 'a good one is')
  await write(42)
  const next = await connection.take((m) => m.id === 'good')
  t.same(next?.payload, {
    data: { progressReported: { kind: 'observation', observation: { value: 42 } } },
  })
})

t.test('messages that are no subscription text close the connection', async (t) => {
  const { open } = await serve(t)
  const big = await open()
  big.subscribe('big', `subscription { progressReported { kind } } # ${'x'.repeat(70_000)}`)
  t.equal((await big.closed).code, 1009, 'past the size limit: message too big')
  // A syntax tree sent as JSON would skip the parser and its token limit.
  const tree = await open()
  tree.subscribe('tree', {
    kind: 'Document',
    definitions: [{ kind: 'OperationDefinition', operation: 'subscription' }],
  })
  t.equal((await tree.closed).code, 4400, 'a syntax tree for a query: invalid message')
  const early = connect(big.socket.url)
  t.teardown(() => early.socket.terminate())
  await new Promise((open) => early.socket.once('open', open))
  early.subscribe('1', 'subscription { progressReported { kind } }')
  t.equal((await early.closed).code, 4401, 'a subscription before connection_init: unauthorized')
})

t.test('subscriptions are capped per connection, per address, and connections too', async (t) => {
  const limits = {
    ...DEFAULT_SUBSCRIPTION_LIMITS,
    perConnection: 3,
    perAddress: 5,
    connectionsPerAddress: 2,
  }
  const { url, open, figureReaches } = await serve(t, { subscriptionLimits: limits })
  const query = 'subscription { progressReported { kind } }'
  const first = await open()
  for (let i = 1; i <= 4; i++) first.subscribe(`a${i}`, query)
  const fourth = await first.take((m) => m.id === 'a4')
  t.same(errorCodes(fourth), ['TOO_MANY_SUBSCRIPTIONS'], 'the fourth on one connection')
  t.ok(await figureReaches('graphql_subscriptions_active', 3))

  const second = await open()
  for (let i = 1; i <= 3; i++) second.subscribe(`b${i}`, query)
  const sixth = await second.take((m) => m.id === 'b3')
  t.same(errorCodes(sixth), ['TOO_MANY_SUBSCRIPTIONS'], 'the sixth of one address')
  t.ok(await figureReaches('graphql_subscriptions_active', 5))

  const third = connect(url)
  t.teardown(() => third.socket.terminate())
  const refusal = await third.closed
  t.equal(refusal.status, 429, 'a third connection from the address is refused at the upgrade')
  t.match(JSON.parse(refusal.reason), { status: 429, detail: /2 WebSocket connections/ })

  // Completing one frees its place; closing a connection frees all of its.
  first.send({ id: 'a1', type: 'complete' })
  t.ok(await figureReaches('graphql_subscriptions_active', 4), 'complete releases one')
  first.socket.close()
  t.ok(await figureReaches('graphql_subscriptions_active', 2), 'a close releases the rest')
  second.subscribe('b4', query)
  t.ok(
    await figureReaches('graphql_subscriptions_active', 3),
    'and the address may subscribe again',
  )
})

t.test('a write is computed once per distinct selection, however many subscribe', async (t) => {
  const { open, write, figure, figureReaches } = await serve(t)
  const same = 'subscription { progressReported { kind observation { value target { id } } } }'
  const other = 'subscription { progressReported { kind } }'
  const connections = await Promise.all([open(), open(), open()])
  for (const connection of connections) {
    for (let i = 0; i < 10; i++) connection.subscribe(`same-${i}`, same)
    connection.subscribe('other', other)
  }
  t.ok(await figureReaches('graphql_subscriptions_active', 33))
  t.equal(await figure('graphql_subscription_selections'), 2)
  const before = await figure('graphql_subscription_payloads_total')
  await write(5)
  for (const connection of connections) {
    for (let i = 0; i < 10; i++) {
      const next = await connection.take((m) => m.id === `same-${i}`)
      t.equal(
        (next?.payload as { data: { progressReported: { observation: { value: number } } } }).data
          .progressReported.observation.value,
        5,
      )
    }
    const next = await connection.take((m) => m.id === 'other')
    t.same(next?.payload, { data: { progressReported: { kind: 'observation' } } })
  }
  t.equal(
    (await figure('graphql_subscription_payloads_total')) - before,
    2,
    '33 subscribers, two selections: two computations',
  )
})

t.test('a subscriber that stops reading is dropped; the others see every write', async (t) => {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, maxQueuedEvents: 4, maxBufferedBytes: 64 * 1024 }
  const { open, write, figure, figureReaches } = await serve(t, { subscriptionLimits: limits })
  // The plan's sections in full: tens of kilobytes for each write, within the cost bound.
  const heavy = `subscription { progressReported { observation { value target {
    document { sections(first: 100) { nodes { heading text } } } } } } }`
  const slow = await open()
  const reader = await open()
  slow.subscribe('s', heavy)
  reader.subscribe('r', 'subscription { progressReported { observation { value } } }')
  t.ok(await figureReaches('graphql_subscriptions_active', 2))
  // The slow client reads nothing more: the server's writes fill the socket's buffers.
  slow.socket.pause()
  let writes = 0
  const dropped = async () => (await figure('graphql_subscribers_dropped_total')) >= 1
  while (!(await dropped())) {
    if (writes >= 3000) break
    await write(++writes)
  }
  t.ok(await dropped(), `dropped after ${writes} writes`)
  slow.socket.resume()
  const { code } = await slow.closed
  t.equal(code, 1008, 'closed as a policy violation, saying why')
  const seen: number[] = []
  for (let i = 0; i < writes; i++) {
    const next = await reader.take((m) => m.id === 'r')
    seen.push(
      (next?.payload as { data: { progressReported: { observation: { value: number } } } }).data
        .progressReported.observation.value,
    )
  }
  t.same(
    seen,
    Array.from({ length: writes }, (_, i) => i + 1),
    'the reader saw every write, in order',
  )
})

t.test('a subscription sent over HTTP is a 400, not a 500', async (t) => {
  const { app } = await serve(t)
  const query = 'subscription { progressReported { kind } }'
  for (const res of [
    await app.inject({ method: 'POST', url: '/graphql', payload: { query } }),
    await app.inject({ url: `/graphql?query=${encodeURIComponent(query)}` }),
  ]) {
    t.equal(res.statusCode, 400)
    t.match(res.json(), {
      errors: [{ message: /over WebSocket/, extensions: { code: 'BAD_REQUEST' } }],
    })
  }
})

t.test('an upgrade anywhere but /graphql is a 404', async (t) => {
  const { url } = await serve(t)
  const elsewhere = connect(url.replace('/graphql', '/v1/tasks'))
  const { status } = await elsewhere.closed
  t.equal(status, 404)
})

t.test('the legacy graphql-ws subprotocol is not offered', async (t) => {
  const { url } = await serve(t)
  const legacy = connect(url, 'graphql-ws')
  t.teardown(() => legacy.socket.terminate())
  const { code } = await legacy.closed
  t.equal(code, 1006, 'the handshake fails: the server selects no subprotocol the client asked for')
  t.equal(legacy.received.length, 0, 'and nothing is said in it')
})

t.test(
  'closing the server closes its subscribers with 1001, and does not wait on them',
  async (t) => {
    const { app, open } = await serve(t)
    const connection = await open()
    connection.subscribe('1', 'subscription { progressReported { kind } }')
    await connection.settled()
    await app.close()
    t.equal((await connection.closed).code, 1001, 'going away')
  },
)
