// /agencies/{id}: the agency's tasks are those /v1/tasks?agency= lists, in its order, each with
// the agency's role and the task's status; its targets are those /v1/targets?agency= lists.
import t from 'tap'
import { STANDING_LABEL, standingOf } from '../../src/progress/standing.js'
import type { TaskRecord } from '../../src/store/tasks.js'
import type { TargetRecord } from '../../src/store/targets.js'
import { ROLE_WORDS, STATUS_WORDS } from './words.js'
import { agencyPage, readAgency } from '../../src/pages/agency-page.js'
import { buildTestApp } from '../helper.js'
import { progressDatabase } from '../progress-data.js'
import { all, byId, cellsOf, hrefsOf, parsePage, textOf } from './dom.js'

const TODAY = '2025-07-01'

t.test('an agency’s page lists what the API lists for it', async (t) => {
  const { store } = progressDatabase(t)
  const app = await buildTestApp(t, { store, today: () => TODAY })
  const agencies = (await app.inject('/v1/agencies?sort=-taskCount&limit=3')).json().data as {
    id: string
    name: string
    phone: string | null
  }[]
  for (const agency of agencies) {
    const res = await app.inject(`/agencies/${agency.id}`)
    t.equal(res.statusCode, 200)
    const page = parsePage(res.body)
    t.equal(textOf(all(page, 'h1')[0]!), agency.name)
    if (agency.phone) t.match(textOf(page), agency.phone, 'its phone')
    const tasks = (await app.inject(`/v1/tasks?agency=${agency.id}&limit=500`)).json()
      .data as TaskRecord[]
    t.ok(tasks.length > 0, `${agency.name}: ${tasks.length} tasks`)
    const rows = all(all(byId(page, 'tasks-heading')!.parent as never, 'tbody')[0]!, 'tr')
    const shown = all(byId(page, 'tasks-heading')!.parent as never, 'tr').filter((r) =>
      (r.attribs.id ?? '').startsWith('task-'),
    )
    t.ok(rows.length > 0)
    t.same(
      shown.map((r) => r.attribs.id),
      tasks.map((task) => `task-${task.id}`),
      'the tasks, in the list’s order',
    )
    for (const task of tasks) {
      const cells = cellsOf(byId(page, `task-${task.id}`)!)
      t.equal(cells[0], String(task.number))
      const role = task.agencies.find((a) => a.id === agency.id)!.role
      t.equal(cells[2], ROLE_WORDS[role], `task ${task.number}: ${role}`)
      t.equal(cells[4], STATUS_WORDS[task.status], `task ${task.number}: ${task.status}`)
    }
    const targets = (
      await app.inject(`/v1/targets?agency=${agency.id}&withdrawn=false&limit=500`)
    ).json().data as TargetRecord[]
    for (const target of targets) {
      const row = byId(page, `target-${target.id}`)
      if (!t.ok(row, `target ${target.indicator}`)) continue
      t.ok(
        hrefsOf(row!).includes(`/plans/${target.documentId}/targets#target-${target.id}`),
        'links its card on the dashboard',
      )
      const [indicator, , deadline, , standing] = cellsOf(row!)
      t.equal(indicator, target.indicator.replace(/\s+/g, ' ').trim())
      t.equal(deadline, String(target.deadlineYear ?? ''))
      t.equal(standing, STANDING_LABEL[standingOf(target, TODAY)], 'where it stands today')
    }
    t.equal(
      all(byId(page, 'targets-heading')!.parent as never, 'tr').filter((r) =>
        (r.attribs.id ?? '').startsWith('target-'),
      ).length,
      targets.length,
      `${targets.length} targets`,
    )
  }
  const missing = await app.inject('/agencies/agency-000000000000')
  t.equal(missing.statusCode, 404)
})

t.test('past its rows the page says how many more there are, and where', async (t) => {
  const { store } = progressDatabase(t)
  const [agency] = store.listAgencies(
    {},
    { limit: 1, sort: [{ field: 'taskCount', descending: true }] },
  ).items
  const all = store.listTasks({ agency: agency!.id }, { limit: 1000 }).total
  t.ok(all > 2, `${all} tasks`)
  const view = readAgency(store, agency!.id, TODAY, 2)!
  t.equal(view.tasks.length, 2, 'two rows')
  t.equal(view.taskTotal, all, 'of all its tasks')
  const page = parsePage(agencyPage(view).toString())
  const section = byId(page, 'tasks-heading')!.parent as never
  t.match(textOf(section), `另有 ${all - 2} 项未列出`)
  t.ok(hrefsOf(section).includes(`/v1/tasks.csv?agency=${agency!.id}`), 'the rest as CSV')
})
