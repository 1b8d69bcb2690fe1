import t from 'tap'
import { parseTables } from '../../src/ingest/tables.js'
import { decodePlanText } from '../../src/ingest/decode.js'

const tables = (text: string) => {
  const lines = decodePlanText(Buffer.from(text), 't.txt')
  return parseTables(lines, 0, lines.length, { firstIsLead: false, skip: new Set() })
}

t.test('task rows: repeated headers skipped, units split outside brackets, in order', async (t) => {
  const parsed = tables(
    [
      '序号\t工作任务\t责任单位',
      '1\t建立 清单 制度。\t市教育局、市人社局',
      '2\t建设平台。\t各乡镇(街道、管委会)、各行业部门',
      '',
      '序号\t工作任务\t责任单位',
      '3\t完善机制。\t市财政局,市发改委',
      '4\t没有责任单位的任务。\t',
      '5\t表格被截断的任务',
    ].join('\n'),
  )
  t.same(
    parsed.tasks.map((r) => [r.number, r.text, r.units.map((u) => u.asWritten), r.line]),
    [
      [1, '建立清单制度。', ['市教育局', '市人社局'], 2],
      [2, '建设平台。', ['各乡镇（街道、管委会）', '各行业部门'], 3],
      [3, '完善机制。', ['市财政局', '市发改委'], 6],
      // An empty units cell is read as a merged one: the row above's units, and a finding.
      [4, '没有责任单位的任务。', ['市财政局', '市发改委'], 7],
      [5, '表格被截断的任务', ['市财政局', '市发改委'], 8],
    ],
  )
  t.same(
    parsed.findings.map((f) => [f.code, f.lines]),
    [
      ['units-inherited', [7]],
      ['units-inherited', [8]],
    ],
  )
  t.same(parsed.agencies, [])
})

t.test('a cell wrapped onto its own line continues the row above', async (t) => {
  const parsed = tables('序号\t工作任务\t责任单位\n1\t建设智慧\n养老平台。\t市民政局\n')
  t.equal(parsed.tasks.length, 1)
  t.equal(parsed.tasks[0]!.text, '建设智慧养老平台。')
})

t.test('columns are found by their headers, in any order', async (t) => {
  const parsed = tables(
    [
      '序号\t重点任务\t牵头单位\t配合单位',
      '1\t甲任务。\t市民政局\t市财政局、市卫健委',
      '',
      '序号\t单位名称\t联系电话\t工作任务\t牵头领导',
      '1\t市民政局\t0379-1234\t负责养老服务。\t王局长',
      '2\t市财政局\t\t负责资金保障。\t',
      '3\t市财政局\t\t负责资金保障。\t',
    ].join('\n'),
  )
  t.same(
    parsed.tasks[0]!.units.map((u) => u.asWritten),
    ['市民政局', '市财政局', '市卫健委'],
  )
  t.same(parsed.agencies, [
    { name: '市民政局', duties: '负责养老服务。', lead: '王局长', phone: '0379-1234', line: 5 },
    { name: '市财政局', duties: '负责资金保障。', lead: null, phone: null, line: 6 },
    { name: '市财政局', duties: '负责资金保障。', lead: null, phone: null, line: 7 },
  ])
})

t.test('cells separated by wide spaces when a converter dropped the tabs', async (t) => {
  const parsed = tables('序号  工作任务  责任单位\n1  建立制度。  市教育局、市人社局\n')
  t.same(
    parsed.tasks[0]!.units.map((u) => u.asWritten),
    ['市教育局', '市人社局'],
  )
})

t.test('a wrapped row whose units stand on the second line', async (t) => {
  const parsed = tables(
    '序号\t工作任务\t责任单位\n1\t建设智慧\n养老平台。\t市民政局、市财政局\n2\t下一行。\t市卫健委\n',
  )
  t.same(
    parsed.tasks.map((r) => [r.text, r.units.map((u) => [u.asWritten, u.line])]),
    [
      [
        '建设智慧养老平台。',
        [
          ['市民政局', 3],
          ['市财政局', 3],
        ],
      ],
      ['下一行。', [['市卫健委', 4]]],
    ],
  )
})

t.test('table variants of the genre', async (t) => {
  const parsed = tables(
    [
      '序  号\t工作措施\t责任 单位',
      '一、整治道路\t\t',
      '1.\t修复路面。\t区城管局 区住建局',
      '１\t规范停车。\t金水公安分局（牵头）、区城管局',
      '二\t规范立面\t',
      '2、\t整治立面。\t区城管局',
      '',
      '附件2',
      '',
      '金水区背街小巷整治项目清单',
      '序号\t街道\t道路名称',
      '1\t丰产路街道\t纬五路',
    ].join('\n'),
  )
  t.same(
    parsed.tasks.map((r) => [r.number, r.text, r.units.map((u) => u.asWritten)]),
    [
      [1, '修复路面。', ['区城管局', '区住建局']],
      [1, '规范停车。', ['金水公安分局', '区城管局']],
      [2, '整治立面。', ['区城管局']],
    ],
    'numbers as 1. １ 2、, group rows skipped, a further table not read as tasks',
  )
})

t.test('a row continued over thousands of lines is read whole', async (t) => {
  // Joining such a row once cost the square of its length; npm run bench:ingest-scaling
  // measures how the time grows. Here: that nothing of it is lost.
  const continued = '完善乡镇服务站点布局，\n'.repeat(20_000)
  const parsed = tables(
    `序号\t工作任务\t责任单位\n1\t建设设施，\t市财政局\n${continued}2\t收尾。\t市商务局\n`,
  )
  t.equal(parsed.tasks.length, 2)
  t.equal(
    parsed.tasks[0]!.text.length,
    '建设设施，'.length + 20_000 * '完善乡镇服务站点布局，'.length,
  )
  t.same(
    parsed.tasks.map((x) => x.units.map((u) => u.asWritten)),
    [['市财政局'], ['市商务局']],
  )
})

t.test(
  'cells one a line: a header run from 序号, rows by their numbers, roles by column',
  async (t) => {
    const parsed = tables(
      [
        '重点任务清单',
        '序号',
        '工作任务',
        '牵头单位',
        '责任单位',
        '完成时限',
        '1',
        '建立工作机制',
        '市教育局',
        '市财政局、市人社局',
        '2024年6月底前',
        '一、保障措施',
        '2',
        '落实经费',
        '市财政局',
        '各县（市、区）人民政府',
        '长期坚持',
        '附件2',
      ].join('\n'),
    )
    t.same(
      parsed.tasks.map((x) => [
        x.number,
        x.text,
        x.units.map((u) => `${u.asWritten}:${u.role}`),
        x.due,
      ]),
      [
        [
          1,
          '建立工作机制',
          ['市教育局:lead', '市财政局:support', '市人社局:support'],
          { text: '2024年6月底前', date: '2024-06-30' },
        ],
        [
          2,
          '落实经费',
          ['市财政局:lead', '各县（市、区）人民政府:support'],
          { text: '长期坚持', date: null },
        ],
      ],
      '责任单位 beside 牵头单位 are support; a group row is no task',
    )
  },
)

t.test('责任单位 beside 配合单位 lead, as a clause’s 负责 beside 配合 does', async (t) => {
  const parsed = tables('序号\t工作任务\t责任单位\t配合单位\n1\t建设冷库。\t市商务局\t市住建局\n')
  t.same(
    parsed.tasks.map((x) => x.units.map((u) => `${u.asWritten}:${u.role}`)),
    [['市商务局:lead', '市住建局:support']],
  )
})

t.test('a duty list gives tasks and the profiles of the agencies', async (t) => {
  const parsed = tables(
    '序号\t责任单位\t主要职责\t牵头领导\t联系电话\n1\t市民政局\t负责养老服务体系建设。\t王某\t0816-1234567\n',
  )
  t.same(
    parsed.tasks.map((x) => [x.text, x.units.map((u) => `${u.asWritten}:${u.role}`)]),
    [['负责养老服务体系建设。', ['市民政局:responsible']]],
  )
  t.same(parsed.agencies, [
    {
      name: '市民政局',
      duties: '负责养老服务体系建设。',
      lead: '王某',
      phone: '0816-1234567',
      line: 2,
    },
  ])
})

t.test('a task list past 9,999 rows reads every 序号, in both layouts', async (t) => {
  const numbers = Array.from({ length: 10_002 }, (_, i) => i + 1)
  const last = (parsed: ReturnType<typeof tables>) =>
    parsed.tasks.slice(-4).map((r) => [r.number, r.text, r.units.map((u) => u.asWritten)])
  const expected = [9999, 10000, 10001, 10002].map((n) => [n, `任务${n}。`, [`市第${n % 7}局`]])

  const tabRows = tables(
    ['序号\t工作任务\t责任单位', ...numbers.map((n) => `${n}\t任务${n}。\t市第${n % 7}局`)].join(
      '\n',
    ),
  )
  t.equal(tabRows.tasks.length, 10_002, 'one task a tab row')
  t.same(last(tabRows), expected, 'rows 10000 on are rows of their own, not the text of 9999')

  const cellRows = tables(
    [
      '序号',
      '工作任务',
      '责任单位',
      ...numbers.map((n) => `${n}\n任务${n}。\n市第${n % 7}局`),
    ].join('\n'),
  )
  t.equal(cellRows.tasks.length, 10_002, 'one task a row of cells one a line')
  t.same(last(cellRows), expected)
  t.same(
    [...tabRows.findings, ...cellRows.findings].map((f) => f.code),
    [],
    'and no finding',
  )
})

t.test('a 序号 longer than any list is left out with a finding, not joined above', async (t) => {
  const parsed = tables(
    [
      '序号\t工作任务\t责任单位',
      '1\t建设平台。\t市民政局',
      '20240101\t完善机制。\t市财政局',
      '2\t推进改革。\t市商务局',
    ].join('\n'),
  )
  t.same(
    parsed.tasks.map((r) => [r.number, r.text, r.units.map((u) => u.asWritten)]),
    [
      [1, '建设平台。', ['市民政局']],
      [2, '推进改革。', ['市商务局']],
    ],
  )
  t.same(
    parsed.findings.map((f) => [f.code, f.severity, f.lines]),
    [['row-number-unread', 'warning', [3]]],
  )
  t.same(
    [...parsed.lines].sort((a, b) => a - b),
    [0, 1, 2, 3],
    'its line is the table’s',
  )
})
