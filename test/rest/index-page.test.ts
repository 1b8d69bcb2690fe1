// The index names the plans it serves with what each holds, and every link on it answers: its
// examples are made from the data, so they find records whatever plans are loaded.
import t from 'tap'
import { openDatabase } from '../../src/store/database.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { planSummaries } from '../../src/store/plan-summaries.js'
import {
  bundledPlanPath,
  buildTestApp,
  parseText,
  readPlan,
  secondPlanPath,
  tempDatabase,
  thirdPlanPath,
} from '../helper.js'
import { all, cellsOf, hrefsOf, parsePage, textOf } from '../pages/dom.js'

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }

interface Index {
  plans: { total: number; latest: { id: string; number: string | null; tasks: number }[] }
  examples: { description: string; href: string }[]
}

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((href) => href.startsWith('/'))

t.test('the page names each plan with counts equal to its lists', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const page = await app.inject({ url: '/', headers: BROWSER })
  t.equal(page.statusCode, 200)
  const documents = app.inject('/v1/documents').then((r) => r.json().data as { id: string }[])
  for (const { id, number } of (await documents) as { id: string; number: string }[]) {
    const row = all(parsePage(page.body), 'tr').find((r) => hrefsOf(r).includes(`/plans/${id}`))
    if (!t.ok(row, `a row for ${number}, linking its page`)) continue
    t.equal(cellsOf(row!)[1], number, 'its number')
    t.ok(hrefsOf(row!).includes(`/plans/${id}/targets`), 'and its dashboard')
    for (const list of ['sections', 'tasks', 'targets']) {
      const total = (await app.inject(`/v1/${list}?document=${id}&limit=1`)).json().meta.total
      const link = all(row!, 'a').find((a) => a.attribs.href === `/v1/${list}?document=${id}`)
      t.equal(link && textOf(link), String(total), `${number}: ${total} ${list}, linked`)
    }
  }
  t.match(textOf(parsePage(page.body)), /\b2 plans\./)
})

t.test('every link on the page and every example answers with records', async (t) => {
  for (const files of [[bundledPlanPath, secondPlanPath], [thirdPlanPath]]) {
    const app = await buildTestApp(t, { files })
    const page = await app.inject({ url: '/', headers: BROWSER })
    const index = (await app.inject({ url: '/', headers: { host: 'data.example.gov.cn' } })).json()
    const examples = (index as Index).examples.map((e) => new URL(e.href))
    t.ok(examples.length >= 5, `examples over ${files.length} plans`)
    for (const href of hrefs(page.body)) {
      const res = await app.inject({ url: href, headers: BROWSER })
      t.ok([200, 302].includes(res.statusCode), `${href} answers ${res.statusCode}`)
    }
    for (const example of examples) {
      const path = example.pathname + example.search
      t.ok(page.body.includes(`href="${path.replace(/&/g, '&amp;')}"`), `the page links ${path}`)
      const res = await app.inject(path)
      t.equal(res.statusCode, 200, path)
      if (path.startsWith('/graphql')) {
        const body = res.json()
        t.notOk(body.errors, `${path} has no errors`)
        t.ok(body.data.documents.nodes.length > 0, 'and names plans')
      } else if (String(res.headers['content-type']).startsWith('application/json')) {
        t.ok(res.json().data.length > 0, `${path} finds records`)
      } else {
        t.ok(res.body.trim().split('\n').length > 1, `${path} has rows`)
      }
    }
  }
})

t.test('the examples come from the data, not from one plan', async (t) => {
  for (const files of [[bundledPlanPath], [secondPlanPath]]) {
    const app = await buildTestApp(t, { files })
    const index = (await app.inject('/')).json() as Index
    const busiest = (await app.inject('/v1/agencies?sort=-taskCount&limit=1')).json().data[0]
    const agency = index.examples
      .map((e) => new URL(e.href).searchParams.get('agency'))
      .find((name) => name !== null)
    t.equal(agency, busiest.name, 'the agency with the most tasks')
    const document = (await app.inject('/v1/documents')).json().data[0]
    t.ok(
      index.examples.some((e) => e.href.endsWith(`/v1/documents/${document.id}/source`)),
      'the text of the plan served',
    )
  }
})

t.test('with no plan loaded the page says so, and offers no example', async (t) => {
  const app = await buildTestApp(t, { files: [] })
  const page = await app.inject({ url: '/', headers: BROWSER })
  t.equal(page.statusCode, 200)
  t.match(page.body, /No plan is loaded yet/)
  const index = (await app.inject('/')).json() as Index
  t.same([index.plans.total, index.examples], [0, []])
})

t.test('a new plan is named at once: the page follows the data version', async (t) => {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { store: new Store(db) })
  t.equal(((await app.inject('/')).json() as Index).plans.total, 1)
  // Another connection's load, as npm run ingest's beside a running server.
  const other = openDatabase(path)
  t.teardown(() => other.close())
  loadDocuments(other, [readPlan(secondPlanPath)])
  // A request sent after the commit is handled in a later turn (Store.dataVersion).
  await new Promise(setImmediate)
  t.equal(((await app.inject('/')).json() as Index).plans.total, 2)
})

t.test('plan summaries: the newest issued first, as many as asked, of all', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath, thirdPlanPath])
  const all = planSummaries(db, 10)
  t.equal(all.total, 3)
  const dates = all.plans.map((p) => p.issuedOn ?? '')
  t.same(dates, [...dates].sort().reverse(), 'by date issued, newest first')
  const one = planSummaries(db, 1)
  t.same([one.total, one.plans], [3, [all.plans[0]]])
})

t.test('a plan without 发文字号, issuer or title is named all the same', async (t) => {
  // A text copied without its notice: what it lacks is null, and the page must still render.
  const headless = parseText(
    '某某行动实施方案\n一、重点任务\n1．建设设施。新建设施5个，到2025年覆盖率达到90%。（责任单位：市财政局）\n',
  )
  t.same([headless.number, headless.issuer], [null, null], 'the fixture lacks them')
  const { db } = tempDatabase(t, [bundledPlanPath])
  loadDocuments(db, [headless])
  const app = await buildTestApp(t, { db })
  const page = await app.inject({ url: '/', headers: BROWSER })
  t.equal(page.statusCode, 200)
  t.ok(
    all(parsePage(page.body), 'tr').some((row) => cellsOf(row)[1] === '无文号'),
    'the plan without a number is a row that says so',
  )
  for (const example of ((await app.inject('/')).json() as Index).examples) {
    t.notMatch(example.description, /\bnull\b/, example.description)
  }
})

t.test('examples are shown as a person reads them, linked percent-encoded', async (t) => {
  const app = await buildTestApp(t)
  const page = (await app.inject({ url: '/', headers: BROWSER })).body
  const shown = all(parsePage(page), 'a')
    .filter((a) => all(a, 'code').length > 0)
    .map((a) => [a, a.attribs.href!, textOf(a)] as const)
  const graphql = shown.find(([, href]) => href.startsWith('/graphql?'))
  t.ok(graphql, 'the GraphQL example is shown')
  t.notMatch(graphql![2], /\+|%/, 'with its spaces and braces as typed')
  t.match(graphql![2], /documents\(first: 5\)/)
})
