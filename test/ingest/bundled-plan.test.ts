// What a reader checks by eye in the bundled plan (新政办〔2023〕17号), against the parser.
import t from 'tap'
import { bundledPlanPath, readPlan } from '../helper.js'

const plan = readPlan(bundledPlanPath)
const count = (kind: string) => plan.sections.filter((s) => s.kind === kind).length
const agencyOf = (index: number) => plan.agencies[index]!

t.test('the document', async (t) => {
  t.equal(plan.source.sha256, '31d0c57dc9cf73c10d5fb065aaefa3f5b2847bbfccf4b4289981ec84e2574eb2')
  t.equal(plan.number, '新政办〔2023〕17号')
  t.same(plan.numberParts, { agencyCode: '新政办', year: 2023, serial: 17 })
  t.equal(plan.issuer, '新郑市人民政府办公室')
  t.equal(plan.jurisdiction, '新郑市')
  t.equal(
    plan.title,
    '新郑市人民政府办公室关于印发新郑市职业教育高质量创新发展高地建设实施方案的通知',
  )
  t.equal(plan.planTitle, '新郑市职业教育高质量创新发展高地建设实施方案')
  t.same(plan.recipients, ['各乡镇人民政府', '各街道办事处', '市人民政府各部门', '各有关单位'])
  t.equal(plan.issuedOn, '2023-08-28')
  t.equal(plan.printer, '新郑市人民政府办公室')
  t.equal(plan.sponsor, '市教育局')
  t.same(plan.cc, [
    '市委各部门',
    '市人民武装部',
    '市人大常委会办公室',
    '市政协办公室',
    '市法院',
    '市检察院',
  ])
  t.same(plan.attachments, [{ title: '新郑市职业教育高质量创新发展高地建设工作任务清单' }])
  t.same(
    plan.citations.map((c) => [c.title, c.number]),
    [
      ['关于推动现代职业教育高质量发展的意见', '中办发〔2021〕43号'],
      ['中共中央办公厅 国务院办公厅关于深化现代职业教育体系建设改革的意见', null],
      ['教育部 河南省人民政府关于深化职业教育改革推进技能社会建设的意见', '豫政〔2021〕2号'],
      [
        '中共河南省委办公厅 河南省人民政府办公厅关于推动现代职业教育高质量发展的实施意见',
        '豫办〔2022〕35号',
      ],
      [
        '郑州市人民政府办公厅关于印发郑州市职业教育创新发展高地建设实施方案的通知',
        '郑政办〔2022〕91号',
      ],
      ['郑州市人民政府办公厅关于办好继续教育加快建设学习型城市的通知', '郑政办明电〔2021〕36号'],
      ['郑州市职业教育校企合作促进办法', null],
    ],
  )
})

t.test('the outline: 3 parts, 7 chapters, 23 items numbered through the document', async (t) => {
  t.equal(count('part'), 3)
  t.equal(count('chapter'), 7)
  t.equal(count('item'), 23)
  t.same(
    plan.sections.filter((s) => s.kind === 'item').map((s) => s.number),
    Array.from({ length: 23 }, (_, i) => i + 1),
  )
  const parts = plan.sections.filter((s) => s.kind === 'part')
  t.same(
    parts.map((p) => [p.label, p.heading]),
    [
      ['一、', '总体要求'],
      ['二、', '重点任务'],
      ['三、', '保障措施'],
    ],
  )
  // Part 三 holds its items directly; part 一 holds only chapters of prose.
  const part3 = plan.sections.indexOf(parts[2]!)
  t.same(
    plan.sections.filter((s) => s.parentIndex === part3).map((s) => s.number),
    [19, 20, 21, 22, 23],
  )
  const item6 = plan.sections.find((s) => s.kind === 'item' && s.number === 6)!
  t.equal(item6.heading, '聚焦双师标准，加强师资队伍建设')
  t.match(item6.text, /行家里手入校兼职，加强/, 'the sentence cut by the page break is whole')
  t.match(item6.text, /到2025年，全市职业教育“双师型”教师占专业课教师比例达到70%以上。$/)
  t.same([item6.startLine, item6.endLine], [53, 55])
  const guiding = plan.sections.find((s) => s.heading === '指导思想')!
  t.match(guiding.text, /为新郑打造黄帝文化历史名城/)
  const goals = plan.sections.find((s) => s.heading === '发展目标')!
  t.match(goals.text, /到2025年，中等职业学校在校生规模达到3万人，毕业生就业率保持在95%以上/)
  for (const s of plan.sections) {
    t.notMatch(
      s.text,
      /[\u4e00-\u9fff] +[\u4e00-\u9fff\d]|\d +[\u4e00-\u9fff]/,
      `no stray space in ${s.label}`,
    )
  }
})

t.test('the task list: 29 rows with their responsible units in order', async (t) => {
  t.equal(plan.tasks.length, 29)
  t.same(
    plan.tasks.map((x) => x.number),
    Array.from({ length: 29 }, (_, i) => i + 1),
  )
  const units = (n: number) => plan.tasks[n - 1]!.units.map((u) => u.asWritten)
  const canonical = (n: number) => plan.tasks[n - 1]!.units.map((u) => agencyOf(u.agencyIndex).name)
  t.same(units(1), ['市教育局', '市人社局'])
  t.same(canonical(1), ['市教育局', '市人力资源和社会保障局'])
  t.same(units(6), ['各乡镇（街道、管委会）', '各行业部门'])
  t.same(units(15), ['各相关部门'])
  t.same(units(4), ['市教育局', '市人社局', '市发展改革委', '科工信局', '相关乡镇（街道、管委会）'])
  // Names as written, repaired like all text: the half-width brackets of the row are full-width.
  t.same(units(26), ['各行业部门', '各乡镇（街道、管委会）'])
  t.same(canonical(26), ['各行业部门', '各乡镇（街道、管委会）'])
  t.equal(plan.tasks[24]!.text.includes(','), false, 'half-width commas repaired')
  t.equal(plan.tasks[0]!.line, 120, "provenance: the row's line")
})

t.test('each task links to the action items it restates', async (t) => {
  const items = (n: number) => plan.tasks[n - 1]!.itemIndexes.map((i) => plan.sections[i]!.number)
  const expected: [number, number[]][] = [
    [1, [2]],
    [2, [2]],
    [3, [2]],
    [4, [3]],
    [6, [3]],
    [8, [4]],
    [9, [5]],
    [11, [6]],
    [15, [9, 11]],
    [16, [9]],
    [20, [14]],
    [22, [16]],
    [25, [17]],
    [27, [20]],
    [29, [23]],
  ]
  for (const [task, itemNumbers] of expected) t.same(items(task), itemNumbers, `task ${task}`)
  t.ok(
    plan.tasks.every((x) => x.itemIndexes.length > 0),
    'every task restates some item',
  )
})

t.test('agencies: one per canonical name, with the table’s profile and every alias', async (t) => {
  const byName = (name: string) => plan.agencies.find((a) => a.name === name)
  const taskCount = (name: string) => {
    const index = plan.agencies.findIndex((a) => a.name === name)
    return plan.tasks.filter((x) => x.units.some((u) => u.agencyIndex === index)).length
  }
  t.equal(taskCount('市教育局'), 26)
  t.equal(taskCount('市人力资源和社会保障局'), 24)
  t.equal(taskCount('市财政局'), 13)
  t.equal(taskCount('各乡镇（街道、管委会）'), 9)
  t.equal(taskCount('市审计局'), 0)
  t.same(byName('市人力资源和社会保障局')!.aliases, ['市人社局'])
  t.same(byName('市发展和改革委员会')!.profile!.phone, '334455667')
  t.same(byName('市文化旅游广电体育局')!.aliases, ['市文广旅体局'])
  t.equal(plan.agencies.filter((a) => a.name === '市住房公积金管理中心').length, 1)
  t.equal(plan.agencyTable.length, 16, 'the duplicated table row is kept in the table')
  t.same(
    plan.agencies
      .filter((a) => a.kind === 'collective')
      .map((a) => a.name)
      .sort(),
    ['各乡镇（街道、管委会）', '各相关部门', '各行业部门', '相关乡镇（街道、管委会）'].sort(),
  )
  const names = plan.agencies.map((a) => a.name)
  t.equal(new Set(names).size, names.length, 'no agency twice')
})
