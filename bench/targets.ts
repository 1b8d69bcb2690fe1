// Prints how well target extraction agrees with the hand-written lists of the fixture plans:
// npm run eval:targets. Precision and recall per plan and over all, then every disagreement.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readAliasDictionary, readPlanFile } from '../src/ingest/read.js'
import { aliasDictionaryPath, projectRoot } from '../src/paths.js'
import { scoreTargets, type ExpectedPlan } from './target-score.js'

const fixtures = join(projectRoot, 'test', 'fixtures')
const expected = JSON.parse(
  readFileSync(join(fixtures, 'targets', 'expected.json'), 'utf8'),
) as Record<string, ExpectedPlan>
const aliases = readAliasDictionary(aliasDictionaryPath)

let matched = 0
let found = 0
let wanted = 0
for (const [file, plan] of Object.entries(expected)) {
  const path = ['second-plan.txt', 'third-plan.txt'].includes(file)
    ? join(fixtures, 'plans', file)
    : join(fixtures, 'targets', file)
  const score = scoreTargets(readPlanFile(path, aliases), plan)
  matched += score.matched
  found += score.found
  wanted += score.expected
  console.log(
    `${file.padEnd(18)} expected ${score.expected}  found ${score.found}  matched ${score.matched}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`,
  )
  for (const line of score.differences) console.log(`  ${line}`)
}
console.log(
  `all                expected ${wanted}  found ${found}  matched ${matched}  precision ${(matched / found).toFixed(3)}  recall ${(matched / wanted).toFixed(3)}`,
)
