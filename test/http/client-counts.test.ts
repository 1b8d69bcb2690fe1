// The rate limit's store: fixed windows per client, and a bounded number of clients kept.
import t from 'tap'
import { ClientCounts } from '../../src/http/client-counts.js'

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

t.test('it is the store @fastify/rate-limit makes, and counts by callback too', async (t) => {
  const counts = new ClientCounts()
  const Store = counts.asStore()
  t.equal(new Store({}), counts, 'the plugin gets this very store')
  counts.incr('k', (error, result) => t.same([error, result?.current], [null, 1]), 1000)
  counts.incr('k', (error) => t.match(error, /no time window/))
  t.not(counts.child(), counts, 'a route with limits of its own counts apart')
})
