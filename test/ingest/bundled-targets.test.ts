// The targets and findings of the bundled plan, as a reader of the text lists them.
import t from 'tap'
import { bundledPlanPath, readPlan } from '../helper.js'

const plan = readPlan(bundledPlanPath)

type Row = [
  line: number,
  indicator: string,
  comparator: string,
  value: number | null,
  valueMax: number | null,
  unit: string | null,
  deadlineYear: number | null,
  basis: string,
  relativeTo: string | null,
  tasks: number[],
]

// Every commitment with a number in the body. Not here, deliberately: 五大项任务举措 and
// 23项行动计划 (the plan's own parts), “3+2”, “1+X”, “十四五”, 二十大, 三大主导产业, 五年一周期,
// 千兆主干网, the permission 可按投资额的30%抵免 and 可按照不低于50%的比例. The funding standard
// 人均不低于2元的标准拨付 is here: money the city commits to pay per resident (2 元/人), unlike a
// planning standard each project meets (the fixtures' 每百户…的标准).
const expected: Row[] = [
  [29, '中等职业学校在校生规模', 'gte', 30000, null, '人', 2025, 'total', null, []],
  [29, '毕业生就业率', 'gte', 95, null, '%', 2025, 'total', null, []],
  [29, '各类职业技能培训', 'gte', 60000, null, '人次', 2025, 'total', null, []],
  [39, '骨干中等职业学校', 'eq', 2, null, '所', null, 'total', null, [2]],
  [39, '省级高水平中等职业学校', 'range', 1, 2, '所', 2025, 'total', null, [3]],
  [39, '高水平专业群', 'range', 2, 3, '个', 2025, 'total', null, [3]],
  [43, '示范性高等职业学校产业学院', 'range', 1, 2, '个', null, 'total', null, [4]],
  [47, '郑州市级课程思政优秀教师', 'gte', 20, null, '名', null, 'total', null, [8]],
  [49, '课程思政示范课程', 'gte', 10, null, '门', null, 'total', null, [8]],
  [49, '思政和德育示范建设基地', 'eq', 2, null, '个', null, 'total', null, [8]],
  [51, '特色专业群', 'eq', 10, null, '个', 2025, 'total', null, [9]],
  [55, '职业教育“双师型”教师占专业课教师比例', 'gte', 70, null, '%', 2025, 'total', null, [11]],
  [65, '省级产教融合型企业', 'gte', 10, null, '家', null, 'total', null, [16]],
  [65, '郑州市级产教融合创新试点职业学校', 'gte', 3, null, '所', null, 'total', null, [16]],
  [65, '示范性校企合作项目', 'eq', 3, null, '个', null, 'total', null, [16]],
  [77, '比例聘足配齐兼职教师', 'approx', 30, null, '%', null, 'total', null, [19]],
  [81, '中等职业学校参与率', 'gte', 50, null, '%', null, 'total', null, [20]],
  [87, '年培训人次', 'gte', null, null, null, null, 'perYear', '在校生数', [21]],
  [105, '继续教育经费', 'gte', 2, null, '元/人', null, 'total', null, [28]],
]

t.test('the extractor finds exactly the targets a reader lists', async (t) => {
  const found: Row[] = plan.targets.map((x) => [
    x.line,
    x.indicator,
    x.comparator,
    x.value,
    x.valueMax,
    x.unit,
    x.deadlineYear,
    x.basis,
    x.relativeTo,
    x.taskIndexes.map((i) => plan.tasks[i]!.number),
  ])
  t.same(found, expected)
})

t.test('each target stands in the section its line belongs to', async (t) => {
  const labels = plan.targets.map((x) =>
    x.sectionIndex === null ? null : plan.sections[x.sectionIndex]!.label,
  )
  t.same(
    labels.slice(0, 3),
    ['（二）', '（二）', '（二）'],
    '发展目标 is chapter （二） of part 一',
  )
  for (const target of plan.targets) {
    const section = plan.sections[target.sectionIndex!]!
    t.ok(target.line >= section.startLine && target.line <= section.endLine, target.indicator)
    t.ok(section.text.includes(target.quote), `the quote is verbatim: ${target.quote}`)
  }
})

t.test('a restated target is one target linked to its task, not two', async (t) => {
  const restated = plan.targets.filter((x) => x.taskIndexes.length > 0)
  t.equal(restated.length, 16)
  t.notOk(
    plan.targets.some((x) => x.sectionIndex === null),
    'no target is found only in the task list',
  )
  t.notOk(plan.findings.some((f) => f.code === 'target-differs'))
})

t.test('findings name what a careful reader flags, with their lines', async (t) => {
  const byCode = (code: string) => plan.findings.filter((f) => f.code === code).map((f) => f.lines)
  t.same(byCode('duplicate-row'), [[172, 171]], 'the 市住房公积金管理中心 row is printed twice')
  t.same(
    byCode('shared-phone'),
    [
      [164, 169],
      [165, 170],
      [166, 171],
    ],
    'three phone numbers are each given for two agencies',
  )
  const notInTable = plan.findings
    .filter((f) => f.code === 'unit-not-in-agency-table')
    .map((f) => f.message.split(',')[0])
  t.same(
    notInTable.sort(),
    ['市财政局', '市资源规划局', '科工信局、市科工信局', '市民政局', '市税务局', '市总工会'].sort(),
    'units missing from the agency table, written as the task list writes them',
  )
  const keji = plan.findings.find((f) => f.message.startsWith('科工信局'))
  t.match(keji?.message, /closest name in the table is 市工业和信息化局 \(line 163\)/)
  t.same(byCode('list-differs'), [
    [122, 39],
    [136, 65],
  ])
  t.match(
    plan.findings.find((f) => f.code === 'list-differs')?.message,
    /Task 3 lists 7 .*新郑航空科技中专.* lists 6/,
  )
  const committee = plan.findings.find(
    (f) => f.code === 'wording-differs' && f.message.startsWith('Task 22'),
  )
  t.match(committee?.message, /终身教育与学习型城市.*终身教育与健康学习型城市/)
  t.same(
    plan.findings.filter((f) => f.code === 'agency-without-task').length,
    9,
    'nine agencies of the table carry no task',
  )
  t.same(byCode('unit-spelled-differently'), [[123, 137]], '科工信局 and 市科工信局')
  t.same(byCode('task-numbering'), [], 'tasks are numbered 1 to 29 without a gap')
  t.notOk(
    plan.findings.some((f) => f.code === 'task-without-unit'),
    'every task names a unit',
  )
  for (const f of plan.findings) {
    t.ok(
      f.lines.every((line) => line >= 1 && line <= plan.lineCount),
      `${f.code} names lines of the text`,
    )
  }
})
