// The citation graph across plans of two levels, loaded in either order: a city's plan cites its
// province's by 发文字号 and by title, and restates its targets. The fixtures (test/fixtures/
// citations/) were written for this; what they link was read from their text:
// - the city's plan cites the province's notice with its number (豫政办〔2024〕18号), the
//   province's plan by title alone, and a city regulation that is not loaded;
// - four of the city's targets restate the province's (农村自来水普及率 %, 城市公共供水管网漏损率
//   %, 新建改造供水管网 公里, 新建改造规模化供水工程 处); its other two restate nothing.
import { join } from 'node:path'
import t from 'tap'
import { isWithin } from '../../src/ingest/divisions.js'
import { openDatabase } from '../../src/store/database.js'
import { loadDocuments } from '../../src/store/load.js'
import { buildTestApp, fixturesDir, readPlan, tempDatabase } from '../helper.js'

const PROVINCE = join(fixturesDir, '..', 'citations', 'province-plan.txt')
const CITY = join(fixturesDir, '..', 'citations', 'city-plan.txt')

const RESTATED = [
  '农村自来水普及率',
  '城市公共供水管网漏损率',
  '新建改造供水管网',
  '新建改造规模化供水工程',
]

interface Document {
  id: string
  number: string
  citations: { title: string; number: string | null; documentId: string | null }[]
  citedBy: string[]
}
interface Target {
  id: string
  documentId: string
  indicator: string
  restates: string[]
  restatedBy: string[]
}

for (const [first, second] of [
  [PROVINCE, CITY],
  [CITY, PROVINCE],
]) {
  const order = first === PROVINCE ? 'the province’s plan first' : 'the city’s plan first'
  t.test(`citations and restated targets, ${order}`, async (t) => {
    const { db, path } = tempDatabase(t, [first!])
    const app = await buildTestApp(t, { db })
    const latest = (await app.inject('/v1/changes?limit=1')).json().meta.latest as number
    const ingest = openDatabase(path)
    t.teardown(() => ingest.close())
    loadDocuments(ingest, [readPlan(second!)])
    await new Promise(setImmediate)

    const documents = (await app.inject('/v1/documents')).json().data as Document[]
    const province = documents.find((d) => d.number === '豫政办〔2024〕18号')!
    const city = documents.find((d) => d.number === '新政文〔2024〕45号')!
    t.same(
      city.citations.map((c) => [c.number, c.documentId]),
      [
        ['豫政办〔2024〕18号', province.id],
        [null, province.id],
        [null, null],
      ],
      'by number, by title, and a document not loaded',
    )
    t.same(province.citedBy, [city.id], 'the province’s plan is cited by the city’s')
    t.same(city.citedBy, [], 'and nothing cites the city’s')

    const targets = (await app.inject('/v1/targets?limit=500')).json().data as Target[]
    const of = (d: Document) => targets.filter((g) => g.documentId === d.id)
    for (const target of of(city)) {
      const restated = of(province).filter(
        (p) => RESTATED.includes(target.indicator) && p.indicator === target.indicator,
      )
      t.same(
        target.restates,
        restated.map((p) => p.id),
        `${target.indicator} restates ${restated.length}`,
      )
    }
    t.equal(of(city).filter((g) => g.restates.length > 0).length, RESTATED.length)
    for (const target of of(province)) {
      const by = of(city)
        .filter((c) => c.restates.includes(target.id))
        .map((c) => c.id)
      t.same(target.restatedBy, by, `${target.indicator} is restated by the city’s`)
    }

    const graphql = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query: `{ document(id: "${city.id}") { citations { documentId } citedBy }
                  targets(first: 100) { nodes { id restates restatedBy } } }`,
      },
    })
    const data = graphql.json().data
    t.same(
      data.document.citations.map((c: { documentId: string | null }) => c.documentId),
      city.citations.map((c) => c.documentId),
      'GraphQL says the same',
    )
    t.same(
      new Map(data.targets.nodes.map((n: Target) => [n.id, [n.restates, n.restatedBy]])),
      new Map(targets.map((g) => [g.id, [g.restates, g.restatedBy]])),
    )

    // The plan loaded first changed with the second: a harvester is told.
    const changes = (await app.inject(`/v1/changes?since=${latest}&limit=500`)).json().data as {
      kind: string
      record: { id: string }
    }[]
    const earlier = first === PROVINCE ? province : city
    t.ok(
      changes.some((c) => c.kind === 'document.changed' && c.record.id === earlier.id),
      'the earlier plan’s citations or citedBy changed',
    )
    for (const target of of(earlier).filter((g) => g.restates.length + g.restatedBy.length > 0)) {
      t.ok(
        changes.some((c) => c.kind === 'target.changed' && c.record.id === target.id),
        `${target.indicator} of the earlier plan changed`,
      )
    }
  })
}

t.test('places within places', async (t) => {
  t.ok(isWithin('新乡市', '河南省'))
  t.notOk(isWithin('新乡市', '河北省'))
  t.ok(isWithin('郑州市金水区', '郑州市'))
  t.ok(isWithin('郑州市金水区', '河南省'))
  t.ok(isWithin('河南省', '全国'))
  t.notOk(isWithin('河南省', '新乡市'), 'not the other way round')
  t.notOk(isWithin('鼓楼区', '南京市'), 'a district name alone cannot be placed')
})
