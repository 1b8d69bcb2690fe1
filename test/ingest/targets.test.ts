import t from 'tap'
import { findQuantities } from '../../src/ingest/quantities.js'
import { extractTargets } from '../../src/ingest/targets.js'

type Figure = [
  comparator: string,
  value: number | null,
  valueMax: number | null,
  unit: string | null,
  deadlineYear: number | null,
  basis?: string,
]

function figures(text: string): Figure[] {
  return extractTargets(text).map((x) => {
    const figure: Figure = [x.comparator, x.value, x.valueMax, x.unit, x.deadlineYear]
    if (x.basis !== 'total') figure.push(x.basis)
    return figure
  })
}

t.test('each comparator is read from the wording', async (t) => {
  const cases: [string, Figure[]][] = [
    ['在校生规模达到3万人。', [['gte', 30000, null, '人', null]]],
    ['就业率保持在95%以上。', [['gte', 95, null, '%', null]]],
    ['参与率不低于50%。', [['gte', 50, null, '%', null]]],
    ['每年培训不少于500人次。', [['gte', 500, null, '人次', null, 'perYear']]],
    ['建设至少3所试点学校。', [['gte', 3, null, '所', null]]],
    ['培养20名以上优秀教师。', [['gte', 20, null, '名', null]]],
    ['产业增加值突破2000亿元。', [['gt', 200000000000, null, '元', null]]],
    ['营业收入超过30亿元。', [['gt', 3000000000, null, '元', null]]],
    ['比重达到12%左右。', [['approx', 12, null, '%', null]]],
    ['兼职教师比例30%左右。', [['approx', 30, null, '%', null]]],
    ['能耗控制在1.25以下。', [['lte', 1.25, null, null, null]]],
    ['办理时间不超过24小时。', [['lte', 24, null, '小时', null]]],
    ['问题48小时内响应处置。', [['lte', 48, null, '小时', null]]],
    ['空置率低于5%。', [['lt', 5, null, '%', null]]],
    ['建成1—2所高水平学校。', [['range', 1, 2, '所', null]]],
    ['建成2-3个专业群。', [['range', 2, 3, '个', null]]],
    ['创建示范园区3至5个。', [['range', 3, 5, '个', null]]],
    ['重点办好2所骨干学校。', [['eq', 2, null, '所', null]]],
    ['新增家庭养老床位1.2万张。', [['eq', 12000, null, '张', null]]],
    [
      '新增数据中心2个，新增算力5000PFlops以上。',
      [
        ['eq', 2, null, '个', null],
        ['gte', 5000, null, 'PFlops', null],
      ],
    ],
  ]
  for (const [text, expected] of cases) t.same(figures(text), expected, text)
})

t.test('numerals, multipliers and units', async (t) => {
  const cases: [string, Figure[]][] = [
    ['培育两个示范基地。', [['eq', 2, null, '个', null]]],
    ['打造十五个特色园区。', [['eq', 15, null, '个', null]]],
    ['培育龙头企业十家。', [['eq', 10, null, '家', null]]],
    ['培养二十名骨干教师。', [['eq', 20, null, '名', null]]],
    ['每年开放应用场景一百个以上。', [['gte', 100, null, '个', null, 'perYear']]],
    ['培训技能人才三千人。', [['eq', 3000, null, '人', null]]],
    ['千兆光网用户达到50万户。', [['gte', 500000, null, '户', null]]],
    ['上云企业达到1.5万家。', [['gte', 15000, null, '家', null]]],
    ['累计发放算力券不少于2.5亿元。', [['gte', 250000000, null, '元', null]]],
    ['投入资金500万元。', [['eq', 5000000, null, '元', null]]],
    ['新增无人机1.2万架。', [['eq', 12000, null, '架', null]]],
    ['算力规模达到1.2万PFlops。', [['gte', 12000, null, 'PFlops', null]]],
    ['新建充电桩0.35万个。', [['eq', 3500, null, '个', null]]],
    ['新增绿地面积20万平方米。', [['eq', 200000, null, '平方米', null]]],
    ['建成绿道120公里。', [['eq', 120, null, '公里', null]]],
    ['开通航线十条。', [['eq', 10, null, '条', null]]],
  ]
  for (const [text, expected] of cases) t.same(figures(text), expected, text)
})

t.test('a deadline governs its sentence, and its paragraph when it opens it', async (t) => {
  const cases: [string, Figure[]][] = [
    [
      '到2025年，规模达到3万人，就业率保持在95%以上。培育10家企业。',
      [
        ['gte', 30000, null, '人', 2025],
        ['gte', 95, null, '%', 2025],
        ['eq', 10, null, '家', 2025],
      ],
    ],
    [
      '近年来，全市职业教育发展较快。到2025年，规模达到3万人。培育10家企业。',
      [
        ['gte', 30000, null, '人', 2025],
        ['eq', 10, null, '家', null],
      ],
    ],
    [
      '新建项目占比不低于70%，到2026年，全市占比达到60%以上。',
      [
        ['gte', 70, null, '%', null],
        ['gte', 60, null, '%', 2026],
      ],
    ],
    [
      '到2025年产值突破300亿元，到2027年超过600亿元。',
      [
        ['gt', 30000000000, null, '元', 2025],
        ['gt', 60000000000, null, '元', 2027],
      ],
    ],
    ['2026年底前，新增停车泊位800个。', [['eq', 800, null, '个', 2026]]],
    ['2022年9月底前完成修复，修复率达到100%。', [['gte', 100, null, '%', 2022]]],
    ['至2027年，建成站点20座。', [['eq', 20, null, '座', 2027]]],
    // ； joins the parallel clauses of one sentence; only 。！？ end it.
    [
      '到2025年，全市新增就业5万人；城镇调查失业率控制在5.5%以内。',
      [
        ['eq', 50000, null, '人', 2025],
        ['lte', 5.5, null, '%', 2025],
      ],
    ],
    ['2023—2025年，筹集保障性租赁住房3万套。', [['eq', 30000, null, '套', 2025]]],
    ['截至2022年底，全市建成充电桩2000个。', []],
    ['在2020年基础上，能耗下降13.5%。', [['eq', 13.5, null, '%', null]]],
    ['按照《某市2025年前碳达峰实施方案》要求，新建充电桩500个。', [['eq', 500, null, '个', null]]],
  ]
  for (const [text, expected] of cases) t.same(figures(text), expected, text)
})

t.test('per-year, growth and relative commitments say so', async (t) => {
  const [growth] = extractTargets('数字经济核心产业增加值年均增长10%以上。')
  t.match(growth, { basis: 'annualGrowth', comparator: 'gte', value: 10, unit: '%' })
  t.equal(growth?.indicator, '数字经济核心产业增加值')

  const [relative] = extractTargets('年培训人次不低于在校生数。')
  t.match(relative, {
    indicator: '年培训人次',
    comparator: 'gte',
    value: null,
    unit: null,
    relativeTo: '在校生数',
    basis: 'perYear',
  })
  const [faster] = extractTargets('到2027年，增速高于全市地区生产总值增速。')
  t.match(faster, { comparator: 'gt', relativeTo: '全市地区生产总值增速', deadlineYear: 2027 })
  t.same(extractTargets('清单内容不得低于全市标准。'), [], 'a floor on contents, not a measure')
  t.match(extractTargets('无人机物流配送年飞行量达到100万架次。'), [{ basis: 'perYear' }])
  t.match(extractTargets('青年人才达到2000人。'), [{ basis: 'total' }])
})

t.test('wording of other topics: units, 余 and 多, ratios, lists, baselines', async (t) => {
  const cases: [string, Figure[]][] = [
    ['PM2.5浓度控制在35微克/立方米以下。', [['lte', 35, null, '微克/立方米', null]]],
    ['路网密度达到8公里/平方公里。', [['gte', 8, null, '公里/平方公里', null]]],
    ['粮食产量稳定在50亿斤以上。', [['gte', 5000000000, null, '斤', null]]],
    ['生猪出栏300万头。', [['eq', 3000000, null, '头', null]]],
    ['人均预期寿命达到79岁。', [['gte', 79, null, '岁', null]]],
    ['审批时间压缩至3个工作日以内。', [['lte', 3, null, '个工作日', null]]],
    ['培育规上企业500余家。', [['gt', 500, null, '家', null]]],
    ['新增就业3万余人。', [['gt', 30000, null, '人', null]]],
    ['新建5G基站200多个。', [['gt', 200, null, '个', null]]],
    ['新增就业10,000人。', [['eq', 10000, null, '人', null]]],
    ['单位生产总值比2020年增长20%。', [['eq', 20, null, '%', null, 'growthOver']]],
    ['九年义务教育巩固率达到97%。', [['gte', 97, null, '%', null]]],
    ['城镇化率由2020年的60%提高到2025年的80%。', [['gte', 80, null, '%', 2025]]],
    [
      '建成充电站200座、充电桩1.5万个。',
      [
        ['eq', 200, null, '座', null],
        ['eq', 15000, null, '个', null],
      ],
    ],
    [
      '优良天数比例、达标率分别达到85%、95%。',
      [
        ['gte', 85, null, '%', null],
        ['gte', 95, null, '%', null],
      ],
    ],
    ['收入10万元以上的村占比达到60%。', [['gte', 60, null, '%', null]]],
    ['营业收入100亿元以上的企业达到10家。', [['gte', 10, null, '家', null]]],
    ['2023年，全市PM2.5平均浓度为49微克/立方米。', []],
    ['全面退出1000吨/日及以下的熟料生产线。', []],
    ['全市平均降尘量不高于7吨/平方公里·月。', [['lte', 7, null, '吨/平方公里·月', null]]],
    ['涂料使用比例达到60%—70%。', [['range', 60, 70, '%', null]]],
    [
      '每年为65岁及以上老年人提供免费健康体检不少于40万人次。',
      [['gte', 400000, null, '人次', null, 'perYear']],
    ],
    ['新建项目区集中连片面积原则上不低于1000亩。', []],
    ['耕地质量等级平均提升0.5个等级以上。', [['gte', 0.5, null, '个等级', null]]],
    ['对连续3个月排名后三位的县实施约谈。', []],
    ['在107个重点集群中优选试点。', []],
    ['组织实施6个专项行动、20项重点工程。', []],
    ['构建学校、研修中心、园本研修四位一体的培训体系。', []],
    ['重点推动中电科13所、中电科54所芯片项目建设。', []],
    ['创新区覆盖全区，总规划面积约60.61平方公里。', []],
    ['建成区面积达到50平方公里。', [['gte', 50, null, '平方公里', null]]],
    [
      '全省新建、改扩建学校100所，校舍面积50万平方米。',
      [
        ['eq', 100, null, '所', null],
        ['eq', 500000, null, '平方米', null],
      ],
    ],
    ['（2）2020年教师学历达标率达到80%以上。', [['gte', 80, null, '%', 2020]]],
    ['对评定为3A、4A、5A级的企业，分别给予奖补50万元、100万元、150万元。', []],
    ['培育年产值超100亿元、具备较强国际竞争力的龙头企业2家。', [['eq', 2, null, '家', null]]],
    ['在5个工作日内办结。', [['lte', 5, null, '个工作日', null]]],
    ['全年优良天数超过240天。', [['gt', 240, null, '天', null]]],
    ['覆盖面超90%。', [['gt', 90, null, '%', null]]],
    ['数字化改造覆盖率超过一半。', [['gt', 50, null, '%', null]]],
    ['示范村比例达到三分之一以上。', [['gte', 33.3, null, '%', null]]],
    ['开展专题培训4周。', [['eq', 4, null, '周', null]]],
    ['组建专家服务团10组。', [['eq', 10, null, '组', null]]],
    ['评选10名优秀校长。', [['eq', 10, null, '名', null]]],
    [
      '实现“引进高层次人才达到200名左右，建成创新平台30个”的目标。',
      [
        ['approx', 200, null, '名', null],
        ['eq', 30, null, '个', null],
      ],
    ],
  ]
  for (const [text, expected] of cases) t.same(figures(text), expected, text)
  const indicators = (text: string) => extractTargets(text).map((x) => x.indicator)
  t.same(indicators('建成充电站200座、充电桩1.5万个。'), ['充电站', '充电桩'])
  t.same(indicators('在现有基础上新增养老床位500张。'), ['新增养老床位'])
  t.same(indicators('收入10万元以上的村占比达到60%。'), ['村占比'])
  t.same(indicators('城镇化率由2020年的55%提高到65%。'), ['城镇化率'])
})

t.test('numbers that are not commitments never become targets', async (t) => {
  const traps = [
    '新政办〔2023〕17号',
    '根据《某市人民政府关于印发某方案的通知》（某政〔2021〕2号）精神',
    '2023年8月28日印发',
    '扩大“3+2”分段培养规模',
    '全面推进“1+X”证书制度试点',
    '结合我市“十四五”期间产业规划',
    '深入贯彻党的二十大精神',
    '深化两化融合',
    '加快5G网络建设',
    '通过五大项任务举措，23项行动计划，构建新格局',
    '实施六大工程、18项重点任务',
    '构建三大主导产业体系',
    '落实五年一周期的轮训制度',
    '探索五年一贯制培养',
    '建成千兆主干网',
    '建设一批示范基地',
    '推进一体化发展',
    '入选第二批国家试点',
    '每条背街小巷明确一名路长',
    '给予一次性奖励补贴',
    '对连续从业满5年的护理员给予补贴',
    '按合同金额的30%给予补贴，最高不超过500万元',
    '可按投资额的30%抵免当年应缴教育费附加',
    '按照每百户不低于20平方米的标准配建',
    '目前全市已建成充电站12个',
    '截至2022年底，全市共有中职学校6所',
    '培育营业收入超过100亿元的企业',
    '设置24小时自助服务区',
    '支持二级及以下医疗机构转型',
    '服务“一带一路”建设',
    '建成数十家企业',
    '单个项目支持额度不超过300万元',
    '执行15%的企业所得税优惠税率',
    '落实研发费用加计扣除75%政策',
  ]
  for (const text of traps) t.same(extractTargets(text), [], text)
  t.same(extractTargets('生师比不高于18:1'), [], 'ratios are not read (ADR 0009), never as 18 or 1')
})

t.test('indicators and quotes come from the clause', async (t) => {
  const cases: [string, string][] = [
    ['到2025年，中等职业学校在校生规模达到3万人。', '中等职业学校在校生规模'],
    [
      '全市职业教育“双师型”教师占专业课教师比例达到70%以上。',
      '职业教育“双师型”教师占专业课教师比例',
    ],
    ['培养20名以上市级课程思政优秀教师。', '市级课程思政优秀教师'],
    ['重点办好2所与经济发展相适应的骨干中等职业学校。', '骨干中等职业学校'],
    ['全市新增家庭养老床位1.2万张。', '新增家庭养老床位'],
  ]
  for (const [text, indicator] of cases)
    t.equal(extractTargets(text)[0]?.indicator, indicator, text)
  const [first, second] = extractTargets('努力建成1—2所省级高水平学校和2—3个高水平专业群。')
  t.equal(first?.indicator, '省级高水平学校')
  t.equal(second?.indicator, '高水平专业群')
  t.equal(first?.quote, '努力建成1—2所省级高水平学校和2—3个高水平专业群')
  t.equal(second?.quote, first?.quote, 'two targets of one clause share its quote')
})

t.test('findQuantities reads each number once, where it stands', async (t) => {
  t.same(
    findQuantities('统一两个标准，建成1—2万张床位').map((q) => [q.value, q.valueMax, q.unit]),
    [
      [2, null, '个'],
      [10000, 20000, '张'],
    ],
  )
  t.same(findQuantities('万众创新，5G基站，G20峰会'), [])
  const [q] = findQuantities('达到3万人')
  t.same([q?.start, q?.end], [2, 5], 'offsets cover the number, multiplier and unit')
})

t.test('any text gives well-formed targets and never an exception', async (t) => {
  // A fixed seed: the same 5000 strings of the genre's characters on every run.
  const alphabet =
    '0123456789.-—～至到年月日第每万亿千百十两一二三四五六七八九人所个%以上左右不低于达到突破“”《》〔〕，。；：、的标准按照可给予最高年均增长每年 '
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  let found = 0
  for (let i = 0; i < 5000; i++) {
    let text = ''
    for (let k = Math.floor(next() * 120); k > 0; k--)
      text += alphabet[Math.floor(next() * alphabet.length)]
    for (const target of extractTargets(text)) {
      found++
      const ok =
        text.includes(target.quote) &&
        (target.value === null
          ? target.relativeTo !== null
          : Number.isFinite(target.value) && target.relativeTo === null) &&
        (target.comparator === 'range') === (target.valueMax !== null) &&
        (target.valueMax === null || target.valueMax > target.value!) &&
        (target.deadlineYear === null || text.includes(String(target.deadlineYear)))
      if (!ok) t.fail(`malformed target from ${JSON.stringify(text)}: ${JSON.stringify(target)}`)
    }
  }
  t.ok(found > 1000, `${found} targets checked`)
})

t.test('where a deadline year came from: its sentence, its paragraph, or none', async (t) => {
  const from = (text: string, inherited: number | null = null) =>
    extractTargets(text, inherited).map((x) => [x.value, x.deadlineYear, x.deadlineFrom])
  t.same(from('到2025年，建成3所学校。新增床位200张。'), [
    [3, 2025, 'clause'],
    [200, 2025, 'paragraph'],
  ])
  t.same(
    from('到2025年，建成3所学校。到2027年，新增床位200张。改造小区40个。'),
    [
      [3, 2025, 'clause'],
      [200, 2027, 'clause'],
      [40, 2027, 'paragraph'],
    ],
    'another year named replaces the first',
  )
  t.same(from('工作目标。到2025年底，体系健全。火灾死亡率控制在0.15以下。'), [
    [0.15, 2025, 'paragraph'],
  ])
  t.same(
    from('2025年县域贷款余额较2023年增长30%。'),
    [[30, 2025, 'clause']],
    'a bare year opening a clause',
  )
  t.same(from('建设学校3所。'), [[3, null, null]])
  t.same(from('到2025年，实现以下目标：', 2026), [], 'a heading line states no target')
  t.same(
    from('新建学校3所。', 2026),
    [[3, 2026, 'paragraph']],
    'a year passed on from the paragraph above',
  )
})

t.test('growth over a base year, doubling, and several measures at once', async (t) => {
  const [growth] = extractTargets('到2025年，数字经济规模较2020年增长30%。')
  t.match(growth, { value: 30, unit: '%', basis: 'growthOver', baseYear: 2020, deadlineYear: 2025 })
  const [doubled] = extractTargets('力争到2027年，产业规模比2022年翻一番。')
  t.match(doubled, { value: 100, unit: '%', comparator: 'eq', basis: 'growthOver', baseYear: 2022 })
  t.match(extractTargets('总产值实现翻两番。'), [{ value: 300, unit: '%', basis: 'total' }])
  t.same(
    extractTargets('城市和农村生活垃圾分类覆盖率均达到45%。').map((x) => [x.indicator, x.value]),
    [
      ['城市覆盖率', 45],
      ['农村生活垃圾分类覆盖率', 45],
    ],
  )
  t.same(
    extractTargets('陪餐制度和监督制度落实率均达到100%。').map((x) => x.indicator),
    ['陪餐制度落实率', '监督制度落实率'],
    'a measure written once at the end belongs to each',
  )
  t.same(
    extractTargets('一、二、三级医院的达标率分别达到30%、20%和10%。').map((x) => x.value),
    [30, 20, 10],
  )
  t.same(figures('建成1到2个示范区。'), [['range', 1, 2, '个', null]])
  t.same(figures('全市煤炭消费总量下降到480万吨以内。'), [['lte', 4800000, null, '吨', null]])
})

t.test('funding standards are commitments; grants, fees and caps are not', async (t) => {
  t.match(extractTargets('把继续教育经费列入预算，按照常住人口人均不低于2元的标准拨付。'), [
    { indicator: '继续教育经费', comparator: 'gte', value: 2, unit: '元/人' },
  ])
  t.match(extractTargets('区财政按照每户不低于3000元的标准安排配套资金。'), [
    { value: 3000, unit: '元/户' },
  ])
  const none = [
    '对连片50亩以上、验收合格的新造林，每亩给予一次性补助800元。',
    '充电服务费上限每千瓦时不超过0.6元。',
    '依法处以50元以上200元以下罚款。',
    '每年评选杰出人才不超过10名。',
    'A类、B类优秀等次比例均不超过30%。',
    '全市19个乡镇（街道）分为两类。',
    '完成全区千人以上供水工程水源保护区划定。',
    '消除经营性收入30万元以下的村，全面消除30万元以下村。',
    '每低于任务1个百分点扣1分。',
    '发生违法占用耕地5亩以上的，本项不得分。',
    '建设一支高素质队伍，打造一个平台。',
    '全国1800余个县中仍有县缺少冷库。',
  ]
  for (const text of none) t.same(extractTargets(text), [], text)
})
