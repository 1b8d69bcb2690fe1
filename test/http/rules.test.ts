// HTTP behaviour every route shares: caching, CORS, compression, 405, 413, 429, and problems
// for whatever a client sends.
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { InjectOptions } from 'fastify'
import t from 'tap'
import { readConfig } from '../../src/config.js'
import { loadDocuments } from '../../src/store/load.js'
import { openDatabase } from '../../src/store/database.js'
import { bundledPlanPath, buildTestApp, parseText, readText, tempDatabase } from '../helper.js'

t.test('reads carry a strong ETag and answer If-None-Match with 304', async (t) => {
  const app = await buildTestApp(t)
  for (const url of ['/v1/tasks?limit=5', '/v1/tasks.csv', '/v1/documents']) {
    const first = await app.inject(url)
    const tag = first.headers.etag as string
    t.match(tag, /^"[^"]+"$/, `${url}: a strong ETag`)
    for (const held of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      const again = await app.inject({ url, headers: { 'if-none-match': held } })
      t.equal(again.statusCode, 304, `${url} with If-None-Match: ${held}`)
      t.equal(again.body, '')
    }
    const stale = await app.inject({ url, headers: { 'if-none-match': '"other"' } })
    t.equal(stale.statusCode, 200, 'another tag gets the answer')
  }
  const missing404 = await app.inject('/v1/targets/nope')
  t.equal(missing404.headers.etag, undefined, 'an error has no ETag to revalidate')
  const star = await app.inject({ url: '/v1/targets/nope', headers: { 'if-none-match': '*' } })
  t.equal(star.statusCode, 404, 'If-None-Match never turns an error into 304')
  const list = await app.inject('/v1/tasks?limit=5')
  t.equal(list.headers['cache-control'], 'public, max-age=300, stale-while-revalidate=60')
  t.match(list.headers.vary, /accept/i, 'JSON and CSV share the URL')
  const missing = await app.inject('/v1/tasks/nope')
  t.equal(missing.headers['cache-control'], 'no-store', 'errors are not cached')
  t.equal((await app.inject('/healthz')).headers['cache-control'], 'no-store')
})

t.test('replicas loaded from the same texts give the same ETags', async (t) => {
  const a = await buildTestApp(t)
  const b = await buildTestApp(t)
  for (const url of ['/v1/documents', '/v1/tasks?limit=7', '/v1/findings', '/v1/targets.csv']) {
    t.equal((await a.inject(url)).headers.etag, (await b.inject(url)).headers.etag, url)
  }
})

t.test('a CSV ETag changes when another process re-ingests the plan', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db })
  const before = (await app.inject('/v1/targets.csv')).headers.etag
  t.equal((await app.inject('/v1/targets.csv')).headers.etag, before, 'stable while data is')
  const other = openDatabase(path)
  loadDocuments(other, [parseText(readText(bundledPlanPath).replace('达到 3 万人', '达到 4 万人'))])
  other.close()
  // The next request from the network comes in a later turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve))
  const after = await app.inject({ url: '/v1/targets.csv', headers: { 'if-none-match': before } })
  t.equal(after.statusCode, 200, 'the stale tag no longer matches')
  t.not(after.headers.etag, before)
  t.match(after.body, /40000/)
})

t.test('CORS lets browser scripts of any origin read, and read the paging headers', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    url: '/v1/tasks?limit=2',
    headers: { origin: 'https://data.example.gov.cn' },
  })
  t.equal(res.headers['access-control-allow-origin'], '*')
  t.match(res.headers['access-control-expose-headers'], /ETag/)
  t.match(res.headers['access-control-expose-headers'], /Link/)
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/tasks',
    headers: {
      origin: 'https://data.example.gov.cn',
      'access-control-request-method': 'GET',
    },
  })
  t.equal(preflight.statusCode, 204)
  t.match(preflight.headers['access-control-allow-methods'], /GET/)
})

t.test('answers are compressed for clients that ask', async (t) => {
  const app = await buildTestApp(t)
  const plain = await app.inject('/v1/sections')
  const gzip = await app.inject({ url: '/v1/sections', headers: { 'accept-encoding': 'gzip' } })
  t.equal(gzip.headers['content-encoding'], 'gzip')
  t.equal(gunzipSync(gzip.rawPayload).toString(), plain.body)
  t.ok(gzip.rawPayload.length < plain.rawPayload.length * 0.6, 'Chinese JSON compresses well')
  const br = await app.inject({ url: '/v1/tasks.csv', headers: { 'accept-encoding': 'br' } })
  t.equal(br.headers['content-encoding'], 'br')
  t.equal(brotliDecompressSync(br.rawPayload).toString(), (await app.inject('/v1/tasks.csv')).body)
  t.equal(gzip.headers.etag, (plain.headers.etag as string).replace(/"$/, '-gzip"'))
  t.equal(br.headers.etag!.toString().endsWith('-br"'), true, 'each coding its own strong tag')
  const revalidated = await app.inject({
    url: '/v1/sections',
    headers: { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers.etag as string },
  })
  t.equal(revalidated.statusCode, 304, 'a gzip client revalidates with the tag it holds')
  const crossed = await app.inject({
    url: '/v1/sections',
    headers: { 'if-none-match': gzip.headers.etag as string },
  })
  t.equal(crossed.statusCode, 304, 'the same content, whatever coding the tag was for')
})

t.test('methods a path does not serve are 405 with Allow; HEAD is served', async (t) => {
  const app = await buildTestApp(t)
  for (const [method, url] of [
    ['POST', '/v1/tasks'],
    ['PUT', '/v1/tasks/task-x'],
    ['DELETE', '/v1/agencies/agency-x'],
    ['PATCH', '/v1/targets.csv'],
  ] as const) {
    const res = await app.inject({ method, url })
    t.equal(res.statusCode, 405, `${method} ${url}`)
    t.equal(res.headers.allow, 'GET, HEAD, OPTIONS')
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  }
  const head = await app.inject({ method: 'HEAD', url: '/v1/tasks' })
  t.equal(head.statusCode, 200)
  t.equal(head.body, '')
})

t.test('a body larger than the API takes is a 413 problem', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v1/tasks',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ text: 'x'.repeat(100_000) }),
  })
  t.equal(res.statusCode, 413)
  t.match(res.json(), { type: '/problems/payload-too-large', status: 413 })
})

t.test('a client over its rate limit gets 429 with Retry-After; probes are exempt', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, rateLimit: { max: 3, windowMs: 60_000 } })
  const statuses: number[] = []
  for (let i = 0; i < 5; i++) statuses.push((await app.inject('/v1/documents')).statusCode)
  t.same(statuses, [200, 200, 200, 429, 429])
  const refused = await app.inject('/v1/documents')
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(refused.json(), { type: '/problems/too-many-requests', status: 429 })
  t.ok(Number(refused.headers['retry-after']) > 0)
  t.equal(refused.headers['x-ratelimit-limit'], '3')
  t.equal(refused.headers['x-ratelimit-remaining'], '0')
  t.equal((await app.inject('/readyz')).statusCode, 200)
  const other = await app.inject({ url: '/v1/documents', remoteAddress: '10.0.0.9' })
  t.equal(other.statusCode, 200, 'the limit is per client')
})

t.test('the rate limit comes from the environment, checked at start', async (t) => {
  t.same(readConfig({ RATE_LIMIT_MAX: '50', RATE_LIMIT_WINDOW_SECONDS: '10' }).rateLimit, {
    max: 50,
    windowMs: 10_000,
  })
  t.throws(() => readConfig({ RATE_LIMIT_MAX: 'lots' }), /RATE_LIMIT_MAX must be a whole number/)
  t.throws(() => readConfig({ RATE_LIMIT_WINDOW_SECONDS: '0' }), /RATE_LIMIT_WINDOW_SECONDS/)
})

t.test('infinite numbers and control characters are 400s naming the parameter', async (t) => {
  const app = await buildTestApp(t)
  for (const [url, name] of [
    ['/v1/tasks?limit=1e400', 'limit'],
    ['/v1/search?q=a&limit=1e400', 'limit'],
    ['/v1/targets?year=1e400', 'year'],
    ['/v1/search?q=a%00b', 'q'],
    ['/v1/tasks?q=%00', 'q'],
  ] as const) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.equal(res.json().invalidParams[0].name, name, url)
  }
})

t.test('Accept with media-type parameters is understood', async (t) => {
  const app = await buildTestApp(t)
  for (const [accept, type] of [
    ['application/json; charset=utf-8', 'application/json'],
    ['text/csv; header=present', 'text/csv'],
    ['application/json;q=0, text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['*/*', 'application/json'],
  ] as const) {
    const res = await app.inject({ url: '/v1/documents', headers: { accept } })
    t.equal(res.statusCode, 200, accept)
    t.match(res.headers['content-type'], type, accept)
  }
  const none = await app.inject({ url: '/v1/documents', headers: { accept: '*/*;q=0' } })
  t.equal(none.statusCode, 406)
})

t.test('nothing a client sends gets a 5xx or a stack trace', async (t) => {
  const app = await buildTestApp(t)
  const requests: (string | InjectOptions)[] = [
    '/v1/tasks?cursor=%E0%A4%A',
    '/v1/tasks?cursor=not-a-cursor',
    '/v1/tasks?limit=1&limit=2',
    '/v1/tasks?agency=' + 'x'.repeat(5000),
    '/v1/targets?year=2025.5',
    '/v1/targets?unit=' + encodeURIComponent('%_\\'),
    '/v1/sections/%00',
    '/v1/tasks.csv?q=' + encodeURIComponent('"*'),
    { url: '/v1/tasks', headers: { accept: '*/*;q=abc' } },
    { url: '/v1/tasks', headers: { 'if-none-match': '*' } },
    {
      method: 'POST',
      url: '/v1/tasks',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    },
    { method: 'OPTIONS', url: '/v1/tasks' },
  ]
  for (const request of requests) {
    const res = await app.inject(request)
    const label = JSON.stringify(request).slice(0, 80)
    t.ok(res.statusCode < 500, `${label}: ${res.statusCode}`)
    t.notMatch(res.body, /at .*\.(ts|js):\d+/, `${label}: no stack trace`)
  }
})

t.test('behind a trusted proxy, clients and their scheme are those it forwards', async (t) => {
  t.equal(readConfig({ TRUST_PROXY: '1' }).trustProxy, 1)
  t.equal(readConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy, '10.0.0.1,10.0.0.2')
  t.equal(readConfig({}).trustProxy, false)
  t.throws(() => readConfig({ TRUST_PROXY: 'maybe' }), /TRUST_PROXY must be/)
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, {
    db,
    trustProxy: 1,
    rateLimit: { max: 1, windowMs: 60_000 },
  })
  const forwarded = (client: string) => ({
    url: '/',
    headers: { 'x-forwarded-for': client, 'x-forwarded-proto': 'https', host: 'data.example' },
  })
  const index = await app.inject(forwarded('192.0.2.1'))
  t.equal(index.json().links.tasks, 'https://data.example/v1/tasks', 'the scheme the client used')
  t.equal((await app.inject(forwarded('192.0.2.2'))).statusCode, 200, 'another client, own limit')
  t.equal((await app.inject(forwarded('192.0.2.1'))).statusCode, 429, 'the same client, limited')
})

t.test('the documentation routes refuse other methods too', async (t) => {
  const app = await buildTestApp(t)
  for (const url of ['/openapi.json', '/catalog.jsonld', '/']) {
    t.equal((await app.inject({ method: 'POST', url })).statusCode, 405, url)
  }
})
