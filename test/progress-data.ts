// A database with progress reported, for tests of the lists that filter, sort and count by it:
// two plans, tasks in every status, targets observed so that some are on track and some not,
// and a target withdrawn by an amended text. What each record holds is read back from the
// store by the tests; nothing here is an expected answer.
import type { Test } from 'tap'
import { Store } from '../src/store/index.js'
import { loadDocuments } from '../src/store/load.js'
import { createToken, principalOf } from '../src/store/tokens.js'
import type { TaskStatus } from '../src/store/index.js'
import {
  bundledPlanPath,
  parseText,
  readPlan,
  readText,
  secondPlanPath,
  tempDatabase,
} from './helper.js'

const STATUSES: TaskStatus[] = ['in_progress', 'done', 'at_risk', 'in_progress', 'not_started']

export function progressDatabase(t: Test) {
  const { db, path } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const store = new Store(db)
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret,
  )!
  // Every second task gets a status; one gets two, so that only the latest must count.
  const tasks = [...store.eachTask({})]
  tasks.forEach((task, i) => {
    if (i % 2 === 1) return
    store.setTaskStatus(admin, task.id, { status: STATUSES[i % STATUSES.length]! }, () => {})
  })
  store.setTaskStatus(admin, tasks[0]!.id, { status: 'done' }, () => {})

  // Targets with a value and a deadline: reached, far behind before the deadline, and short
  // after it; one observed twice, the later observation deciding.
  const measurable = [...store.eachTarget({})].filter(
    (g) => g.value !== null && g.value > 0 && g.deadlineYear !== null,
  )
  measurable.forEach((target, i) => {
    const value = target.value!
    const observations = [
      { value, observedOn: `${target.deadlineYear! - 1}-06-30` },
      { value: value / 1000, observedOn: `${target.deadlineYear!}-12-01` },
      { value: value / 1000, observedOn: `${target.deadlineYear! + 1}-01-15` },
      null,
    ]
    const observation = observations[i % observations.length]
    if (observation) store.addObservation(admin, target.id, observation)
  })
  if (measurable[1]) {
    store.addObservation(admin, measurable[1].id, {
      value: measurable[1].value! * 2,
      observedOn: `${measurable[1].deadlineYear!}-12-31`,
    })
  }

  // A target only the body of the bundled plan states, withdrawn by a text without its figures.
  const bundled = readPlan(bundledPlanPath)
  const gone = [...store.eachTarget({ document: bundled.number! })].find(
    (g) => g.taskIds.length === 0 && g.sectionId !== null,
  )!
  const lines = readText(bundledPlanPath).split('\n')
  lines[gone.source.line - 1] = lines[gone.source.line - 1]!.replace(
    /[0-9０-９]+(\.[0-9]+)?/g,
    '若干',
  )
  loadDocuments(db, [parseText(lines.join('\n'), 'amended.txt')])
  return { db, path, store }
}
