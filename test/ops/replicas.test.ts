// Scale-out: replicas built from the same texts serve the same bytes under the same ETags, so a
// load balancer may send any read to any of them; a read-only replica serves its primary's file
// and sends writes away.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'
import { tempDir } from '../helper.js'
import { killGroup, spawnNode } from '../processes.js'
import { fromSource, send, start, stop, type Server } from '../server-process.js'

/** Reads a replica must answer byte for byte as every other does. */
const READS = [
  '/v1/documents',
  '/v1/sections?limit=500',
  '/v1/tasks?limit=500',
  '/v1/agencies?sort=-taskCount',
  '/v1/targets?sort=-value',
  '/v1/findings?limit=500',
  `/v1/search?q=${encodeURIComponent('职业')}`,
  '/v1/tasks.csv',
  '/v1/targets.csv',
  // Not /catalog.jsonld: its dct:modified is when this database's records last changed (the
  // change feed, decision 0053), which differs between databases loaded at different times.
  '/datapackage.json',
  '/openapi.json',
  `/graphql?query=${encodeURIComponent('{ tasks(first: 100) { nodes { id agencies { id } items { id } targets { nodes { id } } } } }')}`,
]

/**
 * What a replica answers behind the load balancer: every replica sees the public host name, so
 * the absolute links of the metadata agree too.
 */
async function get(server: Server, path: string) {
  const res = await send(`${server.url}${path}`, { headers: { host: PUBLIC_HOST } })
  return {
    path,
    status: res.status,
    etag: (res.headers.etag as string | undefined) ?? null,
    body: res.body,
  }
}

const PUBLIC_HOST = 'data.example.gov.cn'

async function answers(server: Server, paths: string[]) {
  return Promise.all(paths.map((path) => get(server, path)))
}

/** Every record's own page too: ids are part of what must agree. */
async function withItems(server: Server): Promise<string[]> {
  const paths = [...READS]
  for (const list of ['documents', 'tasks', 'targets', 'agencies']) {
    const body = (await (await fetch(`${server.url}/v1/${list}?limit=500`)).json()) as {
      data: { id: string }[]
    }
    paths.push(...body.data.map((r) => `/v1/${list}/${r.id}`))
  }
  return paths
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

t.test('replicas built apart from the same texts answer identically', async (t) => {
  const dir = tempDir(t)
  const first = await start(t, { DB_PATH: join(dir, 'first.db') })
  const paths = await withItems(first)
  const one = await answers(first, paths)
  // Built later, in another process, from the same texts.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const second = await start(t, { DB_PATH: join(dir, 'second.db') })
  const two = await answers(second, paths)
  t.ok(paths.length > 60, `${paths.length} reads compared`)
  for (const [i, a] of one.entries()) {
    const b = two[i]!
    t.equal(a.status, 200, a.path)
    t.ok(a.etag, `${a.path} has an ETag`)
    t.equal(b.etag, a.etag, `${a.path}: the same ETag`)
    t.ok(a.body === b.body, `${a.path}: the same bytes`)
  }
})

t.test('a read-only replica serves its primary’s file and refuses writes', async (t) => {
  const dir = tempDir(t)
  const primaryPath = join(dir, 'primary.db')
  const primary = await start(t, { DB_PATH: primaryPath })
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'src/cli/token.ts'),
      'create',
      '--admin',
      '--db',
      primaryPath,
    ],
    { cwd: projectRoot },
  )
  const secret = stdout.trim()
  const paths = await withItems(primary)
  const fromPrimary = await answers(primary, paths)
  t.equal(await stop(primary), 0)
  // What a replication tool delivers: the primary's file as of its last commit.
  const replicaPath = join(dir, 'replica.db')
  copyFileSync(primaryPath, replicaPath)
  const before = sha256(replicaPath)

  const replica = await start(t, { DB_PATH: replicaPath, READ_ONLY: 'true' })
  t.notOk(
    replica.logs.some((l) => l.msg === 'loaded a bundled plan text'),
    'a replica loads nothing itself',
  )
  t.equal((await fetch(`${replica.url}/readyz`)).status, 200)
  const fromReplica = await answers(replica, paths)
  t.same(
    fromReplica.map((a) => [a.path, a.etag]),
    fromPrimary.map((a) => [a.path, a.etag]),
    'the same ETags as the primary',
  )

  const target = fromPrimary.find((a) => a.path.startsWith('/v1/targets/'))!.path
  const post = await fetch(`${replica.url}${target}/observations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ value: 1, observedOn: '2024-01-01' }),
  })
  t.equal(post.status, 503)
  t.equal(post.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  t.match(await post.json(), {
    type: '/problems/read-only',
    detail: 'this server is a read-only replica: send writes to the primary',
  })
  const task = fromPrimary.find((a) => a.path.startsWith('/v1/tasks/'))!
  const mutation = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { setTaskStatus(taskId: "${task.path.split('/').pop()}", status: done, ifMatch: ${JSON.stringify(task.etag)}) { id } }`,
    }),
  })
  t.equal(mutation.status, 503)
  t.match(await mutation.json(), { errors: [{ extensions: { code: 'READ_ONLY_REPLICA' } }] })
  t.equal(await stop(replica), 0)
  t.equal(sha256(replicaPath), before, 'the replica’s file is exactly as it was delivered')
})

t.test('a read-only replica without its file stops with one line naming DB_PATH', async (t) => {
  const child = spawnNode(fromSource, {
    env: {
      ...process.env,
      DB_PATH: join(tempDir(t), 'absent.db'),
      READ_ONLY: 'true',
      PORT: '0',
      METRICS_PORT: '0',
    },
  })
  t.teardown(() => killGroup(child))
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number]
  t.equal(code, 1)
  t.match(stderr, /^plan-open-data: DB_PATH \S+absent\.db does not exist: a read-only replica/)
  t.equal(stderr.split('\n').length, 2, 'one line')
})

t.test('replicas built apart differ in the catalog only by when they were loaded', async (t) => {
  const dir = tempDir(t)
  const first = await start(t, { DB_PATH: join(dir, 'first.db') })
  const second = await start(t, { DB_PATH: join(dir, 'second.db') })
  const [a, b] = await Promise.all([get(first, '/catalog.jsonld'), get(second, '/catalog.jsonld')])
  const timesOut = (body: string) =>
    body.replace(/"dct:modified":\{"@value":"[^"]+"/g, '"dct:modified":{"@value":"…"')
  t.equal(timesOut(a.body), timesOut(b.body), 'the same catalog but for dct:modified')
})
