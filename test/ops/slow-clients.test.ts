// Slow clients against a real server: headers or a body trickled a byte at a time are cut off
// at their time limit, on every path (the framework's and the answers kept in front of it), and
// one address holds no more connections than it may. Each wait is for the connection to close,
// bounded generously, never a fixed sleep.
import { connect, type Socket } from 'node:net'
import t, { type Test } from 'tap'
import type { ConnectionLimits } from '../../src/ops/connections.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

/** Far past every limit the tests set: a connection still open then is open for good. */
const BOUND_MS = 30_000

async function serve(t: Test, connections: ConnectionLimits) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, connections })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  return port
}

function open(t: Test, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
    t.teardown(() => socket.destroy())
  })
}

/** Resolves with what the server sent once it closes the connection, or rejects at the bound. */
function closed(socket: Socket, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = ''
    socket.on('data', (chunk) => (received += String(chunk)))
    const timer = setTimeout(
      () => reject(new Error(`${what}: still open after ${BOUND_MS / 1000} s`)),
      BOUND_MS,
    )
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(received)
    })
    socket.on('error', () => {})
  })
}

/** Writes one byte of `text` at a time until the socket closes. */
function trickle(socket: Socket, text: string): void {
  let i = 0
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer)
    socket.write(text[i++]!)
  }, 100)
  socket.on('close', () => clearInterval(timer))
}

const LIMITS: ConnectionLimits = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, maxPerClient: 4 }

t.test('a body trickled a byte at a time is cut off with 408', async (t) => {
  const port = await serve(t, LIMITS)
  const socket = await open(t, port)
  const done = closed(socket, 'a slow body')
  socket.write(
    'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
  )
  trickle(socket, '{"query":"' + 'x'.repeat(990))
  const answer = await done
  t.match(answer, /^HTTP\/1\.1 408/, 'Request Timeout')
})

t.test('headers trickled a byte at a time are cut off, on a path served in front', async (t) => {
  const port = await serve(t, LIMITS)
  const socket = await open(t, port)
  const done = closed(socket, 'slow headers')
  socket.write('GET /v1/tasks HTTP/1.1\r\nHost: localhost\r\n')
  trickle(socket, `X-Slow: ${'y'.repeat(500)}\r\n`)
  const answer = await done
  t.match(answer, /^(?:HTTP\/1\.1 408|)/, 'closed, with a 408 where the socket allows')
})

t.test('one address holds no more connections than it may', async (t) => {
  const port = await serve(t, LIMITS)
  const held = await Promise.all([1, 2, 3, 4].map(() => open(t, port)))
  const extra = await open(t, port)
  const refused = await closed(extra, 'a fifth connection')
  t.match(refused, /^HTTP\/1\.1 503 .*too-many-connections/s, 'the fifth is told why and closed')
  // The four held ones are served.
  const first = held[0]!
  const answer = new Promise<string>((resolve) => first.once('data', (c) => resolve(String(c))))
  first.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
  t.match(await answer, /^HTTP\/1\.1 200/)
  // Once one closes (as the server sees it, a moment after the client), a new one is taken.
  held[1]!.destroy()
  const started = Date.now()
  let answered = ''
  while (!/^HTTP\/1\.1 200/.test(answered) && Date.now() - started < BOUND_MS) {
    const again = await open(t, port)
    answered = await new Promise<string>((resolve) => {
      again.once('data', (c) => resolve(String(c)))
      again.once('close', () => resolve(''))
      again.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
    })
  }
  t.match(answered, /^HTTP\/1\.1 200/, 'a connection freed is taken again')
})
