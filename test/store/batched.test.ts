// The batched reads behind GraphQL's links must give, for each parent, exactly the page that the
// filtered list gives for that parent alone: one statement for many parents, the same answer.
import t, { type Test } from 'tap'
import { Store, type Page } from '../../src/store/index.js'
import { bundledPlanPath, secondPlanPath, tempDatabase, thirdPlanPath } from '../helper.js'

const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath, thirdPlanPath])
const store = new Store(db)

const all = <T>(items: Iterable<T>) => [...items]
const documents = all(store.eachDocument({}))
const sections = all(store.eachSection({}))
const tasks = all(store.eachTask({}))
const agencies = all(store.eachAgency({}))
const targets = all(store.eachTarget({}))

/** A page without its cursor function, so that pages compare as data. */
function plain<T>(page: Page<T> | undefined) {
  return page && { items: page.items, total: page.total, next: page.next, more: page.more }
}

/** Each parent's batched pages, first and second, against the list filtered by that parent. */
function sameAsFiltered<T>(
  t: Test,
  parents: string[],
  batched: (parents: string[], cursor?: string) => Map<string, Page<T>>,
  filtered: (parent: string, cursor?: string) => Page<T>,
) {
  const first = batched(parents)
  t.equal(first.size, parents.length, 'a page for every parent')
  let withItems = 0
  for (const parent of parents) {
    const expected = filtered(parent)
    t.same(plain(first.get(parent)), plain(expected), parent)
    if (expected.items.length > 0) withItems++
    if (expected.next !== null) {
      t.same(
        plain(batched([parent], expected.next).get(parent)),
        plain(filtered(parent, expected.next)),
        `${parent}, second page`,
      )
    }
  }
  t.ok(withItems > 0, 'some parent has records: the comparison is not between empty lists')
}

const limit = 3
const ids = (records: { id: string }[]) => records.map((r) => r.id)

t.test('sections of documents and of parent sections', async (t) => {
  sameAsFiltered(
    t,
    ids(documents),
    (p, cursor) => store.sectionsOf('document', p, {}, { limit, cursor }),
    (document, cursor) => store.listSections({ document }, { limit, cursor }),
  )
  sameAsFiltered(
    t,
    ids(sections),
    (p, cursor) => store.sectionsOf('parent', p, { kind: 'item' }, { limit, cursor }),
    (parent, cursor) => store.listSections({ parent, kind: 'item' }, { limit, cursor }),
  )
})

t.test('tasks of documents, agencies, targets and sections', async (t) => {
  sameAsFiltered(
    t,
    ids(documents),
    (p, cursor) => store.tasksOf('document', p, {}, { limit, cursor }),
    (document, cursor) => store.listTasks({ document }, { limit, cursor }),
  )
  sameAsFiltered(
    t,
    ids(agencies),
    (p, cursor) => store.tasksOf('agency', p, {}, { limit, cursor }),
    (agency, cursor) => store.listTasks({ agency }, { limit, cursor }),
  )
  const restating = (target: string) =>
    tasks.filter((task) => targets.find((g) => g.id === target)!.taskIds.includes(task.id))
  const targetTasks = store.tasksOf('target', ids(targets), {}, { limit: 100 })
  let linked = 0
  for (const target of targets) {
    t.same(targetTasks.get(target.id)!.items, restating(target.id), target.id)
    linked += restating(target.id).length
  }
  t.ok(linked > 0, 'some target is restated by a task')

  // A part's tasks are those restating any item under it.
  const under = (root: string): string[] => [
    root,
    ...sections.filter((s) => s.parentId === root).flatMap((s) => under(s.id)),
  ]
  const sectionTasks = store.tasksOf('section', ids(sections), {}, { limit: 100 })
  for (const section of sections) {
    const subtree = under(section.id)
    const expected = tasks.filter((task) => task.items.some((item) => subtree.includes(item)))
    t.same(sectionTasks.get(section.id)!.items, expected, section.id)
  }
})

t.test('targets of documents, tasks, agencies and sections', async (t) => {
  sameAsFiltered(
    t,
    ids(documents),
    (p, cursor) => store.targetsOf('document', p, {}, { limit, cursor }),
    (document, cursor) => store.listTargets({ document }, { limit, cursor }),
  )
  sameAsFiltered(
    t,
    ids(agencies),
    (p, cursor) => store.targetsOf('agency', p, {}, { limit, cursor }),
    (agency, cursor) => store.listTargets({ agency }, { limit, cursor }),
  )
  sameAsFiltered(
    t,
    ids(sections),
    (p, cursor) => store.targetsOf('section', p, {}, { limit, cursor }),
    (section, cursor) => store.listTargets({ section }, { limit, cursor }),
  )
  const taskTargets = store.targetsOf('task', ids(tasks), {}, { limit: 100 })
  for (const task of tasks) {
    t.same(
      taskTargets.get(task.id)!.items,
      targets.filter((g) => g.taskIds.includes(task.id)),
      task.id,
    )
  }
})

t.test('agencies and findings of documents, with filters and sorts', async (t) => {
  sameAsFiltered(
    t,
    ids(documents),
    (p, cursor) =>
      store.agenciesOf(
        'document',
        p,
        { kind: 'agency' },
        { limit, cursor, sort: [{ field: 'taskCount', descending: true }] },
      ),
    (document, cursor) =>
      store.listAgencies(
        { document, kind: 'agency' },
        { limit, cursor, sort: [{ field: 'taskCount', descending: true }] },
      ),
  )
  sameAsFiltered(
    t,
    ids(documents),
    (p, cursor) => store.findingsOf('document', p, {}, { limit, cursor }),
    (document, cursor) => store.listFindings({ document }, { limit, cursor }),
  )
})

t.test('records by ids: every id once, unknown ids left out', async (t) => {
  const wanted = [tasks[4]!.id, tasks[0]!.id, tasks[4]!.id, 'task-none']
  const found = store.tasksByIds(wanted)
  t.same(found.map((r) => r.id).sort(), [tasks[0]!.id, tasks[4]!.id].sort())
  t.same(
    found.find((r) => r.id === tasks[0]!.id),
    store.getTask(tasks[0]!.id),
  )
  t.same(store.agenciesByIds([agencies[1]!.id])[0], store.getAgency(agencies[1]!.id))
  t.same(store.tasksByIds([]), [])
  t.same(store.tasksOf('agency', [], {}, { limit }).size, 0)
})

t.test('edge cursors continue after their own item', async (t) => {
  const page = store.listTasks({}, { limit: 5 })
  const fromThird = store.listTasks({}, { limit: 2, cursor: page.cursorAt(2) })
  t.same(fromThird.items, page.items.slice(3, 5))
  t.equal(page.cursorAt(4), page.next)
})
