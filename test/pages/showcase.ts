// The plans as the screenshots show them: the bundled plan and a second one, with a year and a
// half of reports, so that the pages have targets in every standing and tasks in every status.
// The day is fixed, so that a page looks the same on every run and a screenshot changes only
// when the page does. What each record holds is read back from the API by the tests.
import type { Test } from 'tap'
import type { TaskStatus } from '../../src/store/index.js'
import { Store } from '../../src/store/index.js'
import { createToken, principalOf } from '../../src/store/tokens.js'
import { bundledPlanPath, secondPlanPath, tempDatabase } from '../helper.js'

export const SHOWCASE_DAY = '2025-06-30'

/** Shares of the target reported at the ends of 2023 and 2024, target by target in turn. */
const PATHS: (number[] | null)[] = [[0.8, 1.02], [0.55, 0.7], [0.85, 0.93], null, [0.9]]

const STATUSES: TaskStatus[] = ['done', 'in_progress', 'in_progress', 'at_risk', 'not_started']

export function showcaseDatabase(t: Test) {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const store = new Store(db)
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 'showcase' }).secret,
  )!
  const measurable = [...store.eachTarget({ withdrawn: false })].filter(
    (g) => g.value !== null && g.value > 0 && g.deadlineYear !== null,
  )
  measurable.forEach((target, i) => {
    const path = PATHS[i % PATHS.length]
    path?.forEach((share, year) => {
      // A ceiling (不超过) is met from below: report it above the line and coming down.
      const lower = target.comparator === 'lte' || target.comparator === 'lt'
      // Off the round numbers an axis is labelled with, so that a chart showing a report's value
      // cannot pass for one showing a tick.
      const value = target.value! * (lower ? 2 - share : share) + 0.37
      store.addObservation(admin, target.id, {
        value: Math.round(value * 100) / 100,
        observedOn: `${2023 + year}-12-31`,
      })
    })
  })
  ;[...store.eachTask({})].forEach((task, i) => {
    const status = STATUSES[i % STATUSES.length]!
    if (status !== 'not_started') store.setTaskStatus(admin, task.id, { status }, () => {})
  })
  return { db, store }
}
