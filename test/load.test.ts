// A short bounded load on a real server over loopback: no connection errors, no timeouts, and
// no answer but 200 (or 429, which the rate limit gives on purpose); and, all the while,
// subscribers who see every write made under that load, in order. The full 20 s run is
// npm run bench:load.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { runLoad } from '../bench/load-run.js'
import { projectRoot } from '../src/paths.js'
import { connect } from './graphql/ws-client.js'
import { tempDir } from './helper.js'
import { start, stop } from './server-process.js'

const WRITES = 10

t.test('five seconds of fifty connections: every answer 200 or a deliberate 429', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  // A limit the load passes after a few seconds, so that both the routes and the limiter work.
  const server = await start(t, { DB_PATH: dbPath, RATE_LIMIT_MAX: '15000' })

  // Three dashboards of five subscriptions each, two selections between them.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'src/cli/token.ts'), 'create', '--admin', '--db', dbPath],
    { cwd: projectRoot },
  )
  const admin = stdout.trim()
  const target = (
    (await (await fetch(`${server.url}/v1/targets?limit=1`)).json()) as { data: { id: string }[] }
  ).data[0]!
  const dashboards = await Promise.all(
    [0, 1, 2].map(async () => {
      const connection = connect(`${server.url.replace('http', 'ws')}/graphql`)
      t.teardown(() => connection.socket.terminate())
      await connection.init()
      for (let i = 0; i < 5; i++) {
        connection.subscribe(
          `s${i}`,
          i % 2 === 0
            ? 'subscription { progressReported { observation { value } } }'
            : 'subscription { progressReported { kind observation { value target { id } } } }',
        )
      }
      await connection.settled()
      return connection
    }),
  )

  const load = runLoad(server.url, { seconds: 5, connections: 50 })
  for (let value = 1; value <= WRITES; value++) {
    const res = await fetch(`${server.url}/v1/targets/${target.id}/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value, observedOn: '2024-06-30' }),
    })
    t.equal(res.status, 201, `write ${value} under load`)
  }
  const result = await load
  t.ok(result.requests > 1000, `${result.requests} requests (${Math.round(result.rps)}/s)`)
  t.equal(result.errors, 0, 'no connection errors')
  t.equal(result.timeouts, 0, 'no timeouts')
  const other = Object.keys(result.statuses).filter((code) => code !== '200' && code !== '429')
  t.same(other, [], `answers by status: ${JSON.stringify(result.statuses)}`)
  t.ok(result.statuses['200']! > 0)

  for (const [d, dashboard] of dashboards.entries()) {
    for (let i = 0; i < 5; i++) {
      const values: number[] = []
      while (values.length < WRITES) {
        const next = await dashboard.take((m) => m.id === `s${i}`)
        if (next === null) break
        values.push(
          (next.payload as { data: { progressReported: { observation: { value: number } } } }).data
            .progressReported.observation.value,
        )
      }
      t.same(
        values,
        [...Array(WRITES).keys()].map((k) => k + 1),
        `dashboard ${d}, s${i}`,
      )
    }
  }
  t.equal((await fetch(`${server.url}/healthz`)).status, 200, 'alive afterwards')
  t.equal(await stop(server), 0)
})
