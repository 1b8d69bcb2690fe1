// Progress of a target from its latest observation: each comparator, deadlines and time gone.
import t from 'tap'
import { progressOf, type Measured } from '../../src/progress/measure.js'

const total = (over: Partial<Measured> = {}): Measured => ({
  comparator: 'gte',
  value: 100,
  basis: 'total',
  deadlineYear: 2025,
  ...over,
})

t.test('no observation, no progress', async (t) => {
  t.equal(progressOf(total(), null, 2023), null)
})

t.test('a total is on track when its share keeps up with the time gone', async (t) => {
  // 2023-01-01 to 2025-12-31: mid-2024 is about half the time.
  const mid = '2024-07-01'
  t.match(progressOf(total(), { value: 60, observedOn: mid }, 2023), {
    latestValue: 60,
    observedOn: mid,
    share: 0.6,
    onTrack: true,
  })
  t.match(progressOf(total(), { value: 40, observedOn: mid }, 2023), { share: 0.4, onTrack: false })
  t.match(progressOf(total(), { value: 100, observedOn: '2023-02-01' }, 2023), { onTrack: true })
  t.match(progressOf(total(), { value: 99, observedOn: '2026-03-01' }, 2023), { onTrack: false })
  t.match(progressOf(total(), { value: 10, observedOn: mid }, null), { onTrack: null })
})

t.test('comparators decide what reached means', async (t) => {
  const at = (comparator: Measured['comparator'], value: number) =>
    progressOf(total({ comparator, deadlineYear: null }), { value, observedOn: '2024-01-01' }, 2023)
  t.match(at('gt', 100), { onTrack: null }, 'gt is not reached at the value')
  t.match(at('gt', 101), { onTrack: true })
  t.match(at('lte', 100), { share: 1, onTrack: true })
  t.match(at('lte', 125), { share: 0.8, onTrack: null })
  t.match(at('lt', 100), { onTrack: null })
  t.match(at('range', 100), { onTrack: true })
})

t.test('ceilings and yearly figures hold or not; relative targets have no share', async (t) => {
  const ceiling = total({ comparator: 'lte', value: 50 })
  t.match(progressOf(ceiling, { value: 60, observedOn: '2024-01-01' }, 2023), { onTrack: null })
  t.match(progressOf(ceiling, { value: 60, observedOn: '2026-01-02' }, 2023), { onTrack: false })
  const yearly = total({ basis: 'perYear' })
  t.match(progressOf(yearly, { value: 50, observedOn: '2024-12-31' }, 2023), { onTrack: null })
  const relative = total({ value: null })
  t.same(progressOf(relative, { value: 5, observedOn: '2024-01-01' }, 2023), {
    latestValue: 5,
    observedOn: '2024-01-01',
    share: null,
    onTrack: null,
  })
})
