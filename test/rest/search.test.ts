// /v1/search: sections, tasks, targets, agencies and documents, ranked, highlighted and linked,
// for queries of any length and of several words, checked against the records themselves.
import t from 'tap'
import { excerptOf } from '../../src/store/search.js'
import { snippetHtml } from '../../src/html.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

interface Hit {
  type: 'section' | 'task' | 'target' | 'agency' | 'document'
  id: string
  documentId: string
  title: string
  snippet: string
  score: number
  link: string
}

type App = Awaited<ReturnType<typeof buildTestApp>>

/** Whether each occurrence of a word in a snippet's text lies inside a <mark>. */
function everyOccurrenceMarked(snippet: string, word: string): boolean {
  const marked: [number, number][] = []
  let text = ''
  for (const part of snippet.split(/(<mark>.*?<\/mark>)/)) {
    const inner = /^<mark>(.*)<\/mark>$/.exec(part)?.[1]
    if (inner !== undefined) marked.push([text.length, text.length + inner.length])
    text += inner ?? part
  }
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!marked.some(([start, end]) => start <= at && at + word.length <= end)) return false
  }
  return true
}

async function allHits(app: App, query: string): Promise<Hit[]> {
  const hits: Hit[] = []
  for (let next: string | null = `/v1/search?limit=7&${query}`; next;) {
    const body = (await app.inject(next)).json() as { data: Hit[]; links: { next: string | null } }
    hits.push(...body.data)
    next = body.links.next
  }
  return hits
}

/**
 * The records that contain every word of q, read through the REST lists: what a search must
 * find. An agency is found by its names, a document by its number and titles.
 */
async function containing(app: App, q: string): Promise<string[]> {
  const words = q.split(/\s+/).filter((w) => w !== '')
  const has = (text: string) => words.every((w) => text.includes(w))
  const get = async (route: string) =>
    (await app.inject(`${route}?limit=500`)).json().data as Record<string, string & string[]>[]
  const sections = (await get('/v1/sections')).filter((s) => has(`${s.heading}\n${s.text}`))
  const tasks = (await get('/v1/tasks')).filter((x) => has(x.text!))
  const targets = (await get('/v1/targets')).filter((x) => has(`${x.indicator}\n${x.quote}`))
  const agencies = (await get('/v1/agencies')).filter((a) =>
    has([a.name, ...a.aliases!].join('\n')),
  )
  const documents = (await get('/v1/documents')).filter((d) =>
    has(`${d.number}\n${d.title}\n${d.planTitle ?? ''}`),
  )
  return [...sections, ...tasks, ...targets, ...agencies, ...documents].map((r) => r.id!).sort()
}

for (const q of ['农', '教育', '就业率', '产教融合型企业', '市', '〔2023〕17号', '实施方案']) {
  t.test(`"${q}" finds every record that contains it`, async (t) => {
    const app = await buildTestApp(t)
    const hits = await allHits(app, `q=${encodeURIComponent(q)}`)
    t.same(hits.map((h) => h.id).sort(), await containing(app, q))
    t.ok(hits.length > 0)
    t.same(
      hits.map((h) => h.score),
      [...hits.map((h) => h.score)].sort((a, b) => b - a),
      'best first: the highest score first, through every page',
    )
    for (const hit of hits) {
      if (!hit.snippet.includes(`<mark>${q}</mark>`)) t.fail(`${hit.id}: ${hit.snippet}`)
    }
    const first = await app.inject(hits[0]!.link)
    t.equal(first.statusCode, 200, 'the link leads to the record')
  })
}

t.test('words separated by spaces are each required, and each marked', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const cases = [
    ['职业 教育', ['职业', '教育']],
    ['教育\u3000职业', ['教育', '职业']],
    ['  职业\t 教育  ', ['职业', '教育']],
    ['教育 职业教育', ['职业教育']],
    ['养老 服务', ['养老', '服务']],
    ['2025 职业', ['2025', '职业']],
    ['市 局', ['市', '局']],
  ] as const
  for (const [q, words] of cases) {
    const hits = await allHits(app, `q=${encodeURIComponent(q)}`)
    const expected = await containing(app, q)
    t.ok(expected.length > 0, `${JSON.stringify(q)}: ${expected.length} records hold every word`)
    const onlyFirst = await containing(app, words[0])
    t.ok(onlyFirst.length > expected.length || words.length === 1, 'and more hold only one')
    t.same(hits.map((h) => h.id).sort(), expected, `${JSON.stringify(q)}: every word required`)
    t.ok(
      hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score),
      'the highest score first',
    )
    const unmarked = hits.filter((h) => words.some((w) => !everyOccurrenceMarked(h.snippet, w)))
    t.same(unmarked, [], 'the snippets mark the words')
  }
  // The two words the issue named: apart, they find at least what together they find.
  const apart = await allHits(app, `q=${encodeURIComponent('职业 教育')}`)
  const together = await allHits(app, `q=${encodeURIComponent('职业教育')}`)
  t.ok(apart.length >= together.length && together.length > 0)
})

t.test('agencies by name or alias, documents by number or title', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const agencies = (await app.inject('/v1/agencies?limit=500')).json().data as {
    id: string
    name: string
    aliases: string[]
  }[]
  const aliased = agencies.filter((a) => a.aliases.some((alias) => !a.name.includes(alias)))
  t.ok(aliased.length > 0, 'some agencies go by an alias')
  for (const agency of aliased) {
    const alias = agency.aliases.find((a) => !agency.name.includes(a))!
    const hits = await allHits(app, `type=agency&q=${encodeURIComponent(alias)}`)
    t.ok(
      hits.some((h) => h.id === agency.id),
      `${alias} finds ${agency.name}`,
    )
    t.ok(hits.every((h) => h.type === 'agency'))
    const hit = hits.find((h) => h.id === agency.id)!
    t.equal(hit.link, `/v1/agencies/${agency.id}`)
    t.match(hit.snippet, `<mark>${alias}</mark>`)
    t.equal((await app.inject(hit.link)).statusCode, 200)
  }
  const documents = (await app.inject('/v1/documents')).json().data as {
    id: string
    number: string
    title: string
    planTitle: string | null
  }[]
  for (const document of documents) {
    // The number whole, its year and serial (〔2023〕17号), and a run of its plan's title.
    const serial = document.number.slice(document.number.indexOf('〔'))
    const title = document.planTitle ?? document.title
    for (const q of [document.number, serial, title.slice(3, 9)]) {
      const hits = await allHits(app, `type=document&q=${encodeURIComponent(q)}`)
      t.same(
        hits.map((h) => h.id),
        documents
          .filter((d) => `${d.number}\n${d.title}\n${d.planTitle}`.includes(q))
          .map((d) => d.id),
        `${q} finds the documents that hold it`,
      )
      const hit = hits.find((h) => h.id === document.id)!
      t.equal(hit.link, `/v1/documents/${document.id}`)
      t.equal(hit.documentId, document.id)
      t.match(hit.title, document.number)
    }
  }
  // Without a type, agencies and documents are among the hits.
  const all = await allHits(app, `q=${encodeURIComponent(aliased[0]!.aliases[0]!)}`)
  t.ok(all.some((h) => h.type === 'agency'))
})

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
      hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score),
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
  // An agency is in a document that names it.
  const number = '洛政办〔2024〕5号'
  const named = (
    (await app.inject(`/v1/agencies?limit=500&document=${encodeURIComponent(number)}`)).json()
      .data as { id: string; name: string; aliases: string[] }[]
  )
    .filter((a) => [a.name, ...a.aliases].some((name) => name.includes('市')))
    .map((a) => a.id)
    .sort()
  const inDocument = await allHits(
    app,
    `type=agency&document=${encodeURIComponent(number)}&q=${encodeURIComponent('市')}`,
  )
  t.ok(named.length > 0)
  t.same(inDocument.map((h) => h.id).sort(), named, 'the agencies the document names')
  const elsewhere = await allHits(app, `type=agency&q=${encodeURIComponent('市')}`)
  t.ok(elsewhere.length > named.length, 'and not those only another document names')
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
  const snippetOf = (text: string, q: string) => snippetHtml(excerptOf(text, q.split(' ')))
  t.equal(snippetOf('a<b>c&d', '<'), 'a<mark>&lt;</mark>b&gt;c&amp;d')
  const long = `${'甲'.repeat(50)}目标${'乙'.repeat(10)}目标${'丙'.repeat(50)}`
  t.equal(
    snippetOf(long, '目标'),
    `…${'甲'.repeat(30)}<mark>目标</mark>${'乙'.repeat(10)}<mark>目标</mark>${'丙'.repeat(18)}…`,
  )
  // Every word is marked; words that overlap (职业, 业教) are one mark.
  t.equal(
    snippetOf('甲职业教育乙教育丙', '业教 职业 丙'),
    '甲<mark>职业教</mark>育乙教育<mark>丙</mark>',
  )
  t.equal(
    snippetOf(`${'甲'.repeat(50)}目标${'乙'.repeat(10)}就业${'丙'.repeat(50)}`, '就业 目标'),
    `…${'甲'.repeat(30)}<mark>目标</mark>${'乙'.repeat(10)}<mark>就业</mark>${'丙'.repeat(18)}…`,
    'the window opens at the first word in the text, not the first typed',
  )
})

t.test('the store gives where the words occur, not markup', async (t) => {
  const excerpt = excerptOf(`${'甲'.repeat(40)}\n就业  率<b>${'乙'.repeat(40)}`, ['就业', '率'])
  t.same(excerpt, {
    // 30 characters either side of the first match, the newlines among them become a space.
    text: `${'甲'.repeat(29)} 就业 率<b>${'乙'.repeat(25)}`,
    matches: [
      { start: 30, length: 2 },
      { start: 33, length: 1 },
    ],
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
  const q = (text: string) => `q=${encodeURIComponent(text)}`
  const words = (n: number) => Array.from({ length: n }, (_, i) => `词${i}`).join(' ')
  const cases: [string, string][] = [
    ['', 'q'],
    ['q=', 'q'],
    [q('长'.repeat(201)), 'q'],
    [q('  '), 'q'],
    [q('\u3000'), 'q'],
    [q('\t \u3000 '), 'q'],
    [q(words(11)), 'q'],
    ['q=a&type=agencies', 'type'],
    ['q=a&cursor=zzz', 'cursor'],
  ]
  for (const [query, name] of cases) {
    for (const route of ['/v1/search', '/v1/tasks']) {
      // Tasks are listed without q; with it, it is checked as search checks it.
      if (route === '/v1/tasks' && (name !== 'q' || query === '')) continue
      const res = await app.inject(`${route}?${query}`)
      t.equal(res.statusCode, 400, `${route}?${query}`)
      t.match(res.headers['content-type'], 'application/problem+json')
      t.equal(res.json().invalidParams?.[0]?.name, name, query)
    }
  }
  const tooMany = (await app.inject(`/v1/search?${q(words(11))}`)).json()
  t.match(tooMany.detail, /11 words.*at most 10/, 'the detail says how many words are allowed')
  for (const route of ['/v1/search', '/v1/tasks']) {
    t.equal((await app.inject(`${route}?${q(words(10))}`)).statusCode, 200, `${route}: 10 words`)
    t.equal(
      (await app.inject(`${route}?${q(`${'词 '.repeat(30)}x`)}`)).statusCode,
      200,
      'one word many times is one word',
    )
  }
  const csv = await app.inject({ url: `/v1/tasks?${q('\u3000')}`, headers: { accept: 'text/csv' } })
  t.equal(csv.statusCode, 400, 'a download too')
})
