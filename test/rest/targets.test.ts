// /v1/targets and /v1/findings over the bundled plan: fields, filters, items and errors.
import t from 'tap'
import { bundledPlanPath, buildTestApp, readPlan, secondPlanPath } from '../helper.js'

type List<T = Record<string, unknown>> = {
  data: T[]
  meta: { total: number; limit: number }
  links: { self: string; next: string | null }
}

interface Target {
  id: string
  sectionId: string | null
  taskIds: string[]
  indicator: string
  value: number | null
  unit: string | null
  deadlineYear: number | null
  progress: unknown
  withdrawn: boolean
}

t.test('targets come with their section, tasks, figures and quote', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/v1/targets')
  t.equal(res.statusCode, 200)
  const list = res.json() as List<Target>
  t.equal(list.meta.total, 19)
  const first = list.data[0]!
  t.same(Object.keys(first).sort(), [
    'baseYear',
    'basis',
    'comparator',
    'deadlineFrom',
    'deadlineYear',
    'documentId',
    'id',
    'indicator',
    'progress',
    'quote',
    'relativeTo',
    'restatedBy',
    'restates',
    'sectionId',
    'source',
    'taskIds',
    'unit',
    'value',
    'valueMax',
    'withdrawn',
  ])
  t.equal(first.progress, null, 'no progress before the first observation')
  t.equal(first.withdrawn, false)
  t.match(first, {
    indicator: '中等职业学校在校生规模',
    comparator: 'gte',
    value: 30000,
    valueMax: null,
    unit: '人',
    deadlineYear: 2025,
    deadlineFrom: 'clause',
    basis: 'total',
    baseYear: null,
    relativeTo: null,
    quote: '中等职业学校在校生规模达到3万人',
    source: { line: 29 },
  })
  const section = await app.inject(`/v1/sections/${first.sectionId}`)
  t.equal(section.json().data.heading, '发展目标')

  const teachers = list.data.find((x) => x.indicator.includes('双师型'))!
  t.equal(teachers.taskIds.length, 1)
  const task = await app.inject(`/v1/tasks/${teachers.taskIds[0]}`)
  t.equal(task.json().data.number, 11, 'the task that restates it')

  const relative = list.data.find((x) => x.value === null)
  t.match(relative, { relativeTo: '在校生数', unit: null, basis: 'perYear' })

  const item = await app.inject(`/v1/targets/${first.id}`)
  t.same(item.json(), { data: first, links: { self: `/v1/targets/${first.id}` } })
})

t.test('targets filter by document, year, unit, section and agency', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const total = async (query: string) => {
    const res = await app.inject(`/v1/targets?${query}`)
    t.equal(res.statusCode, 200, query)
    return (res.json() as List).meta.total
  }
  t.equal(await total(''), 19 + readPlan(secondPlanPath).targets.length)
  t.equal(await total(`document=${encodeURIComponent('新政办〔2023〕17号')}`), 19)
  t.equal(await total('document=doc-unknown'), 0, 'an unknown document matches nothing')
  t.equal(await total(`document=${encodeURIComponent('新政办〔2023〕17号')}&year=2025`), 7)
  t.equal(await total(`document=${encodeURIComponent('新政办〔2023〕17号')}&unit=%25`), 4)
  t.equal(
    await total(`unit=${encodeURIComponent('所')}`),
    4,
    '所 in the bundled plan and the second',
  )

  const bundled = encodeURIComponent('新政办〔2023〕17号')
  const sections = (await app.inject(`/v1/sections?kind=part&document=${bundled}`)).json() as List<{
    id: string
    heading: string
  }>
  const tasksPart = sections.data.find((s) => s.heading === '重点任务')!
  t.equal(await total(`section=${tasksPart.id}`), 15, 'a part holds the targets of its items')
  const item2 = (
    (await app.inject(`/v1/sections?kind=item&number=2&document=${bundled}`)).json() as List<{
      id: string
    }>
  ).data[0]!
  t.equal(await total(`section=${item2.id}`), 3)

  t.equal(
    await total(
      `agency=${encodeURIComponent('市教育局')}&document=${encodeURIComponent('新政办〔2023〕17号')}`,
    ),
    16,
  )
  t.equal(
    await total(
      `agency=${encodeURIComponent('市人社局')}&document=${encodeURIComponent('新政办〔2023〕17号')}`,
    ),
    await total(
      `agency=${encodeURIComponent('市人力资源和社会保障局')}&document=${encodeURIComponent('新政办〔2023〕17号')}`,
    ),
    'an alias filters as the canonical name does',
  )
  t.equal(await total(`agency=${encodeURIComponent('不存在的局')}`), 0)
})

t.test('malformed target filters are 400 problems naming the parameter', async (t) => {
  const app = await buildTestApp(t)
  for (const query of ['year=abc', 'year=20250', 'colour=red', 'limit=0']) {
    const res = await app.inject(`/v1/targets?${query}`)
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.equal(res.json().invalidParams[0].name, query.split('=')[0], query)
  }
  const missing = await app.inject('/v1/targets/target-nothing')
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { status: 404, detail: /target-nothing/ })
})

t.test('findings filter by document, severity and code', async (t) => {
  const plan = readPlan(bundledPlanPath)
  const app = await buildTestApp(t)
  const list = async (query: string) => {
    const res = await app.inject(`/v1/findings?limit=500&${query}`)
    t.equal(res.statusCode, 200, query)
    return res.json() as List<{
      id: string
      severity: string
      code: string
      message: string
      source: { line: number; lines: number[] }
    }>
  }
  const all = await list('')
  t.equal(all.meta.total, plan.findings.length)
  const warnings = await list('severity=warning')
  t.equal(warnings.meta.total, plan.findings.filter((f) => f.severity === 'warning').length)
  t.ok(warnings.data.every((f) => f.severity === 'warning'))
  const phones = await list('code=shared-phone')
  t.same(
    phones.data.map((f) => f.source),
    [
      { line: 164, lines: [164, 169], page: null },
      { line: 165, lines: [165, 170], page: null },
      { line: 166, lines: [166, 171], page: null },
    ],
  )
  t.equal(
    (await list(`document=${encodeURIComponent('新政办〔2023〕17号')}`)).meta.total,
    all.meta.total,
  )
  t.equal((await list('document=doc-unknown')).meta.total, 0)
  const bad = await app.inject('/v1/findings?severity=fatal')
  t.equal(bad.statusCode, 400)
  t.equal(bad.json().invalidParams[0].name, 'severity')
  const one = await app.inject(`/v1/findings/${phones.data[0]!.id}`)
  t.same(one.json().data, phones.data[0])
})
