// Plans of other cities and topics, hand-written for the tests (test/fixtures/plans/README.md):
// what a reader found in them (expected.json, written without running the parser) is what the
// parser finds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { fixturesDir, readPlan } from '../helper.js'

interface Expected {
  number: string
  numberParts: { agencyCode: string; year: number; serial: number }
  issuer: string
  jurisdiction: string
  title: string
  planTitle: string
  recipients: string[]
  issuedOn: string
  sponsor: string | null
  cc: string[]
  attachments: string[]
  citations: { title: string; number: string | null }[]
  sectionHeadings: [string, string, string][]
  tasks: { number: number; agencies: string[]; items: number[] }[]
  agencyTableRows: number
  agencies: { name: string; shortNames: string[]; canonicalFrom: string }[]
}

const expectations = JSON.parse(readFileSync(join(fixturesDir, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>

// Neither the text nor the reference data says that 金水公安分局 is 郑州市公安局金水分局: the
// ingest keeps such a name as written rather than guess.
const undecidable = new Map([['郑州市公安局金水分局', '金水公安分局']])

for (const [file, expected] of Object.entries(expectations)) {
  t.test(file, async (t) => {
    const plan = readPlan(join(fixturesDir, file))
    t.equal(plan.number, expected.number)
    t.same(plan.numberParts, expected.numberParts)
    t.equal(plan.issuer, expected.issuer)
    t.equal(plan.jurisdiction, expected.jurisdiction)
    t.equal(plan.title, expected.title)
    t.equal(plan.planTitle, expected.planTitle)
    t.same(plan.recipients, expected.recipients)
    t.equal(plan.issuedOn, expected.issuedOn)
    t.equal(plan.sponsor, expected.sponsor)
    t.same(plan.cc, expected.cc)
    t.same(
      plan.attachments.map((a) => a.title),
      expected.attachments,
    )
    t.same(
      plan.citations.map((c) => ({ title: c.title, number: c.number })),
      expected.citations,
    )
    t.same(
      plan.sections.map((s) => [s.kind, s.label, s.heading]),
      expected.sectionHeadings,
      'every section, in order',
    )
    t.same(
      plan.tasks.map((x) => ({
        number: x.number,
        agencies: x.units.map((u) => u.asWritten),
        items: x.itemIndexes.map((i) => plan.sections[i]!.number),
      })),
      expected.tasks,
      'every task row with its units as written and the items it restates',
    )
    t.equal(plan.agencyTable.length, expected.agencyTableRows)
    const agencyNames = plan.agencies.map((a) => a.name).sort()
    const expectedNames = expected.agencies.map((a) => undecidable.get(a.name) ?? a.name).sort()
    t.same(agencyNames, expectedNames, 'one agency per canonical name')
    for (const agency of expected.agencies) {
      const name = undecidable.get(agency.name) ?? agency.name
      const found = plan.agencies.find((a) => a.name === name)
      t.ok(found, name)
      for (const short of agency.shortNames) {
        if (short !== name) t.ok(found?.aliases.includes(short), `${short} is an alias of ${name}`)
      }
      t.equal(found?.kind, agency.canonicalFrom === 'collective' ? 'collective' : 'agency', name)
    }
  })
}
