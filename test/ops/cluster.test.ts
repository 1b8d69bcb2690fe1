// Cluster mode as operators run it: one process per core behind one port. Requests spread over
// the workers, /metrics and the progressReported subscription speak for the whole machine, a
// worker that dies is replaced, and SIGTERM drains them all.
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'
import { subscribe } from '../graphql/ws-client.js'
import { isAlive } from '../processes.js'
import { tempDir } from '../helper.js'
import { logged, metricsUrlOf, send as fresh, start, type Server } from '../server-process.js'

/** The pids that logged the completion of the requests with these ids. */
function pidsServing(server: Server, ids: string[]): Set<unknown> {
  return new Set(
    server.logs
      .filter((l) => l.msg === 'request completed' && ids.includes(String(l.reqId)))
      .map((l) => l.pid),
  )
}

/** The values of the series whose text starts with the prefix, by the rest of their name. */
function seriesOf(exposition: string, prefix: string): Record<string, number> {
  const found: Record<string, number> = {}
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(prefix)) continue
    const cut = line.lastIndexOf(' ')
    found[line.slice(prefix.length, cut)] = Number(line.slice(cut + 1))
  }
  return found
}

t.test('two workers share the port, the metrics, the live progress and the shutdown', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  const server = await start(
    t,
    // The test stands in for a proxy: its X-Request-Id names each request in the logs.
    { DB_PATH: dbPath, CLUSTER_WORKERS: '2', TRUST_PROXY: 'loopback', LOG_REQUESTS: 'true' },
    undefined,
    /^cluster ready: 2 workers listening$/,
  )
  const workerPids = () =>
    server.logs.filter((l) => /^Server listening/.test(String(l.msg))).map((l) => Number(l.pid))
  // The primary may say so before a worker's own line has come through the shared pipe.
  await logged(server, () => new Set(workerPids()).size === 2)
  t.equal(new Set(workerPids()).size, 2, 'two worker processes listen')
  t.notOk(workerPids().includes(server.child.pid!), 'neither is the primary')
  t.equal(
    server.logs.filter((l) => l.msg === 'loaded a bundled plan text').length,
    1,
    'the database was built once, by the primary',
  )

  const ids = Array.from({ length: 20 }, (_, i) => `spread-${i}`)
  for (const id of ids) {
    const res = await fresh(`${server.url}/v1/documents`, { headers: { 'x-request-id': id } })
    t.equal(res.status, 200)
  }
  await logged(server, (l) => l.reqId === ids.at(-1) && l.msg === 'request completed')
  t.equal(pidsServing(server, ids).size, 2, 'connections are spread over both workers')

  const metricsUrl = await metricsUrlOf(server)
  t.equal((await fresh(`${server.url}/metrics`)).status, 404, 'not on the public port')
  const metrics = await fresh(metricsUrl)
  const served = seriesOf(
    metrics.body,
    'http_request_duration_seconds_count{method="GET",route="/v1/documents",status_code="200",worker=',
  )
  t.same(Object.keys(served).sort(), ['"0"}', '"1"}'], 'one series per worker slot')
  t.equal(
    Object.values(served).reduce((a, b) => a + b, 0),
    20,
    'any worker’s /metrics counts the requests of both',
  )
  t.same(Object.values(seriesOf(metrics.body, 'plan_documents_loaded{worker=')), [1, 1])

  // Progress written through either worker reaches a subscriber connected to one of them.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'src/cli/token.ts'), 'create', '--admin', '--db', dbPath],
    { cwd: projectRoot },
  )
  const secret = stdout.trim()
  const targets = JSON.parse((await fresh(`${server.url}/v1/targets?limit=1`)).body) as {
    data: { id: string }[]
  }
  const targetId = targets.data[0]!.id
  const post = (value: number, id: string) =>
    fresh(`${server.url}/v1/targets/${targetId}/observations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
        'x-request-id': id,
      },
      body: JSON.stringify({ value, observedOn: '2024-06-30' }),
    })
  const live = subscribe(
    `${server.url.replace('http', 'ws')}/graphql`,
    'subscription { progressReported { observation { value } } }',
  )
  t.teardown(() => live.socket.close())
  await live.ready
  // Answered once the worker has read the subscription, which it then holds.
  await live.settled()
  const writes = [1, 2, 3, 4, 5, 6]
  const writeIds = writes.map((v) => `write-${v}`)
  for (const value of writes) t.equal((await post(value, `write-${value}`)).status, 201)
  await logged(server, (l) => l.reqId === writeIds.at(-1) && l.msg === 'request completed')
  t.equal(pidsServing(server, writeIds).size, 2, 'the writes went through both workers')
  const seen: number[] = []
  while (seen.length < writes.length) {
    const message = await live.take((m) => m.type === 'next')
    if (message === null) break
    seen.push(
      (message.payload as { data: { progressReported: { observation: { value: number } } } }).data
        .progressReported.observation.value,
    )
  }
  t.same(seen.sort(), writes, 'the subscriber saw every write, whichever worker took it')

  // A worker that dies is replaced, and the port keeps answering.
  const victim = workerPids()[0]!
  process.kill(victim, 'SIGKILL')
  await logged(server, (l) => l.msg === 'a worker died; starting another')
  // While the replacement boots, /metrics answers at once from the workers that can.
  const during = await fresh(metricsUrl)
  t.equal(during.status, 200, '/metrics answers while a worker starts')
  await logged(server, () => new Set(workerPids()).size === 3)
  t.pass('a new worker listens in its place')
  const after = await fresh(metricsUrl)
  t.same(
    Object.keys(seriesOf(after.body, 'plan_documents_loaded{worker=')).sort(),
    ['"0"}', '"1"}'],
    'the replacement reports in its predecessor’s slot',
  )
  t.equal((await fresh(`${server.url}/readyz`)).status, 200)

  const exited = once(server.child, 'exit')
  server.child.kill('SIGTERM')
  const [code] = (await exited) as [number]
  t.equal(code, 0, 'SIGTERM to the primary drains the workers and exits 0')
  t.ok(server.logs.some((l) => l.msg === 'cluster stopped'))
  t.same(workerPids().filter(isAlive), [], 'no worker is left running')
})
