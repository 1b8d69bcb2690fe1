// /plans/{id}/targets: each target's card shows what /v1/targets and its observations hold, the
// standing the served progress gives on the page's day, and every tally, table and chart on the
// page counts the cards it shows.
import t from 'tap'
import { STANDING_LABEL, standingOf } from '../../src/progress/standing.js'
import type { TargetRecord } from '../../src/store/targets.js'
import { createToken, principalOf } from '../../src/store/tokens.js'
import { buildTestApp } from '../helper.js'
import { progressDatabase } from '../progress-data.js'
import { all, attributeOf, byId, cellsOf, parsePage, textOf } from './dom.js'

// A day inside the bundled plan's period, so that targets stand in every way.
const TODAY = '2025-07-01'

t.test('each target’s card holds its figures, reports and standing', async (t) => {
  const { store } = progressDatabase(t)
  const app = await buildTestApp(t, { store, today: () => TODAY })
  const documents = (await app.inject('/v1/documents')).json().data as { id: string }[]
  let charts = 0
  for (const { id } of documents) {
    const res = await app.inject(`/plans/${id}/targets`)
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-security-policy'], /style-src 'self'/)
    const page = parsePage(res.body)
    const served = (await app.inject(`/v1/targets?document=${id}&withdrawn=false&limit=500`)).json()
      .data as TargetRecord[]
    t.ok(served.length > 0, `${served.length} targets`)
    const standings = new Map<string, number>()
    for (const target of served) {
      const card = byId(page, `target-${target.id}`)
      if (!t.ok(card, `a card for ${target.indicator}`)) continue
      t.equal(textOf(all(card!, 'h4')[0]!), target.indicator.replace(/\s+/g, ' ').trim())
      const standing = STANDING_LABEL[standingOf(target, TODAY)]
      t.equal(textOf(all(card!, 'p')[0]!), standing, `${target.indicator}: ${standing}`)
      standings.set(standing, (standings.get(standing) ?? 0) + 1)
      const facts = all(card!, 'dd').map(textOf)
      if (target.value !== null) t.match(facts[0], String(target.value), 'its figure')
      t.equal(facts[1], target.deadlineYear === null ? '未定期限' : `${target.deadlineYear}年`)
      if (target.progress === null) {
        t.equal(facts[2], '未报告')
        t.equal(all(card!, 'svg').length, 0, 'no chart before a report')
        continue
      }
      t.match(facts[2], `${target.progress.latestValue}`, 'its latest value')
      t.match(facts[2], target.progress.observedOn, 'and its date')
      const observations = (
        await app.inject(`/v1/targets/${target.id}/observations?limit=100`)
      ).json().data as { value: number; observedOn: string }[]
      const chart = all(card!, 'svg')[0]
      if (!t.ok(chart, 'a chart of its reports')) continue
      charts++
      const written = all(chart!, 'text').map(textOf)
      for (const o of observations) {
        t.ok(written.includes(String(o.value)), `${o.value} is on the chart`)
        t.ok(written.includes(o.observedOn), `${o.observedOn} is on the chart`)
      }
      const rows = all(all(card!, 'tbody')[0]!, 'tr').map(cellsOf)
      t.same(
        rows.map(([date, value]) => [date, value]),
        [...observations]
          .reverse()
          .map((o) => [o.observedOn, `${o.value} ${target.unit ?? ''}`.trim()]),
        'the reports, oldest first',
      )
    }
    // The tally counts the cards.
    const tally = all(
      all(page, 'ul').find((u) => attributeOf(u, 'class') === 'tally')!,
      'li',
    )
    t.same(
      new Map(
        tally.map((li) => [textOf(all(li, 'span')[0]!), Number(textOf(all(li, 'strong')[0]!))]),
      ),
      standings,
      'the tally counts the cards by standing',
    )
    // The standings chart's description states the counts per deadline.
    const desc = textOf(all(page, 'desc')[0]!)
    const total = [...desc.matchAll(/(\d+)项/g)].reduce((sum, m) => sum + Number(m[1]), 0)
    t.equal(total, served.length, 'the standings chart counts every target once')
    // So does the table by section.
    const bySection = all(byId(page, 'by-section')!.parent as never, 'tbody')[0]!
    const sums = all(bySection, 'tr').map((row) => Number(cellsOf(row).at(-1)))
    t.equal(
      sums.reduce((a, b) => a + b, 0),
      served.length,
      'the table by section counts every target once',
    )
  }
  t.ok(charts > 0, `${charts} charts checked`)
})

t.test('a withdrawn target is listed apart, and an unknown plan is a 404', async (t) => {
  const { store } = progressDatabase(t)
  const app = await buildTestApp(t, { store, today: () => TODAY })
  const withdrawn = (await app.inject('/v1/targets?withdrawn=true')).json().data as TargetRecord[]
  t.ok(withdrawn.length > 0)
  const page = parsePage((await app.inject(`/plans/${withdrawn[0]!.documentId}/targets`)).body)
  const entry = byId(page, `target-${withdrawn[0]!.id}`)
  t.equal(entry?.name, 'li', 'in the list of withdrawn targets, not among the cards')
  const missing = await app.inject('/plans/doc-000000000000/targets')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
})

t.test('the day decides what is overdue', async (t) => {
  const { store } = progressDatabase(t)
  const target = [...store.eachTarget({ withdrawn: false })].find(
    (g) => g.progress === null && g.deadlineYear !== null,
  )!
  for (const [today, expected] of [
    [`${target.deadlineYear}-12-31`, '未报告'],
    [`${target.deadlineYear! + 1}-01-01`, '逾期'],
  ] as const) {
    const app = await buildTestApp(t, { store, today: () => today })
    const page = parsePage((await app.inject(`/plans/${target.documentId}/targets`)).body)
    t.equal(textOf(all(byId(page, `target-${target.id}`)!, 'p')[0]!), expected, today)
  }
})

t.test('a new report is on the chart at once', async (t) => {
  const { store, db } = progressDatabase(t)
  const app = await buildTestApp(t, { store, today: () => TODAY })
  const target = [...store.eachTarget({ withdrawn: false })].find((g) => g.progress !== null)!
  const chartTexts = async () => {
    const page = parsePage((await app.inject(`/plans/${target.documentId}/targets`)).body)
    return all(all(byId(page, `target-${target.id}`)!, 'svg')[0]!, 'text').map(textOf)
  }
  const before = await chartTexts()
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 'a' }).secret,
  )!
  store.addObservation(admin, target.id, { value: 123.45, observedOn: TODAY })
  await new Promise(setImmediate)
  const after = await chartTexts()
  t.notOk(before.includes('123.45'))
  t.ok(after.includes('123.45'), 'the reported value is drawn')
  t.ok(after.includes(TODAY), 'on its date')
})
