// Kept answers served in front of the framework must be the answers the framework gives: the
// same bytes and headers, the same rate limit, 304s, metrics and data versions. Real servers on
// loopback: the hot path sits in the HTTP server, which app.inject does not use.
import t, { type Test } from 'tap'
import { request as httpRequest } from 'node:http'
import { brotliDecompressSync } from 'node:zlib'
import { type AppOptions } from '../../src/app.js'
import { createToken } from '../../src/store/tokens.js'
import { HotPath } from '../../src/http/hot-path.js'
import { bundledPlanPath, listenTestApp, tempDatabase } from '../helper.js'

/** Counts the requests the hot path answered in this test. */
function countHotAnswers(t: Test): { count: number } {
  const served = { count: 0 }
  const write = HotPath.prototype.write
  HotPath.prototype.write = function (...args) {
    served.count += 1
    return write.apply(this, args)
  }
  t.teardown(() => {
    HotPath.prototype.write = write
  })
  return served
}

async function serve(t: Test, options: Partial<AppOptions> = {}) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const { url } = await listenTestApp(t, { db, ...options })
  return { db, url }
}

/** Headers whose values are set anew for each request, whichever path answered. */
const PER_REQUEST = new Set(['x-request-id', 'date', 'x-ratelimit-remaining', 'x-ratelimit-reset'])

function comparable(fields: Headers): Record<string, string> {
  const headers: Record<string, string> = {}
  fields.forEach((value, name) => {
    if (!PER_REQUEST.has(name)) headers[name] = value
  })
  return headers
}

/** Every header's name, the per-request ones included: neither path may leave one out. */
function names(fields: Headers): string[] {
  return [...fields.keys()].sort()
}

/** The per-request values, in the forms the API promises (ids as the framework makes them). */
function perRequestForms(t: Test, fields: Headers, name: string) {
  t.match(fields.get('x-request-id'), /^[\w-]{8,}$/, `${name}: a request id`)
  const reset = fields.get('x-ratelimit-reset')
  t.match(reset, /^\d+$/, `${name}: reset in whole seconds`)
  t.ok(Number(reset) <= 60, `${name}: reset within the window (60 s), not in milliseconds`)
  t.match(fields.get('x-ratelimit-remaining'), /^\d+$/)
}

/** An answer as sent: its bytes undecoded (the raw coding is what is compared). */
interface RawAnswer {
  status: number
  headers: Headers
  body: Buffer
}

async function raw(
  url: string,
  headers: Record<string, string>,
  post?: { body: string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: post ? 'POST' : 'GET',
        headers: post ? { 'content-type': 'application/json', ...headers } : headers,
      },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', reject)
        incoming.on('end', () => {
          const fields = new Headers()
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) fields.set(name, String(value))
          }
          resolve({ status: incoming.statusCode!, headers: fields, body: Buffer.concat(chunks) })
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(post?.body)
  })
}

/** A JSON POST, as sent and answered. */
const rawPost = (url: string, body: string, headers: Record<string, string> = {}) =>
  raw(url, headers, { body })

async function sample(url: string) {
  const tasks = (await (await fetch(`${url}/v1/tasks?limit=1`)).json()) as {
    data: { id: string }[]
  }
  const targets = (await (await fetch(`${url}/v1/targets?limit=1`)).json()) as {
    data: { id: string }[]
  }
  return { task: tasks.data[0]!.id, target: targets.data[0]!.id }
}

t.test('a kept answer from the hot path is the answer Fastify gives', async (t) => {
  const hot = countHotAnswers(t)
  const withHotPath = await serve(t)
  // Every request goes through Fastify, kept answers answered by its first hooks.
  const framework = await serve(t, { hotPath: false })
  const { task } = await sample(withHotPath.url)
  const paths = [
    `/v1/tasks/${task}`,
    '/v1/tasks?limit=50',
    '/v1/tasks.csv',
    '/v1/agencies',
    '/v1/search?q=%E5%B0%B1%E4%B8%9A',
    '/openapi.json',
    '/graphiql',
    '/schema.graphql',
    '/graphql?query=%7B%20tasks(first%3A%202)%20%7B%20totalCount%20%7D%20%7D',
  ]
  // undici's fetch hands back the bytes as sent when told to (decompressing nothing).
  const browser = 'gzip, deflate, br'
  for (const path of paths) {
    const variants: Record<string, string>[] = [
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': browser },
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': browser, accept: 'text/html' },
      { 'accept-encoding': 'identity', accept: 'text/csv' },
      { 'accept-encoding': browser, accept: 'text/csv' },
    ]
    for (const headers of variants) {
      const name = `${path} ${JSON.stringify(headers)}`
      // Kept, and compressed in the coding asked for, on the first read at the latest.
      await raw(`${withHotPath.url}${path}`, headers)
      const before = hot.count
      const fromHot = await raw(`${withHotPath.url}${path}`, headers)
      await raw(`${framework.url}${path}`, headers)
      const fromFramework = await raw(`${framework.url}${path}`, headers)
      // Only 200s are kept (an HTML list is not acceptable: 406), and pages for people are
      // made for each request, since they judge targets against the day (src/pages/routes.ts).
      const page = /^text\/html/.test(fromFramework.headers.get('content-type') ?? '')
      if (fromFramework.status === 200 && !(page && path.startsWith('/v1/'))) {
        t.equal(hot.count, before + 1, `${name}: the second read came from the hot path`)
      }
      t.equal(fromHot.status, fromFramework.status, name)
      t.same(names(fromHot.headers), names(fromFramework.headers), `${name}: the same headers`)
      t.same(comparable(fromHot.headers), comparable(fromFramework.headers), name)
      for (const answer of [fromHot, fromFramework]) perRequestForms(t, answer.headers, name)
      t.ok(fromHot.body.equals(fromFramework.body), `${name}: the same bytes`)
    }
  }
})

t.test('304s, HEAD, tokens and compression', async (t) => {
  const hot = countHotAnswers(t)
  const { db, url } = await serve(t)
  const { task } = await sample(url)
  const item = `${url}/v1/tasks/${task}`
  const first = await fetch(item)
  const etag = first.headers.get('etag')!
  const before = hot.count
  const notModified = await fetch(item, { headers: { 'if-none-match': etag } })
  t.equal(notModified.status, 304)
  t.equal(notModified.headers.get('etag'), etag)
  t.equal(await notModified.text(), '')
  t.equal(hot.count, before + 1, 'a 304 from the hot path')

  const head = await fetch(item, { method: 'HEAD' })
  t.equal(head.status, 200)
  t.equal(head.headers.get('etag'), etag)
  const secret = createToken(db, { role: 'admin', agencyId: null, label: 't' }).secret
  const withToken = await fetch(item, { headers: { authorization: `Bearer ${secret}` } })
  t.equal(withToken.status, 200)
  t.equal(hot.count, before + 1, 'HEAD and a token go to Fastify')

  // A large answer is compressed once, by Fastify's path, in the coding the client chose; the
  // hot path sends that copy from then on. A small one is sent as it is either way.
  const list = `${url}/v1/tasks?limit=50`
  const plain = await raw(list, { 'accept-encoding': 'identity' })
  t.equal(hot.count, before + 1, 'the first read of the list is the framework’s')
  const browser = { 'accept-encoding': 'gzip, deflate, br' }
  const made = await raw(list, browser)
  t.equal(hot.count, before + 1, 'a coding not made yet is made by the framework')
  const again = await raw(list, browser)
  t.equal(hot.count, before + 2, 'and then sent from the hot path')
  for (const answer of [made, again]) {
    t.equal(answer.headers.get('content-encoding'), 'br')
    t.match(answer.headers.get('vary'), /\bAccept-Encoding\b/)
    t.equal(answer.headers.get('content-length'), String(answer.body.length))
    t.same(brotliDecompressSync(answer.body), plain.body, 'the identity bytes, compressed')
    t.equal(answer.headers.get('etag'), plain.headers.get('etag')!.replace(/"$/, '-br"'))
  }
  t.ok(again.body.equals(made.body), 'the very same copy')
  t.ok(made.body.length < plain.body.length / 3, 'Chinese JSON compresses well')
  const revalidated = await raw(list, { ...browser, 'if-none-match': again.headers.get('etag')! })
  t.equal(revalidated.status, 304)
  t.equal(revalidated.body.length, 0)
  t.equal(hot.count, before + 3, 'a 304 for the coded tag from the hot path')
  await raw(item, browser)
  const counted = hot.count
  const small = await raw(item, browser)
  t.equal(small.headers.get('content-encoding'), null)
  t.notMatch(small.headers.get('vary') ?? '', /Accept-Encoding/, 'nor does it vary by coding')
  t.equal(hot.count, counted + 1, 'a small answer comes from the hot path')
})

t.test('the hot path counts against the same rate limit, per forwarded client', async (t) => {
  const hot = countHotAnswers(t)
  const { url } = await serve(t, {
    rateLimit: { max: 3, windowMs: 60_000 },
    trustProxy: '127.0.0.1',
  })
  const read = async (client: string) => {
    const response = await fetch(`${url}/v1/agencies`, {
      headers: { 'x-forwarded-for': client, 'accept-encoding': 'identity' },
    })
    await response.arrayBuffer()
    return response
  }
  const remaining = []
  for (let i = 0; i < 3; i++) {
    remaining.push((await read('203.0.113.7')).headers.get('x-ratelimit-remaining'))
  }
  t.same(remaining, ['2', '1', '0'], 'Fastify counted one, the hot path two')
  t.equal(hot.count, 2)
  const refused = await read('203.0.113.7')
  t.equal(refused.status, 429)
  t.equal(refused.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  t.ok(refused.headers.get('retry-after'))
  const other = await read('203.0.113.8')
  t.equal(other.status, 200, 'another client behind the proxy has its own count')
  t.equal(other.headers.get('x-ratelimit-remaining'), '2')
})

t.test('metrics, a change of the data, and load shedding', async (t) => {
  const hot = countHotAnswers(t)
  const metricsToken = 'operators-only-0123456789'
  const { db, url } = await serve(t, {
    metricsToken,
    pressure: {
      maxEventLoopDelayMs: 0,
      maxHeapUsedBytes: 0,
      maxRssBytes: 0,
      retryAfterSeconds: 3,
      sampleIntervalMs: 20,
    },
  })
  const { target } = await sample(url)
  const observations = `${url}/v1/targets/${target}/observations`
  const total = async () =>
    (
      (await (
        await fetch(observations, { headers: { 'accept-encoding': 'identity' } })
      ).json()) as {
        meta: { total: number }
      }
    ).meta.total
  t.equal(await total(), 0)
  t.equal(await total(), 0)
  t.equal(hot.count, 1)
  const secret = createToken(db, { role: 'admin', agencyId: null, label: 't' }).secret
  const write = await fetch(observations, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ value: 5, observedOn: '2024-06-30' }),
  })
  t.equal(write.status, 201)
  t.equal(await total(), 1, 'the write is read at once')
  t.equal(await total(), 1)
  t.equal(hot.count, 2, 'and kept anew')
  const metrics = await (
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text()
  t.match(
    metrics,
    /http_request_duration_seconds_count\{method="GET",route="\/v1\/targets\/:id\/observations",status_code="200"\} 4/,
    'hot answers are counted under their route',
  )
})

t.test('a process under pressure sheds kept answers too', async (t) => {
  const hot = countHotAnswers(t)
  const { url } = await serve(t, {
    pressure: {
      maxEventLoopDelayMs: 0,
      maxHeapUsedBytes: 1,
      maxRssBytes: 0,
      retryAfterSeconds: 3,
      sampleIntervalMs: 500,
    },
  })
  // Nothing is shed for two samples after the start (a second): the answer is kept.
  const read = () => fetch(`${url}/v1/agencies`, { headers: { 'accept-encoding': 'identity' } })
  t.equal((await read()).status, 200)
  // Readiness fails once shedding has begun (it is never a kept answer): wait for that.
  const deadline = Date.now() + 60_000
  while ((await fetch(`${url}/readyz`)).status !== 503) {
    if (Date.now() > deadline) throw new Error('shedding never began within 60 s')
  }
  const shed = await read()
  t.equal(shed.status, 503)
  t.equal(shed.headers.get('retry-after'), '3')
  t.equal(hot.count, 0)
})

t.test('a kept GraphQL result is answered to a POST before the framework', async (t) => {
  const hot = countHotAnswers(t)
  const withHotPath = await serve(t)
  const framework = await serve(t, { hotPath: false })
  const query = `{ tasks(first: 30) { totalCount nodes { id text agencies { agency { name } } } } }`
  // The same query written differently, and its variables in another order: one result.
  const bodies = [
    JSON.stringify({ query }),
    JSON.stringify({ query: `# the same\n${query.replace(/ /g, '  ')}` }),
  ]
  for (const encoding of ['identity', 'gzip, deflate, br']) {
    const headers = { 'accept-encoding': encoding }
    await rawPost(`${withHotPath.url}/graphql`, bodies[0]!, headers)
    const before = hot.count
    const fromHot = await rawPost(`${withHotPath.url}/graphql`, bodies[1]!, headers)
    t.equal(hot.count, before + 1, `${encoding}: the second POST came from the hot path`)
    await rawPost(`${framework.url}/graphql`, bodies[0]!, headers)
    const fromFramework = await rawPost(`${framework.url}/graphql`, bodies[1]!, headers)
    t.equal(fromHot.status, 200)
    t.same(names(fromHot.headers), names(fromFramework.headers), `${encoding}: the same headers`)
    t.same(comparable(fromHot.headers), comparable(fromFramework.headers), encoding)
    perRequestForms(t, fromHot.headers, encoding)
    t.ok(fromHot.body.equals(fromFramework.body), `${encoding}: the same bytes`)
  }

  // What the hot path reads and does not answer, the framework parses from the copy it read.
  const before = hot.count
  const other = await rawPost(
    `${withHotPath.url}/graphql`,
    JSON.stringify({ query: '{ tasks(first: 2) { totalCount } }' }),
  )
  t.equal(other.status, 200)
  t.match(JSON.parse(other.body.toString()), { data: { tasks: { totalCount: Number } } })
  const broken = await rawPost(`${withHotPath.url}/graphql`, '{"query": "{ tasks(first: 2) {"}')
  t.equal(broken.status, 400, 'a syntax error is the framework’s answer')
  const notJson = await rawPost(`${withHotPath.url}/graphql`, '{"query": ')
  const notJsonThere = await rawPost(`${framework.url}/graphql`, '{"query": ')
  t.equal(notJson.status, 400)
  t.equal(notJson.body.toString(), notJsonThere.body.toString(), 'the framework’s own answer')
  const polluting = await rawPost(
    `${withHotPath.url}/graphql`,
    `{"query": ${JSON.stringify(query)}, "__proto__": {"x": 1}}`,
  )
  t.equal(polluting.status, 400, 'a body naming __proto__ is refused, kept result or not')
  t.equal(hot.count, before, 'none of these came from the hot path')
})
