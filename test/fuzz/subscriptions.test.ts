// Property tests over the subscription socket: subscribe payloads broken at random (documents,
// variables, operation names, syntax trees), and messages that are no protocol at all. Whatever
// comes, the server answers in the protocol (an error for that id, or a close with a client
// error's code), never with an internal error, and still delivers writes afterwards.
import fc from 'fast-check'
import t from 'tap'
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../src/graphql/subscriptions/server.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { connect, type Message } from '../graphql/ws-client.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'
import { brokenDocument } from './broken-document.js'

const DOCUMENTS = [
  'subscription { progressReported { kind targetId taskId } }',
  'subscription S { progressReported { observation { value observedOn target { id indicator } } } }',
  'subscription { progressReported { statusChange { status setBy } observation { target { document { sections(first: 3) { nodes { id } } } } } } }',
  'subscription ($n: Int) { progressReported { observation { target { document { tasks(first: $n) { nodes { id } } } } } } }',
  '{ documents { totalCount } }',
  'mutation { setTaskStatus(taskId: "x", status: done, ifMatch: "y") { id } }',
]

const broken = brokenDocument(DOCUMENTS)

const subscribePayload = fc.record(
  {
    query: fc.oneof(
      { weight: 4, arbitrary: broken },
      fc.constantFrom(...DOCUMENTS),
      fc.string(),
      fc.jsonValue(),
    ),
    variables: fc.oneof(
      fc.constant(undefined),
      fc.record({ n: fc.oneof(fc.integer(), fc.double(), fc.string()) }, { requiredKeys: [] }),
      fc.jsonValue(),
    ),
    operationName: fc.oneof(fc.constant(undefined), fc.constant('S'), fc.string(), fc.integer()),
  },
  { requiredKeys: ['query'] },
)

/** What a client sends: mostly subscribes, some completes, some anything at all. */
const message = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      id: fc.oneof(fc.constant('x'), fc.string({ maxLength: 4 })),
      type: fc.constant('subscribe'),
      payload: subscribePayload,
    }),
  },
  fc.record({ id: fc.constant('x'), type: fc.constant('complete') }),
  fc.record({ type: fc.string({ maxLength: 12 }), id: fc.jsonValue(), payload: fc.jsonValue() }),
  fc.jsonValue(),
)

/** Close codes for a client's mistake: bad message, unauthorized, duplicate id, too big. */
const CLIENT_CLOSES = new Set([4400, 4401, 4409, 4429, 1009])

t.test('no message makes an internal error, and writes are delivered after all', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, {
    store,
    rateLimit: { max: 1e9, windowMs: 60_000 },
    writeRateLimit: { max: 1e9, windowMs: 60_000 },
    // Each run opens a connection of its own; closes are counted a moment after.
    subscriptionLimits: { ...DEFAULT_SUBSCRIPTION_LIMITS, connectionsPerAddress: 1000 },
  })
  const url = `${(await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/graphql`
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const target = [...store.eachTarget({})][0]!
  let value = 0
  const write = async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/targets/${target.id}/observations`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { value: ++value, observedOn: '2024-05-31' },
    })
    if (res.statusCode !== 201) throw new Error(`a write failed: ${res.body}`)
    return value
  }
  const isInternal = (m: Message) =>
    JSON.stringify(m.payload ?? null).includes('INTERNAL_SERVER_ERROR')

  await fc.assert(
    fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 4 }), async (messages) => {
      const connection = connect(url)
      try {
        await connection.init()
        for (const m of messages) connection.send(m as object)
        // A probe after them: once the server has read it, a write reaches it.
        connection.subscribe('probe', 'subscription { progressReported { observation { value } } }')
        if ((await connection.settled()) !== null) {
          const written = await write()
          const seen = await connection.take(
            (m) =>
              m.id === 'probe' &&
              (m.payload as { data?: { progressReported?: { observation?: { value?: number } } } })
                ?.data?.progressReported?.observation?.value === written,
          )
          if (seen === null) throw new Error('the connection closed instead of delivering')
        } else {
          const { code, reason } = await connection.closed
          if (!CLIENT_CLOSES.has(code)) throw new Error(`closed with ${code} ${reason}`)
        }
        const internal = connection.received.find(
          (m) =>
            !['connection_ack', 'next', 'error', 'complete', 'pong'].includes(m.type) ||
            isInternal(m),
        )
        if (internal) throw new Error(`answered ${JSON.stringify(internal)}`)
      } finally {
        connection.socket.terminate()
      }
    }),
    {
      numRuns: Number(process.env.FUZZ_RUNS ?? 150),
      ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
      interruptAfterTimeLimit: 60_000,
    },
  )

  // Alive afterwards: a fresh subscriber sees a write.
  const after = connect(url)
  t.teardown(() => after.socket.terminate())
  await after.init()
  after.subscribe('1', 'subscription { progressReported { observation { value } } }')
  await after.settled()
  const written = await write()
  const delivered = await after.take(
    (m) =>
      (m.payload as { data?: { progressReported?: { observation?: { value?: number } } } })?.data
        ?.progressReported?.observation?.value === written,
  )
  t.ok(delivered, 'a subscriber after the fuzzing sees a write')
})
