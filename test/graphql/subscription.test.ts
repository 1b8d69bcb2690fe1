// progressReported over a real WebSocket: a dashboard sees each write, REST's and GraphQL's,
// once it is on disk.
import t from 'tap'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'
import { subscribe } from './ws-client.js'

t.test('a subscriber sees every write once it is on disk', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const target = [...store.eachTarget({})][0]!
  const task = [...store.eachTask({})][0]!

  const live = subscribe(
    `${address.replace('http', 'ws')}/graphql`,
    `subscription { progressReported { kind targetId taskId
       observation { value observedOn target { id } } statusChange { status setBy } } }`,
  )
  t.teardown(() => live.socket.close())
  await live.ready
  const post = (value: number, observedOn: string) =>
    fetch(`${address}/v1/targets/${target.id}/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value, observedOn }),
    })
  // Answered once the server has read the subscription, which it then holds.
  await live.settled()
  const nextWrite = async () =>
    (await live.next('next')) as {
      payload: { data: { progressReported: { observation: { value: number } | null } } }
    }

  const rest = await post(7, '2024-03-31')
  t.equal(rest.status, 201)
  const first = await nextWrite()
  t.same(first.payload.data, {
    progressReported: {
      kind: 'observation',
      targetId: target.id,
      taskId: null,
      observation: { value: 7, observedOn: '2024-03-31', target: { id: target.id } },
      statusChange: null,
    },
  })

  const etag = (await fetch(`${address}/v1/tasks/${task.id}`)).headers.get('etag')!
  const mutation = await fetch(`${address}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($id: ID!, $tag: String!) {
        setTaskStatus(taskId: $id, status: done, ifMatch: $tag) { status } }`,
      variables: { id: task.id, tag: etag },
    }),
  })
  t.equal(mutation.status, 200)
  const second = await nextWrite()
  t.same(second.payload.data, {
    progressReported: {
      kind: 'status',
      targetId: null,
      taskId: task.id,
      observation: null,
      statusChange: { status: 'done', setBy: 'admin' },
    },
  })

  // A refused write announces nothing: the next event is the next accepted write.
  t.equal((await post(1, '2024-02-30')).status, 422)
  await post(9, '2024-04-30')
  const third = await nextWrite()
  t.equal(third.payload.data.progressReported.observation!.value, 9)
})
