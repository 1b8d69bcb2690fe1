import t from 'tap'
import {
  findCitations,
  issuerFromMasthead,
  findDocumentNumber,
  issuedPlanTitle,
  jurisdictionOf,
  parseFooter,
  parseIssueDate,
  parseNoticeHead,
  splitList,
} from '../../src/ingest/header.js'
import { decodePlanText } from '../../src/ingest/text.js'

const lines = (text: string) => decodePlanText(Buffer.from(text), 'h.txt')

t.test(
  'findDocumentNumber reads 发文字号 written with any bracket a converter produces',
  async (t) => {
    const cases: [string, string, string, number, number][] = [
      ['新政办〔2023〕17号', '新政办〔2023〕17号', '新政办', 2023, 17],
      ['洛政办[2024]5号', '洛政办〔2024〕5号', '洛政办', 2024, 5],
      ['豫政 〔 2021 〕 2 号', '豫政〔2021〕2号', '豫政', 2021, 2],
      ['郑政办明电（2021）036号', '郑政办明电〔2021〕36号', '郑政办明电', 2021, 36],
      ['金政办﹝2022﹞31号', '金政办〔2022〕31号', '金政办', 2022, 31],
      ['金政办〔2022〕31号        签发人：张三', '金政办〔2022〕31号', '金政办', 2022, 31],
    ]
    for (const [input, number, agencyCode, year, serial] of cases) {
      const found = findDocumentNumber(lines(`\n某某市人民政府文件\n\n${input}\n`), 'h.txt')
      t.same(found, { number, parts: { agencyCode, year, serial }, line: 4, index: 3 }, input)
    }
    t.throws(() => findDocumentNumber(lines('关于某事的通知\n\n正文。'), 'h.txt'), {
      message: /^h\.txt: no 发文字号/,
    })
  },
)

t.test('jurisdictionOf names the government an organ belongs to', async (t) => {
  const cases: [string, string | null][] = [
    ['新郑市人民政府办公室', '新郑市'],
    ['郑州市金水区人民政府办公室', '郑州市金水区'],
    ['河南省人民政府办公厅', '河南省'],
    ['兰考县人民政府', '兰考县'],
    ['巩义市教育局', '巩义市'],
    ['内蒙古自治区人民政府', '内蒙古自治区'],
    ['沁县教育局', '沁县'],
    ['中共新郑市委办公室 新郑市人民政府办公室', '新郑市'],
    ['办公室', null],
  ]
  for (const [issuer, expected] of cases) t.equal(jurisdictionOf(issuer), expected, issuer)
})

t.test('splitList splits on 、，; but never inside brackets', async (t) => {
  t.same(splitList('市教育局、各乡镇（街道、管委会）、各行业部门'), [
    '市教育局',
    '各乡镇（街道、管委会）',
    '各行业部门',
  ])
  t.same(splitList('各行业部门、各乡镇(街道、管委会)'), ['各行业部门', '各乡镇(街道、管委会)'])
  t.same(splitList('市委各部门，市人民武装部。'), ['市委各部门', '市人民武装部'])
  t.same(splitList(''), [])
})

t.test('parseNoticeHead joins a broken title and lists each recipient', async (t) => {
  const text =
    '甲市人民政府办公室文件\n\n甲政办〔2024〕1号\n\n甲市人民政府办公室 关于印发甲市\n养老服务方案的通知\n\n各县人民政府，市人民政府各部门：\n\n正文。\n'
  const head = parseNoticeHead(lines(text), 2, 'h.txt')
  t.equal(head.title, '甲市人民政府办公室关于印发甲市养老服务方案的通知')
  t.equal(head.titleLine, 5)
  t.same(head.recipients, ['各县人民政府', '市人民政府各部门'])
  t.equal(issuedPlanTitle(head.title), '甲市养老服务方案')
  t.equal(issuedPlanTitle('乙市人民政府关于加强安全生产的意见'), null)
})

t.test('parseIssueDate reads Arabic and Chinese dates', async (t) => {
  t.equal(parseIssueDate('2023年8月28日印发'), '2023-08-28')
  t.equal(parseIssueDate('二〇二三年八月二十八日印发'), '2023-08-28')
  t.equal(parseIssueDate('二○二三年八月二十八日印发'), '2023-08-28', 'a white circle for 〇')
  t.equal(parseIssueDate('2024 年 3 月 5 日'), '2024-03-05')
  t.equal(parseIssueDate('2023年13月1日印发'), null)
  t.equal(parseIssueDate('到2025年底'), null)
})

t.test('parseFooter reads 主办, a 抄送 that continues, 印发机关 and date', async (t) => {
  const text = [
    '正文。',
    '',
    '主办：市民政局',
    '',
    '抄送：市委各部门，军分区。',
    '',
    '市人大常委会办公室，市法院。',
    '',
    '甲市人民政府办公室',
    '',
    '2024年3月5日印发',
    '',
  ].join('\n')
  const footer = parseFooter(lines(text), 0)
  t.same(footer, {
    sponsor: '市民政局',
    cc: ['市委各部门', '军分区', '市人大常委会办公室', '市法院'],
    printer: '甲市人民政府办公室',
    issuedOn: '2024-03-05',
    startIndex: 2,
  })
  t.same(parseFooter(lines('正文。\n'), 0), {
    sponsor: null,
    cc: [],
    printer: null,
    issuedOn: null,
    startIndex: 2,
  })
})

t.test('findCitations lists each cited document once, with its number', async (t) => {
  const found = findCitations(
    [
      {
        text: '为贯彻《甲意见》（国发〔2021〕35号）、《中共中央办公厅 国务院办公厅关于乙的意见》和《本方案》，根据《甲意见》',
        line: 3,
      },
      { text: '落实《丙办法》(豫政办[2023]28号)。', line: 9 },
    ],
    ['本方案'],
  )
  t.same(found, [
    { title: '甲意见', number: '国发〔2021〕35号', line: 3 },
    { title: '中共中央办公厅 国务院办公厅关于乙的意见', number: null, line: 3 },
    { title: '丙办法', number: '豫政办〔2023〕28号', line: 9 },
  ])
})

t.test('主送机关 wrapped over two lines, even inside a name', async (t) => {
  const text =
    '甲政办〔2024〕1号\n\n甲市人民政府办公室关于印发甲市方案的通知\n\n各县人民政府，市人民政府各部门，各有\n关单位：\n\n正文。\n'
  const head = parseNoticeHead(lines(text), 0, 'h.txt')
  t.equal(head.title, '甲市人民政府办公室关于印发甲市方案的通知')
  t.same(head.recipients, ['各县人民政府', '市人民政府各部门', '各有关单位'])
})

t.test('印发机关 and 印发日期 on one line', async (t) => {
  const footer = parseFooter(
    lines('正文。\n\n抄送：市委各部门。\n\n甲市人民政府办公室    2024年3月5日印发\n'),
    0,
  )
  t.match(footer, { printer: '甲市人民政府办公室', issuedOn: '2024-03-05', cc: ['市委各部门'] })
})

t.test('issuerFromMasthead reads one line, or issuers stacked above 文件', async (t) => {
  const issuer = (text: string) => {
    const l = lines(text)
    return issuerFromMasthead(
      l,
      l.findIndex((x) => x.text.includes('号')),
    )
  }
  t.equal(issuer('甲市人民政府办公室文件\n\n甲政办〔2024〕1号\n'), '甲市人民政府办公室')
  t.equal(issuer('甲市人民政府办公室\n\n甲政办〔2024〕1号\n'), '甲市人民政府办公室')
  t.equal(
    issuer('中共甲市委办公室\n甲市人民政府办公室\n文件\n\n甲办〔2024〕1号\n'),
    '中共甲市委办公室 甲市人民政府办公室',
  )
})
