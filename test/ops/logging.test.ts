// Logs as operators collect them: JSON lines, a request id on each line of a request (the
// proxy's when it sends a plain one), and no secret anywhere, whatever the level.
import { spawn } from 'node:child_process'
import { killGroup, TEST_PROCESS_MARK } from '../processes.js'
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { pino } from 'pino'
import t, { type Test } from 'tap'
import { loggerOptions } from '../../src/ops/logging.js'
import { projectRoot } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, tempDir, buildTestApp } from '../helper.js'

/** An app whose logger writes JSON lines, at the given level, into an array. */
async function appWithLogs(t: Test, level = 'info', trustProxy = false, logRequests = true) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  const log = pino(loggerOptions({ level, pretty: false }), sink)
  const store = new Store(db)
  const app = await buildTestApp(t, { store, loggerInstance: log, trustProxy, logRequests })
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { app, db, store, lines, entries }
}

t.test('each request has an id: in every log line, and in the answer', async (t) => {
  const { app, entries } = await appWithLogs(t, 'info', true)
  const fromProxy = await app.inject({
    url: '/v1/documents',
    headers: { 'x-request-id': 'lb-42.a' },
  })
  t.equal(fromProxy.headers['x-request-id'], 'lb-42.a', 'a trusted proxy’s plain id is kept')
  const own = await app.inject('/v1/documents')
  t.match(own.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'a new UUID otherwise')
  const forged = await app.inject({
    url: '/v1/documents',
    headers: { 'x-request-id': 'x" level=60 msg="forged' },
  })
  t.match(forged.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'an id that is not plain is replaced')
  const long = await app.inject({
    url: '/v1/documents',
    headers: { 'x-request-id': 'a'.repeat(200) },
  })
  t.match(long.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'so is one that is too long')
  const missing = await app.inject('/v1/nothing-here')
  t.equal(missing.statusCode, 404)
  t.ok(missing.headers['x-request-id'], 'error answers carry it too')

  const lines = entries().filter((e) => e.reqId === 'lb-42.a')
  t.same(
    lines.map((e) => e.msg),
    ['incoming request', 'request completed'],
    'both lines of the request carry its id',
  )
  const ids = new Set(entries().map((e) => e.reqId))
  t.equal(ids.size, 5, 'five requests, five ids')
})

t.test('by default a request is logged only when something about it is', async (t) => {
  const { app, entries } = await appWithLogs(t, 'info', false, false)
  await app.inject('/v1/documents')
  const refused = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: '{ nope }' },
  })
  t.equal(refused.statusCode, 400)
  t.notOk(
    entries().some((e) => e.msg === 'incoming request' || e.msg === 'request completed'),
    'no line per request',
  )
  t.ok(
    entries().some((e) => e.reqId === refused.headers['x-request-id']),
    'what is logged about a request names it',
  )
})

t.test('without a trusted proxy, a client cannot choose its request id', async (t) => {
  const { app } = await appWithLogs(t)
  const res = await app.inject({ url: '/v1/documents', headers: { 'x-request-id': 'lb-42.a' } })
  t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('a URL Fastify cannot read still answers with a request id', async (t) => {
  const { app } = await appWithLogs(t)
  const res = await app.inject('/v1/tasks/%zz')
  t.equal(res.statusCode, 400)
  t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('no token reaches the log, at any level and on any path', async (t) => {
  const { app, db, store, lines } = await appWithLogs(t, 'trace')
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const target = [...store.eachTarget({})][0]!
  const task = [...store.eachTask({})][0]!
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })
  const made = 'made-up-secret-0123456789'
  await app.inject({
    method: 'POST',
    url: `/v1/targets/${target.id}/observations`,
    headers: bearer(admin),
    payload: { value: 1, observedOn: '2024-01-01' },
  })
  await app.inject({
    method: 'POST',
    url: `/v1/targets/${target.id}/observations`,
    headers: bearer(made),
    payload: { value: 1, observedOn: '2024-01-01' },
  })
  await app.inject({
    method: 'PUT',
    url: `/v1/tasks/${task.id}/status`,
    headers: { ...bearer(admin), 'if-match': '"stale"' },
    payload: { status: 'done' },
  })
  await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: bearer(admin),
    payload: {
      query: `mutation { setTaskStatus(taskId: "${task.id}", status: done, ifMatch: "x") { id } }`,
    },
  })
  await app.inject({ url: '/v1/audit', headers: bearer(admin) })
  await app.inject({ url: '/v1/audit', headers: { authorization: `Basic ${admin}` } })
  // A line that logs a request's headers, as a handler or plugin might at a debugging level.
  app.log.debug({ headers: bearer(admin) }, 'headers of a request')

  t.ok(lines.length > 12, `the trace level logged ${lines.length} lines`)
  const text = lines.join('\n')
  t.notOk(text.includes(admin), 'the valid secret is nowhere')
  t.notOk(text.includes(made), 'nor the made-up one')
  t.match(text, /"authorization":"\[redacted\]"/, 'a logged Authorization header is redacted')
})

t.test('the server logs JSON to a pipe and readable lines to a terminal', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  const command = [process.execPath, '--import', 'tsx', join(projectRoot, 'src/server.ts')]
  const run = (args: string[], file: string) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(file, args, {
        cwd: projectRoot,
        // Marked as a test's process, in a group of its own: ended with the test (processes.ts).
        detached: true,
        env: {
          ...process.env,
          DB_PATH: dbPath,
          PORT: '0',
          METRICS_PORT: '0',
          HOST: '127.0.0.1',
          FORCE_COLOR: '0',
          [TEST_PROCESS_MARK]: projectRoot,
        },
      })
      t.teardown(() => killGroup(child))
      let out = ''
      child.stdout.on('data', (chunk) => {
        out += chunk
        if (/Server listening/.test(out)) child.kill('SIGTERM')
      })
      child.on('error', reject)
      child.on('exit', () => resolve(out))
    })
  const piped = await run(command.slice(1), command[0]!)
  const first = piped.split('\n').find((l) => l.includes('Server listening'))!
  t.match(JSON.parse(first), { level: 30, msg: /Server listening/ }, 'a pipe gets JSON')

  // script(1) runs the server on a pseudo-terminal, as a person at a console would.
  const quoted = command.map((a) => `'${a}'`).join(' ')
  const onTty = await run(['-qfec', quoted, '/dev/null'], 'script')
  const line = onTty.split('\n').find((l) => l.includes('Server listening'))
  t.ok(line, 'the server started on a terminal')
  t.throws(() => JSON.parse(line!), 'a terminal does not get JSON')
  t.match(line, /INFO/, 'it gets pino-pretty’s level names')
})

t.test('a token in the query string is redacted from logs and from answers', async (t) => {
  const { app, lines } = await appWithLogs(t, 'debug')
  const secret = 'sekret-value-123'
  const urls = [
    `/v1/tasks?access_token=${secret}&limit=1`,
    `/v1/audit?token=${secret}`,
    `/v1/nothing?api_key=${secret}`,
    `/graphql?query=%7Btasks%7BtotalCount%7D%7D&auth=${secret}`,
  ]
  for (const url of urls) {
    const res = await app.inject(url)
    t.notMatch(res.body, secret, `${url}: not in the answer`)
    if (res.headers['content-type']?.toString().startsWith('application/problem+json')) {
      t.match(res.json().instance, /\[redacted\]/, `${url}: the problem's instance is redacted`)
    }
  }
  const refused = await app.inject({
    method: 'POST',
    url: `/v1/targets/x/observations?access_token=${secret}`,
    payload: { value: 1, observedOn: '2024-01-01' },
  })
  t.equal(refused.statusCode, 401)
  t.notMatch(refused.body, secret, 'a 401 does not echo it')
  t.ok(lines.length > 0)
  t.notOk(
    lines.some((line) => line.includes(secret)),
    'no log line holds it',
  )
  t.ok(
    lines.some((line) => line.includes('access_token=[redacted]')),
    'the parameter is named, its value not',
  )
})
