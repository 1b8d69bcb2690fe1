// The genre corpus (test/fixtures/genre): plans written for the tests in every common layout of
// published plans, with what a reader found in each. The figures npm run eval:plans prints are
// held here as floors, so that a change that reads one layout worse fails.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { scorePlan, type ExpectedGenrePlan } from '../../bench/plan-score.js'
import { readPlanFile } from '../../src/ingest/read.js'
import { projectRoot } from '../../src/paths.js'
import { aliases } from '../helper.js'

const corpus = join(projectRoot, 'test', 'fixtures', 'genre')

/** The floors of each set: the goals for plans never seen, met with a margin. */
const FLOORS = { structure: 0.97, precision: 0.95, recall: 0.95 }

for (const set of readdirSync(corpus, { withFileTypes: true })) {
  if (!set.isDirectory()) continue
  t.test(`${set.name}: every plan loads and reads as its reader read it`, async (t) => {
    const dir = join(corpus, set.name)
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
      string,
      ExpectedGenrePlan
    >
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'))
    t.same(Object.keys(expected).sort(), files.sort(), 'every text has its expected facts')
    let facts = 0
    let held = 0
    let found = 0
    let wanted = 0
    let matched = 0
    for (const [file, want] of Object.entries(expected)) {
      const score = scorePlan(() => readPlanFile(join(dir, file), aliases), want)
      t.ok(score.asExpected, `${file} loads`)
      facts += score.facts
      held += score.held
      found += score.targetsFound
      wanted += score.targetsExpected
      matched += score.targetsMatched
      if (score.differences.length > 0) t.comment(`${file}:\n  ${score.differences.join('\n  ')}`)
    }
    t.ok(held / facts >= FLOORS.structure, `structure facts ${held}/${facts}`)
    t.ok(matched / found >= FLOORS.precision, `target precision ${matched}/${found}`)
    t.ok(matched / wanted >= FLOORS.recall, `target recall ${matched}/${wanted}`)
  })
}
