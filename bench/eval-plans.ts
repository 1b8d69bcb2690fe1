// npm run eval:plans [-- --verbose] [-- DIR...]: how well the ingest reads the genre corpus
// (test/fixtures/genre). Per layout family and over all: the load rate, the share of structure
// facts that hold, and strict target precision and recall; the held-out texts apart from the
// ones the parser was tuned on. --verbose lists every disagreement.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readAliasDictionary, readPlanFile } from '../src/ingest/read.js'
import { aliasDictionaryPath, projectRoot } from '../src/paths.js'
import { scorePlan, type ExpectedGenrePlan, type PlanScore } from './plan-score.js'

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', short: 'v' } },
  allowPositionals: true,
})
const corpus = join(projectRoot, 'test', 'fixtures', 'genre')
const sets =
  positionals.length > 0
    ? positionals
    : readdirSync(corpus, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort((a, b) => (a === 'tuning' ? -1 : b === 'tuning' ? 1 : a.localeCompare(b)))
const aliases = readAliasDictionary(aliasDictionaryPath)

interface Tally {
  plans: number
  loaded: number
  facts: number
  held: number
  expected: number
  found: number
  matched: number
}

const empty = (): Tally => ({
  plans: 0,
  loaded: 0,
  facts: 0,
  held: 0,
  expected: 0,
  found: 0,
  matched: 0,
})

function add(t: Tally, s: PlanScore) {
  t.plans++
  if (s.asExpected) t.loaded++
  t.facts += s.facts
  t.held += s.held
  t.expected += s.targetsExpected
  t.found += s.targetsFound
  t.matched += s.targetsMatched
}

const ratio = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(3))

function row(name: string, t: Tally): string {
  return [
    name.padEnd(30),
    `${t.loaded}/${t.plans}`.padStart(6),
    `${ratio(t.held, t.facts)} (${t.held}/${t.facts})`.padStart(20),
    ratio(t.matched, t.found).padStart(9),
    ratio(t.matched, t.expected).padStart(7),
  ].join('  ')
}

const header = `${'family'.padEnd(30)}  ${'loads'.padStart(6)}  ${'structure facts'.padStart(20)}  ${'precision'.padStart(9)}  ${'recall'.padStart(7)}`

const everySet = empty()
for (const set of sets) {
  // A set of the corpus by name, or any folder of texts with an expected.json.
  const dir = set.includes('/') ? set : join(corpus, set)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    ExpectedGenrePlan
  >
  const overall = empty()
  const byFamily = new Map<string, Tally>()
  const details: string[] = []
  for (const [file, want] of Object.entries(expected)) {
    const score = scorePlan(() => readPlanFile(join(dir, file), aliases), want)
    add(overall, score)
    add(everySet, score)
    for (const family of want.families) {
      if (!byFamily.has(family)) byFamily.set(family, empty())
      add(byFamily.get(family)!, score)
    }
    const single = empty()
    add(single, score)
    details.push(row(file.replace(/\.txt$/, ''), single))
    if (values.verbose) for (const d of score.differences) details.push(`    ${d}`)
  }
  console.log(`\n# ${set} (${overall.plans} plans)\n`)
  console.log(header)
  for (const family of [...byFamily.keys()].sort()) console.log(row(family, byFamily.get(family)!))
  console.log(row('all', overall))
  console.log(`\n${header.replace('family', 'plan  ')}`)
  for (const line of details) console.log(line)
}
if (sets.length > 1)
  console.log(`\n${header.replace('family', 'sets  ')}\n${row(sets.join(' + '), everySet)}`)
