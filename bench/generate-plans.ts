// Synthetic plan texts for benchmarks: Chinese local-government plans (实施方案) in the
// GB/T 9704-2012 layout as PDF extraction leaves them, imitating db/sources/000_… (新郑市) and
// test/fixtures/plans. Deterministic per seed, so a benchmark run can be repeated exactly.
//   npx tsx bench/generate-plans.ts OUTDIR COUNT   → OUTDIR/plan-0001.txt (seed 1) …
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** mulberry32: a tiny seeded PRNG; Math.random would make runs unrepeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Draws from a seeded PRNG: an integer in [lo, hi], a coin, one element, k distinct elements. */
function dice(next: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!
  const chance = (p: number) => next() < p
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const pool = [...xs]
    return Array.from(
      { length: Math.min(k, pool.length) },
      () => pool.splice(int(0, pool.length - 1), 1)[0]!,
    )
  }
  return { int, pick, chance, sample }
}

/** Fields of a line of the data tables below, which always has the fields destructured. */
const cells = (s: string, sep: string | RegExp) =>
  s.trim().split(sep) as [string, string, string, string, string]

// name, 发文字号 abbreviation, province, area code, kind (p 地级市, c 县级市, x 县). The 40
// abbreviations are distinct, and 40, 7 (years) and 99 (serials) are pairwise coprime, so taking
// the seed modulo each gives a different 发文字号 for every seed below 27720.
const CITIES = `洛阳市 洛 豫 0379 p|开封市 汴 豫 0378 p|新乡市 新 豫 0373 p|许昌市 许 豫 0374 p
|南阳市 宛 豫 0377 p|信阳市 信 豫 0376 p|商丘市 商 豫 0370 p|周口市 周 豫 0394 p|焦作市 焦 豫 0391 p
|鹤壁市 鹤 豫 0392 p|漯河市 漯 豫 0395 p|三门峡市 三 豫 0398 p|芜湖市 芜 皖 0553 p|蚌埠市 蚌 皖 0552 p
|赣州市 赣 赣 0797 p|株洲市 株 湘 0731 p|襄阳市 襄 鄂 0710 p|宜昌市 宜 鄂 0717 p|绵阳市 绵 川 0816 p
|遵义市 遵 黔 0851 p|柳州市 柳 桂 0772 p|泉州市 泉 闽 0595 p|潍坊市 潍 鲁 0536 p|临沂市 临 鲁 0539 p
|邯郸市 邯 冀 0310 p|保定市 保 冀 0312 p|榆林市 榆 陕 0912 p|宝鸡市 宝 陕 0917 p|常州市 常 苏 0519 p
|嘉兴市 嘉 浙 0573 p|林州市 林 豫 0372 c|巩义市 巩 豫 0371 c|义乌市 义 浙 0579 c|寿光市 寿 鲁 0536 c
|昆山市 昆 苏 0512 c|兰考县 兰 豫 0371 x|固始县 固 豫 0376 x|长兴县 长 浙 0572 x|沭阳县 沭 苏 0527 x
|仁寿县 仁 川 028 x`
  .split('|')
  .map((line) => {
    const [name, abbr, prov, area, kind] = cells(line, ' ')
    return { name, abbr, prov, area, kind }
  })

// Province short names (as in 豫政办) and full names, for the provincial document cited.
const PROVINCES: Record<string, string> = Object.fromEntries(
  '豫河南省 皖安徽省 赣江西省 湘湖南省 鄂湖北省 川四川省 黔贵州省 桂广西壮族自治区 闽福建省 鲁山东省 冀河北省 陕陕西省 苏江苏省 浙浙江省'
    .split(' ')
    .map((s) => [s[0], s.slice(1)]),
)

/** Per kind of place: the 主送机关 before the departments, and the collective unit of task lists. */
const KINDS: Record<string, [string, string]> = {
  p: ['各县（市、区）人民政府', '各县（市、区）人民政府'],
  c: ['各乡镇人民政府，各街道办事处', '各乡镇（街道、管委会）'],
  x: ['各乡镇人民政府', '各乡镇（街道）'],
}

// Organs: the short name task lists use | the full name the agency table uses | duties. Every
// short name is in db/agency-aliases.json or abbreviates its full name the way the resolver expects.
const AGENCIES = `教育局|教育局|各级各类学校管理、教育教学改革
人社局|人力资源和社会保障局|就业促进、职业技能培训、社会保险经办
发展改革委|发展和改革委员会|宏观经济运行监测、重大项目谋划和推进
财政局|财政局|财政预算管理、专项资金保障
卫健委|卫生健康委员会|疾病预防控制、基层医疗卫生服务
民政局|民政局|社会救助、养老服务、社会事务管理
医保局|医疗保障局|医疗保险、长期护理保险经办
住建局|住房和城乡建设局|住房保障、市政基础设施建设
资源规划局|自然资源和规划局|国土空间规划、建设用地保障
工信局|工业和信息化局|工业转型升级、中小企业发展、信息化建设
科技局|科学技术局|科技创新平台建设、科技成果转化
农业农村局|农业农村局|粮食生产、乡村产业发展、农村人居环境整治
水利局|水利局|水资源管理、水利工程建设和运行管护
生态环境局|生态环境局|生态环境监测、污染防治和环境执法
交通局|交通运输局|综合交通规划建设、道路运输管理
商务局|商务局|商贸流通、电子商务、招商引资
文广旅局|文化广电和旅游局|文化事业、旅游产业、广播电视
市场监管局|市场监督管理局|市场主体登记、产品质量和食品安全监管
应急局|应急管理局|安全生产、防灾减灾救灾
大数据局|大数据管理局|数据资源统筹、政务信息化建设
城管局|城市管理局|市容环境卫生、城市运行管理
公安局|公安局|社会治安管理、道路交通安全
统计局|统计局|统计调查、统计监测和信息发布
审计局|审计局|财政收支审计、专项资金审计
国资委|国有资产监督管理委员会|国有资产监管、国有企业改革
金融局|金融工作局|地方金融监管、金融服务实体经济
总工会|总工会|职工技能提升、劳动竞赛组织`
  .split('\n')
  .map((line) => {
    const [short, full, duty] = cells(line, '|')
    return { short, full, duty }
  })

// Four lines a topic: name / plan-title core / lead organ / partner organs; ten nouns for headings
// and sentences; facility (measure name) / scale (noun unit) / two rates / trainees; the national
// document the preamble cites (发文字号 prefix, or - for none, then its title).
const TOPICS = [
  `职业教育 / 职业教育高质量发展 / 教育局 / 人社局 发展改革委 财政局 工信局 科技局
  现代职业教育体系 中等职业学校 产教融合 校企合作 双师型教师队伍 特色专业群 实训基地 职业技能培训 智慧校园 继续教育
  所 省级高水平中等职业学校 / 中等职业学校在校生规模 万人 / 毕业生就业率 “双师型”教师占比 / 职业学校专业课教师
  国发 国务院关于印发国家职业教育改革实施方案的通知`,
  `养老服务 / 推进基本养老服务体系建设 / 民政局 / 卫健委 医保局 财政局 人社局 住建局 市场监管局
  居家养老服务 社区养老服务设施 养老机构 家庭养老床位 医养结合 长期护理保险 养老护理员队伍 智慧养老平台 特困人员供养 老年助餐服务
  个 区域性养老服务中心 / 家庭养老床位 万张 / 社区养老服务设施配建达标率 养老机构护理型床位占比 / 养老护理员
  国办发 国务院办公厅关于推进养老服务发展的意见`,
  `数字经济 / 数字经济高质量发展 / 工信局 / 发展改革委 大数据局 科技局 商务局 财政局
  新型基础设施 工业互联网平台 数据要素市场 企业数字化转型 智能制造 电子商务 数字政府 软件和信息服务业 算力中心 数字乡村
  个 省级数字化转型示范园区 / 数字经济核心产业从业人员 万人 / 规模以上工业企业数字化覆盖率 数字经济核心产业增加值占比 / 企业数字化人才
  国发 国务院关于加快推进数字经济发展的指导意见`,
  `农村供水 / 农村供水保障工程建设 / 水利局 / 发展改革委 财政局 卫健委 生态环境局 资源规划局
  城乡供水一体化 农村集中供水工程 水源地保护 水质检测能力 供水管网 小型供水工程 运行管护机制 智慧水务 应急供水 水费收缴
  座 县级水质检测中心 / 农村供水受益人口 万人 / 农村自来水普及率 规模化供水工程覆盖农村人口比例 / 农村供水工程管护人员
  - 水利部 国家发展改革委关于做好农村供水保障工作的指导意见`,
  `文旅融合 / 文化和旅游深度融合发展 / 文广旅局 / 发展改革委 财政局 商务局 交通局 资源规划局
  文旅产业 全域旅游 旅游景区 乡村旅游 非物质文化遗产 文化创意产业 智慧旅游 夜间文旅消费 公共文化服务 精品旅游线路
  个 国家级旅游休闲街区 / 年接待游客 万人次 / 游客满意度 智慧景区覆盖率 / 文旅从业人员
  国办发 国务院办公厅关于进一步激发文化和旅游消费潜力的意见`,
  `医疗卫生 / 卫生健康事业高质量发展 / 卫健委 / 医保局 财政局 人社局 市场监管局 发展改革委
  县域医共体 基层医疗卫生机构 公共卫生服务 家庭医生签约服务 中医药服务 全民健康信息平台 紧密型医疗集团 院前急救网络 卫生人才队伍 分级诊疗制度
  所 三级综合医院 / 家庭医生签约服务人数 万人 / 重点人群家庭医生签约率 基层医疗卫生机构诊疗量占比 / 乡村医生
  国办发 国务院办公厅关于推动公立医院高质量发展的意见`,
  `生态环保 / 深入打好污染防治攻坚战 / 生态环境局 / 发展改革委 资源规划局 水利局 住建局 农业农村局
  大气污染防治 水污染防治 土壤污染防治 生态保护修复 固体废物处置 环境监测网络 河湖长制 秸秆综合利用 绿色低碳转型 环境执法监管
  座 城镇污水处理厂 / 完成国土绿化面积 万亩 / 集中式饮用水水源地水质达标率 城市建成区绿化覆盖率 / 环境执法人员
  - 中共中央 国务院关于深入打好污染防治攻坚战的意见`,
  `交通物流 / 现代物流体系建设 / 交通局 / 发展改革委 商务局 财政局 资源规划局 公安局
  综合交通运输体系 物流枢纽 农村物流网络 冷链物流 多式联运 快递物流 智慧物流平台 城乡配送体系 农村公路 运输结构调整
  个 县级物流配送中心 / 快递业务量 万件 / 建制村快递服务覆盖率 农村公路优良中等路率 / 物流从业人员
  国办发 国务院办公厅关于进一步降低物流成本的实施意见`,
  `就业创业 / 稳就业促创业 / 人社局 / 发展改革委 财政局 教育局 农业农村局 商务局
  就业公共服务 创业孵化基地 高校毕业生就业 农民工返乡创业 职业技能培训 创业担保贷款 零工市场 灵活就业 就业困难人员援助 劳务品牌
  个 省级创业孵化示范基地 / 城镇新增就业 万人 / 高校毕业生就业率 返乡创业项目存活率 / 农村劳动力
  国发 国务院关于做好当前和今后一个时期促进就业工作的若干意见`,
  `科技创新 / 科技创新能力提升 / 科技局 / 发展改革委 财政局 工信局 教育局 人社局
  科技创新平台 高新技术企业 科技型中小企业 研发投入 科技成果转化 创新人才队伍 产学研合作 知识产权保护 科技金融 创新创业载体
  个 省级重点实验室 / 全社会研发人员 万人 / 规模以上工业企业研发活动覆盖率 研发经费投入年均增幅 / 科技特派员
  国发 国务院关于推动创新创业高质量发展打造“双创”升级版的意见`,
].map((spec) => {
  const [head, nouns, sizes, cite] = cells(spec.replace(/\n\s+/g, '\n'), '\n')
  const [name, core, lead, partners] = cells(head, ' / ')
  const [facility, scale, rates, trainee] = cells(sizes, ' / ')
  const pair = (s: string) => cells(s, ' ').slice(0, 2) as [string, string]
  const gap = cite.indexOf(' ')
  const national = [cite.slice(0, gap), cite.slice(gap + 1)] as const
  return {
    name,
    core,
    lead,
    partners: partners.split(' '),
    nouns: nouns.split(' '),
    facility: pair(facility),
    scale: pair(scale),
    rates: pair(rates),
    trainee,
    national,
  }
})

// Slots: {a} {b} nouns, {t} topic, {u} 市/县, {c} place name. Sentences the task list can copy.
const SENTENCES = `围绕{t}高质量发展需求，加快{a}建设，推动{b}提质增效。
建立健全{a}工作机制，明确部门职责分工，完善{b}配套政策措施。
鼓励社会力量参与{a}，探索政府引导、市场运作、多方参与的{b}发展模式。
支持有条件的乡镇和单位开展{a}试点，及时总结推广{b}经验做法。
依托{u}级数据共享平台，推动{a}与{b}信息互联互通。
将{a}纳入年度重点工作，定期开展{b}专项督导检查。
统筹整合各类资金，优先保障{a}和{b}项目用地、用能需求。
制定{a}服务标准和工作规范，推动{b}规范化、标准化发展。
加强{a}政策宣传解读，引导群众积极参与{b}。
实施{a}提升行动，打造一批具有{c}特色的{b}示范项目。
深化{a}领域“放管服”改革，进一步优化{b}发展环境。
建立{a}动态监测台账，对{b}实行清单化管理、销号式推进。
强化{a}人才支撑，落实{b}从业人员职称评聘和待遇保障政策。
推进{a}与{b}融合发展，形成上下联动、协同推进的工作格局。
完善{a}考核评价办法，将{b}工作成效纳入部门年度绩效考核。
探索{a}市场化运营机制，引导金融机构加大对{b}的信贷支持。`.split('\n')
// Targets an item may end with; {y} year, {p} a percentage, {q} a count.
const QUANTITIES = [
  '到{y}年，{a}覆盖率保持在{p}%以上。',
  '到{y}年，建成{a}示范项目不少于{q}个。',
  '到{y}年，{a}群众满意度达到{p}%以上。',
]
const CHAPTER_HEADS = `完善{a}体系 提升{a}水平 强化{a}保障 推进{a}建设
  优化{a}布局 深化{a}改革 创新{a}机制 加强{a}管理`.split(/\s+/)
const ITEM_HEADS =
  `健全{a}工作机制 加快{a}建设 推动{a}提质增效 规范{a}管理 扩大{a}覆盖面 做强{a}品牌 夯实{a}基础
  拓展{a}应用场景 提升{a}服务能力 完善{a}政策支持 突出{a}重点 补齐{a}短板`.split(/\s+/)
// 保障措施 items: heading | first sentence.
const SAFEGUARDS =
  `加强组织领导|建立由{u}政府分管领导牵头、相关部门参与的{t}工作联席会议制度，统筹协调解决重大问题。
强化要素保障|各有关部门要将{t}工作经费纳入年度财政预算，统筹用好上级专项资金。
加强督导考核|将{t}工作落实情况纳入对各相关部门的年度绩效考核，定期通报工作进展。
营造良好氛围|充分利用报刊、广播电视和新媒体，广泛宣传{t}政策措施和典型经验。
强化人才支撑|落实{t}领域人才引进培养政策，在职称评聘、评优评先等方面予以倾斜。
加强风险防控|健全{t}领域安全风险排查机制，及时发现和化解各类风险隐患。`
    .split('\n')
    .map((line) => cells(line, '|'))

/** Fills {x} slots; 完善{a}体系 with a noun ending in 体系 must not say 体系体系. */
const fill = (template: string, slots: Record<string, string>) =>
  template
    .replace(/\{(\w)\}/g, (_m, k: string) => slots[k] ?? '')
    .replace(/(体系|机制|建设|管理|服务)(工作)?\1/g, '$1')

/** PDF extraction spaces digits off Han text: 到 2025 年, 达到 3 万人, 保持在 95%以上, 建成 1—2 所. */
const spaceNumbers = (s: string) =>
  s.replace(
    /(\d+(?:\.\d+)?(?:—\d+)?)(%?)/g,
    (_m, n: string, pct: string) => ` ${n}${pct}${pct ? '' : ' '}`,
  )

const CN = '一二三四五六七八九十'
const HAN = /\p{Script=Han}/u

/** An action item: its heading sentence and the sentences after it, before extraction artifacts. */
type Item = { heading: string; body: string[] }

/** A deterministic synthetic plan text of the genre, different for each seed. */
export function generatePlan(seed: number): string {
  // The 发文字号 comes from the seed itself (see CITIES); everything else from the PRNG.
  const k = ((Math.trunc(seed) % 27720) + 27720) % 27720
  const city = CITIES[k % CITIES.length]!
  const year = 2019 + (k % 7)
  const serial = (k % 99) + 1
  const d = dice(mulberry32(Math.imul(k + 1, 0x9e3779b1)))
  const topic = d.pick(TOPICS)
  const u = city.kind === 'x' ? '县' : '市'
  const place = city.name.slice(0, -1)
  const [recipients, collective] = KINDS[city.kind]!
  const slots = { t: topic.name, u, c: place }
  const deadline = year + d.int(2, 4)
  const planTitle = `${city.name}${topic.core}${d.pick(['实施方案', '工作方案', '行动方案'])}`
  const listTitle = `${city.name}${topic.core}${d.pick(['工作任务清单', '重点任务分工表'])}`
  // Long titles wrap in the PDF; extraction leaves a space where the line broke.
  const wrapped = (title: string, suffix: number) =>
    `${title.slice(0, -suffix)} ${title.slice(-suffix)}`
  const artifacts = (s: string, p: number) => (d.chance(p) ? spaceNumbers(s) : s)

  // Template sentences differ only in their nouns. A template is used at most once with a given
  // noun in each slot, so that a sentence a task row copies is found in one item only.
  const used = new Set<string>()
  const twoNouns = (except?: string) =>
    d.sample(
      topic.nouns.filter((x) => x !== except),
      2,
    ) as [string, string]
  /** A new sentence from one of the templates, none of which the item (taken) has used yet. */
  const sentence = (pool: readonly string[], taken: Set<string>, first?: string): string => {
    for (let tries = 0; ; tries++) {
      const template = d.pick(pool)
      const [x, b] = twoNouns(first)
      const a = first !== undefined && tries < 20 ? first : x
      // Swapping the two nouns would make a near-copy too.
      const both = template.includes('{b}')
      const pair = [a, b].sort().join()
      const keys = [
        `${template}:a:${a}`,
        ...(both ? [`${template}:b:${b}`, `${template}:${pair}`] : []),
      ]
      if (tries < 300 && (taken.has(template) || keys.some((key) => used.has(key)))) continue
      taken.add(template)
      keys.forEach((key) => used.add(key))
      const numbers = {
        y: String(deadline - d.int(0, 1)),
        p: String(d.int(85, 98)),
        q: String(d.int(3, 20)),
      }
      return fill(template, { ...slots, ...numbers, a, b })
    }
  }
  // Quantitative targets with a deadline; the topic's own metrics appear once each.
  const [measure, facility] = topic.facility
  const once = [
    () => `到${deadline}年，全${u}建成${d.pick(['1—2', '2—3'])}${measure}${facility}。`,
    () => `每年培训${topic.trainee}不少于${d.pick([200, 300, 500, 800, 1000])}人次。`,
    () => `到${deadline}年，${topic.scale[0]}达到${d.int(2, 9)}${topic.scale[1]}以上。`,
    () => `到${deadline}年，${topic.rates[1]}不低于${d.int(6, 14) * 5}%。`,
  ]
  const quantity = (a: string) =>
    once.length > 0 && d.chance(0.5)
      ? once.splice(d.int(0, once.length - 1), 1)[0]!()
      : sentence(QUANTITIES, new Set(), a)

  // Outline sizes: 15–30 items, 3–5 of them under 保障措施, 4–8 chapters in all.
  const itemCount = d.int(15, 30)
  const safeguardCount = d.int(3, 5)
  const taskItems = itemCount - safeguardCount
  const introChapters = d.chance(0.6) ? 2 : 0
  const chapterCount = Math.min(d.int(4, 8) - introChapters, Math.floor(taskItems / 2))
  const sizes = Array.from(
    { length: chapterCount },
    (_, c) => Math.floor(taskItems / chapterCount) + (c < taskItems % chapterCount ? 1 : 0),
  )
  const chapterNouns = d.sample(topic.nouns, chapterCount)
  const headings = new Set<string>()
  const itemHeading = (noun: string) => {
    let h = ''
    for (let tries = 0; tries === 0 || (headings.has(h) && tries < 30); tries++) {
      const [t1, t2] = d.sample(ITEM_HEADS, 2) as [string, string]
      const [n1, n2] = twoNouns(noun)
      h = fill(t1, { a: d.chance(0.4) ? noun : n1 })
      if (d.chance(0.3)) h = `${fill(t2, { a: n2 })}，${h}`
    }
    headings.add(h)
    return h
  }
  const chapters = d.sample(sizes, chapterCount).map((size, c) => {
    const noun = chapterNouns[c]!
    const items = Array.from({ length: size }, (): Item => {
      const heading = itemHeading(noun)
      const taken = new Set<string>()
      const body = Array.from({ length: d.int(2, 4) }, () =>
        sentence(SENTENCES, taken, d.chance(0.35) ? noun : undefined),
      )
      if (d.chance(0.75)) body.push(quantity(d.chance(0.5) ? noun : d.pick(topic.nouns)))
      return { heading, body }
    })
    return { heading: fill(d.pick(CHAPTER_HEADS), { a: noun }), items }
  })
  const safeguards = d.sample(SAFEGUARDS, safeguardCount).map(([heading, first]): Item => ({
    heading,
    body: [
      fill(first, slots),
      ...[1, 2].slice(d.int(0, 1)).map(() => sentence(SENTENCES, new Set())),
    ],
  }))
  const items = [...chapters.flatMap((c) => c.items), ...safeguards]
  // ~3 items per plan have a sentence cut by a page break: no 。 before the blank line.
  const broken = new Set(d.sample(items, d.int(2, 4)))

  const out: string[] = ['', '']
  const para = (...ps: string[]) => ps.forEach((p) => out.push(p, ''))
  /** Cuts text between two Han characters, as a page break in the PDF does. */
  const cut = (s: string): [string, string] => {
    const spots = Array.from(s, (_, i) => i).filter(
      (i) => i > 3 && i < s.length - 3 && HAN.test(s[i]!) && HAN.test(s[i - 1]!),
    )
    const at = spots.length > 0 ? d.pick(spots) : Math.floor(s.length / 2)
    return [s.slice(0, at), s.slice(at)]
  }

  // 版头, 发文字号, the notice with its 主送机关, then the plan's own title.
  para(`${city.name}人民政府办公室文件`, `${city.abbr}政办〔${year}〕${serial}号`)
  para(`${city.name}人民政府办公室 关于印发${wrapped(planTitle, 4)}的通知`)
  para(`${recipients}，${u}人民政府各部门，各有关单位：`)
  const request = d.pick(['认真贯彻执行', '结合实际，认真贯彻落实', '认真组织实施'])
  para(`《${planTitle}》已经${u}人民政府同意，现印发给你们，请${request}。`)
  out.push('', '')
  para(wrapped(planTitle, 4))

  // Preamble citing 2–4 documents as 《title》（number）; a joint-issuer title keeps its space.
  const [prefix, national] = topic.national
  const cites = [
    `《${national}》${prefix === '-' ? '' : `（${prefix}〔${year - d.int(1, 3)}〕${d.int(1, 60)}号）`}`,
    `《中共中央办公厅 国务院办公厅关于加快推进${topic.name}工作的意见》`,
    `《${PROVINCES[city.prov]}人民政府办公厅关于${topic.core}的实施意见》（${city.prov}政办〔${year - 1}〕${d.int(1, 80)}号）`,
    `《${city.name}国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》`,
  ].slice(0, d.int(2, 4))
  para(
    `为深入贯彻落实${cites.join('、')}等文件精神，加快推进${topic.core}，更好满足人民群众日益增长的美好生活需要，结合我${u}实际，制定本方案。`,
  )

  // 一、 prose only, with or without the chapters 指导思想 and 目标.
  const targets = artifacts(
    `到${deadline}年，${topic.scale[0]}达到${d.int(1, 9)}${topic.scale[1]}，${topic.rates[0]}保持在${d.int(90, 98)}%以上，${topic.rates[1]}不低于${d.int(6, 14) * 5}%，${topic.name}体系更加完善、服务能力显著增强，形成上下联动、协同推进的${topic.name}发展新格局。`,
    0.7,
  )
  const targetParas = d.chance(0.5) ? cut(targets) : [targets]
  if (introChapters > 0) {
    para('一、总体要求', '（一）指导思想')
    para(
      `以习近平新时代中国特色社会主义思想为指导，深入贯彻党的${year > 2022 ? '二十大' : '十九大'}精神，坚持以人民为中心的发展思想，以${chapterNouns[0]}为重点，以${chapterNouns[1]}为抓手，着力补短板、强弱项、提质量，推动全${u}${topic.name}高质量发展，为加快建设现代化${place}提供有力支撑。`,
    )
    para(`（二）${d.pick(['发展目标', '工作目标'])}`, ...targetParas)
  } else para(`一、${d.pick(['工作目标', '发展目标'])}`, ...targetParas)

  // 二、 chapters of items; 三、 safeguards, items straight under the part. Items are numbered
  // through the document; some run over two paragraphs.
  let n = 0
  const writeItem = (item: Item) => {
    const sentences = item.body.map((s) => artifacts(s, 0.5))
    const split =
      sentences.length >= 3 && d.chance(0.2) ? d.int(2, sentences.length - 1) : sentences.length
    const paras = [
      `${++n}. ${item.heading}。${sentences.slice(0, split).join('')}`,
      sentences.slice(split).join(''),
    ]
    if (paras[1] === '') paras.pop()
    if (broken.has(item)) {
      const i = d.int(0, paras.length - 1)
      const p = paras[i]!
      const start = i === 0 ? p.indexOf('。') + 1 : 0 // after the heading, never just after a 。
      const [before, after] = cut(p.slice(start))
      paras.splice(i, 1, p.slice(0, start) + before, after)
    }
    para(...paras)
  }
  para(`二、${d.pick(['重点任务', '主要任务'])}`)
  chapters.forEach((c, i) => {
    para(`（${CN[i]}）${c.heading}`)
    c.items.forEach(writeItem)
  })
  para(`三、${d.pick(['保障措施', '组织保障'])}`)
  safeguards.forEach(writeItem)

  // 附件: the task list. Rows follow the items in order, each copying whole sentences of one item
  // (sometimes two); the header repeats at each page break.
  const colon = d.pick([':', '：'])
  para(`附件${colon}${listTitle}`, '附件', wrapped(listTitle, listTitle.endsWith('清单') ? 6 : 7))
  // Rows start as single sentences; neighbours merge (rarely across two items) until there are
  // as many rows as wanted, or rows are taken evenly when merging cannot get there.
  let rowsOf = items.flatMap((item, i) => item.body.map((s) => ({ i, text: [s] })))
  const wanted = d.int(20, 35)
  for (let tries = 0; rowsOf.length > wanted && tries < 500; tries++) {
    const g = d.int(0, rowsOf.length - 2)
    const [a, b] = [rowsOf[g]!, rowsOf[g + 1]!]
    if (a.text.length + b.text.length <= 2 && (a.i === b.i || d.chance(0.05))) {
      rowsOf.splice(g, 2, { i: a.i, text: [...a.text, ...b.text] })
    }
  }
  const taskCount = Math.min(wanted, rowsOf.length)
  rowsOf = Array.from(
    { length: taskCount },
    (_, t) => rowsOf[Math.floor((t * rowsOf.length) / taskCount)]!,
  )
  const halfWidth = new Set(d.sample([...Array(taskCount).keys()], d.int(2, 3)))
  const usedUnits: string[] = []
  const header = '序号\t工作任务\t责任单位'
  let pageRows = d.int(7, 9)
  out.push(header)
  for (let t = 0; t < taskCount; t++) {
    let text = artifacts(rowsOf[t]!.text.join(''), 0.2)

    let units = d.chance(0.85) ? [topic.lead] : []
    units.push(...d.sample(topic.partners, d.int(units.length === 0 ? 1 : 0, 3)))
    for (const s of units) if (!usedUnits.includes(s)) usedUnits.push(s)
    units = units.map((s) => u + s)
    if (d.chance(0.25)) units.push(d.chance(0.5) ? collective : '各相关部门')
    if (d.chance(0.04)) units = ['各相关部门']
    let cell = units.join('、')
    if (halfWidth.has(t)) {
      // A few rows come out with half-width punctuation: , and ( ).
      text = text.replace(/，/g, ',')
      cell = cell.replace(/（/g, '(').replace(/）/g, ')')
      if (d.chance(0.5)) cell = cell.replace(/、(?![^(]*\))/g, ',')
    }
    if (t > 0 && --pageRows === 0) {
      out.push('', header)
      pageRows = d.int(7, 9)
    }
    out.push(`${t + 1}\t${text}\t${cell}`)
  }

  // The agency table: full names of every unit above, padded to 8–20 rows, one row sometimes twice.
  const named = usedUnits.map((s) => AGENCIES.find((a) => a.short === s)!)
  const others = AGENCIES.filter((a) => !named.includes(a))
  const size = d.int(8, 20)
  const twice = size > 8 && d.chance(0.25)
  const rows = [...named, ...d.sample(others, size - named.length - (twice ? 1 : 0))].map((a) => {
    const title = a.full.endsWith('委员会') ? '主任' : a.full.endsWith('会') ? '主席' : '局长'
    const lead = `${d.pick([...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林郑'])}${d.chance(0.6) ? '副' : ''}${title}`
    const duty = `负责全${u}${a.duty}等工作，${d.pick(['配合做好', '牵头或参与'])}${topic.name}相关任务落实。`
    return `${u}${a.full}\t${duty}\t${lead}\t${city.area}-${d.int(60000000, 69999999)}`
  })
  if (twice) rows.push(rows[rows.length - 1]!)
  const agencyHeader = '序号\t单位名称\t工作任务\t牵头领导\t联系电话'
  out.push('', agencyHeader, ...rows.map((r, i) => `${i + 1}\t${r}`), '')

  // 版记: 主办, 抄送 over two lines, 印发机关 and 印发日期.
  para(`主办：${u}${topic.lead}`)
  para(`抄送：${u}委各部门，${city.kind === 'p' ? `${place}军分区` : `${u}人武部`}。`)
  para(`${u}人大常委会办公室，${u}政协办公室，${u}法院，${u}检察院。`)
  para(`${city.name}人民政府办公室`)
  out.push(`${year}年${d.int(1, 12)}月${d.int(1, 28)}日印发`, '')
  return out.join('\n')
}

/** Writes plans of seeds 1 to `count` into `outDir` (plan-0001.txt …); returns their paths. */
export function writePlans(outDir: string, count: number): string[] {
  mkdirSync(outDir, { recursive: true })
  const paths: string[] = []
  for (let i = 1; i <= count; i++) {
    const path = join(outDir, `plan-${String(i).padStart(4, '0')}.txt`)
    writeFileSync(path, generatePlan(i))
    paths.push(path)
  }
  return paths
}

// Direct run: write COUNT plans into OUTDIR, plan-0001.txt from seed 1 and so on.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, countArg] = process.argv.slice(2)
  const count = Number(countArg)
  if (outDir === undefined || !Number.isInteger(count) || count < 1 || count > 9999) {
    console.error('usage: tsx bench/generate-plans.ts OUTDIR COUNT   (COUNT 1..9999)')
    process.exit(2)
  }
  writePlans(outDir, count)
  console.log(`wrote ${count} plans to ${outDir}`)
}
