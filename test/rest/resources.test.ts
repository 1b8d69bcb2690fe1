// The REST list and item routes over the bundled plan: envelopes, filters, paging and errors.
import t from 'tap'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

type List<T = Record<string, unknown>> = {
  data: T[]
  meta: { total: number; limit: number }
  links: { self: string; next: string | null }
}

t.test('list and item envelopes, in UTF-8 JSON with Chinese as it is', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/v1/documents')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.match(res.body, '"number":"新政办〔2023〕17号"', 'not \\u-escaped')
  const list = res.json() as List<{ id: string }>
  t.same(list.meta, { total: 1, limit: 50 })
  t.same(list.links, { self: '/v1/documents', next: null })
  const item = await app.inject(`/v1/documents/${list.data[0]!.id}`)
  t.equal(item.statusCode, 200)
  t.same(item.json().links, { self: `/v1/documents/${list.data[0]!.id}` })
  t.match(item.json().data, {
    number: '新政办〔2023〕17号',
    numberParts: { agencyCode: '新政办', year: 2023, serial: 17 },
    jurisdiction: '新郑市',
    issuedOn: '2023-08-28',
    source: { file: '000_c064bf4d175dcab6.txt', sha256: /^31d0c57d/ },
  })
})

t.test('paging follows links.next and the Link header to the end, without gaps', async (t) => {
  const app = await buildTestApp(t)
  const seen: number[] = []
  let url: string | null = '/v1/tasks?limit=7'
  let pages = 0
  while (url !== null) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200)
    const body = res.json() as List<{ number: number }>
    t.equal(body.meta.total, 29)
    seen.push(...body.data.map((x) => x.number))
    if (body.links.next) t.equal(res.headers.link, `<${body.links.next}>; rel="next"`)
    else t.equal(res.headers.link, undefined)
    url = body.links.next
    pages++
  }
  t.equal(pages, 5)
  t.same(
    seen,
    Array.from({ length: 29 }, (_, i) => i + 1),
  )
})

t.test('task filters: agency by id, name or alias; item by id or number; text', async (t) => {
  const app = await buildTestApp(t)
  const numbers = async (query: string) => {
    const res = await app.inject(`/v1/tasks?limit=500&${query}`)
    t.equal(res.statusCode, 200, query)
    return (res.json() as List<{ number: number }>).data.map((x) => x.number)
  }
  const byAlias = await numbers(`agency=${encodeURIComponent('市人社局')}`)
  t.equal(byAlias.length, 24)
  t.same(await numbers(`agency=${encodeURIComponent('市人力资源和社会保障局')}`), byAlias)
  const agency = (await app.inject(`/v1/agencies?name=${encodeURIComponent('市人社局')}`)).json()
  t.same(await numbers(`agency=${agency.data[0].id}`), byAlias)
  t.same(
    await numbers(`agency=${encodeURIComponent('各乡镇(街道、管委会)')}`),
    [6, 16, 21, 22, 23, 26, 27, 28, 29],
  )
  t.same(await numbers('item=9'), [15, 16])
  const item9 = (await app.inject('/v1/sections?kind=item&number=9')).json().data[0].id
  t.same(await numbers(`item=${item9}`), [15, 16])
  t.same(await numbers(`q=${encodeURIComponent('智慧')}`), [13])
  t.same(
    await numbers(`agency=${encodeURIComponent('市总工会')}&q=${encodeURIComponent('活动周')}`),
    [29],
  )
  t.same(await numbers('agency=nobody'), [], 'an unknown agency is an empty list')

  const task = (await app.inject('/v1/tasks?limit=1')).json().data[0]
  t.same(task.agencies, [
    { id: task.agencies[0].id, name: '市教育局', asWritten: '市教育局', role: 'responsible' },
    {
      id: agency.data[0].id,
      name: '市人力资源和社会保障局',
      asWritten: '市人社局',
      role: 'responsible',
    },
  ])
  t.equal(task.sectionId, null, 'a row of the task table')
  t.equal(task.due, null)
  t.same(task.items, [item9.replace(/i9$/, 'i2')])
  t.same(task.source, { line: 120, page: null }, 'a text has lines, no pages')
})

t.test('section filters: document, kind, number, parent', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const get = async (query: string) =>
    (await app.inject(`/v1/sections?limit=500&${query}`)).json() as List<{
      id: string
      kind: string
      number: number
      parentId: string | null
      heading: string
    }>
  t.equal((await get('kind=part')).meta.total, 7)
  const doc = encodeURIComponent('新政办〔2023〕17号')
  t.equal((await get(`document=${doc}&kind=part`)).meta.total, 3, 'document by 发文字号')
  t.equal((await get(`document=${doc}&kind=chapter`)).meta.total, 7)
  t.equal((await get(`document=${doc}&kind=item`)).meta.total, 23)
  const part3 = (await get(`document=${doc}&kind=part&number=3`)).data[0]!
  t.equal(part3.heading, '保障措施')
  t.same(
    (await get(`parent=${part3.id}`)).data.map((s) => s.number),
    [19, 20, 21, 22, 23],
  )
  const item = (await app.inject(`/v1/sections/${part3.id.replace(/p3$/, 'i20')}`)).json().data
  t.match(item, {
    kind: 'item',
    label: '20.',
    number: 20,
    parentId: part3.id,
    source: { startLine: 101, endLine: 103 },
  })
  t.match(item.text, /^建立联席会议制度，加强统筹协同。建立职业教育创新发展协调推进机制/)
})

t.test('agency filters and fields', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const get = async (query: string) => (await app.inject(`/v1/agencies?limit=500&${query}`)).json()
  const finance = await get(`name=${encodeURIComponent('市财政局')}`)
  t.equal(finance.meta.total, 2, 'a name in two jurisdictions matches both')
  const doc = encodeURIComponent('新政办〔2023〕17号')
  const narrowed = await get(`name=${encodeURIComponent('市财政局')}&document=${doc}`)
  t.same(
    narrowed.data.map((a: { jurisdiction: string }) => a.jurisdiction),
    ['新郑市'],
  )
  const hr = (await get(`name=${encodeURIComponent('市人社局')}&document=${doc}`)).data[0]
  t.same(hr, {
    id: hr.id,
    jurisdiction: '新郑市',
    name: '市人力资源和社会保障局',
    aliases: ['市人社局'],
    kind: 'agency',
    duties:
      '负责全市人力资源和社会保障工作，包括就业促进、职业技能培训、劳动关系协调、社会保险经办等。',
    lead: '李局长',
    phone: '987654321',
    taskCount: 24,
  })
  const collective = await get(`kind=collective&document=${doc}`)
  t.equal(collective.meta.total, 4)
  t.equal((await get(`document=${doc}`)).meta.total, 25)
  const noTasks = (await get(`name=${encodeURIComponent('市审计局')}`)).data[0]
  t.match(noTasks, { taskCount: 0, phone: '889900112' })
  const item = await app.inject(`/v1/agencies/${hr.id}`)
  t.same(item.json().data, hr)
})

t.test('bad requests are 4xx problem+json that name the parameter', async (t) => {
  const app = await buildTestApp(t)
  const cases: [string, number, string][] = [
    ['/v1/tasks?limit=0', 400, 'limit'],
    ['/v1/tasks?limit=501', 400, 'limit'],
    ['/v1/tasks?limit=ten', 400, 'limit'],
    ['/v1/tasks?agnecy=x', 400, 'agnecy'],
    ['/v1/tasks?cursor=bm90LWEtY3Vyc29y', 400, 'cursor'],
    ['/v1/tasks?cursor=WzFd', 400, 'cursor'],
    ['/v1/sections?kind=article', 400, 'kind'],
    ['/v1/sections?number=-1', 400, 'number'],
    ['/v1/agencies?kind=person', 400, 'kind'],
    ['/v1/tasks?q=', 400, 'q'],
  ]
  for (const [url, status, parameter] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, status, url)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', url)
    const body = res.json()
    t.match(body, {
      type: '/problems/invalid-parameter',
      title: 'Bad Request',
      status,
      detail: String,
    })
    t.equal(body.invalidParams[0].name, parameter, url)
    t.notMatch(res.body, /at .*\.(ts|js):\d+/, 'no stack trace')
  }
  for (const url of ['/v1/tasks/task-000000000000-1', '/v1/agencies/x', '/v1/nothing']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.json(), { type: '/problems/not-found', status: 404, instance: url })
  }
  const badUrl = await app.inject('/v1/tasks/%E0%A4%A')
  t.equal(badUrl.statusCode, 400)
  t.equal(badUrl.headers['content-type'], 'application/problem+json; charset=utf-8')
})

t.test('health and readiness', async (t) => {
  const { db } = tempDatabase(t)
  const app = await buildTestApp(t, { db })
  t.same((await app.inject('/healthz')).json(), { status: 'ok' })
  t.same((await app.inject('/readyz')).json(), { status: 'ready' })
  db.close()
  const closed = await app.inject('/readyz')
  t.equal(closed.statusCode, 503)
  t.match(closed.json(), { type: '/problems/not-ready', status: 503 })
  t.same((await app.inject('/healthz')).json(), { status: 'ok' }, 'the process is still alive')
})

t.test('an item route refuses parameters it does not take, as lists do', async (t) => {
  const app = await buildTestApp(t)
  const list = await app.inject('/v1/tasks?limit=1')
  const id = list.json().data[0].id as string
  const plain = await app.inject(`/v1/tasks/${id}`)
  t.equal(plain.statusCode, 200)
  for (const path of ['tasks', 'sections', 'agencies', 'targets', 'findings', 'documents']) {
    const first = (await app.inject(`/v1/${path}?limit=1`)).json().data[0].id as string
    const res = await app.inject(`/v1/${path}/${first}?x=1`)
    t.equal(res.statusCode, 400, path)
    t.match(res.json(), {
      invalidParams: [{ name: 'x', reason: 'is not a parameter of this route' }],
    })
  }
})
