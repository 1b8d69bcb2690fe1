// Progress survives re-ingesting: ids are stable, and a target that a new version of the text
// no longer states keeps its id and its observations, marked withdrawn.
import t from 'tap'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import { createToken, principalOf } from '../../src/store/tokens.js'
import { bundledPlanPath, parseText, readText, tempDatabase } from '../helper.js'

t.test('a target gone from the new text is withdrawn, with its history', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const admin = principalOf(
    db,
    createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret,
  )!
  const targets = [...store.eachTarget({})]
  // A target only the body states, so that no task row states it again.
  const gone = targets.find((g) => g.taskIds.length === 0 && g.sectionId !== null)!
  const kept = targets.find((g) => g.source.line !== gone.source.line)!
  const task = [...store.eachTask({})][0]!
  for (const target of [gone, kept]) {
    store.addObservation(admin, target.id, { value: 1, observedOn: '2024-06-30' })
  }
  store.setTaskStatus(admin, task.id, { status: 'in_progress' }, () => {})

  // The amended text: the figures of that target's line are gone.
  const lines = readText(bundledPlanPath).split('\n')
  const at = gone.source.line - 1
  lines[at] = lines[at]!.replace(/[0-9０-９]+(\.[0-9]+)?/g, '若干')
  const amended = parseText(lines.join('\n'), 'amended.txt')
  t.notOk(
    amended.targets.some((g) => g.indicator === gone.indicator && g.value === gone.value),
    'the amended text no longer states the target',
  )
  loadDocuments(db, [amended])

  const withdrawn = store.getTarget(gone.id)
  t.ok(withdrawn, 'the target keeps its id')
  t.match(withdrawn, {
    withdrawn: true,
    indicator: gone.indicator,
    sectionId: null,
    taskIds: [],
    progress: { latestValue: 1, observedOn: '2024-06-30' },
  })
  t.equal([...store.eachObservation(gone.id)].length, 1, 'its observation is kept')
  t.match(store.getTarget(kept.id), { withdrawn: false, progress: { latestValue: 1 } })
  t.equal(store.getTask(task.id)!.status, 'in_progress', 'a task keeps its status')
  const unreported = targets.filter((g) => g.id !== gone.id && g.id !== kept.id)
  t.ok(
    unreported.every((g) => store.getTarget(g.id)?.withdrawn !== true),
    'only targets with history are kept when they go',
  )

  // Loading the first text again makes it a target of the text once more.
  loadDocuments(db, [parseText(readText(bundledPlanPath), 'again.txt')])
  t.match(store.getTarget(gone.id), { withdrawn: false, sectionId: gone.sectionId })
  t.equal([...store.eachObservation(gone.id)].length, 1)
})
