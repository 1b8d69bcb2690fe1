// The change feed as a harvester uses it: download everything once, then follow /v1/changes,
// reading again each record a change names (a 404: gone). After any sequence of loads,
// re-ingests of amended texts, observations and status changes, its copy must equal a new full
// download, and so must the copy of a harvester that began from the feed's start.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { openDatabase } from '../../src/store/database.js'
import { loadDocuments } from '../../src/store/load.js'
import { Store } from '../../src/store/index.js'
import { createToken, principalOf } from '../../src/store/tokens.js'
import {
  buildTestApp,
  bundledPlanPath,
  parseText,
  secondPlanPath,
  tempDatabase,
  thirdPlanPath,
} from '../helper.js'
import { readPlan } from '../helper.js'
import { amendedBundledText } from '../amended-plan.js'

const LISTS = ['documents', 'sections', 'tasks', 'agencies', 'targets', 'findings'] as const

type Copy = Map<string, string>

/** Every record of every list, as a full download reads it: "list/id" → its JSON. */
async function fullDownload(app: FastifyInstance): Promise<Copy> {
  const copy: Copy = new Map()
  for (const list of LISTS) {
    const lines = (await app.inject(`/v1/${list}.jsonl`)).body.split('\n').filter(Boolean)
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string }
      copy.set(`${list}/${record.id}`, JSON.stringify(record))
    }
  }
  return copy
}

interface Change {
  seq: number
  kind: string
  record: { type: string; id: string; link: string | null }
}

/** Follows the feed from `since`, updating the copy; returns the seq it has read up to. */
async function follow(app: FastifyInstance, copy: Copy, since: number): Promise<number> {
  let next: string | null = `/v1/changes?since=${since}&limit=100`
  let last = since
  while (next !== null) {
    const page = (await app.inject(next)).json() as {
      data: Change[]
      links: { next: string | null }
      meta: { latest: number }
    }
    for (const change of page.data) {
      if (t.ok(change.seq > last, `seq ${change.seq} after ${last}`)) last = change.seq
      if (change.record.link === null) continue
      const res = await app.inject(change.record.link)
      const key = change.record.link.replace(/^\/v1\//, '')
      if (res.statusCode === 404) copy.delete(key)
      else copy.set(key, JSON.stringify(res.json().data))
    }
    next = page.links.next
  }
  return last
}

/** The same, following /changes.atom?since= and its next links. */
async function followAtom(app: FastifyInstance, copy: Copy, since: number): Promise<number> {
  let next: string | null = `/changes.atom?since=${since}`
  let last = since
  while (next !== null) {
    const feed = (await app.inject(next)).body
    for (const entry of feed.match(/<entry>[^]*?<\/entry>/g) ?? []) {
      last = Number(/since=(\d+)&amp;limit=1/.exec(entry)![1]) + 1
      const link = /<link href="http:\/\/[^/"]+(\/v1\/[^"]+)"\/>/.exec(entry)?.[1]
      if (link === undefined) continue
      const res = await app.inject(link)
      const key = link.replace(/^\/v1\//, '')
      if (res.statusCode === 404) copy.delete(key)
      else copy.set(key, JSON.stringify(res.json().data))
    }
    const more = /<link rel="next" href="http:\/\/[^/"]+(\/changes\.atom\?since=\d+)"\/>/.exec(feed)
    next = more ? more[1]! : null
  }
  return last
}

t.test('a harvester following the feed keeps what a full download gives', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  // Loads come from another connection, as npm run ingest's beside a running server.
  const ingest = openDatabase(path)
  t.teardown(() => ingest.close())
  const app = await buildTestApp(t, { store })
  const { secret } = createToken(db, { role: 'admin', agencyId: null, label: 't' })
  const admin = principalOf(db, secret)!

  // As the feed's description says: note where the feed is, then download.
  let since = ((await app.inject('/v1/changes?limit=1')).json() as { meta: { latest: number } })
    .meta.latest
  const copy = await fullDownload(app)
  const atomCopy = await fullDownload(app)
  let atomSince = since
  t.ok(since > 0, 'the first load is in the feed')
  const fromStart: Copy = new Map()
  let sinceStart = 0

  const steps: [string, () => unknown][] = [
    ['a second plan loaded', () => loadDocuments(ingest, [readPlan(secondPlanPath)])],
    [
      'a report and a status',
      () => {
        const target = [...store.eachTarget({})].find((g) => g.value !== null)!
        store.addObservation(admin, target.id, { value: target.value!, observedOn: '2025-06-30' })
        const task = [...store.eachTask({})][3]!
        store.setTaskStatus(admin, task.id, { status: 'in_progress' }, () => {})
      },
    ],
    [
      'the bundled plan amended',
      () => loadDocuments(ingest, [parseText(amendedBundledText(1), 'amended.txt')]),
    ],
    ['a third plan loaded', () => loadDocuments(ingest, [readPlan(thirdPlanPath)])],
    [
      'amended again, its first target reported on and then changed',
      () => loadDocuments(ingest, [parseText(amendedBundledText(2), 'amended.txt')]),
    ],
    ['the original text again', () => loadDocuments(ingest, [readPlan(bundledPlanPath)])],
    [
      'the third plan removed',
      async () => {
        const third = (await app.inject('/v1/documents'))
          .json()
          .data.find((d: { number: string }) => d.number === readPlan(thirdPlanPath).number)
          .id as string
        const removed = await app.inject({
          method: 'DELETE',
          url: `/v1/documents/${third}`,
          headers: { authorization: `Bearer ${secret}` },
        })
        t.equal(removed.statusCode, 204, 'removed by an administrator')
      },
    ],
  ]
  for (const [name, step] of steps) {
    await step()
    await new Promise(setImmediate)
    since = await follow(app, copy, since)
    sinceStart = await follow(app, fromStart, sinceStart)
    atomSince = await followAtom(app, atomCopy, atomSince)
    const full = await fullDownload(app)
    t.same([...copy.keys()].sort(), [...full.keys()].sort(), `${name}: the same records`)
    const differing = [...full].filter(([key, json]) => copy.get(key) !== json).map(([k]) => k)
    t.same(differing, [], `${name}: each as the full download has it`)
    t.same(fromStart, full, `${name}: and a harvester from the feed's start has it all too`)
    t.same(atomCopy, full, `${name}: and one that follows the Atom feed`)
  }
})

t.test('what a re-ingest changed is named by kind', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db })
  const ingest = openDatabase(path)
  t.teardown(() => ingest.close())
  const before = ((await app.inject('/v1/changes?limit=1')).json() as { meta: { latest: number } })
    .meta.latest
  loadDocuments(ingest, [parseText(amendedBundledText(1), 'amended.txt')])
  await new Promise(setImmediate)
  const changes = (
    (await app.inject(`/v1/changes?since=${before}&limit=500`)).json() as {
      data: Change[]
    }
  ).data
  const plan = readPlan(bundledPlanPath)
  const kinds = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.record.id)
  t.equal(kinds('document.replaced').length, 1, 'the document replaced')
  t.ok(
    kinds('task.changed').some((id) => id.endsWith(`-${plan.tasks[0]!.number}`)),
    'the first task changed',
  )
  t.ok(
    kinds('task.removed').some((id) => id.endsWith(`-${plan.tasks.at(-1)!.number}`)),
    'the last task removed',
  )
  t.ok(kinds('target.changed').length + kinds('target.removed').length > 0, 'a target changed')
  t.same(kinds('task.added'), [], 'no task is new')

  // The same text again changes nothing a client reads: nothing is recorded.
  const after = ((await app.inject('/v1/changes?limit=1')).json() as { meta: { latest: number } })
    .meta.latest
  loadDocuments(ingest, [parseText(amendedBundledText(1), 'amended.txt')])
  await new Promise(setImmediate)
  const again = ((await app.inject('/v1/changes?limit=1')).json() as { meta: { latest: number } })
    .meta.latest
  t.equal(again, after, 'the same text loaded again records no change')
})

t.test('the Atom feed and the catalog follow the feed', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 't' }).secret,
  )!
  const target = [...store.eachTarget({})].find((g) => g.value !== null)!
  const later = new Date(Date.now() + 60_000)
  store.addObservation(admin, target.id, { value: 1, observedOn: '2025-01-01' }, later)
  await new Promise(setImmediate)
  const atom = await app.inject({ url: '/changes.atom', headers: { host: 'data.example.gov.cn' } })
  t.equal(atom.statusCode, 200)
  t.match(atom.headers['content-type'], /^application\/atom\+xml/)
  const entries = [...atom.body.matchAll(/<entry>[^]*?<\/entry>/g)].map((m) => m[0])
  t.ok(entries.length > 0 && entries.length <= 100)
  t.match(
    entries[0],
    `<link href="http://data.example.gov.cn/v1/targets/${target.id}"/>`,
    'newest first',
  )
  t.match(atom.body, `<updated>${later.toISOString()}</updated>`)
  const catalog = (await app.inject('/catalog.jsonld')).json() as {
    'dcat:dataset': { 'dct:identifier': string; 'dct:modified': { '@value': string } }[]
  }
  const modified = (name: string) =>
    catalog['dcat:dataset'].find((d) => d['dct:identifier'] === name)!['dct:modified']['@value']
  t.equal(modified('targets'), later.toISOString(), 'targets changed with the report')
  t.ok(modified('tasks') < later.toISOString(), 'tasks did not')
})

t.test('bad parameters are 400 problems', async (t) => {
  const app = await buildTestApp(t)
  for (const query of ['since=-1', 'since=x', 'limit=0', 'other=1']) {
    const res = await app.inject(`/v1/changes?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
})

t.test(
  'removing a document: administrators only, a 404 for none, and the feed says so',
  async (t) => {
    const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
    const app = await buildTestApp(t, { db })
    const { secret } = createToken(db, { role: 'admin', agencyId: null, label: 'a' })
    const documents = (await app.inject('/v1/documents')).json().data as { id: string }[]
    const id = documents[0]!.id
    const remove = (headers: Record<string, string>, target = id) =>
      app.inject({ method: 'DELETE', url: `/v1/documents/${target}`, headers })
    t.equal((await remove({})).statusCode, 401, 'no token')
    const before = (await app.inject('/v1/changes?limit=1')).json().meta.latest as number
    t.equal((await remove({ authorization: `Bearer ${secret}` })).statusCode, 204)
    t.equal((await app.inject(`/v1/documents/${id}`)).statusCode, 404, 'gone')
    t.equal(
      (await remove({ authorization: `Bearer ${secret}` })).statusCode,
      404,
      'a second time: no such document',
    )
    const changes = (await app.inject(`/v1/changes?since=${before}&limit=500`)).json().data as {
      kind: string
    }[]
    t.equal(changes[0]?.kind, 'document.removed')
    t.ok(
      changes.some((c) => c.kind === 'task.removed'),
      'its tasks removed',
    )
    const audit = (
      await app.inject({ url: '/v1/audit', headers: { authorization: `Bearer ${secret}` } })
    ).json().data as { action: string; resource: string }[]
    t.equal(audit[0]?.action, 'document.remove', 'on record in the audit log')
  },
)
