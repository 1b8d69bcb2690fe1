// The rate limit and its store: fixed windows per client, and a bounded number of clients kept.
import t from 'tap'
import { ClientCounts } from '../../src/http/client-counts.js'
import { RateLimit } from '../../src/http/rate-limit.js'

t.test('requests are counted per client in fixed windows', async (t) => {
  const counts = new ClientCounts()
  t.same(counts.count('a', 1000, 0), { current: 1, ttl: 1000 })
  t.same(counts.count('a', 1000, 400), { current: 2, ttl: 600 })
  t.same(counts.count('b', 1000, 400), { current: 1, ttl: 1000 }, 'each client its own')
  t.same(counts.count('a', 1000, 1000), { current: 1, ttl: 1000 }, 'a new window')
})

t.test('past its bound the oldest windows go first', async (t) => {
  const counts = new ClientCounts(2)
  counts.count('a', 1000, 0)
  counts.count('b', 1000, 10)
  counts.count('a', 1000, 20)
  counts.count('c', 1000, 30)
  t.same(counts.count('a', 1000, 40), { current: 1, ttl: 1000 }, 'a, begun first, went')
  t.same(counts.count('c', 1000, 50), { current: 2, ttl: 980 }, 'c stayed')
})

t.test('a rate limit tells its figures in whole seconds, and Retry-After once spent', async (t) => {
  const limit = new RateLimit({ max: 2, windowMs: 60_000 })
  t.same(limit.count('a').headers, {
    'x-ratelimit-limit': '2',
    'x-ratelimit-remaining': '1',
    'x-ratelimit-reset': '60',
  })
  t.equal(limit.count('a').exceeded, false)
  const over = limit.count('a')
  t.equal(over.exceeded, true)
  t.equal(over.headers['x-ratelimit-remaining'], '0')
  t.equal(over.headers['retry-after'], over.headers['x-ratelimit-reset'])
  t.ok(over.retryAfterSeconds >= 59 && over.retryAfterSeconds <= 60)
  t.equal(limit.count('b').exceeded, false, 'each client its own')
})
