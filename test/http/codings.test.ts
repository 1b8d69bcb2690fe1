// Which coding a client gets, and compressed copies made once per representation.
import t from 'tap'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { chooseCoding, compressibleType } from '../../src/http/codings.js'
import { Representation } from '../../src/http/representation.js'
import { AnswerCache } from '../../src/http/answer-cache.js'

t.test('Accept-Encoding chooses by weight, brotli on a tie', async (t) => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.8', 'br'],
    ['br;q=0.1, gzip;q=0.9', 'gzip'],
    ['*', 'br'],
    ['gzip;q=1, *;q=0.2', 'gzip'],
    ['*;q=0', 'identity'],
    ['GZIP', 'gzip'],
    ['br;q=nonsense, gzip;q=0.3', 'gzip'],
  ]
  for (const [header, coding] of cases) t.equal(chooseCoding(header), coding, String(header))
})

t.test('text of every kind is compressible, images and archives are not', async (t) => {
  for (const type of [
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/ld+json',
    'text/csv; charset=utf-8; header=present',
    'text/html; charset=utf-8',
    'text/javascript; charset=utf-8',
    'application/graphql-response+json',
  ]) {
    t.ok(compressibleType(type), type)
  }
  for (const type of ['application/pdf', 'image/png', 'application/zip', undefined]) {
    t.notOk(compressibleType(type), String(type))
  }
})

const json = (n: number) =>
  Buffer.from(
    JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: i, text: '就业率保持在' }))),
  )

t.test('a copy is made once, whoever asks meanwhile', async (t) => {
  const body = json(200)
  const representation = new Representation({
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body,
    etag: '"abc"',
    route: '/x',
    effort: 'kept',
  })
  t.ok(representation.compressible)
  t.equal(representation.bytesNow('br'), undefined, 'nothing is compressed before it is asked for')
  const [a, b] = await Promise.all([representation.bytes('br'), representation.bytes('br')])
  t.equal(a, b, 'two requests at once wait for the same copy')
  t.equal(representation.bytesNow('br'), a)
  t.same(brotliDecompressSync(a), body)
  t.same(gunzipSync(await representation.bytes('gzip')), body)
  t.equal(representation.size, body.length + a.length + representation.bytesNow('gzip')!.length)
  t.equal(representation.codingFor({ headers: { 'accept-encoding': 'gzip, deflate, br' } }), 'br')
  const small = new Representation({
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{"a":1}'),
    route: '/x',
    effort: 'kept',
  })
  t.equal(small.codingFor({ headers: { 'accept-encoding': 'br' } }), 'identity', 'too small')
})

t.test('the cache counts compressed copies, and evicts for them', async (t) => {
  const body = json(400)
  const make = () =>
    new Representation({
      headers: { 'content-type': 'application/json' },
      body,
      route: '/x',
      effort: 'kept',
    })
  const first = make()
  const second = make()
  const cache = new AnswerCache({ maxBytes: body.length * 2 + 10, maxAnswerBytes: body.length })
  cache.set('first', first)
  cache.set('second', second)
  t.same(cache.size, { answers: 2, bytes: body.length * 2 })
  const copy = await second.bytes('br')
  t.same(cache.size, { answers: 1, bytes: body.length + copy.length }, 'the oldest made room')
  t.equal(cache.get('first'), undefined)
  await first.bytes('gzip')
  t.same(cache.size, { answers: 1, bytes: body.length + copy.length }, 'gone ones no longer count')
})
