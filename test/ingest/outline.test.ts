import t from 'tap'
import { parseOutline } from '../../src/ingest/outline.js'
import { decodePlanText } from '../../src/ingest/decode.js'

const outline = (body: string) => {
  const lines = decodePlanText(Buffer.from(body), 'o.txt')
  return parseOutline(lines, 0, lines.length, new Set())
}
const shape = (body: string) =>
  outline(body).sections.map((s) => [s.kind, s.label, s.number, s.heading, s.parentIndex])

t.test(
  'parts hold chapters, chapters hold items, and a part may hold items directly',
  async (t) => {
    const body = `为做好工作，制定本方案。

一、总体要求

到 2025 年，基本建立体系。

二、重点任务

（一）完善制度

1. 建立清单制度。制定清单。

2. 精准识别对象。建立评估制度。

（二）强化保障

3. 落实供养政策。提高标准。

三、保障措施

4. 加强组织领导。建立联席会议制度。
`
    t.same(shape(body), [
      ['part', '一、', 1, '总体要求', null],
      ['part', '二、', 2, '重点任务', null],
      ['chapter', '（一）', 1, '完善制度', 1],
      ['item', '1.', 1, '建立清单制度', 2],
      ['item', '2.', 2, '精准识别对象', 2],
      ['chapter', '（二）', 2, '强化保障', 1],
      ['item', '3.', 3, '落实供养政策', 5],
      ['part', '三、', 3, '保障措施', null],
      ['item', '4.', 4, '加强组织领导', 7],
    ])
    const o = outline(body)
    t.same(
      o.preamble.map((p) => p.text),
      ['为做好工作，制定本方案。'],
    )
    t.equal(o.sections[0]!.text, '到2025年，基本建立体系。', 'a part of prose only keeps its prose')
    t.equal(
      o.sections[3]!.text,
      '建立清单制度。制定清单。',
      "an item's text starts with its heading",
    )
    t.same(
      [o.sections[1]!.startLine, o.sections[1]!.endLine],
      [7, 17],
      "a part's span covers its children",
    )
  },
)

t.test('a sentence cut by a page break is joined, whatever the next line looks like', async (t) => {
  const body = `一、任务

1. 做好工作。培养 20 名

以上骨干教师，新增床位

1.2 万张，覆盖

二、三季度的检查。

2. 第二项。内容。
`
  const o = outline(body)
  t.same(shape(body), [
    ['part', '一、', 1, '任务', null],
    ['item', '1.', 1, '做好工作', 0],
    ['item', '2.', 2, '第二项', 0],
  ])
  t.equal(
    o.sections[1]!.text,
    '做好工作。培养20名以上骨干教师，新增床位1.2万张，覆盖二、三季度的检查。',
  )
  t.same([o.sections[1]!.startLine, o.sections[1]!.endLine], [3, 9])
})

t.test('a paragraph that ends a sentence starts a new paragraph of the same item', async (t) => {
  const o = outline('一、任务\n\n1. 甲。乙。\n\n到2025年，建成体系。\n')
  t.equal(o.sections[1]!.text, '甲。乙。\n到2025年，建成体系。')
})

t.test('items numbered anew in each chapter are still items', async (t) => {
  t.same(
    shape('一、任务\n\n（一）甲\n\n1. 甲一。\n\n2. 甲二。\n\n（二）乙\n\n1. 乙一。\n').map((s) =>
      s.slice(0, 3),
    ),
    [
      ['part', '一、', 1],
      ['chapter', '（一）', 1],
      ['item', '1.', 1],
      ['item', '2.', 2],
      ['chapter', '（二）', 2],
      ['item', '1.', 1],
    ],
  )
})

t.test('headings out of sequence are prose, not sections', async (t) => {
  t.same(
    shape('一、任务\n\n1. 甲。\n\n5. 这不是第五项。\n\n三、也不是第三部分。\n').map((s) => s[0]),
    ['part', 'item'],
  )
})

t.test('items numbered anew in a part without chapters are still items', async (t) => {
  t.same(
    shape('一、任务\n\n1. 甲。\n\n2. 乙。\n\n二、保障\n\n1. 丙。\n\n2. 丁。\n').map((s) =>
      s.slice(0, 3),
    ),
    [
      ['part', '一、', 1],
      ['item', '1.', 1],
      ['item', '2.', 2],
      ['part', '二、', 2],
      ['item', '1.', 1],
      ['item', '2.', 2],
    ],
  )
})

t.test('a chapter heading with a sentence of its own after an item cut mid-line', async (t) => {
  t.same(
    shape(
      '一、任务\n\n（一）甲\n\n1. 甲一。实施入地改造\n\n（二）提升管理水平。加强日常管理。\n',
    ).map((s) => s[0]),
    ['part', 'chapter', 'item', 'chapter'],
  )
})

t.test("an item's heading is its first sentence even when a page break cuts it", async (t) => {
  t.same(
    outline('一、任务\n\n1. 修复破损\n\n路面。对辖区路面排查。\n').sections[1]!.heading,
    '修复破损路面',
  )
})

t.test(
  'label styles: 第一章/第一节/第一条, （1） where there is no 1., ① under parts',
  async (t) => {
    t.same(
      outline(
        '第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n第二章 职责\n第一节 部门\n第三条 市教育局负责统筹。\n',
      ).sections.map((s) => [s.kind, s.label, s.heading]),
      [
        ['part', '第一章', '总则'],
        ['item', '第一条', '为了规范管理，制定本办法'],
        ['item', '第二条', '本办法适用于全市'],
        ['part', '第二章', '职责'],
        ['chapter', '第一节', '部门'],
        ['item', '第三条', '市教育局负责统筹'],
      ],
    )
    t.same(
      shape(
        '一、任务\n\n(1)建设平台。\n\n(2)完善机制。\n\n二、保障\n\n①加强领导。\n\n②强化考核。\n',
      ).map((s) => s.slice(0, 2)),
      [
        ['part', '一、'],
        ['item', '（1）'],
        ['item', '（2）'],
        ['part', '二、'],
      ],
      '① after （1） items is no level of the outline',
    )
    t.same(
      shape('一、任务\n\n（一）甲\n\n（二）乙\n\n二、保障\n\n（三）丙\n').map((s) => s.slice(0, 3)),
      [
        ['part', '一、', 1],
        ['chapter', '（一）', 1],
        ['chapter', '（二）', 2],
        ['part', '二、', 2],
        ['chapter', '（三）', 3],
      ],
      'chapters numbered on across parts',
    )
  },
)

t.test('a heading on a line of its own, and an item label followed by digits', async (t) => {
  const o = outline(
    '一、任务\n\n1.建立工作机制\n\n建立健全由市政府牵头、各部门参与的工作机制，定期研究解决重大问题。\n\n2.121人才计划扩容\n\n优化遴选机制，每年入选人数不少于500人，其中企业人才占比不低于六成。\n',
  )
  t.same(
    o.sections.map((s) => [s.label, s.heading]),
    [
      ['一、', '任务'],
      ['1.', '建立工作机制'],
      ['2.', '121人才计划扩容'],
    ],
  )
  t.equal(o.sections[1]!.text, '建立健全由市政府牵头、各部门参与的工作机制，定期研究解决重大问题。')
})

t.test('a paragraph a page break cut thousands of times is read whole', async (t) => {
  const cut = '完善乡镇服务站点布局，\n'.repeat(20_000)
  const o = outline(`一、任务\n1. 建设设施，${cut}建成5个。\n`)
  t.equal(o.sections[1]!.text.length, '建设设施，'.length + 20_000 * 11 + '建成5个。'.length)
})

t.test('㈠ is （一）', async (t) => {
  t.same(
    shape('一、任务\n\n㈠完善机制\n\n㈡落实经费\n').map((s) => s.slice(0, 3)),
    [
      ['part', '一、', 1],
      ['chapter', '（一）', 1],
      ['chapter', '（二）', 2],
    ],
  )
})

t.test('a year after an item label is the item’s first word: 1.2018年，…', async (t) => {
  t.same(
    shape(
      '一、任务\n1.2018年，扩大学前教育专业招生规模。\n2.2019—2022年，招生计划优先满足需要。\n',
    ).map((s) => s.slice(0, 4)),
    [
      ['part', '一、', 1, '任务'],
      ['item', '1.', 1, '2018年，扩大学前教育专业招生规模'],
      ['item', '2.', 2, '2019—2022年，招生计划优先满足需要'],
    ],
  )
})
