// The rate limit counts clients: a request with a valid token counts against its token wherever
// it comes from, one without (or with a made-up token) against its address.
import t from 'tap'
import { createToken, revokeToken } from '../../src/store/tokens.js'
import { bundledPlanPath, tempDatabase, buildTestApp } from '../helper.js'

t.test('per token when there is a valid one, else per address', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, rateLimit: { max: 3, windowMs: 60_000 } })
  const token = (label: string) => createToken(db, { role: 'admin', agencyId: null, label }).secret
  const first = token('first')
  const second = token('second')
  const get = (remoteAddress: string, secret?: string) =>
    app.inject({
      url: '/v1/documents',
      remoteAddress,
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    })

  const remaining = async (remoteAddress: string, secret?: string) => {
    const res = await get(remoteAddress, secret)
    return res.statusCode === 429 ? 'refused' : res.headers['x-ratelimit-remaining']
  }
  t.same(
    [await remaining('10.0.0.1'), await remaining('10.0.0.1'), await remaining('10.0.0.1')],
    ['2', '1', '0'],
    'an address counts down',
  )
  t.equal(await remaining('10.0.0.1'), 'refused')
  t.equal(await remaining('10.0.0.1', 'made-up'), 'refused', 'a made-up token buys nothing')
  t.equal(await remaining('10.0.0.1', first), '2', 'a valid token has its own allowance')
  t.equal(await remaining('10.0.0.2', first), '1', 'which follows it to another address')
  t.equal(await remaining('10.0.0.3', first), '0')
  t.equal(await remaining('10.0.0.4', first), 'refused')
  t.equal(await remaining('10.0.0.4'), '2', 'while that address has its own')
  t.equal(await remaining('10.0.0.1', second), '2', 'and each token its own')

  const refused = await get('10.0.0.4', first)
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(refused.json(), { type: '/problems/too-many-requests', status: 429 })
  t.ok(Number(refused.headers['retry-after']) > 0)
  t.equal(refused.headers['x-ratelimit-limit'], '3')
  t.ok(Number(refused.headers['x-ratelimit-reset']) > 0)

  const revoked = createToken(db, { role: 'admin', agencyId: null, label: 'revoked' })
  t.equal(await remaining('10.0.0.1', revoked.secret), '2')
  revokeToken(db, revoked.record.tokenId)
  t.equal(
    await remaining('10.0.0.1', revoked.secret),
    'refused',
    'a revoked one counts as its address',
  )
})

t.test('paths no route serves count against the limit too', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, rateLimit: { max: 2, windowMs: 60_000 } })
  const statuses: number[] = []
  for (const path of ['/probe/a', '/probe/b', '/probe/c', '/v1/documents']) {
    statuses.push((await app.inject({ url: path, remoteAddress: '10.1.0.1' })).statusCode)
  }
  t.same(statuses, [404, 404, 429, 429], 'probing for URLs is not free')
})
