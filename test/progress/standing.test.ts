// Where a target stands on a day, case by case: what the follow-up office is told to act on.
import t from 'tap'
import { standingOf, todayInChina } from '../../src/progress/standing.js'

const target = (over: Partial<Parameters<typeof standingOf>[0]> = {}) => ({
  comparator: 'gte' as const,
  value: 95,
  deadlineYear: 2025,
  progress: null,
  ...over,
})
const progress = (latestValue: number, observedOn: string, onTrack: boolean | null) => ({
  latestValue,
  observedOn,
  share: latestValue / 95,
  onTrack,
})

t.test('reached when the latest value satisfies the target, even after the deadline', async (t) => {
  t.equal(
    standingOf(target({ progress: progress(96, '2025-06-30', true) }), '2026-03-01'),
    'reached',
  )
  t.equal(
    standingOf(target({ progress: progress(95, '2025-06-30', true) }), '2024-01-01'),
    'reached',
  )
  const ceiling = target({
    comparator: 'lte',
    value: 10,
    progress: progress(8, '2024-01-01', true),
  })
  t.equal(standingOf(ceiling, '2024-02-01'), 'reached', 'a ceiling held')
})

t.test('overdue once the deadline year has ended without it', async (t) => {
  t.equal(standingOf(target(), '2026-01-01'), 'overdue', 'never reported')
  t.equal(standingOf(target(), '2025-12-31'), 'unreported', 'the last day is still in time')
  t.equal(
    standingOf(target({ progress: progress(90, '2025-12-01', false) }), '2026-01-01'),
    'overdue',
  )
})

t.test('at risk, on track or not to be judged before the deadline', async (t) => {
  t.equal(
    standingOf(target({ progress: progress(40, '2024-12-31', false) }), '2025-01-05'),
    'at_risk',
  )
  t.equal(
    standingOf(target({ progress: progress(90, '2024-12-31', true) }), '2025-01-05'),
    'on_track',
  )
  t.equal(
    standingOf(target({ progress: progress(90, '2024-12-31', null) }), '2025-01-05'),
    'unjudged',
  )
  t.equal(standingOf(target(), '2025-01-05'), 'unreported')
  const noDeadline = target({ deadlineYear: null, progress: progress(50, '2030-01-01', null) })
  t.equal(standingOf(noDeadline, '2099-01-01'), 'unjudged', 'no deadline is never overdue')
  const noFigure = target({ value: null, progress: progress(50, '2024-01-01', null) })
  t.equal(standingOf(noFigure, '2024-06-01'), 'unjudged', 'a relative target has no figure')
})

t.test('a ceiling above its line before the deadline is at risk', async (t) => {
  const ceiling = target({
    comparator: 'lte',
    value: 10,
    progress: progress(12, '2024-06-30', null),
  })
  t.equal(standingOf(ceiling, '2024-07-01'), 'at_risk')
  t.equal(standingOf(ceiling, '2026-01-01'), 'overdue', 'and overdue after it')
})

t.test('a target with no figure of its own is never judged by the calendar', async (t) => {
  const relative = target({ value: null, deadlineYear: 2025 })
  t.equal(
    standingOf(relative, '2026-06-01'),
    'unreported',
    'not overdue: nothing says it is missed',
  )
  const reported = target({ value: null, progress: progress(99, '2025-06-30', null) })
  t.equal(standingOf(reported, '2026-06-01'), 'unjudged', 'a report cannot be judged either')
})

t.test("today is China's date", async (t) => {
  t.equal(todayInChina(new Date('2025-12-31T15:59:59Z')), '2025-12-31')
  t.equal(todayInChina(new Date('2025-12-31T16:00:00Z')), '2026-01-01')
})
