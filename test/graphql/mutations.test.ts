// Progress writes over GraphQL: the REST rules, the same token, errors with REST's status and a
// code, and the writes read back through Target.observations, progress and Task.statusHistory.
import t, { type Test } from 'tap'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

async function setup(t: Test, writeMax = 1000) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store, writeRateLimit: { max: writeMax, windowMs: 60_000 } })
  const target = [...store.eachTarget({})].find((g) => g.taskIds.length > 0 && g.value !== null)!
  const task = store.getTask(target.taskIds[0]!)!
  const agencyToken = createToken(db, {
    role: 'agency',
    agencyId: task.agencies[0]!.id,
    label: 'x',
  }).secret
  const outsider = [...store.eachAgency({})].find((a) => !task.agencies.some((u) => u.id === a.id))!
  const outsiderToken = createToken(db, {
    role: 'agency',
    agencyId: outsider.id,
    label: 'y',
  }).secret
  const run = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    // Answers are read by path in the assertions below, which fail on any shape but the right one.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.statusCode, ...(res.json() as { data: any; errors?: unknown[] }) }
  }
  return { app, store, target, task, agencyToken, outsiderToken, run }
}

const REPORT = `mutation ($id: ID!, $input: ObservationInput!) {
  reportObservation(targetId: $id, input: $input) {
    id value observedOn reportedBy target { id progress { latestValue share onTrack } }
  }
}`

t.test('reportObservation: the token decides, errors carry status and code', async (t) => {
  const { target, task, agencyToken, outsiderToken, run } = await setup(t)
  const input = { value: target.value! / 2, observedOn: '2024-06-30', note: '过半' }
  const none = await run(REPORT, { id: target.id, input })
  t.equal(none.status, 401)
  t.match(none.errors, [{ extensions: { code: 'UNAUTHENTICATED' } }])
  const outside = await run(REPORT, { id: target.id, input }, outsiderToken)
  t.equal(outside.status, 403)
  t.match(outside.errors, [{ extensions: { code: 'FORBIDDEN' } }])
  const invalid = await run(
    REPORT,
    { id: target.id, input: { ...input, observedOn: '2024-13-01' } },
    agencyToken,
  )
  t.equal(invalid.status, 422)
  t.match(invalid.errors, [
    { extensions: { code: 'BAD_USER_INPUT', invalidParams: [{ name: 'observedOn' }] } },
  ])
  const missing = await run(REPORT, { id: 'target-none', input }, agencyToken)
  t.equal(missing.status, 404)

  const done = await run(REPORT, { id: target.id, input }, agencyToken)
  t.equal(done.status, 200)
  t.match(done.data.reportObservation, {
    value: target.value! / 2,
    observedOn: '2024-06-30',
    reportedBy: task.agencies[0]!.id,
    target: { id: target.id, progress: { latestValue: target.value! / 2, share: 0.5 } },
  })
  const read = await run(
    `query ($id: ID!) { node(id: $id) { ... on Target { progress { observedOn }
       observations { totalCount nodes { id note target { id } } } } } }`,
    { id: target.id },
  )
  t.equal(read.data.node.progress.observedOn, '2024-06-30')
  t.match(read.data.node.observations, {
    totalCount: 1,
    nodes: [{ id: done.data.reportObservation.id, note: '过半', target: { id: target.id } }],
  })
})

t.test('setTaskStatus takes Task.etag, and refuses a stale one with 412', async (t) => {
  const { app, task, agencyToken, run } = await setup(t)
  const SET = `mutation ($id: ID!, $status: TaskStatus!, $ifMatch: String!) {
    setTaskStatus(taskId: $id, status: $status, note: "进行中", ifMatch: $ifMatch) {
      status etag statusHistory { totalCount nodes { status note setBy } }
    }
  }`
  const etag = (
    await run('query ($id: ID!) { node(id: $id) { ... on Task { etag } } }', { id: task.id })
  ).data.node.etag
  t.equal(etag, (await app.inject(`/v1/tasks/${task.id}`)).headers.etag, 'the ETag REST gives')
  const set = await run(SET, { id: task.id, status: 'in_progress', ifMatch: etag }, agencyToken)
  t.equal(set.status, 200)
  t.match(set.data.setTaskStatus, {
    status: 'in_progress',
    statusHistory: { totalCount: 1, nodes: [{ status: 'in_progress', note: '进行中' }] },
  })
  t.not(set.data.setTaskStatus.etag, etag)
  const stale = await run(SET, { id: task.id, status: 'done', ifMatch: etag }, agencyToken)
  t.equal(stale.status, 412)
  t.match(stale.errors, [{ extensions: { code: 'PRECONDITION_FAILED' } }])
})

t.test('mutations are limited per token', async (t) => {
  const { target, agencyToken, outsiderToken, run } = await setup(t, 2)
  const input = { value: 1, observedOn: '2024-01-01' }
  const statuses = []
  for (let i = 0; i < 3; i++)
    statuses.push((await run(REPORT, { id: target.id, input }, agencyToken)).status)
  t.same(statuses, [200, 200, 429])
  const other = await run(REPORT, { id: target.id, input }, outsiderToken)
  t.equal(other.status, 403, 'another token has its own allowance, and meets its own scope')
})
