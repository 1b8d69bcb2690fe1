// The search window: at most SEARCH_WINDOW matches are ranked and paged, the most recently
// loaded ones; total is exact up to it and says when it is a lower bound. Checked against the
// texts themselves, read with plain SQL and JavaScript's includes, for each way a query is
// looked up (trigrams, pairs, a single character, pairs checked by LIKE, LIKE alone).
import t from 'tap'
import { generatePlan } from '../../bench/generate-plans.js'
import { loadDocuments } from '../../src/store/load.js'
import { SEARCH_WINDOW, Store } from '../../src/store/index.js'
import type { HitType } from '../../src/store/search.js'
import { buildTestApp, parseText, tempDatabase } from '../helper.js'

const { db } = tempDatabase(t)
// Enough plans of the genre that a common word occurs in more texts than the window holds.
loadDocuments(
  db,
  Array.from({ length: 70 }, (_, i) => parseText(generatePlan(i + 1), `plan-${i}.txt`)),
)
const store = new Store(db)

interface Entry {
  entry: number
  kind: string
  ref_id: string
  document_id: string
  text: string
}
const entries = db
  .prepare('SELECT rowid AS entry, kind, ref_id, document_id, text FROM search_index')
  .all() as Entry[]

/**
 * The texts that contain every word of q (separated by whitespace), most recently indexed first:
 * what the window is cut from.
 */
function containing(q: string, keep: (e: Entry) => boolean = () => true): Entry[] {
  const words = q.toLowerCase().split(/\s+/)
  return entries
    .filter((e) => words.every((w) => e.text.toLowerCase().includes(w)) && keep(e))
    .sort((a, b) => b.entry - a.entry)
}

/** The ids of the window: the SEARCH_WINDOW most recent of the texts given, sorted. */
const windowIds = (texts: Entry[]) =>
  texts
    .slice(0, SEARCH_WINDOW)
    .map((e) => e.ref_id)
    .sort()

/** Every hit of a search, page after page. */
function allHits(q: string, filter: { type?: HitType; document?: string }) {
  const hits: { id: string; score: number; type: string }[] = []
  let cursor: string | undefined
  let first: ReturnType<Store['search']> | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page = store.search({ q, ...filter }, { limit: 100, cursor })
    first ??= page
    hits.push(...page.items)
    if (page.next === null) break
    cursor = page.next
  }
  return { first: first!, hits }
}

// A trigram query, a pair, one character, a pair the index cannot decide alone (LIKE checks it)
// and one with no letter (LIKE alone); then several words, each required: pairs together, a
// trigram with a pair, pairs with a word of no letter.
const common = ['，推动', '发展', '的', '，推', '，', '发展 的', '，推动 发展', '的 ，']
for (const q of common) {
  t.test(`"${q}": the ${SEARCH_WINDOW} most recent of more matches, each once`, async (t) => {
    const expected = containing(q)
    t.ok(expected.length > SEARCH_WINDOW, `${expected.length} texts contain ${q}`)
    const { first, hits } = allHits(q, {})
    t.equal(first.total, SEARCH_WINDOW, 'total stops at the window')
    t.equal(first.totalIsLowerBound, true, 'and says so')
    t.same(
      hits.map((h) => h.id).sort(),
      windowIds(expected),
      'the pages hold the window, nothing else, nothing twice',
    )
    const ordered = hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score)
    t.ok(ordered, 'best first across pages: the highest score first')
    // Equal scores go newest first: in the order of `expected`.
    const position = new Map(expected.map((e, i) => [e.ref_id, i]))
    const ties = hits.filter((h, i) => i > 0 && hits[i - 1]!.score === h.score).length
    const newestFirst = hits.every(
      (h, i) =>
        i === 0 ||
        hits[i - 1]!.score !== h.score ||
        position.get(hits[i - 1]!.id)! < position.get(h.id)!,
    )
    t.ok(newestFirst, `ties newest first (${ties} ties)`)
  })
}

t.test('below the window the total is exact and every match is reached', async (t) => {
  for (const [q, filter] of [
    ['发展', { type: 'task' }],
    ['职业教育', { type: 'section' }],
    ['职业教育 发展', {}],
    ['发展\u3000，推', { type: 'task' }],
    ['，推 的', {}],
    ['，', { document: store.listDocuments({}, { limit: 1 }).items[0]!.id }],
  ] as const) {
    const keep = (e: Entry) =>
      ('type' in filter ? e.kind === filter.type : true) &&
      ('document' in filter ? e.document_id === filter.document : true)
    const expected = containing(q, keep)
    t.ok(expected.length > 0 && expected.length < SEARCH_WINDOW, `${q}: ${expected.length} match`)
    const { first, hits } = allHits(q, filter)
    t.equal(first.total, expected.length, `${q}: exact total`)
    t.equal(first.totalIsLowerBound, false, `${q}: not a bound`)
    t.same(hits.map((h) => h.id).sort(), windowIds(expected), `${q}: every one`)
  }
})

t.test('a filter narrows the window before it is cut', async (t) => {
  // Tasks only: the window is the most recent tasks that match, not the tasks among the most
  // recent records.
  const expected = containing('，', (e) => e.kind === 'task')
  t.ok(expected.length > SEARCH_WINDOW, `${expected.length} tasks contain ，`)
  const { first, hits } = allHits('，', { type: 'task' })
  t.equal(first.total, SEARCH_WINDOW)
  t.same(hits.map((h) => h.id).sort(), windowIds(expected))
})

t.test('REST and GraphQL say when the total is a lower bound', async (t) => {
  const app = await buildTestApp(t, { db })
  const rest = await app.inject({ url: `/v1/search?q=${encodeURIComponent('，')}&limit=1` })
  t.same(rest.json().meta, { total: SEARCH_WINDOW, limit: 1, totalIsLowerBound: true })
  const narrow = await app.inject({
    url: `/v1/search?q=${encodeURIComponent('职业教育')}&type=section&limit=1`,
  })
  t.equal(narrow.json().meta.totalIsLowerBound, false)
  const graphql = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: '{ search(q: "，", first: 1) { totalCount totalCountIsLowerBound } }' },
  })
  t.same(graphql.json().data.search, { totalCount: SEARCH_WINDOW, totalCountIsLowerBound: true })
  const sdl = (await app.inject({ url: '/schema.graphql' })).body
  t.match(sdl, `exact up to the ${SEARCH_WINDOW} ranked`, 'the SDL names the window in force')
})
