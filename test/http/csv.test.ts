// CSV for every list: the same records as the JSON, parsed back by a CSV library.
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { ExportShelf } from '../../src/http/exports.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase, tempDir } from '../helper.js'
import { generatePlan } from '../../bench/generate-plans.js'
import { parseText } from '../helper.js'
import { loadDocuments } from '../../src/store/load.js'
import { Store } from '../../src/store/index.js'

const routes = [
  '/v1/documents',
  '/v1/sections',
  '/v1/tasks',
  '/v1/agencies',
  '/v1/targets',
  '/v1/findings',
]

type Json = Record<string, unknown>

/** Every record of a JSON list, following links.next. */
async function allPages(app: Awaited<ReturnType<typeof buildTestApp>>, url: string) {
  const records: Json[] = []
  for (let next: string | null = `${url}${url.includes('?') ? '&' : '?'}limit=500`; next;) {
    const body = (await app.inject(next)).json() as { data: Json[]; links: { next: string | null } }
    records.push(...body.data)
    next = body.links.next
  }
  return records
}

/** What a CSV cell holds for a JSON value at a column's path. */
function cell(record: Json, path: string): string {
  const [head, ...rest] = path.split('.')
  const value = record[head!]
  if (Array.isArray(value)) {
    return value
      .map((v) => (rest.length ? (v as Json)[rest.join('.')] : v))
      .map((v) => (v === null ? '' : String(v)))
      .join('; ')
  }
  if (rest.length && value !== null && typeof value === 'object') {
    return cell(value as Json, rest.join('.'))
  }
  return value === null || value === undefined ? '' : String(value)
}

for (const route of routes) {
  t.test(`${route}.csv holds every record of the JSON list, field for field`, async (t) => {
    const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
    const res = await app.inject(`${route}.csv`)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present')
    t.match(res.headers['content-disposition'], /^attachment; filename="\w+\.csv"$/)
    t.ok(res.body.startsWith('id,'), 'no byte order mark: the header starts with the first field')
    t.ok(res.body.endsWith('\r\n'), 'CRLF line ends')
    const rows = parse(res.body, { bom: true, columns: true, relax_quotes: false }) as Record<
      string,
      string
    >[]
    const json = await allPages(app, route)
    t.equal(rows.length, json.length, 'the whole list, not one page')
    t.ok(rows.length > 0)
    const columns = Object.keys(rows[0]!)
    rows.forEach((row, i) => {
      for (const column of columns) {
        if (row[column] !== cell(json[i]!, column)) {
          t.fail(`${route} row ${i} column ${column}: ${row[column]} ≠ ${cell(json[i]!, column)}`)
        }
      }
    })
    const negotiated = await app.inject({ url: route, headers: { accept: 'text/csv' } })
    t.equal(negotiated.body, res.body, 'Accept: text/csv gives the same document')
  })
}

t.test('bom=true opens the same CSV with a byte order mark, for Excel', async (t) => {
  const shelf = new ExportShelf({ parent: tempDir(t) })
  const app = await buildTestApp(t, { exports: shelf })
  for (const query of ['', 'agency=' + encodeURIComponent('市财政局') + '&']) {
    const plain = await app.inject(`/v1/tasks.csv?${query}`)
    const excel = await app.inject(`/v1/tasks.csv?${query}bom=true`)
    t.equal(excel.statusCode, 200)
    t.equal(excel.headers['content-type'], plain.headers['content-type'])
    t.equal(excel.headers['content-disposition'], 'attachment; filename="tasks.csv"')
    t.equal(excel.body, `\ufeff${plain.body}`, `${query || 'whole'}: the same document after it`)
    t.not(excel.headers.etag, plain.headers.etag, 'a tag of its own')
    t.equal((await app.inject(`/v1/tasks.csv?${query}bom=false`)).body, plain.body)
  }
  const bad = await app.inject('/v1/tasks.csv?bom=yes')
  t.equal(bad.statusCode, 400)
  t.equal(bad.json().invalidParams[0].name, 'bom')
  const json = await app.inject('/v1/tasks?bom=true')
  t.equal(json.statusCode, 400, 'the JSON list takes no bom')
})

t.test('CSV follows the filters; paging parameters do not apply to it', async (t) => {
  const app = await buildTestApp(t)
  const agency = encodeURIComponent('市财政局')
  const rows = parse((await app.inject(`/v1/tasks.csv?agency=${agency}`)).body, {
    bom: true,
    columns: true,
  }) as { 'agencies.name': string; text: string }[]
  t.equal(rows.length, 13)
  t.ok(rows.every((r) => r['agencies.name'].split('; ').includes('市财政局')))
  const sections = parse((await app.inject('/v1/sections.csv?kind=part')).body, {
    bom: true,
    columns: true,
  }) as { text: string }[]
  t.equal(sections.length, 3)
  const paged = await app.inject('/v1/tasks.csv?limit=5')
  t.equal(paged.statusCode, 400)
  t.equal(paged.json().invalidParams[0].name, 'limit')
})

t.test('fields with line breaks, quotes and commas are quoted', async (t) => {
  const app = await buildTestApp(t)
  const body = (await app.inject('/v1/sections.csv?kind=item')).body
  t.match(body, /"[^"]*\n[^"]*"/, 'a text of several paragraphs is one quoted field')
  const findings = (await app.inject('/v1/findings.csv?code=unit-not-in-agency-table')).body
  t.match(findings, /,"市财政局, responsible for tasks 2, 3, [^"]*",/, 'commas inside a field')
  const titles = (await app.inject('/v1/documents.csv')).body
  t.match(
    titles,
    /,市委各部门; 市人民武装部; 市人大常委会办公室; /,
    'a list is one field, joined by "; "',
  )
})

t.test('a format the client does not accept is a 406 problem', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ url: '/v1/tasks', headers: { accept: 'application/xml' } })
  t.equal(res.statusCode, 406)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(res.json(), { status: 406, detail: /application\/json or text\/csv/ })
  const browser = await app.inject({
    url: '/v1/tasks?limit=1',
    headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
  })
  t.equal(browser.headers['content-type'], 'application/json; charset=utf-8')
})

t.test('a long CSV is read in batches that leave the database free for others', async (t) => {
  const { db } = tempDatabase(t)
  loadDocuments(
    db,
    Array.from({ length: 40 }, (_, i) => parseText(generatePlan(i + 1), `plan-${i}.txt`)),
  )
  const store = new Store(db)
  const total = store.listTasks({}, { limit: 1 }).total
  t.ok(total > 1000, `${total} tasks, more than two batches`)
  const rows = store.eachTask({})
  let read = 0
  for (const task of rows) {
    if (!task.id.startsWith('task-')) t.fail(`row ${read} is not a task`)
    read++
    // Another request's query between two rows of the stream.
    if (read % 400 === 0) t.equal(store.listTasks({}, { limit: 1 }).items.length, 1)
  }
  t.equal(read, total)
})
