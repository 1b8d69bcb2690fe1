// sort=field and sort=-field on the lists that allow it, paged by keyset in that order.
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { bundledPlanPath, buildTestApp, secondPlanPath } from '../helper.js'

type App = Awaited<ReturnType<typeof buildTestApp>>

async function everyPage(app: App, url: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = []
  for (let next: string | null = url; next;) {
    const res: Awaited<ReturnType<App['inject']>> = await app.inject(next)
    t.equal(res.statusCode, 200, next)
    const body = res.json() as { data: Record<string, unknown>[]; links: { next: string | null } }
    records.push(...body.data)
    next = body.links.next
  }
  return records
}

t.test('a sorted list pages in that order to the end, without repeats', async (t) => {
  const app = await buildTestApp(t)
  const targets = await everyPage(app, '/v1/targets?sort=-value&limit=4')
  t.equal(targets.length, 19)
  t.equal(new Set(targets.map((x) => x.id)).size, 19)
  const values = targets.map((x) => x.value as number | null)
  const numbers = values.filter((v): v is number => v !== null)
  t.same(
    numbers,
    [...numbers].sort((a, b) => b - a),
    'largest value first',
  )
  t.equal(values[values.length - 1], null, 'a target with no value comes last')
  t.equal(numbers[0], 60000)

  const tasks = await everyPage(app, '/v1/tasks?sort=-number&limit=10')
  t.same(
    tasks.map((x) => x.number),
    Array.from({ length: 29 }, (_, i) => 29 - i),
  )
  const byYear = await everyPage(app, '/v1/targets?sort=deadlineYear&limit=5')
  const years = byYear.map((x) => x.deadlineYear)
  t.same(years.slice(0, 7), Array(7).fill(2025), 'the years the text sets come first')
  t.ok(years.slice(7).every((y) => y === null))
})

t.test('several fields, each in its own direction, page as one order', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const paged = await everyPage(app, '/v1/targets?sort=deadlineYear,-value&limit=3')
  const whole = (await app.inject('/v1/targets?sort=deadlineYear,-value&limit=500')).json().data
  t.same(
    paged.map((x) => x.id),
    whole.map((x: { id: string }) => x.id),
    'pages join up',
  )
  const key = (x: Record<string, unknown>) => [
    (x.deadlineYear as number | null) ?? 9999,
    -((x.value as number | null) ?? -1e308),
  ]
  const expected = [...paged].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)]
    return ka[0]! - kb[0]! || ka[1]! - kb[1]!
  })
  t.same(
    paged.map((x) => key(x)),
    expected.map((x) => key(x)),
    'by year ascending, then by value descending',
  )
  t.equal(paged[0]!.deadlineYear, 2025)
  t.equal(paged[0]!.value, 60000)
})

t.test('agencies by task count, findings by severity, documents by date', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const busiest = (await app.inject('/v1/agencies?sort=-taskCount&limit=1')).json().data[0]
  t.match(busiest, { name: '市教育局', taskCount: 26 })
  const findings = await everyPage(app, '/v1/findings?sort=severity&limit=50')
  const severities = findings.map((f) => f.severity)
  t.equal(severities.lastIndexOf('warning') < severities.indexOf('info'), true, 'warnings first')
  const documents = (await app.inject('/v1/documents?sort=-issuedOn')).json().data
  t.same(
    documents.map((d: { issuedOn: string }) => d.issuedOn),
    ['2024-03-05', '2023-08-28'],
  )
})

t.test('CSV follows the sort too', async (t) => {
  const app = await buildTestApp(t)
  const rows = parse((await app.inject('/v1/tasks.csv?sort=-number')).body, {
    bom: true,
    columns: true,
  }) as { number: string }[]
  t.equal(rows[0]!.number, '29')
  t.equal(rows[28]!.number, '1')
})

t.test('an unknown sort, or a cursor of another order, is a 400', async (t) => {
  const app = await buildTestApp(t)
  for (const url of [
    '/v1/tasks?sort=text',
    '/v1/sections?sort=number',
    '/v1/targets?sort=--value',
  ]) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.equal(res.json().invalidParams[0].name, 'sort', url)
  }
  const next = (await app.inject('/v1/tasks?sort=-number&limit=5')).json().links.next as string
  const cursor = new URL(next, 'http://x').searchParams.get('cursor')!
  const unsorted = await app.inject(`/v1/tasks?limit=5&cursor=${cursor}`)
  t.equal(unsorted.statusCode, 400)
  t.equal(unsorted.json().invalidParams[0].name, 'cursor')
  const reversed = await app.inject(`/v1/tasks?sort=number&limit=5&cursor=${cursor}`)
  t.equal(reversed.statusCode, 400)
  t.match(reversed.json().detail, /another sort order/)
})
