// Requests Node's parser refuses, sent raw to a real server: each gets problem+json saying what
// to change, never Fastify's bare JSON or an empty 400.
import { connect } from 'node:net'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.js'

async function serve(t: Test): Promise<number> {
  const app = await buildTestApp(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  return (app.server.address() as { port: number }).port
}

/** Sends raw bytes and resolves with all the server answered before it closed. */
function raw(t: Test, port: number, request: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request))
    t.teardown(() => socket.destroy())
    let received = ''
    socket.on('data', (chunk) => (received += String(chunk)))
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
  })
}

function problemOf(answer: string): {
  status: number
  headers: string
  body: Record<string, unknown>
} {
  const [head, body] = answer.split('\r\n\r\n')
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]),
    headers: head!,
    body: JSON.parse(body!) as Record<string, unknown>,
  }
}

t.test('raw UTF-8 in the path: a 400 that says to percent-encode', async (t) => {
  const port = await serve(t)
  const answer = await raw(
    t,
    port,
    Buffer.from('GET /v1/tasks?agency=市商务局 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'),
  )
  const problem = problemOf(answer)
  t.equal(problem.status, 400)
  t.match(problem.headers, /content-type: application\/problem\+json/i)
  t.match(problem.body, {
    status: 400,
    type: '/problems/malformed-request',
    detail: /percent-encode/,
  })
})

t.test('headers over the limit: 431 problem+json', async (t) => {
  const port = await serve(t)
  const answer = await raw(
    t,
    port,
    `GET /v1/tasks HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  )
  const problem = problemOf(answer)
  t.equal(problem.status, 431)
  t.match(problem.body, { status: 431, type: '/problems/headers-too-large' })
})

t.test('an HTTP/1.1 request without Host: 400 problem+json', async (t) => {
  const port = await serve(t)
  for (const path of ['/v1/tasks', '/healthz', '/graphql?query=%7B__typename%7D']) {
    const problem = problemOf(await raw(t, port, `GET ${path} HTTP/1.1\r\n\r\n`))
    t.equal(problem.status, 400, path)
    t.match(problem.body, { detail: 'an HTTP/1.1 request needs a Host header' }, path)
  }
  const ok = await raw(t, port, 'GET /healthz HTTP/1.0\r\n\r\n')
  t.match(ok, /^HTTP\/1\.1 200/, 'HTTP/1.0 needs none')
})
