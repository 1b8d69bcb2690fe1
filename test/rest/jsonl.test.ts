// JSON Lines downloads: every list as one record per line, the records its JSON pages hold,
// filtered and sorted like them, kept whole per data version, and refused like them when a
// parameter is wrong.
import { brotliDecompressSync } from 'node:zlib'
import t from 'tap'
import { RESOURCES } from '../../src/resources.js'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
const store = new Store(db)
let taskReads = 0
const eachTask = store.eachTask
store.eachTask = (filter, sort) => {
  taskReads++
  return eachTask(filter, sort)
}
const app = await buildTestApp(t, { store })

/** Every record of a list, page after page of JSON. */
async function pages(url: string): Promise<unknown[]> {
  const records: unknown[] = []
  for (let next: string | null = url; next !== null;) {
    const res = await app.inject(next)
    const page: { data: unknown[]; links: { next: string | null } } = res.json()
    records.push(...page.data)
    next = page.links.next
  }
  return records
}

function lines(body: string): unknown[] {
  return body
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as unknown)
}

for (const { path } of Object.values(RESOURCES)) {
  t.test(`${path}.jsonl holds the records of ${path}, one a line`, async (t) => {
    const res = await app.inject(`${path}.jsonl`)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/x-ndjson; charset=utf-8')
    t.match(res.headers['content-disposition'], `filename="${path.split('/').pop()}.jsonl"`)
    t.ok(res.body.endsWith('\n') && !res.body.startsWith('\ufeff'), 'lines end in \\n, no BOM')
    const expected = await pages(`${path}?limit=500`)
    t.ok(expected.length > 0)
    t.same(lines(res.body), expected)
  })
}

t.test('filters and sorts as the pages do', async (t) => {
  const second = store.listDocuments({}, { limit: 10 }).items[1]!
  for (const query of [
    `document=${second.id}`,
    'sort=-number',
    `document=${second.id}&sort=number`,
  ]) {
    const res = await app.inject(`/v1/tasks.jsonl?${query}`)
    t.same(lines(res.body), await pages(`/v1/tasks?${query}&limit=500`), query)
  }
  const sorted = await app.inject('/v1/targets.jsonl?sort=-value')
  t.same(lines(sorted.body), await pages('/v1/targets?sort=-value&limit=500'))
})

t.test('the whole table is kept per version and compressed', async (t) => {
  const first = await app.inject('/v1/tasks.jsonl')
  const before = taskReads
  const br = await app.inject({ url: '/v1/tasks.jsonl', headers: { 'accept-encoding': 'br' } })
  t.equal(br.headers['content-encoding'], 'br')
  t.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), first.body)
  t.equal(br.headers.etag, first.headers.etag!.replace(/"$/, '-br"'))
  t.equal(taskReads, before, 'not read again')
  await app.inject('/v1/tasks.jsonl?sort=number')
  t.equal(taskReads, before + 1, 'a sorted one is read as it is sent')
})

t.test('a wrong parameter is a 400 problem', async (t) => {
  for (const query of ['limit=5', 'sort=text', 'cursor=abc', 'year=2025']) {
    const res = await app.inject(`/v1/tasks.jsonl?${query}`)
    t.equal(res.statusCode, 400, query)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
})
