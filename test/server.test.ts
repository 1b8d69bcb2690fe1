// End to end: npm start's entry point as a real process on a real port.
import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { tempDir } from './helper.js'
import { killGroup, spawnNode } from './processes.js'
import { fromSource, logged, start, stop } from './server-process.js'

t.test('first start builds the database from db/sources, then serves it', async (t) => {
  const dbPath = join(tempDir(t), 'plan.db')
  const server = await start(t, { DB_PATH: dbPath })
  t.ok(
    server.logs.some((l) => l.msg === 'loaded a bundled plan text'),
    'the missing database was built',
  )
  const ready = await fetch(`${server.url}/readyz`)
  t.equal(ready.status, 200)
  const tasks = await fetch(
    `${server.url}/v1/tasks?agency=${encodeURIComponent('市人社局')}&limit=5`,
  )
  t.equal(tasks.status, 200)
  t.match(tasks.headers.get('link'), /rel="next"/)
  const body = (await tasks.json()) as { meta: { total: number } }
  t.equal(body.meta.total, 24)
  const targets = await fetch(`${server.url}/v1/targets?year=2025&unit=%25`)
  t.equal(targets.status, 200)
  t.same(
    ((await targets.json()) as { data: { value: number }[] }).data.map((x) => x.value),
    [95, 70],
    'targets are served by a real server from the database it built',
  )
  const warnings = await fetch(`${server.url}/v1/findings?severity=warning&code=duplicate-row`)
  t.equal(((await warnings.json()) as { meta: { total: number } }).meta.total, 1)
  const missing = await fetch(`${server.url}/v1/tasks/nope`)
  t.equal(missing.status, 404)
  t.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  t.equal(await stop(server), 0, 'SIGTERM closes cleanly')

  const again = await start(t, { DB_PATH: dbPath })
  t.notOk(
    again.logs.some((l) => l.msg === 'loaded a bundled plan text'),
    'a database that holds the bundled text is not rebuilt',
  )
  t.equal(await stop(again), 0)
})

t.test('a bad configuration stops the start with one line naming the variable', async (t) => {
  const child = spawnNode(fromSource, { env: { ...process.env, PORT: 'eighty' } })
  t.teardown(() => killGroup(child))
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number]
  t.equal(code, 1)
  t.equal(stderr, 'plan-open-data: PORT must be a port number from 0 to 65535, not "eighty"\n')
})

t.test('the compiled server, as npm start runs it, serves the same', async (t) => {
  // Compiled before the test files run (test/setup/build.ts).
  t.ok(existsSync(join(projectRoot, 'dist/server.js')), 'dist/server.js was built for this run')
  // A misspelt variable is named in a warning, with the one meant.
  const server = await start(t, { DB_PATH: join(tempDir(t), 'plan.db'), RATE_LIMT_MAX: '5' }, [
    join(projectRoot, 'dist/server.js'),
  ])
  const res = await fetch(`${server.url}/v1/sections?kind=part`)
  t.equal(((await res.json()) as { meta: { total: number } }).meta.total, 3)
  const warning =
    /^RATE_LIMT_MAX is not a variable this service reads; did you mean RATE_LIMIT_MAX\?$/
  await logged(server, (line) => warning.test(String(line.msg)))
  t.pass('the misspelt variable was warned about')
  t.equal(await stop(server), 0)
})

t.test(
  'the open-data surface over a real socket: CSV, caching, compression, docs, GraphQL',
  async (t) => {
    const server = await start(t, { DB_PATH: join(tempDir(t), 'plan.db'), PUBLISHER: '某市数据局' })
    t.teardown(() => stop(server))
    const csv = await fetch(`${server.url}/v1/targets.csv?sort=-value`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    t.equal(csv.status, 200)
    t.equal(csv.headers.get('content-encoding'), 'gzip', 'compressed on the wire')
    const bytes = Buffer.from(await csv.arrayBuffer())
    t.match(bytes.toString('utf8'), /^id,documentId,/, 'plain UTF-8, the header first')
    const tag = csv.headers.get('etag')!
    const again = await fetch(`${server.url}/v1/targets.csv?sort=-value`, {
      headers: { 'if-none-match': tag },
    })
    t.equal(again.status, 304)
    const list = await fetch(`${server.url}/v1/tasks?limit=3`, {
      headers: { origin: 'https://portal.example.gov.cn' },
    })
    t.equal(list.headers.get('access-control-allow-origin'), '*')
    t.match(list.headers.get('link'), /rel="next"/)
    const search = await fetch(`${server.url}/v1/search?q=${encodeURIComponent('就业')}`)
    t.ok(((await search.json()) as { meta: { total: number } }).meta.total > 0)
    const openapi = await fetch(`${server.url}/openapi.json`)
    t.equal(openapi.status, 200)
    const docs = await fetch(`${server.url}/docs/`)
    t.match(docs.headers.get('content-security-policy'), /default-src 'self'/)
    const catalog = (await (await fetch(`${server.url}/catalog.jsonld`)).json()) as Record<
      string,
      { 'foaf:name': string }
    >
    t.equal(catalog['dct:publisher']!['foaf:name'], '某市数据局', 'configured from PUBLISHER')
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ targets(first: 1) { totalCount nodes { section { label } } } }',
      }),
    })
    t.equal(graphql.status, 200)
    const answer = (await graphql.json()) as { data: { targets: { totalCount: number } } }
    t.ok(answer.data.targets.totalCount > 0)
    t.equal((await fetch(`${server.url}/graphiql`)).status, 200)
    t.match(await (await fetch(`${server.url}/schema.graphql`)).text(), /type Query/)
    const refused = await fetch(`${server.url}/v1/tasks`, { method: 'DELETE' })
    t.equal(refused.status, 405)
    t.equal(refused.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  },
)
