// /v1/search: sections, tasks and targets, ranked, highlighted and linked, for queries of any
// length, checked against the records themselves.
import t from 'tap'
import { excerptOf } from '../../src/store/search.js'
import { snippetHtml } from '../../src/html.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

interface Hit {
  type: 'section' | 'task' | 'target'
  id: string
  title: string
  snippet: string
  score: number
  link: string
}

type App = Awaited<ReturnType<typeof buildTestApp>>

async function allHits(app: App, query: string): Promise<Hit[]> {
  const hits: Hit[] = []
  for (let next: string | null = `/v1/search?limit=7&${query}`; next;) {
    const body = (await app.inject(next)).json() as { data: Hit[]; links: { next: string | null } }
    hits.push(...body.data)
    next = body.links.next
  }
  return hits
}

/** The records that contain q, read through the REST lists: what a search must find. */
async function containing(app: App, q: string): Promise<string[]> {
  const get = async (route: string) =>
    (await app.inject(`${route}?limit=500`)).json().data as Record<string, string>[]
  const sections = (await get('/v1/sections')).filter((s) => `${s.heading}\n${s.text}`.includes(q))
  const tasks = (await get('/v1/tasks')).filter((x) => x.text!.includes(q))
  const targets = (await get('/v1/targets')).filter((x) => `${x.indicator}\n${x.quote}`.includes(q))
  return [...sections, ...tasks, ...targets].map((r) => r.id!).sort()
}

for (const q of ['农', '教育', '就业率', '产教融合型企业']) {
  t.test(`"${q}" finds every section, task and target that contains it`, async (t) => {
    const app = await buildTestApp(t)
    const hits = await allHits(app, `q=${encodeURIComponent(q)}`)
    t.same(hits.map((h) => h.id).sort(), await containing(app, q))
    t.ok(hits.length > 0)
    t.same(
      hits.map((h) => h.score),
      [...hits.map((h) => h.score)].sort((a, b) => a - b),
      'best first',
    )
    for (const hit of hits) {
      if (!hit.snippet.includes(`<mark>${q}</mark>`)) t.fail(`${hit.id}: ${hit.snippet}`)
    }
    const first = await app.inject(hits[0]!.link)
    t.equal(first.statusCode, 200, 'the link leads to the record')
  })
}

t.test('short queries are ranked by bm25 too: dense records first', async (t) => {
  const app = await buildTestApp(t)
  const { db } = tempDatabase(t, [bundledPlanPath])
  const textOf = (id: string) =>
    (
      db.prepare('SELECT text FROM search_index WHERE ref_id = ?').get(id) as {
        text: string
      }
    ).text
  for (const q of ['教育', '农']) {
    const hits = await allHits(app, `q=${encodeURIComponent(q)}`)
    t.ok(hits.length > 5, `${q}: ${hits.length} hits`)
    t.ok(
      hits.every((h, i) => i === 0 || hits[i - 1]!.score <= h.score),
      `${q}: best first`,
    )
    // bm25 weighs how often a record names q against its length.
    const density = (id: string) => textOf(id).split(q).length / [...textOf(id)].length
    const best = density(hits[0]!.id)
    const last = density(hits.at(-1)!.id)
    t.ok(best > last, `${q}: the first hit names it more densely (${best} > ${last})`)
  }
})

t.test('type and document narrow the search', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const targets = await allHits(app, `type=target&q=${encodeURIComponent('率')}`)
  t.ok(targets.length > 3)
  t.ok(targets.every((h) => h.type === 'target'))
  const one = await allHits(
    app,
    `document=${encodeURIComponent('洛政办〔2024〕5号')}&q=${encodeURIComponent('养老')}`,
  )
  t.ok(one.length > 0)
  const other = await allHits(
    app,
    `document=${encodeURIComponent('新政办〔2023〕17号')}&q=${encodeURIComponent('养老')}`,
  )
  t.same(other, [], 'the vocational plan says nothing of 养老')
})

t.test('snippets escape the text and mark every match in their window', async (t) => {
  const snippetOf = (text: string, q: string) => snippetHtml(excerptOf(text, q))
  t.equal(snippetOf('a<b>c&d', '<'), 'a<mark>&lt;</mark>b&gt;c&amp;d')
  const long = `${'甲'.repeat(50)}目标${'乙'.repeat(10)}目标${'丙'.repeat(50)}`
  t.equal(
    snippetOf(long, '目标'),
    `…${'甲'.repeat(30)}<mark>目标</mark>${'乙'.repeat(10)}<mark>目标</mark>${'丙'.repeat(18)}…`,
  )
})

t.test('the store gives where a query occurs, not markup', async (t) => {
  const excerpt = excerptOf(`${'甲'.repeat(40)}\n就业  率<b>${'乙'.repeat(40)}`, '就业 率')
  t.same(excerpt, {
    // 30 characters either side of the match, the newline among them become a space.
    text: `${'甲'.repeat(29)} 就业 率<b>${'乙'.repeat(27)}`,
    matches: [{ start: 30, length: 4 }],
    cutBefore: true,
    cutAfter: true,
  })
  t.notMatch(JSON.stringify(excerpt), /<mark>|&lt;/, 'no HTML is made in the store')
})

t.test('spaces around a query are ignored', async (t) => {
  const app = await buildTestApp(t)
  const padded = (await app.inject(`/v1/search?q=${encodeURIComponent(' 就业率 ')}`)).json()
  t.equal(padded.meta.total, 2)
})

t.test('a missing or malformed query is a 400 naming it', async (t) => {
  const app = await buildTestApp(t)
  const cases: [string, string][] = [
    ['', 'q'],
    ['q=', 'q'],
    [`q=${'长'.repeat(201)}`, 'q'],
    ['q=a&type=agency', 'type'],
    ['q=a&cursor=zzz', 'cursor'],
  ]
  for (const [query, name] of cases) {
    const res = await app.inject(`/v1/search?${encodeURI(query)}`)
    t.equal(res.statusCode, 400, query)
    t.equal(res.json().invalidParams?.[0]?.name, name, query)
  }
})
