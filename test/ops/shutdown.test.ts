// Graceful shutdown of a real server process: on SIGTERM it stops accepting, finishes what is in
// flight, closes the database and exits 0; a request that outlives the timeout does not hold it.
import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { connect } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { tempDir } from '../helper.js'
import { logged, start, type Server } from '../server-process.js'

const QUERY = JSON.stringify({ query: '{ tasks(first: 2) { totalCount nodes { number } } }' })

/**
 * A POST /graphql whose head and first half are sent now and the rest later: a request in
 * flight for as long as the test wants. Resolves once the server has logged its arrival.
 */
async function halfSentRequest(server: Server, id: string) {
  const { port } = new URL(server.url)
  const socket = connect(Number(port), '127.0.0.1')
  await once(socket, 'connect')
  let answer = ''
  socket.on('data', (chunk) => (answer += chunk))
  const half = Math.floor(QUERY.length / 2)
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(QUERY)}\r\nX-Request-Id: ${id}\r\n\r\n` +
      QUERY.slice(0, half),
  )
  while (!server.logs.some((l) => l.reqId === id && l.msg === 'incoming request')) await sleep(10)
  return {
    socket,
    /** Sends the rest of the body, and `next` after it on the same connection. */
    finish: async (next = '') => {
      socket.end(QUERY.slice(half) + next)
      await once(socket, 'close')
      return answer
    },
  }
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`)
    return false
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED'
  }
}

t.test('SIGTERM: stop accepting, finish in flight, close the database, exit 0', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  // The test stands in for a proxy: its X-Request-Id lets it see its request arrive.
  const server = await start(t, { DB_PATH: dbPath, TRUST_PROXY: 'loopback', LOG_REQUESTS: 'true' })
  t.ok(existsSync(`${dbPath}-wal`), 'the database is open (its write-ahead log exists)')
  const inFlight = await halfSentRequest(server, 'in-flight-1')
  const exited = once(server.child, 'exit')
  server.child.kill('SIGTERM')
  await logged(server, (l) => l.msg === 'shutting down: finishing the requests in flight')
  for (let i = 0; !(await refusesConnections(server.url)); i++) {
    if (i > 200) throw new Error('still accepting connections')
    await sleep(10)
  }
  t.pass('new connections are refused')
  t.equal(server.child.exitCode, null, 'while the request in flight keeps the process up')

  // A second request pipelined on the same connection arrives while the server is closing.
  const answer = await inFlight.finish('GET /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  t.match(answer, /^HTTP\/1\.1 200 OK/, 'the request in flight is answered')
  t.match(answer, /"totalCount":29/)
  const second = answer.slice(answer.indexOf('HTTP/1.1', 1))
  t.match(second, /^HTTP\/1\.1 200 OK/, 'one that arrives on its connection meanwhile is served')
  t.match(second, /\r\nconnection: close\r\n/i, 'and told the connection closes')
  const [code] = (await exited) as [number]
  t.equal(code, 0)
  t.ok(
    server.logs.some((l) => l.msg === 'shut down cleanly'),
    'the server says it shut down cleanly',
  )
  t.notOk(existsSync(`${dbPath}-wal`), 'the database was closed (its log checkpointed away)')
})

t.test('SIGINT does the same', async (t) => {
  const server = await start(t, { DB_PATH: join(tempDir(t), 'plan.db') })
  const exited = once(server.child, 'exit')
  server.child.kill('SIGINT')
  const [code] = (await exited) as [number]
  t.equal(code, 0)
  t.ok(
    server.logs.some(
      (l) => l.msg === 'shutting down: finishing the requests in flight' && l.reason === 'SIGINT',
    ),
  )
})

t.test('a request that outlives SHUTDOWN_TIMEOUT_SECONDS does not hold the process', async (t) => {
  const server = await start(t, {
    DB_PATH: join(tempDir(t), 'plan.db'),
    TRUST_PROXY: 'loopback',
    LOG_REQUESTS: 'true',
    SHUTDOWN_TIMEOUT_SECONDS: '1',
  })
  const stuck = await halfSentRequest(server, 'stuck-1')
  t.teardown(() => stuck.socket.destroy())
  const exited = once(server.child, 'exit')
  server.child.kill('SIGTERM')
  const [code] = (await exited) as [number]
  t.equal(code, 1, 'it exits 1: a request was cut off')
  t.ok(
    server.logs.some((l) => l.msg === 'requests still in flight at the shutdown timeout; exiting'),
    'and says why',
  )
})
