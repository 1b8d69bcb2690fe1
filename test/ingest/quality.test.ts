// Data-quality findings on fixture plans edited the way real texts go wrong.
import t from 'tap'
import type { PlanDocument } from '../../src/ingest/types.js'
import { parseText, readPlan, readText, secondPlanPath, thirdPlanPath } from '../helper.js'

const second = readText(secondPlanPath)
const third = readText(thirdPlanPath)

const codes = (plan: PlanDocument, code: string) => plan.findings.filter((f) => f.code === code)

function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(fragment))
  if (index < 0) throw new Error(`fixture lacks ${fragment}`)
  return index + 1
}

t.test('the fixtures as written: what their reader flagged', async (t) => {
  const plan = readPlan(secondPlanPath)
  t.same(
    codes(plan, 'duplicate-row').map((f) => f.lines),
    [[107, 106]],
  )
  t.same(
    codes(plan, 'units-inherited').map((f) => f.lines),
    [[96]],
    'task 10 has an empty 责任单位 cell, read as merged with the row above',
  )
  t.same(codes(plan, 'task-without-unit'), [])
  t.match(
    codes(plan, 'unit-not-in-agency-table').map((f) => f.message),
    [/^市自然资源规划局/, /^市教育局/],
  )
  t.same(
    codes(plan, 'agency-without-task').map((f) => f.lines),
    [[110]],
    '市应急管理局 carries no task',
  )
  const withoutTable = readPlan(thirdPlanPath)
  t.same(codes(withoutTable, 'unit-not-in-agency-table'), [], 'no agency table, nothing to compare')
  t.same(
    codes(withoutTable, 'units-inherited').map((f) => f.lines),
    [[62]],
  )
})

t.test('a phone number given for two agencies', async (t) => {
  const text = second.replace('0379-63212630', '0379-63218722')
  const [finding] = codes(parseText(text), 'shared-phone')
  t.match(finding, { severity: 'warning', lines: [102, 103] })
  t.match(
    finding?.message,
    /0379-63218722 is given for 市发展和改革委员会 \(line 102\) and 市财政局 \(line 103\)/,
  )
})

t.test('a task row printed twice', async (t) => {
  const row = third.split('\n').find((l) => l.startsWith('3\t'))!
  const text = third.replace(row, `${row}\n${row.replace(/^3\t/, '4\t')}`)
  const plan = parseText(text)
  t.same(
    codes(plan, 'duplicate-row').map((f) => f.message),
    ['Task 4 repeats the text of task 3.'],
  )
})

t.test('a list that gains a term in the task list', async (t) => {
  const row = second.split('\n').find((l) => l.startsWith('1\t'))!
  const text = second.replace(
    row,
    row.replace('服务内容、服务标准', '服务内容、服务方式、服务标准'),
  )
  t.not(text, second, 'the edit applies to the task row only')
  const plan = parseText(text)
  const [finding] = codes(plan, 'list-differs')
  t.match(finding?.message, /^Task 1 lists 5 .*服务方式.* where the body \(line 28\) lists 4/)
  t.same(finding?.lines, [lineOf(text, '1\t制定发布'), 28])
})

t.test('a word changed between an item and its task', async (t) => {
  const row = second.split('\n').find((l) => l.startsWith('3\t'))!
  const text = second.replace(row, row.replace('分档确定', '分级确定'))
  const [finding] = codes(parseText(text), 'wording-differs')
  t.match(
    finding?.message,
    /Task 3 writes “.*分级确定.*” where the body \(line 36\) writes “.*分档确定.*”/,
  )
})

t.test('a target only the task list states', async (t) => {
  const row = third.split('\n').find((l) => l.startsWith('3\t'))!
  const text = third.replace(
    row,
    row.replace('做到一店一招。', '做到一店一招，规范店招500块以上。'),
  )
  const plan = parseText(text)
  t.match(codes(plan, 'target-only-in-task-list'), [
    { severity: 'info', lines: [lineOf(text, '3\t')] },
  ])
  const [target] = plan.targets.filter((x) => x.sectionIndex === null)
  t.match(target, { value: 500, comparator: 'gte', unit: '块', taskIndexes: [2] })
})

t.test('one agency written two ways in the task list', async (t) => {
  const plan = readPlan(secondPlanPath)
  t.same(
    codes(plan, 'unit-spelled-differently').map((f) => f.message),
    ['市人力资源和社会保障局 is written 市人社局 (line 85) and 人社局 (line 95) in the tasks.'],
    'bracket widths (各县(市、区) and 各县（市、区）) are not a spelling of the author',
  )
})

t.test('a gap or a repeat in the task numbers', async (t) => {
  const row = third.split('\n').find((l) => l.startsWith('4\t'))!
  const gap = codes(parseText(third.replace(row, row.replace(/^4\t/, '5\t'))), 'task-numbering')
  t.same(
    gap.map((f) => f.message),
    ['Task 5 follows task 3; 4 was expected.', 'Task 5 follows task 5; 6 was expected.'],
  )
  t.same(codes(readPlan(thirdPlanPath), 'task-numbering'), [], 'none in the fixture as written')
})

t.test('a task that adds the year of its item, or repeats another task, links', async (t) => {
  const row = third.split('\n').find((l) => l.startsWith('3\t'))!
  const text = third
    .replace(row, row.replace('做到一店一招。', '做到一店一招，规范店招500块以上。'))
    .replace(/^5\t(.*?)。/m, '5\t$1，规范店招500块以上。')
  const plan = parseText(text)
  const signs = plan.targets.filter((x) => x.unit === '块')
  t.equal(signs.length, 1, 'two tasks with one figure make one target')
  t.same(signs[0]?.taskIndexes, [2, 4])
  t.equal(codes(plan, 'target-only-in-task-list').length, 1)

  // The body sets no year for its 800 parking places; a task may add the year of the plan.
  const parking = third.split('\n').find((l) => l.startsWith('2\t'))!
  const withYear = third.replace(
    parking,
    parking.replace(
      '违法停车行为。',
      '违法停车行为。到2022年底，具备条件的路段新增停车泊位不少于800个。',
    ),
  )
  const linked = parseText(withYear)
  t.same(codes(linked, 'target-differs'), [])
  t.match(
    linked.targets.find((x) => x.value === 800),
    { deadlineYear: null, taskIndexes: [1] },
  )
})
