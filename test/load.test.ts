// A short bounded load on a real server over loopback: no connection errors, no timeouts, and
// no answer but 200 (or 429, which the rate limit gives on purpose). The full 20 s run is
// npm run bench:load.
import { join } from 'node:path'
import t from 'tap'
import { runLoad } from '../bench/load-run.js'
import { tempDir } from './helper.js'
import { start, stop } from './server-process.js'

t.test('five seconds of fifty connections: every answer 200 or a deliberate 429', async (t) => {
  // A limit the load passes after a few seconds, so that both the routes and the limiter work.
  const server = await start({ DB_PATH: join(tempDir(t), 'plan.db'), RATE_LIMIT_MAX: '15000' })
  t.teardown(() => server.child.kill('SIGKILL'))
  const result = await runLoad(server.url, { seconds: 5, connections: 50 })
  t.ok(result.requests > 1000, `${result.requests} requests (${Math.round(result.rps)}/s)`)
  t.equal(result.errors, 0, 'no connection errors')
  t.equal(result.timeouts, 0, 'no timeouts')
  const other = Object.keys(result.statuses).filter((code) => code !== '200' && code !== '429')
  t.same(other, [], `answers by status: ${JSON.stringify(result.statuses)}`)
  t.ok(result.statuses['200']! > 0)
  t.equal((await fetch(`${server.url}/healthz`)).status, 200, 'alive afterwards')
  t.equal(await stop(server), 0)
})
