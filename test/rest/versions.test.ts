// Versions of a re-ingested plan: a changed text adds one and keeps the one before; the diff
// names what the amendment changed, field by field, and a target whose figure changed keeps its
// id and so its reports.
import t from 'tap'
import { openDatabase } from '../../src/store/database.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { createToken, principalOf } from '../../src/store/tokens.js'
import { amendedBundledText } from '../amended-plan.js'
import { buildTestApp, bundledPlanPath, parseText, readPlan, tempDatabase } from '../helper.js'

interface Version {
  version: number
  current: boolean
  sourceSha256: string
}
interface Diff {
  tasks: Changes
  targets: Changes
  sections: Changes
}
interface Changes {
  added: { id: string }[]
  removed: { id: string }[]
  changed: { id: string; fields: { field: string; from: unknown; to: unknown }[] }[]
}

t.test('a changed text adds a version; the diff says what changed', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })
  const ingest = openDatabase(path)
  t.teardown(() => ingest.close())
  const plan = readPlan(bundledPlanPath)
  const id = (await app.inject('/v1/documents')).json().data[0].id as string
  const versions = async () =>
    (await app.inject(`/v1/documents/${id}/versions`)).json().data as Version[]
  t.same(
    (await versions()).map((v) => [v.version, v.current]),
    [[1, true]],
  )

  loadDocuments(ingest, [readPlan(bundledPlanPath)])
  await new Promise(setImmediate)
  t.equal((await versions()).length, 1, 'the same text again adds no version')

  const firstTarget = [...store.eachTarget({ document: id })][0]!
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 't' }).secret,
  )!
  store.addObservation(admin, firstTarget.id, { value: 1, observedOn: '2024-12-31' })

  loadDocuments(ingest, [parseText(amendedBundledText(5), 'amended.txt')])
  await new Promise(setImmediate)
  const two = await versions()
  t.same(
    two.map((v) => [v.version, v.current]),
    [
      [1, false],
      [2, true],
    ],
    'an amended text is v2',
  )
  t.not(two[0]!.sourceSha256, two[1]!.sourceSha256)

  const diff = (await app.inject(`/v1/documents/${id}/versions/1/diff/2`)).json().data as Diff
  const firstTask = diff.tasks.changed.find((c) => c.id.endsWith(`-${plan.tasks[0]!.number}`))
  const text = firstTask?.fields.find((f) => f.field === 'text')
  t.ok(text, 'the first task’s text changed')
  t.match(String(text?.to), '第5次修订', 'to the amended wording')
  t.ok(
    diff.tasks.removed.some((r) => r.id.endsWith(`-${plan.tasks.at(-1)!.number}`)),
    'the last task removed',
  )
  const value = diff.targets.changed
    .find((c) => c.id === firstTarget.id)
    ?.fields.find((f) => f.field === 'value')
  const amended = parseText(amendedBundledText(5), 'amended.txt').targets[0]!
  t.not(amended.value, firstTarget.value, 'the amendment changes the figure')
  t.same(
    value && [value.from, value.to],
    [firstTarget.value, amended.value],
    'the first target’s figure, from and to',
  )
  const reports = (await app.inject(`/v1/targets/${firstTarget.id}/observations`)).json().data
  t.equal(reports.length, 1, 'and it keeps its report')

  const back = (await app.inject(`/v1/documents/${id}/versions/2/diff/1`)).json().data as Diff
  t.same(
    back.tasks.added.map((r) => r.id),
    diff.tasks.removed.map((r) => r.id),
    'the diff backwards adds what forwards removed',
  )
  const same = (await app.inject(`/v1/documents/${id}/versions/2/diff/2`)).json().data as Diff
  t.same(
    [same.tasks, same.targets, same.sections].map(
      (c) => c.added.length + c.removed.length + c.changed.length,
    ),
    [0, 0, 0],
    'a version against itself: nothing',
  )
})

t.test('unknown documents and versions are 404s, bad numbers 400s', async (t) => {
  const app = await buildTestApp(t)
  const id = (await app.inject('/v1/documents')).json().data[0].id as string
  for (const [path, status] of [
    [`/v1/documents/doc-000000000000/versions`, 404],
    [`/v1/documents/${id}/versions/1/diff/2`, 404],
    [`/v1/documents/${id}/versions/0/diff/1`, 400],
    [`/v1/documents/${id}/versions/x/diff/1`, 400],
  ] as const) {
    const res = await app.inject(path)
    t.equal(res.statusCode, status, path)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
})
