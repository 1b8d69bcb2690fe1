// Plans as they are published, served: a document with no 发文字号, tasks stated in the body with
// their units' roles and deadlines, targets with where their year came from, and the same in
// GraphQL and CSV.
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'
import { buildTestApp } from '../helper.js'
import { data } from '../graphql/client.js'

const genre = (file: string) => join(projectRoot, 'test', 'fixtures', 'genre', 'tuning', file)
// 庄浪县: no 发文字号, no notice, units stated per item. 株洲市: a task table with 完成时限.
const PLANS = [genre('t07-sheshi-nongye.txt'), genre('t01-kongqi-zhiliang.txt')]

interface Unit {
  asWritten: string
  role: string
}

interface TaskJson {
  id: string
  documentId: string
  sectionId: string | null
  items: string[]
  due: { text: string; date: string | null } | null
  agencies: Unit[]
}

interface TaskNode {
  id: string
  sectionId: string | null
  section: { id: string } | null
  due: TaskJson['due']
  agencies: Unit[]
}

t.test('a document without a 发文字号 has a stable id and says what it lacks', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const docs = (await app.inject('/v1/documents')).json().data as Record<string, unknown>[]
  const county = docs.find((d) => d.jurisdiction === '庄浪县')!
  t.match(county, {
    id: /^doc-[0-9a-f]{12}$/,
    number: null,
    numberParts: null,
    issuer: '庄浪县人民政府办公室',
    jurisdictionLevel: 'county',
    source: { file: 't07-sheshi-nongye.txt', url: null },
    suppliedFields: [],
  })
  const city = docs.find((d) => d.jurisdiction === '株洲市')!
  t.match(city, { number: '株政办发〔2024〕7号', jurisdictionLevel: 'city' })
  const findings = (await app.inject(`/v1/findings?document=${county.id as string}`)).json()
    .data as { code: string }[]
  t.ok(findings.some((f) => f.code === 'no-document-number'))
  const again = await buildTestApp(t, { files: PLANS })
  const ids = ((await again.inject('/v1/documents')).json().data as { id: string }[]).map(
    (d) => d.id,
  )
  t.same(ids.sort(), docs.map((d) => d.id as string).sort(), 'the same ids on another load')
})

t.test('body tasks carry their section; units their role; tasks their due', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const tasks = (await app.inject('/v1/tasks?limit=500')).json().data as TaskJson[]
  const body = tasks.filter((x) => x.sectionId !== null)
  const table = tasks.filter((x) => x.sectionId === null)
  t.ok(body.length > 0 && table.length > 0)
  const section = (await app.inject(`/v1/sections/${body[0]!.sectionId!}`)).json().data
  t.match(section, { kind: 'item', documentId: body[0]!.documentId })
  t.same(body[0]!.items, [body[0]!.sectionId], 'the item is the task its clause states')
  const led = table.find((x) => x.agencies.some((a) => a.role === 'lead'))!
  t.equal(led.agencies[0]!.role, 'lead')
  t.ok(led.agencies.slice(1).every((a) => a.role === 'support'))
  t.ok(
    table.some((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.due?.date ?? '')),
    'a 完成时限 gives a date',
  )
  t.ok(
    table.some((x) => x.due !== null && x.due.date === null),
    '持续推进 is a due without a date',
  )
  const csv = (await app.inject('/v1/tasks.csv')).body
  t.match(csv.split('\r\n')[0], /agencies\.role,sectionId,items,due\.text,due\.date/)

  const page = await data<{ tasks: { nodes: TaskNode[] } }>(
    app,
    `{ tasks(first: 100) { nodes { id sectionId section { id } due { text date }
       agencies { asWritten role } } } }`,
  )
  const byId = new Map(page.tasks.nodes.map((n) => [n.id, n]))
  for (const task of tasks) {
    const node = byId.get(task.id)!
    t.same(
      [node.sectionId, node.section?.id ?? null, node.due, node.agencies],
      [
        task.sectionId,
        task.sectionId,
        task.due,
        task.agencies.map((a) => ({ asWritten: a.asWritten, role: a.role })),
      ],
      `GraphQL agrees with REST on ${task.id}`,
    )
  }
})

t.test('targets say where their deadline year came from', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const targets = (await app.inject('/v1/targets?limit=500')).json().data as {
    indicator: string
    deadlineYear: number | null
    deadlineFrom: string | null
  }[]
  const from = new Set(targets.map((x) => x.deadlineFrom))
  t.ok(from.has('clause') && from.has('paragraph'), [...from].join())
  for (const x of targets) {
    t.equal(x.deadlineFrom === null, x.deadlineYear === null, `${x.indicator}: a year has a source`)
  }
  const filtered = (await app.inject('/v1/targets?year=2025&limit=500')).json().data as unknown[]
  t.equal(filtered.length, targets.filter((x) => x.deadlineYear === 2025).length)
})
