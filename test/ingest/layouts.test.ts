// Layouts of the genre that differ from the fixtures, made by editing a fixture the way real
// documents and PDF extractions differ.
import t from 'tap'
import { parsePlan } from '../../src/ingest/parse.js'
import { aliases, parseText, readText, thirdPlanPath } from '../helper.js'

const base = readText(thirdPlanPath)
const summary = (text: string) => {
  const plan = parseText(text)
  const count = (kind: string) => plan.sections.filter((s) => s.kind === kind).length
  return {
    parts: count('part'),
    chapters: count('chapter'),
    items: count('item'),
    tasks: plan.tasks.length,
    plan,
  }
}

t.test('the plan printed as the notice’s attachment, after the notice is signed', async (t) => {
  const planTitle = '金水区 2022 年背街小巷环境整治提升 工作方案'
  t.ok(base.includes(planTitle), 'the fixture has the expected title line')
  const text = base.replace(
    planTitle,
    `附件：金水区2022年背街小巷环境整治提升工作方案\n\n郑州市金水区人民政府办公室\n\n2022年5月10日\n\n附件\n\n${planTitle}`,
  )
  const { parts, chapters, items, tasks, plan } = summary(text)
  t.same({ parts, chapters, items, tasks }, { parts: 3, chapters: 3, items: 7, tasks: 6 })
  t.equal(plan.planTitle, '金水区2022年背街小巷环境整治提升工作方案')
  t.equal(plan.attachments[0]!.title, '金水区2022年背街小巷环境整治提升工作方案')
})

t.test('page numbers between paragraphs, inside a cut sentence and after the 版记', async (t) => {
  const lines = base.split('\n')
  const cut = lines.findIndex((l) => /^\d\. /.test(l) && !/[。；：]$/.test(l))
  t.ok(cut > 0, 'the fixture has an item cut by a page break')
  lines.splice(cut + 1, 0, '', '— 3 —')
  const text = `${lines.join('\n')}\n\n- 4 -\n`
  const { items, plan } = summary(text)
  t.equal(items, 7)
  t.notMatch(plan.sections.map((s) => s.text).join('\n'), /\d\s*[—-]|[—-]\s*\d/)
  t.equal(plan.issuedOn, '2022-05-16')
})

/** A plan body the layouts below share: two parts, a chapter, three items. */
const BODY = [
  '一、总体要求',
  '到2025年，全县建成示范园区5个。',
  '二、重点任务',
  '（一）完善设施',
  '1．建设冷库。新建冷库10座。（责任单位：县商务局、县财政局）',
  '2．改造网点。改造乡镇网点20个。（县供销社牵头，县商务局、县交通运输局配合，2025年底前完成）',
  '3．培育主体。培育龙头企业3家。（县农业农村局、县市场监管局等按职责分工负责）',
].join('\n')

t.test('a portal copy: the metadata box above, the title twice, web-copy artefacts', async (t) => {
  const text = [
    '索 引 号：\t115/2024-00012\t主题分类：\t商贸流通',
    '发文机关：\t丙县人民政府办公室\t成文日期：\t2024年03月08日',
    '发文字号：\t丙政办〔2024〕6号\t发布日期：\t2024年03月11日',
    '丙县人民政府办公室关于印发丙县冷链',
    '物流提升方案的通知',
    '丙政办〔2024〕6号',
    '各乡镇人民政府，县直各单位：',
    '\u3000\u3000现将《丙县冷链物流提升方案》印发给你们，请认真贯彻执行。',
    '丙县人民政府办公室',
    '2024年3月8日\u3000\u3000',
    '（此件公开发布）',
    '丙县冷链物流提升方案',
    BODY.replace('建成示范园区5个', '建成示范园区&nbsp;５个').replace(
      '新建冷库10座',
      'ＰＵＥ新建冷库10座',
    ),
  ].join('\r\n')
  const plan = parseText(text)
  t.match(plan, {
    number: '丙政办〔2024〕6号',
    issuer: '丙县人民政府办公室',
    jurisdiction: '丙县',
    title: '丙县人民政府办公室关于印发丙县冷链物流提升方案的通知',
    planTitle: '丙县冷链物流提升方案',
    recipients: ['各乡镇人民政府', '县直各单位'],
    issuedOn: '2024-03-08',
  })
  t.equal(
    plan.jurisdictionLevel,
    'county',
    '丙县, which the list does not know, is read by its ending',
  )
  t.same(
    plan.sections.map((s) => s.label),
    ['一、', '二、', '（一）', '1.', '2.', '3.'],
  )
  t.match(plan.targets[0], { value: 5, unit: '个', deadlineYear: 2025 })
})

t.test('no 发文字号, no notice: the plan alone, signed at its end', async (t) => {
  const plan = parseText(
    `兰考县冷链物流提升方案\n（2024—2026年）\n\n${BODY}\n\n兰考县人民政府\n2024年5月6日\n`,
  )
  t.match(plan, {
    number: null,
    numberParts: null,
    issuer: '兰考县人民政府',
    jurisdiction: '兰考县',
    jurisdictionLevel: 'county',
    title: '兰考县冷链物流提升方案（2024—2026年）',
    planTitle: '兰考县冷链物流提升方案（2024—2026年）',
    issuedOn: '2024-05-06',
  })
  t.ok(plan.findings.some((f) => f.code === 'no-document-number'))
  t.equal(plan.sections.length, 6)
})

t.test(
  'the responsible units a body states per item become tasks, with roles and due',
  async (t) => {
    const plan = parseText(`郑州市金水区冷链物流提升方案\n\n${BODY.replace(/县/g, '区')}\n`)
    t.equal(plan.jurisdiction, '郑州市金水区')
    t.same(
      plan.tasks.map((task) => ({
        section: plan.sections[task.sectionIndex!]!.label,
        units: task.units.map((u) => `${u.asWritten}:${u.role}`),
        due: task.due,
        line: task.line,
      })),
      [
        {
          section: '1.',
          units: ['区商务局:responsible', '区财政局:responsible'],
          due: null,
          line: 7,
        },
        {
          section: '2.',
          units: ['区供销社:lead', '区商务局:support', '区交通运输局:support'],
          due: { text: '2025年底前完成', date: '2025-12-31' },
          line: 8,
        },
        {
          section: '3.',
          units: ['区农业农村局:responsible', '区市场监管局:responsible'],
          due: null,
          line: 9,
        },
      ],
    )
    t.same(
      plan.tasks.map((task) => task.text),
      ['建设冷库。新建冷库10座。', '改造网点。改造乡镇网点20个。', '培育主体。培育龙头企业3家。'],
    )
    const cold = plan.targets.find((x) => x.value === 10)!
    t.same(cold.taskIndexes, [0], 'the target of an item links to the task its clause states')
  },
)

t.test('列第一位者为牵头单位 makes the first unit of a list its lead', async (t) => {
  const plan = parseText(
    `甲市某方案\n\n${BODY.replace('（县农业农村局、县市场监管局等按职责分工负责）', '（县农业农村局、县市场监管局负责。列第一位者为牵头单位，下同）')}\n`,
  )
  t.same(
    plan.tasks.at(-1)!.units.map((u) => [u.asWritten, u.role]),
    [
      ['县农业农村局', 'lead'],
      ['县市场监管局', 'support'],
    ],
  )
})

t.test('a table pasted from a web page, one cell a line, with a merged cell', async (t) => {
  const table = [
    '附件',
    '重点任务分工表',
    '序号',
    '重点任务',
    '牵头单位',
    '配合单位',
    '完成时限',
    '1',
    '建设县级冷链集配中心',
    '县商务局',
    '县财政局、县自然资源局',
    '2025年6月',
    '2',
    '改造乡镇冷链网点',
    // The units cells of this row were merged with the row above.
    '2025年12月底前',
    '3',
    '培育冷链龙头企业',
    '县农业农村局',
    '县市场监管局',
    '长期坚持',
  ].join('\n')
  const plan = parseText(`甲县冷链物流提升方案\n\n${BODY}\n\n${table}\n`)
  const rows = plan.tasks.filter((x) => x.sectionIndex === null)
  t.same(
    rows.map((x) => [x.number, x.text, x.units.map((u) => `${u.asWritten}:${u.role}`), x.due]),
    [
      [
        1,
        '建设县级冷链集配中心',
        ['县商务局:lead', '县财政局:support', '县自然资源局:support'],
        { text: '2025年6月', date: '2025-06-30' },
      ],
      [
        2,
        '改造乡镇冷链网点',
        ['县商务局:lead', '县财政局:support', '县自然资源局:support'],
        { text: '2025年12月底前', date: '2025-12-31' },
      ],
      [
        3,
        '培育冷链龙头企业',
        ['县农业农村局:lead', '县市场监管局:support'],
        { text: '长期坚持', date: null },
      ],
    ],
  )
  t.ok(plan.findings.some((f) => f.code === 'units-inherited'))
  t.notOk(
    plan.sections.some((s) => /重点任务$|^序号/.test(s.heading) && s.kind === 'item'),
    'no cell of the table is a section',
  )
})

t.test('a text a crawler joined onto one line is cut back into paragraphs', async (t) => {
  // A crawled plan is long: the body's first item here carries a paragraph of prose.
  const prose =
    '依托已有设施，统筹布局县级冷链物流集配中心，配备预冷、分拣、仓储和配送功能，为乡镇网点和商超门店提供共同配送服务，推动农产品出村进城和消费品下乡双向流通，降低流通损耗。'
  const long = BODY.replace('新建冷库10座。', `新建冷库10座。${prose}${prose}`)
  const joined = `甲省某行动方案\n${long.split('\n').join('\u3000\u3000')}`
  const plan = parseText(joined)
  t.same(
    plan.sections.map((s) => [s.label, s.startLine]),
    [
      ['一、', 2],
      ['二、', 2],
      ['（一）', 2],
      ['1.', 2],
      ['2.', 2],
      ['3.', 2],
    ],
  )
  t.equal(plan.tasks.length, 3)

  // An item that ends in a quotation closed inside its clause: 以下简称“两个部门”）.
  const quoted = joined.replace('县财政局）', '县财政局，以下简称“两个部门”）')
  t.not(quoted, joined, 'the clause was edited')
  t.same(
    parseText(quoted).sections.map((s) => s.label),
    ['一、', '二、', '（一）', '1.', '2.', '3.'],
  )
})

t.test('headings a crawler ran into their prose are cut off it', async (t) => {
  const prose = '坚持政府引导、市场主导，统筹县域商业网点和冷链设施建设。'.repeat(12)
  const text = [
    '甲省某行动方案',
    `一、总体要求${prose}`,
    `（一）发展目标${prose}`,
    '二、重点任务',
    `（一）完善设施，补齐短板1．建设冷库。新建冷库10座。${prose}`,
    '',
  ].join('\n')
  const plan = parseText(text)
  t.same(
    plan.sections.map((s) => [s.label, s.heading]),
    [
      ['一、', '总体要求'],
      ['（一）', '发展目标'],
      ['二、', '重点任务'],
      ['（一）', '完善设施，补齐短板'],
      ['1.', '建设冷库'],
    ],
  )
})

t.test('a crawler’s copy: the notice title above the metadata box, the number below', async (t) => {
  const plan = parseText(
    [
      '# 乙市人民政府办公室关于印发《乙市冷链物流提升方案》的通知',
      '',
      '**发布日期**: 2024-05-20',
      '**发布机构**: 乙市商务局',
      '**检索时间**: 2024-06-01 10:00:00',
      '',
      '**附件**:',
      '- [冷链设施布局图.pdf](./冷链设施布局图.pdf) (pdf)',
      '',
      '---',
      '',
      '乙政办〔2024〕11号',
      '',
      '各县（市、区）人民政府，市政府各部门：',
      '《乙市冷链物流提升方案》已经市政府同意，现印发给你们，请认真贯彻执行。',
      '乙市人民政府办公室',
      '2024年5月16日',
      '**乙市冷链物流提升方案**',
      BODY.replace(/县/g, '市'),
      '',
    ].join('\n'),
  )
  t.match(plan, {
    title: '乙市人民政府办公室关于印发《乙市冷链物流提升方案》的通知',
    planTitle: '乙市冷链物流提升方案',
    number: '乙政办〔2024〕11号',
    issuer: '乙市人民政府办公室',
    issuedOn: '2024-05-16',
  })
  t.equal(plan.sections.length, 6)
})

t.test('a notice that issues two documents: both are read, the plan is the plan', async (t) => {
  const plan = parseText(
    [
      '丁市人民政府办公室关于印发丁市支持冷链物流发展若干政策和丁市冷链物流提升行动计划（2024—2026年）的通知',
      '丁政办〔2024〕8号',
      '各县（市、区）人民政府，市政府各部门：',
      '《丁市支持冷链物流发展若干政策》《丁市冷链物流提升行动计划（2024—2026年）》已经市政府同意，现印发给你们，请认真贯彻执行。',
      '丁市人民政府办公室',
      '2024年4月2日',
      '丁市支持冷链物流发展若干政策',
      '一、支持设施建设',
      '对新建冷库给予补助。（责任单位：市商务局）',
      '二、支持主体培育',
      '对新认定的龙头企业给予奖励。（责任单位：市农业农村局）',
      '丁市冷链物流提升行动计划（2024—2026年）',
      BODY.replace(/县/g, '市'),
      '',
    ].join('\n'),
  )
  t.equal(plan.planTitle, '丁市冷链物流提升行动计划（2024—2026年）')
  t.same(
    plan.sections.map((s) => [s.label, s.parentIndex]),
    [
      ['一、', null],
      ['二、', null],
      ['一、', null],
      ['二、', null],
      ['（一）', 3],
      ['1.', 4],
      ['2.', 4],
      ['3.', 4],
    ],
  )
  t.same(
    plan.tasks.map((task) => plan.sections[task.sectionIndex!]!.heading),
    ['支持设施建设', '支持主体培育', '建设冷库', '改造网点', '培育主体'],
  )
})

t.test('a notice whose title was not copied names the plan it issues', async (t) => {
  const notice = (words: string) =>
    `各市人力资源社会保障局：\n${words}\n乙省人力资源和社会保障厅\n2023年7月21日\n${BODY.replace(/县/g, '省')}\n`
  const made = parseText(
    notice(
      '为推动行业发展，我们研究制定了《乙省冷链物流提升行动计划》，现印发给你们，请认真落实。',
    ),
  )
  t.match(made, { title: null, planTitle: '乙省冷链物流提升行动计划', issuedOn: '2023-07-21' })
  const forwarded = parseText(
    notice(
      '现将《乙省人民政府办公厅关于印发乙省冷链物流提升方案的通知》（乙政办字〔2023〕18号）转发给你们，请遵照执行。',
    ),
  )
  t.match(forwarded, { title: null, planTitle: '乙省冷链物流提升方案' })
  const placeholder = parseText(
    `标题：乙省冷链物流提升方案\n发布机构：乙省相关部门\n发布日期：2023-07-21\n\n${BODY.replace(/县/g, '省')}\n`,
  )
  t.equal(placeholder.issuer, null, 'a placeholder in the box names no issuer')
})

t.test('a joint notice, a 转发 notice, a title before its number', async (t) => {
  const joint = parseText(
    `甲部 乙部 丙部\n关于印发《某行动方案》的通知\n甲部发〔2024〕3号\n各省、自治区人民政府：\n现将《某行动方案》印发给你们。\n甲部          乙部\n丙部\n2024年7月2日\n某行动方案\n${BODY}\n`,
  )
  t.match(joint, {
    issuer: '甲部 乙部 丙部',
    jurisdiction: '全国',
    jurisdictionLevel: 'national',
    title: '甲部 乙部 丙部关于印发《某行动方案》的通知',
    planTitle: '某行动方案',
    issuedOn: '2024-07-02',
  })
  const forwarded = parseText(
    `南平市人民政府办公室转发市文旅局关于南平市康养融合发展方案的通知\n南政办〔2024〕22号\n各县（市、区）人民政府：\n市文旅局《南平市康养融合发展方案》已经市政府同意，现转发给你们。\n南平市人民政府办公室\n2024年6月3日\n南平市康养融合发展方案\n${BODY}\n`,
  )
  t.match(forwarded, {
    issuer: '南平市人民政府办公室',
    jurisdiction: '南平市',
    jurisdictionLevel: 'city',
    planTitle: '南平市康养融合发展方案',
    issuedOn: '2024-06-03',
  })
})

t.test('supplied metadata wins over the text, and says so', async (t) => {
  const plan = parsePlan(Buffer.from(`兰考县冷链物流提升方案\n\n${BODY}\n`), {
    file: 'bare.txt',
    aliases,
    supplied: {
      number: '兰政办[2024]9号',
      issuedOn: '2024-05-06',
      sourceUrl: 'https://example.gov.cn/a.html',
    },
  })
  t.match(plan, {
    number: '兰政办〔2024〕9号',
    numberParts: { agencyCode: '兰政办', year: 2024, serial: 9 },
    issuedOn: '2024-05-06',
    source: { url: 'https://example.gov.cn/a.html' },
    suppliedFields: ['number', 'issuedOn', 'sourceUrl'],
  })
  t.throws(
    () => parsePlan(Buffer.from(BODY), { file: 'x.txt', aliases, supplied: { number: '第五号' } }),
    { message: /^x\.txt: supplied number 第五号 is not a 发文字号$/ },
  )
})

t.test('what is not a plan is refused with its file and line', async (t) => {
  const refused = (text: string) => {
    try {
      parseText(text, 'notice.txt')
    } catch (err) {
      return (err as Error).message
    }
    return 'loaded'
  }
  t.match(
    refused('某市人民政府办公室关于做好某项工作的通知\n各区人民政府：\n请认真做好有关工作。\n'),
    /^notice\.txt:3: not a plan: no outline/,
  )
  t.equal(refused(`某方案\n\n${BODY}\n`), 'loaded')
})

t.test('a clause a page break cut is on the line where its units are written', async (t) => {
  const plan = parseText(
    [
      '丙县冷链物流提升方案',
      '',
      '一、重点任务',
      '1．建设冷库。新建冷库10座。（牵头部',
      '门：县商务局、县财政局）',
      '',
    ].join('\n'),
  )
  t.same(
    plan.tasks.map((task) => [task.line, task.units.map((u) => [u.asWritten, u.role, u.line])]),
    [
      [
        5,
        [
          ['县商务局', 'lead', 5],
          ['县财政局', 'lead', 5],
        ],
      ],
    ],
  )
})

t.test(
  'after a full stop, a bracket of units alone is a clause; a place note is not',
  async (t) => {
    const plan = parseText(
      [
        '丙县冷链物流提升方案',
        '',
        '一、保障措施',
        '（一）加强统筹',
        '健全工作推进机制，形成分工协作的工作格局。（各有关单位）',
        '（二）强化督导',
        '各乡镇（含开发区）定期报送进展，县商务局（冷链专班）汇总通报。',
        '',
      ].join('\n'),
    )
    t.same(
      plan.tasks.map((task) => [task.line, task.units.map((u) => [u.asWritten, u.role])]),
      [[5, [['各有关单位', 'responsible']]]],
    )
  },
)

t.test('the same clause twice in one item gives two tasks, each at its own line', async (t) => {
  const plan = parseText(
    [
      '乙县冷链物流提升方案',
      '',
      '一、重点任务',
      '1．建设冷库。',
      '新建冷库10座。（责任单位：县商务局）',
      '改造冷库5座。（责任单位：县商务局）',
      '2．培育主体。培育龙头企业3家。（县农业农村局指导，各有关乡、镇负责）',
      '',
    ].join('\n'),
  )
  t.same(
    plan.tasks.map((task) => [task.text, task.line]),
    [
      ['建设冷库。新建冷库10座。', 5],
      ['改造冷库5座。', 6],
      ['培育主体。培育龙头企业3家。', 7],
    ],
  )
  t.same(
    plan.tasks[2]!.units.map((u) => [u.asWritten, u.role]),
    [
      ['县农业农村局', 'responsible'],
      ['各有关乡、镇', 'responsible'],
    ],
    'a unit that 指导 is responsible; 各有关乡、镇 is one collective',
  )
})

t.test('a paragraph opening with a date is prose, not a signature', async (t) => {
  // Long lines are cut where a crawler joined paragraphs; a signature's date is one such cut,
  // a date opening a sentence is not.
  const long = '征信机构和金融机构应当依法依规使用信用信息，'.repeat(14)
  const plan = parseText(
    [
      '丙市人民政府办公室关于加强信用建设的通知',
      '丙政办〔2024〕8号',
      '各区人民政府，市政府各部门：',
      '一、总体要求',
      `2024年1月1日起施行的《丙市社会信用条例》，${long}`,
      '二、重点任务',
      '（一）健全信用记录。建立统一的信用记录。',
      '（二）加强信用应用。推行信用承诺制。',
      '丙市人民政府办公室',
      '2024年3月15日',
    ].join('\n'),
  )
  t.same(
    plan.sections.map((s) => s.label),
    ['一、', '二、', '（一）', '（二）'],
  )
  t.equal(plan.issuedOn, '2024-03-15', 'the signature, not the date in the prose')
})

t.test('a bracketed note on a line of its own closes its paragraph', async (t) => {
  // PDFs set （责任单位：…） under the measure it closes; the next measure's heading, ending in
  // 。 as measures' headings do, is a heading and not the rest of a cut sentence.
  const plan = parseText(
    [
      '丁市支持数字产业发展若干措施',
      '一、强化算力支撑。建设公共算力平台，发放算力服务券。',
      '（责任单位：市数据局）',
      '二、畅通数据供给。归集公共数据，培育数据服务商。',
      '(责任单位:市发展改革委〈含开发区，下同〉 )',
      '三、支持模型研发。对研发单位给予补助。',
      '（责任单位：市科技局）',
    ].join('\n'),
  )
  t.same(
    plan.sections.map((s) => [s.label, s.heading]),
    [
      ['一、', '强化算力支撑'],
      ['二、', '畅通数据供给'],
      ['三、', '支持模型研发'],
    ],
  )
})
