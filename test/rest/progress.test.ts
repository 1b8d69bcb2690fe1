// Progress writes over REST: tokens, the scope of each agency, If-Match, invalid values, the
// audit log, and reading it all back as JSON and CSV.
import { parse as parseCsv } from 'csv-parse/sync'
import t, { type Test } from 'tap'
import { Store, type TaskRecord, type TargetRecord } from '../../src/store/index.js'
import { createToken, revokeToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

async function setup(t: Test, writeMax = 1000) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store, writeRateLimit: { max: writeMax, windowMs: 60_000 } })
  const tasks = [...store.eachTask({})]
  const targets = [...store.eachTarget({})]
  const agencies = [...store.eachAgency({})]
  const tokenOf = (agencyId: string) =>
    createToken(db, { role: 'agency', agencyId, label: agencyId }).secret
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  return { db, store, app, tasks, targets, agencies, tokenOf, admin }
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })

/** A target some task restates, one of its responsible agencies, and an agency of none. */
function linkedTarget(targets: TargetRecord[], tasks: TaskRecord[]) {
  const target = targets.find((g) => g.taskIds.length > 0)!
  const units = new Set(
    tasks.filter((k) => target.taskIds.includes(k.id)).flatMap((k) => k.agencies.map((a) => a.id)),
  )
  return { target, responsible: [...units][0]!, units }
}

t.test('an observation needs a valid token of a responsible agency', async (t) => {
  const { db, app, tasks, targets, agencies, tokenOf, admin } = await setup(t)
  const { target, responsible, units } = linkedTarget(targets, tasks)
  const outsider = agencies.find((a) => !units.has(a.id))!
  const url = `/v1/targets/${target.id}/observations`
  const body = { value: 1, observedOn: '2024-06-30', note: '上半年' }

  const none = await app.inject({ method: 'POST', url, payload: body })
  t.equal(none.statusCode, 401)
  t.match(none.headers['www-authenticate'], /^Bearer/)
  t.equal(none.headers['content-type'], 'application/problem+json; charset=utf-8')
  const wrong = await app.inject({ method: 'POST', url, payload: body, headers: bearer('plan_x') })
  t.equal(wrong.statusCode, 401)
  const outside = await app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: bearer(tokenOf(outsider.id)),
  })
  t.equal(outside.statusCode, 403)

  const secret = tokenOf(responsible)
  const created = await app.inject({ method: 'POST', url, payload: body, headers: bearer(secret) })
  t.equal(created.statusCode, 201)
  const observation = created.json().data
  t.match(observation, { targetId: target.id, value: 1, observedOn: '2024-06-30', note: '上半年' })
  t.equal(observation.reportedBy, responsible)
  t.equal(created.headers.location, `${url}/${observation.id}`)
  t.same((await app.inject(created.headers.location as string)).json().data, observation)

  const byAdmin = await app.inject({
    method: 'POST',
    url,
    payload: { value: 3, observedOn: '2025-06-30' },
    headers: bearer(admin),
  })
  t.equal(byAdmin.json().data.reportedBy, 'admin')

  const revoked = createToken(db, { role: 'agency', agencyId: responsible, label: 'x' })
  revokeToken(db, revoked.record.tokenId)
  const afterRevoke = await app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: bearer(revoked.secret),
  })
  t.equal(afterRevoke.statusCode, 401, 'a revoked token writes nothing')

  const list = (await app.inject(url)).json()
  t.same(
    list.data.map((o: { value: number }) => o.value),
    [3, 1],
    'newest first by the date they hold for',
  )
  const csv = await app.inject(`${url}.csv`)
  t.equal(csv.statusCode, 200)
  const rows = parseCsv(csv.body, { columns: true, bom: true }) as Record<string, string>[]
  t.same(
    rows.map((r) => r.value),
    ['3', '1'],
  )
  t.equal((await app.inject(`/v1/targets/${target.id}`)).statusCode, 200)
})

t.test('a target no task restates takes an administrator’s observations only', async (t) => {
  const { app, targets, agencies, tokenOf, admin } = await setup(t)
  const lone = targets.find((g) => g.taskIds.length === 0)
  if (!lone) return t.fail('the bundled plan has a target no task restates')
  const url = `/v1/targets/${lone.id}/observations`
  const payload = { value: 1, observedOn: '2024-01-01' }
  for (const agency of agencies) {
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: bearer(tokenOf(agency.id)),
    })
    if (res.statusCode !== 403) return t.fail(`${agency.name} wrote on ${lone.id}`)
  }
  t.pass('no agency may write')
  const res = await app.inject({ method: 'POST', url, payload, headers: bearer(admin) })
  t.equal(res.statusCode, 201)
})

t.test('invalid values are 422 and name the field; broken JSON is 400', async (t) => {
  const { app, tasks, targets, tokenOf } = await setup(t)
  const { target, responsible } = linkedTarget(targets, tasks)
  const url = `/v1/targets/${target.id}/observations`
  const headers = bearer(tokenOf(responsible))
  const cases: [unknown, string][] = [
    [{ value: 1, observedOn: '2023-02-30' }, 'observedOn'],
    [{ value: 1, observedOn: '2999-01-01' }, 'observedOn'],
    [{ value: 1, observedOn: '30/06/2024' }, 'observedOn'],
    [{ value: 'many', observedOn: '2024-01-01' }, 'value'],
    [{ observedOn: '2024-01-01' }, 'value'],
    [{ value: 1, observedOn: '2024-01-01', evidenceUrl: 'ftp://x.example/a' }, 'evidenceUrl'],
    [{ value: 1, observedOn: '2024-01-01', colour: 'red' }, 'colour'],
    [{ value: 1, observedOn: '2024-01-01', note: 'x'.repeat(2001) }, 'note'],
  ]
  for (const [payload, field] of cases) {
    const res = await app.inject({ method: 'POST', url, payload: payload as object, headers })
    t.equal(res.statusCode, 422, JSON.stringify(payload))
    t.match(res.json().invalidParams, [{ name: field }], field)
  }
  const broken = await app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: '{"value": ',
  })
  t.equal(broken.statusCode, 400)
  const unknown = await app.inject({
    method: 'POST',
    url: '/v1/targets/target-none/observations',
    payload: { value: 1, observedOn: '2024-01-01' },
    headers,
  })
  t.equal(unknown.statusCode, 404)
  t.equal((await app.inject(url)).json().meta.total, 0, 'nothing refused was written')
})

t.test('a status change needs the task’s current ETag in If-Match', async (t) => {
  const { app, tasks, tokenOf } = await setup(t)
  const task = tasks[0]!
  const headers = bearer(tokenOf(task.agencies[0]!.id))
  const url = `/v1/tasks/${task.id}/status`
  const read = await app.inject(`/v1/tasks/${task.id}`)
  const etag = read.headers.etag as string
  t.equal(read.json().data.status, 'not_started')

  const missing = await app.inject({ method: 'PUT', url, payload: { status: 'done' }, headers })
  t.equal(missing.statusCode, 428)
  const stale = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'done' },
    headers: { ...headers, 'if-match': '"stale"' },
  })
  t.equal(stale.statusCode, 412)
  const weak = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'done' },
    headers: { ...headers, 'if-match': `W/${etag}` },
  })
  t.equal(weak.statusCode, 412, 'a weak tag never matches If-Match')

  const changed = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'in_progress', note: '已启动' },
    headers: { ...headers, 'if-match': etag },
  })
  t.equal(changed.statusCode, 200)
  t.equal(changed.json().data.status, 'in_progress')
  const newTag = changed.headers.etag as string
  t.not(newTag, etag)
  const reread = await app.inject(`/v1/tasks/${task.id}`)
  t.equal(reread.headers.etag, newTag, 'the answer’s ETag is the one GET gives')
  t.equal(reread.json().data.status, 'in_progress')

  const again = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'done' },
    headers: { ...headers, 'if-match': etag },
  })
  t.equal(again.statusCode, 412, 'the old tag is stale now')
  const gzipTag = newTag.replace(/"$/, '-gzip"')
  const done = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'done' },
    headers: { ...headers, 'if-match': gzipTag },
  })
  t.equal(done.statusCode, 200, 'the tag of a compressed copy names the same task')

  const bad = await app.inject({
    method: 'PUT',
    url,
    payload: { status: 'finished' },
    headers: { ...headers, 'if-match': '*' },
  })
  t.equal(bad.statusCode, 422)
  const history = (await app.inject(`/v1/tasks/${task.id}/status-history`)).json()
  t.same(
    history.data.map((c: { status: string }) => c.status),
    ['done', 'in_progress'],
  )
  const csv = await app.inject(`/v1/tasks/${task.id}/status-history.csv`)
  t.match(csv.body, /^taskId,status,note,setBy,setAt\r\n/)
  const get = await app.inject(url)
  t.equal(get.statusCode, 405)
  t.equal(get.headers.allow, 'PUT, OPTIONS')
})

t.test('every token writes exactly where its agency is a responsible unit', async (t) => {
  const { app, tasks, targets, agencies, tokenOf } = await setup(t)
  let allowed = 0
  let refused = 0
  for (const agency of agencies) {
    const headers = bearer(tokenOf(agency.id))
    for (const task of tasks) {
      // A stale If-Match: past the scope check it fails as 412, so nothing is written.
      const res = await app.inject({
        method: 'PUT',
        url: `/v1/tasks/${task.id}/status`,
        payload: { status: 'done' },
        headers: { ...headers, 'if-match': '"stale"' },
      })
      const responsible = task.agencies.some((a) => a.id === agency.id)
      if (res.statusCode !== (responsible ? 412 : 403)) {
        return t.fail(`${agency.name} on task ${task.number}: ${res.statusCode}`)
      }
      if (responsible) allowed++
      else refused++
    }
    for (const target of targets) {
      // An impossible date: past the scope check it fails as 422.
      const res = await app.inject({
        method: 'POST',
        url: `/v1/targets/${target.id}/observations`,
        payload: { value: 1, observedOn: '2023-02-30' },
        headers,
      })
      const responsible = tasks.some(
        (k) => target.taskIds.includes(k.id) && k.agencies.some((a) => a.id === agency.id),
      )
      if (res.statusCode !== (responsible ? 422 : 403)) {
        return t.fail(`${agency.name} on target ${target.indicator}: ${res.statusCode}`)
      }
    }
  }
  t.ok(allowed > 0 && refused > 0, `${allowed} allowed and ${refused} refused task writes`)
})

t.test('the audit log: administrators only, newest first, before and after', async (t) => {
  const { app, tasks, tokenOf, admin } = await setup(t)
  const task = tasks[1]!
  const agencyToken = tokenOf(task.agencies[0]!.id)
  const etag = (await app.inject(`/v1/tasks/${task.id}`)).headers.etag as string
  await app.inject({
    method: 'PUT',
    url: `/v1/tasks/${task.id}/status`,
    payload: { status: 'at_risk' },
    headers: { ...bearer(agencyToken), 'if-match': etag },
  })
  t.equal((await app.inject('/v1/audit')).statusCode, 401)
  t.equal((await app.inject({ url: '/v1/audit', headers: bearer(agencyToken) })).statusCode, 403)
  const log = await app.inject({ url: '/v1/audit', headers: bearer(admin) })
  t.equal(log.statusCode, 200)
  t.equal(log.headers['cache-control'], 'private, no-store')
  t.match(log.json().data, [
    {
      actor: task.agencies[0]!.id,
      action: 'task.status',
      resource: task.id,
      before: null,
      after: { status: 'at_risk' },
    },
  ])
})

t.test('writes are limited per token', async (t) => {
  const { app, tasks, targets, tokenOf } = await setup(t, 2)
  const { target, responsible } = linkedTarget(targets, tasks)
  const url = `/v1/targets/${target.id}/observations`
  const payload = { value: 1, observedOn: '2024-01-01' }
  const one = bearer(tokenOf(responsible))
  const statuses = []
  for (let i = 0; i < 3; i++) {
    statuses.push((await app.inject({ method: 'POST', url, payload, headers: one })).statusCode)
  }
  t.same(statuses, [201, 201, 429])
  const other = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: bearer(tokenOf(responsible)),
  })
  t.equal(other.statusCode, 201, 'another token has its own allowance')
})

t.test('one allowance per token covers REST POST and PUT and GraphQL mutations', async (t) => {
  const { app, tasks, targets, tokenOf } = await setup(t, 3)
  const { target, responsible } = linkedTarget(targets, tasks)
  const task = tasks.find((k) => k.agencies.some((a) => a.id === responsible))!
  const one = bearer(tokenOf(responsible))
  const observation = { value: 1, observedOn: '2024-01-01' }
  const rest = () =>
    app.inject({
      method: 'POST',
      url: `/v1/targets/${target.id}/observations`,
      payload: observation,
      headers: one,
    })
  const post = await rest()
  t.equal(post.statusCode, 201)
  t.equal(post.headers['x-ratelimit-limit'], '3', 'the headers tell the write allowance')
  t.equal(post.headers['x-ratelimit-remaining'], '2')
  const etag = (await app.inject(`/v1/tasks/${task.id}`)).headers.etag as string
  const put = await app.inject({
    method: 'PUT',
    url: `/v1/tasks/${task.id}/status`,
    payload: { status: 'in_progress' },
    headers: { ...one, 'if-match': etag },
  })
  t.equal(put.statusCode, 200)
  t.equal(put.headers['x-ratelimit-remaining'], '1', 'a PUT spends the POST’s allowance')
  const mutation =
    'mutation ($id: ID!, $input: ObservationInput!) { reportObservation(targetId: $id, input: $input) { value } }'
  const graphql = () =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: mutation, variables: { id: target.id, input: observation } },
      headers: one,
    })
  const third = await graphql()
  t.equal(third.statusCode, 200, 'the third write of the window, over GraphQL')
  const fourth = await graphql()
  t.equal(fourth.statusCode, 429, 'a fourth is refused, whichever protocol carries it')
  t.match(fourth.json().errors, [{ extensions: { code: 'RATE_LIMITED' } }])
  t.ok(Number(fourth.headers['retry-after']) > 0, 'with Retry-After')
  const fifth = await rest()
  t.equal(fifth.statusCode, 429)
  t.equal(fifth.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(fifth.json(), { status: 429, detail: /more than 3 writes with this token/ })
  const read = await app.inject({ url: `/v1/targets/${target.id}`, headers: one })
  t.equal(read.statusCode, 200, 'reads are not writes: their own limit')
})

t.test('a write changes the ETags of what it changes, so no cache serves the old', async (t) => {
  const { app, tasks, targets, admin } = await setup(t)
  const { target } = linkedTarget(targets, tasks)
  const urls = [
    '/v1/targets.csv',
    `/v1/targets/${target.id}`,
    '/v1/targets',
    `/v1/targets/${target.id}/observations.csv`,
  ]
  for (const [i, url] of urls.entries()) {
    const first = await app.inject(url)
    const again = await app.inject({ url, headers: { 'if-none-match': first.headers.etag! } })
    t.equal(again.statusCode, 304, `${url} revalidates before the write (${i})`)
  }
  const before = await Promise.all(urls.map(async (url) => (await app.inject(url)).headers.etag))
  const write = await app.inject({
    method: 'POST',
    url: `/v1/targets/${target.id}/observations`,
    payload: { value: 5, observedOn: '2024-06-30' },
    headers: bearer(admin),
  })
  t.equal(write.statusCode, 201)
  for (const [i, url] of urls.entries()) {
    const res = await app.inject({ url, headers: { 'if-none-match': before[i] as string } })
    t.equal(res.statusCode, 200, `${url} is served anew`)
    t.not(res.headers.etag, before[i], `${url} has a new tag`)
  }
})
