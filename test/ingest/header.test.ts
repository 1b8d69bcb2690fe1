// The head of a document (版头, title, 主送机关), its close (signature, 版记) and the places and
// dates they name, each read on its own from lines in every order published plans print them.
import t from 'tap'
import { findSignatures, parseFooter } from '../../src/ingest/closing.js'
import { parseDate } from '../../src/ingest/dates.js'
import { decodePlanText } from '../../src/ingest/decode.js'
import { jurisdictionOf, organPrefixOf } from '../../src/ingest/divisions.js'
import {
  findCitations,
  issuedPlanTitle,
  normalizeDocumentNumber,
  readHead,
} from '../../src/ingest/header.js'
import { readPortalMetadata } from '../../src/ingest/metadata.js'
import { splitList } from '../../src/ingest/text.js'

const lines = (text: string) => decodePlanText(Buffer.from(text), 'h.txt')
const head = (text: string) => readHead(lines(text), 0, new Set())

t.test(
  'normalizeDocumentNumber reads 发文字号 written with any bracket a converter produces',
  async (t) => {
    const cases: [string, string, string, number, number][] = [
      ['新政办〔2023〕17号', '新政办〔2023〕17号', '新政办', 2023, 17],
      ['洛政办[2024]5号', '洛政办〔2024〕5号', '洛政办', 2024, 5],
      ['豫政 〔 2021 〕 2 号', '豫政〔2021〕2号', '豫政', 2021, 2],
      ['郑政办明电（2021）036号', '郑政办明电〔2021〕36号', '郑政办明电', 2021, 36],
      ['金政办﹝2022﹞31号', '金政办〔2022〕31号', '金政办', 2022, 31],
    ]
    for (const [input, number, agencyCode, year, serial] of cases) {
      t.match(
        normalizeDocumentNumber(input),
        { number, parts: { agencyCode, year, serial } },
        input,
      )
    }
    t.equal(normalizeDocumentNumber('到2025年底'), null)
  },
)

t.test('the classic head: masthead, number, a title over two lines, 主送机关', async (t) => {
  const found = head(
    '甲市人民政府办公室文件\n\n甲政办〔2024〕1号        签发人：张三\n\n甲市人民政府办公室 关于印发甲市\n养老服务方案的通知\n\n各县人民政府，市人民政府各部门：\n\n正文。\n',
  )
  t.equal(found.masthead, '甲市人民政府办公室')
  t.match(found.number, { number: '甲政办〔2024〕1号', line: 3 })
  t.equal(found.title, '甲市人民政府办公室关于印发甲市养老服务方案的通知')
  t.equal(found.titleLine, 5)
  t.same(found.recipients, ['各县人民政府', '市人民政府各部门'])
  t.equal(found.bodyIndex, 8)
  t.equal(issuedPlanTitle(found.title!), '甲市养老服务方案')
})

t.test('the title before the number, printed twice, its issuer on a line of its own', async (t) => {
  const found = head(
    '首页 > 政策文件\n乙省人民政府办公厅关于印发乙省数据\n要素市场三年行动计划的通知\n乙省人民政府办公厅\n关于印发乙省数据要素市场三年行动计划的通知\n乙政办〔2023〕9号\n各市人民政府，省政府各部门：\n正文。\n',
  )
  t.equal(found.title, '乙省人民政府办公厅关于印发乙省数据要素市场三年行动计划的通知')
  t.equal(found.number?.number, '乙政办〔2023〕9号')
  t.same(found.recipients, ['各市人民政府', '省政府各部门'])
  t.equal(found.bodyIndex, 7)
})

t.test(
  'a portal heading over the document’s own title: the document’s printing is kept',
  async (t) => {
    const found = head(
      '丙县设施农业发展三年行动方案（2024-2026年）\n丙县设施农业发展三年行动方案（2024—2026年）\n\n为加快发展，制定本方案。\n',
    )
    t.equal(found.title, '丙县设施农业发展三年行动方案（2024—2026年）')
    t.equal(found.bodyIndex, 2, 'the body starts after the second printing')
  },
)

t.test('no number, no notice: the plan title and its period on the next line', async (t) => {
  const found = head('丙县设施农业发展三年行动方案\n（2024—2026年）\n\n为加快发展，制定本方案。\n')
  t.equal(found.number, null)
  t.equal(found.title, '丙县设施农业发展三年行动方案（2024—2026年）')
  t.equal(found.bodyIndex, 2)
})

t.test(
  'joint issuers keep the space between them; a bracketed number under the title',
  async (t) => {
    const found = head(
      '甲部 乙部 丙部\n关于印发《县域技能人才振兴行动方案》的通知\n（甲部发〔2024〕38号）\n各省、自治区人力资源社会保障厅（局）：\n正文。\n',
    )
    t.equal(found.title, '甲部 乙部 丙部关于印发《县域技能人才振兴行动方案》的通知')
    t.equal(found.number?.number, '甲部发〔2024〕38号')
    t.equal(issuedPlanTitle(found.title!), '县域技能人才振兴行动方案')
    t.equal(
      issuedPlanTitle('丁省人民政府办公厅转发省医保局关于丁省医保支付方式改革三年行动计划的通知'),
      '丁省医保支付方式改革三年行动计划',
    )
    t.equal(issuedPlanTitle('乙市人民政府关于加强安全生产的意见'), null)
  },
)

t.test('a portal metadata box is metadata: letter-spaced labels, tabs, values below', async (t) => {
  const box = readPortalMetadata(
    lines(
      '索 引 号：\t000014349/2019-00005\t主题分类：\t教育\n发文机关：\t国务院\t成文日期：\t2019年01月24日\n标　　题：\t国务院关于印发某方案的通知\n发文字号：\t国发〔2019〕4号\t发布日期：\t2019年02月13日\n主 题 词：\n国务院关于印发某\n方案的通知\n',
    ),
  )
  t.match(box, {
    number: '国发〔2019〕4号',
    issuer: '国务院',
    writtenOn: '2019-01-24',
    publishedOn: '2019-02-13',
    title: '国务院关于印发某方案的通知',
  })
  t.same([...box.lines], [0, 1, 2, 3, 4], 'the empty 主题词 does not take the title below it')
  const numbered = readPortalMetadata(
    lines(
      '01.索引号：1153/2023-01248\n02.发文机关：某市人民政府办公室\n03.成文日期：2023年08月16日\n\n某市三年行动计划\n',
    ),
  )
  t.match(numbered, { issuer: '某市人民政府办公室', writtenOn: '2023-08-16' })
  t.equal(readPortalMetadata(lines('标题：一行\n正文。\n')).lines.size, 0, 'one label is no box')
})

t.test('parseDate reads Arabic, Chinese and portal dates', async (t) => {
  t.equal(parseDate('2023年8月28日印发'), '2023-08-28')
  t.equal(parseDate('二〇二三年八月二十八日印发'), '2023-08-28')
  t.equal(parseDate('二○二三年八月二十八日'), '2023-08-28', 'a white circle for 〇')
  t.equal(parseDate('2024 年 3 月 5 日'), '2024-03-05')
  t.equal(parseDate('（2024年3月5日）'), '2024-03-05')
  t.equal(parseDate('2023-08-16'), '2023-08-16')
  t.equal(parseDate('2023年13月1日印发'), null)
  t.equal(parseDate('2023年2月30日'), null)
  t.equal(parseDate('到2025年底'), null)
})

t.test(
  'parseFooter reads 主办, a 抄送 that continues, 印发机关 and date, before page links',
  async (t) => {
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
      '— 5 —',
    ].join('\n')
    t.same(parseFooter(lines(text), 0), {
      sponsor: '市民政局',
      cc: ['市委各部门', '军分区', '市人大常委会办公室', '市法院'],
      printer: '甲市人民政府办公室',
      issuedOn: '2024-03-05',
      startIndex: 2,
    })
    t.match(
      parseFooter(
        lines('正文。\n\n抄送：市委各部门。\n\n乙省人民政府办公厅 2024 年 4 月 19 日印发\n'),
        0,
      ),
      {
        printer: '乙省人民政府办公厅',
        issuedOn: '2024-04-19',
        cc: ['市委各部门'],
      },
    )
    t.match(parseFooter(lines('正文。\n'), 0), { sponsor: null, issuedOn: null, startIndex: 2 })
  },
)

t.test(
  'findSignatures: an organ over a date, joint signers, a date in Chinese numerals',
  async (t) => {
    const found = findSignatures(
      lines(
        '正文。\n\n甲部          乙部\n\n丙部\n\n2024年7月2日\n\n（此件主动公开）\n某县人民政府　二〇二四年五月十二日\n',
      ),
      0,
      10,
    )
    t.same(
      found.map((s) => [s.organ, s.date]),
      [
        ['甲部 乙部 丙部', '2024-07-02'],
        ['某县人民政府', '2024-05-12'],
      ],
    )
  },
)

t.test('jurisdictionOf names the government an organ belongs to, and its level', async (t) => {
  const cases: [string, string | null, string | null][] = [
    ['新郑市人民政府办公室', '新郑市', 'county'],
    ['郑州市金水区人民政府办公室', '郑州市金水区', 'county'],
    ['金水区人民政府', '郑州市金水区', 'county'],
    ['郑州市人民政府', '郑州市', 'city'],
    ['河南省人民政府办公厅', '河南省', 'provincial'],
    ['北京市人民政府', '北京市', 'provincial'],
    ['内蒙古自治区人民政府', '内蒙古自治区', 'provincial'],
    ['恩施土家族苗族自治州人民政府', '恩施土家族苗族自治州', 'city'],
    ['兰考县人民政府', '兰考县', 'county'],
    ['中共新郑市委办公室 新郑市人民政府办公室', '新郑市', 'county'],
    ['国务院办公厅', '全国', 'national'],
    ['人力资源社会保障部 财政部', '全国', 'national'],
    ['办公室', null, null],
  ]
  for (const [issuer, name, level] of cases) {
    const found = jurisdictionOf(issuer)
    t.same(found === null ? [null, null] : [found.name, found.level], [name, level], issuer)
  }
  t.equal(
    jurisdictionOf('鼓楼区人民政府', '南京市鼓楼区')?.name,
    '南京市鼓楼区',
    'the text settles a shared name',
  )
  t.equal(organPrefixOf(jurisdictionOf('郑州市金水区人民政府')), '区')
  t.equal(organPrefixOf(jurisdictionOf('国务院')), '')
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
