// The benchmark's generated plans must be plans the parser reads fully, or the benchmark measures
// the wrong thing.
import t from 'tap'
import { generatePlan } from '../bench/generate-plans.js'
import { parseText } from './helper.js'

t.test('generated plans parse into full outlines and linked tasks', async (t) => {
  const numbers = new Set<string>()
  for (let seed = 1; seed <= 5; seed++) {
    const text = generatePlan(seed)
    t.equal(generatePlan(seed), text, 'deterministic')
    const plan = parseText(text, `plan-${seed}.txt`)
    numbers.add(plan.number ?? 'no number')
    t.equal(plan.sections.filter((s) => s.kind === 'part').length, 3)
    t.ok(plan.sections.filter((s) => s.kind === 'item').length >= 15)
    t.ok(plan.tasks.length >= 20)
    t.ok(
      plan.tasks.every((x) => x.itemIndexes.length > 0 && x.units.length > 0),
      `seed ${seed}`,
    )
  }
  t.equal(numbers.size, 5, 'each seed its own document number')
})
