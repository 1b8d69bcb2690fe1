// Quantitative commitments in running text: 参保人数达到50万人 is a target with indicator
// 参保人数, comparator gte, value 500000, unit 人. A paragraph is cut into sentences (a deadline
// such as 到2025年 governs the rest of its own sentence) and clauses (the quote of a target), and
// each quantity in a clause is kept only where the wording makes it a commitment.
import { findQuantities, WEAK_UNITS, type Quantity } from './quantities.js'
import { partitionPoint } from './sorted.js'
import { pairedSpans, splitList } from './text.js'
import {
  BEFORE,
  BEFORE_ADJACENT,
  AFTER,
  COUNT_UNITS,
  NUMBER_QUALIFIERS,
  ONLY_VERB,
  VERB_ANYWHERE,
  PLAN_PART_NOUN,
  BASELINE,
  DEADLINE,
  PERIOD,
  MEASURE_END,
  RELATIVE,
  RELATIVE_COMPARATORS,
  PERMISSION,
  LEADING_WORDS,
  DEADLINE_PREFIX,
} from './target-wording.js'
import type { Basis, Comparator, DeadlineFrom, ParsedTarget } from './types.js'

/** A target as one paragraph shows it; plan-targets.ts places it in the plan. */
export type ExtractedTarget = Omit<ParsedTarget, 'sectionIndex' | 'taskIndexes' | 'line'> & {
  /** Offset in the quote of the number (0 for a relative target, which has none). */
  numberAt: number
}

interface Span {
  start: number
  end: number
}

/**
 * Cuts text at separator characters, except a half-width , or : between digits, which belongs
 * to a number (10,000) or a ratio (18:1).
 */
function splitAt(text: string, separators: RegExp, from = 0): (Span & { text: string })[] {
  const spans: (Span & { text: string })[] = []
  let start = 0
  const inNumber = (i: number) =>
    /[,:]/.test(text[i]!) && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (separators.test(text[i]!) && !inNumber(i))) {
      if (i > start) spans.push({ start: from + start, end: from + i, text: text.slice(start, i) })
      start = i + 1
    }
  }
  return spans
}

/** Quoted names and cited titles: “3+2”, “十四五”, 《…》, 〔2021〕. */
function quotedSpans(text: string): Span[] {
  return pairedSpans(text, QUOTES).filter(({ start, end }) => {
    // A long quotation (实现“引进人才达到2000名左右，……”) is a passage, not a name: read it.
    const quote = text.slice(start, end)
    return !(quote.length > 24 && /^[“"‘「]/.test(quote) && /[，；]/.test(quote))
  })
}

const QUOTES: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '《': '》',
  '〔': '〕',
  '"': '"',
}

/** Whether `at` falls in one of the spans, which stand apart in order. */
function inside(spans: Span[], at: number): boolean {
  const span = spans[partitionPoint(spans.length, (k) => spans[k]!.end <= at)]
  return span !== undefined && at >= span.start
}

interface Marker {
  at: number
  year: number | null
  /** A statement of the present starts here. */
  baseline: boolean
}

/**
 * Deadlines (到2025年, 2026年底前) and statements of the present, by position in the sentence;
 * a year inside a cited title (《…2025年前…方案》) is neither.
 */
function markersOf(sentence: string, quoted: Span[]): Marker[] {
  const markers: Marker[] = []
  for (const m of sentence.matchAll(DEADLINE)) {
    if (
      m[1] === undefined &&
      m[4] === undefined &&
      !PERIOD.test(m[0]) &&
      !bareYearOpens(sentence, m)
    ) {
      continue
    }
    if (!inside(quoted, m.index)) {
      markers.push({ at: m.index, year: Number(m[2]), baseline: false })
    }
  }
  // A statement of the present holds until a deadline is named again in the sentence.
  for (const m of sentence.matchAll(BASELINE)) {
    if (!inside(quoted, m.index)) markers.push({ at: m.index, year: null, baseline: true })
  }
  return markers.sort((a, b) => a.at - b.at)
}

/**
 * A year with neither 到 nor 前 that opens a clause (2025年，…; 2025年全市…达到…) is a deadline as
 * well; one that qualifies a noun (2025年的水平, 2023年以来, 2020年比) is not.
 */
function bareYearOpens(sentence: string, m: RegExpMatchArray): boolean {
  const before = sentence.slice(0, m.index).trimEnd()
  // （2）2020年…达到80%: a year after an enumeration's label opens the sentence too.
  const label =
    /^(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|\d{1,2}[.、．]|[一二三四五六七八九十]+是)$/
  // What ends `before` is read from its last characters: a test anchored at the end alone would
  // scan all of it, for every year of a long sentence.
  const opens =
    before === '' ||
    label.test(before) ||
    /[，,；;：:]$/.test(before.slice(-1)) ||
    /(?:力争|确保|争取|预计)$/.test(before.slice(-2))
  const after = sentence.slice(m.index! + m[0].length)
  return opens && !/^(?:的|以来|起|开始|比|相比|同期|基础|水平|度|以前|之前)/.test(after)
}

/**
 * How far before a number its comparator can stand: a year (2025年底的), the comparator and two
 * characters of verb fit well within it. Only this much of a clause is searched, at the same cost
 * however long the clause.
 */
const COMPARATOR_REACH = 32

/** The comparator written last before the number: 不低于 rather than the 低于 inside it. */
function comparatorBefore(
  fullPrefix: string,
): { comparator: Comparator; at: number; word: string } | null {
  const offset = Math.max(0, fullPrefix.length - COMPARATOR_REACH)
  // 提高到2025年的80%: the year between the comparator and the number is skipped.
  const prefix = fullPrefix.slice(offset).replace(/(?:19|20)\d{2}年(?:底|末)?的?$/, '')
  let best: { comparator: Comparator; at: number; word: string } | null = null
  for (const [word, comparator] of BEFORE) {
    const at = prefix.lastIndexOf(word)
    // 至少建有1所: a verb of up to two characters may stand between the comparator and the number.
    if (at < 0 || prefix.length - (at + word.length) > 2) continue
    const end = at + word.length
    if (
      !best ||
      end > best.at + best.word.length ||
      (end === best.at + best.word.length && at < best.at)
    ) {
      best = { comparator, at, word }
    }
  }
  if (best) return { ...best, at: offset + best.at }
  const adjacent = prefix.slice(-1)
  const comparator = BEFORE_ADJACENT[adjacent]
  return comparator ? { comparator, at: offset + prefix.length - 1, word: adjacent } : null
}

/** The label of an enumeration in running text: （2）, ①, 一是. */
const ENUMERATION =
  /^(?:[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|[一二三四五六七八九十]+是)/

function stripLeading(text: string): string {
  let out = text.trim()
  for (let previous = ''; previous !== out;) {
    previous = out
    out = out.replace(DEADLINE_PREFIX, '').replace(LEADING_WORDS, '').replace(ENUMERATION, '')
  }
  return out
}

/** A subject: without the list word or verb that joins it to what came before, nor its 由… start. */
function subjectOf(text: string): string {
  const local = text
    .replace(/^(?:及以上|以上|以下|以内|左右|余|多)?的?/, '')
    .replace(/^[、，和及与（(]+/, '')
    .replace(/^在[^，]*?基础上/, '')
    .replace(/(?:由|从)[^由从]*$|比(?=\d|上年|去年)[^比]*$/, '')
  return stripTrailing(stripLeading(local))
}

/** A verb that opens a clause of counts (建成充电站200座): not part of what is counted. */
const SUBJECT_VERB = /^(?:建成|建设|完成|实现|打造|培育|组建)/

function stripTrailing(text: string): string {
  return text.replace(
    /(?:年均(?:增长|增速|提高|递增))?(?:的|为|在|要|将|可|和|及|与|以及|、|等|分别)*$/,
    '',
  )
}

/** What a count after a verb counts: the noun phrase after the number, after its last 的. */
function objectOf(after: string): string {
  const rest = after
    .replace(/^(?:及以上|以上|左右|以内|之内|以下|内|余|多)?/, '')
    .replace(/^[（(][^）)]*[）)]/, '')
  // 建成充电站200座、充电桩1.5万个: the noun came before the number; nothing follows it.
  if (/^[、，；。）)]|^$/.test(rest)) return ''
  const phrase = stripTrailing(rest.replace(/^的/, '').replace(/[（(][^）)]*$/, ''))
  const lastOf = phrase.lastIndexOf('的')
  return lastOf >= 0 && lastOf < phrase.length - 1 ? phrase.slice(lastOf + 1) : phrase
}

/** 年培训人次, 年飞行量, 年接待游客: a measure per year; 青年, 上年, 2025年 are not. */
const ANNUAL_MEASURE =
  /(?<![\d一二两三四五六七八九十百青老少中成周新多常近历同当去上明今往逐累全])年(?![\d均度底末前内])/

/** Growth measured from a base year: 较2023年增长30%, 比2020年提高5个百分点, 比2020年翻一番. */
const GROWTH_OVER =
  /(?:较|比|相比|同比|与)((?:19|20)\d{2})\s*年(?:底|末|度)?(?:相比)?(?:水平)?[^，。；]{0,12}?(?:增长|提高|提升|增加|下降|降低|减少|压减|翻)/

function basisOf(clause: string, indicator: string): { basis: Basis; baseYear: number | null } {
  const over = GROWTH_OVER.exec(clause)
  if (over) return { basis: 'growthOver', baseYear: Number(over[1]) }
  // 年均增长, or 年增长 not read off a year.
  if (/年均(?:增长|增速|提高|递增)|(?<!\d)年增长/.test(clause)) {
    return { basis: 'annualGrowth', baseYear: null }
  }
  if (/每年|年均|每年度/.test(clause) || ANNUAL_MEASURE.test(indicator)) {
    return { basis: 'perYear', baseYear: null }
  }
  return { basis: 'total', baseYear: null }
}

function comparatorOf(quantity: Quantity, before: Comparator | null, after: Comparator | null) {
  if (quantity.valueMax !== null) return 'range'
  if (after === 'approx' || before === 'approx') return 'approx'
  if (after === 'gte' && before === 'gt') return 'gt'
  if (after === 'lte' && before === 'lt') return 'lt'
  return after ?? before ?? 'eq'
}

interface ClauseContext {
  clause: Span & { text: string }
  sentence: Span & { text: string }
  quoted: Span[]
  markers: Marker[]
  /** Where the sentence first names a year (null if it names none). */
  firstYearAt: number | null
  /** The year that governs sentences of this paragraph that name none (到2025年，… opened it). */
  paragraphYear: number | null
}

/** A target's year: its own sentence's, else its paragraph's. */
function deadlineOf(
  context: ClauseContext,
  at: number,
): { deadlineYear: number | null; deadlineFrom: DeadlineFrom | null } {
  const own = yearAt(context.markers, at)
  if (own.year !== null) return { deadlineYear: own.year, deadlineFrom: 'clause' }
  const { firstYearAt } = context
  if (own.baseline || (firstYearAt !== null && firstYearAt <= at)) {
    return { deadlineYear: null, deadlineFrom: null }
  }
  if (context.paragraphYear !== null && firstYearAt === null) {
    return { deadlineYear: context.paragraphYear, deadlineFrom: 'paragraph' }
  }
  return { deadlineYear: null, deadlineFrom: null }
}

/** The last marker at or before `at`; markers are in order. */
function yearAt(markers: Marker[], at: number): { year: number | null; baseline: boolean } {
  const last = markers[partitionPoint(markers.length, (k) => markers[k]!.at <= at) - 1]
  return { year: last?.year ?? null, baseline: last?.baseline ?? false }
}

/** A quantity of a clause and what stands around it there. */
interface Reading {
  quantity: Quantity
  /** The clause's text, before and after the quantity. */
  text: string
  prefix: string
  rest: string
  /** `rest` without 以上, 以下, 左右, … */
  afterModifiers: string
  before: { comparator: Comparator; at: number; word: string } | null
  after: Comparator | null
  /** A comparator is written: the figure is measured against. */
  explicit: boolean
  /** Where the previous quantity of the clause ends (0 for the first). */
  previousEnd: number
  /** Another quantity follows in the clause. */
  followed: boolean
  /** Its position in the sentence, for quotes and deadlines. */
  inSentence: number
}

function readQuantity(
  context: ClauseContext,
  quantity: Quantity,
  previousEnd: number,
  followed: boolean,
): Reading {
  const text = context.clause.text
  const prefix = text.slice(0, quantity.start)
  const rest = text.slice(quantity.end)
  const before = comparatorBefore(prefix)
  const after = AFTER.find(([re]) => re.test(rest))?.[1] ?? (quantity.more ? 'gt' : null)
  return {
    quantity,
    text,
    prefix,
    rest,
    afterModifiers: rest.replace(/^(?:及以上|以上|以内|之内|及以下|以下|左右|上下|内|余|多)/, ''),
    before,
    after,
    explicit: before !== null || after !== null,
    previousEnd,
    followed,
    inSentence: context.clause.start - context.sentence.start + quantity.start,
  }
}

/**
 * The amount or rate of a grant, an award or a tax relief rather than a result: 按合同金额的30%给予
 * 补贴, 最高不超过500万元, 可按投资额的30%抵免. A share of grant funds (补贴资金中用于县域的比例
 * 不低于40%) is a measure, and stays.
 */
function isGrant(r: Reading): boolean {
  if (r.quantity.unit !== '元' && r.quantity.unit !== '%') return false
  if (/税率|加计扣除/.test(r.text)) return true
  const after = /^[^，。；]{0,10}?(?:给予|予以)?(?:补贴|补助|奖励|奖补|资助|抵免|贴息)/.test(r.rest)
  // 分别给予奖补50万元、100万元、150万元: the amounts listed before this one are passed over.
  const prefix = r.prefix.replace(/(?:\d+(?:\.\d+)?[万亿千百]*元?[、和及或])+$/, '')
  const before = /(?:给予|最高|补贴|补助|奖励|奖补|资助|抵免|贴息|额度)[^，。；比率]{0,6}$/.test(
    prefix,
  )
  return after || before
}

/** Prices, fees and rates set as policy, not results: 收费标准, 票价, 费率, 租金. */
const PRICE = /收费|服务费|价格|[水电气热房票售单限]价|费用标准|租金|押金|封顶|上限|罚款|罚金|处以/

/**
 * A per-person funding standard: 人均不低于3元的标准拨付, 按每人每年不少于30元的标准安排. The
 * government commits to the amount; a grant's rate (给予补助) is excluded before this is asked.
 */
function fundingStandardPer(r: Reading): string | null {
  if (r.quantity.unit !== '元') return null
  const per =
    /(?:([人户生亩])均|每([人户生亩])|按([人户]))(?:每年)?(?:不低于|不少于|达到|按)?$/.exec(
      r.prefix,
    )
  if (!per || !/^的?标准.{0,6}(?:拨付|安排|落实|保障|列支|预算|足额|下达)/.test(r.afterModifiers)) {
    return null
  }
  return per[1] ?? per[2] ?? per[3]!
}

function isFundingStandard(r: Reading): boolean {
  return fundingStandardPer(r) !== null
}

/** Whether the wording commits to the quantity; each rule names the wording it is about. */
function isCommitment(r: Reading, context: ClauseContext): boolean {
  const { quantity, prefix, rest, before, explicit } = r
  if (inside(context.quoted, r.inSentence)) return false
  // 按常住人口人均不低于3元的标准拨付: funding the government commits to pay, per person.
  if (isFundingStandard(r)) return true
  // 发生违法占用耕地5亩以上的, 对…未按规定…的: a condition, not a commitment.
  if (/的$/.test(r.text.trim())) return false
  // 收入30万元以下村, 投资5000万元以上项目: a size that says which ones count.
  if (
    /^及?以[上下](?:[\u4e00-\u9fff]|[、和][^，。；]*的)/.test(rest) &&
    !COUNT_UNITS.has(quantity.unit)
  ) {
    return false
  }
  // 全市19个乡镇: the size of the place, not a commitment; A类（9个）: a count in brackets.
  if (before === null && /^(?:但|而|其中|目前)?(?:全|本|我)[国省市区县州旗]$/.test(prefix.trim())) {
    return false
  }
  // 8个县市的图书馆全部达到三级馆标准: a count in the subject, not the commitment.
  if (
    before === null &&
    /^[\u4e00-\u9fff]{1,6}的[^，。；]*?(?:全部|均|都)(?:达到|实现|完成|具备|建成)/.test(rest)
  ) {
    return false
  }
  // 在107个重点集群中优选试点: the set chosen from, not a count to reach.
  if (/在$/.test(prefix) && /^[^，。；]{0,12}?中/.test(rest)) return false
  // 对连片50亩以上、验收合格的新造林: which ones a rule is for.
  if (/^对/.test(r.text.trim()) && /^[^，。；]*的/.test(rest)) return false
  if (!explicit && /[（(]$/.test(prefix) && /^[）)]/.test(rest)) return false
  // 千人以上供水工程, 万亩以上园区: a round size that says which ones count.
  if (
    quantity.numeral === 'chinese' &&
    /^(?:1|10)0*$/.test(String(quantity.value)) &&
    /^(?:以上|以下)[\u4e00-\u9fff]/.test(rest)
  ) {
    return false
  }
  // 第3批 is an ordinal; 每百户, 每千名 the denominator of a rate; 每低1个百分点扣1分 a scoring rule.
  if (/(?:第|每)$/.test(prefix)) return false
  if (/每(?:低|高|少|多|超过?|增加|减少|提高|下降|降低)于?[\u4e00-\u9fff]{0,4}$/.test(prefix)) {
    return false
  }
  // 扣1分, 加2分: points of an assessment.
  if (/[扣加减得]$/.test(prefix)) return false
  // 3个千亩以上园区: a size straight after a count qualifies what is counted.
  if (r.previousEnd > 0 && r.previousEnd === quantity.start) return false
  // 公交站点500米覆盖率达到100%: a figure in the name of the measure a comparator follows.
  if (
    !explicit &&
    r.followed &&
    // (not 十家年销售额超过5亿元的企业, where the comparator's figure only says which ones)
    /^[^，。；、]*?(?:达到|不低于|不少于|保持|提高到|超过|低于|控制在)[^，。；、的]*$/.test(rest)
  ) {
    return false
  }
  if (!explicit && PLAN_PART_NOUN.test(rest)) return false
  if (!explicit && WEAK_UNITS.has(quantity.unit)) return false
  if (quantity.numeral === 'chinese' && !explicit && !VERB_ANYWHERE.test(prefix)) return false
  // A figure without a unit (PUE控制在1.25以下) is a target only right after a comparator.
  if (
    quantity.unit === '' &&
    (before === null || before.at + before.word.length !== prefix.length)
  ) {
    return false
  }
  if (yearAt(context.markers, r.inSentence).baseline || PERMISSION.test(r.text.trim())) return false
  // 由2020年的60%提高到80%: the figure after 由 is where the measure starts from.
  if (
    /由[^由]*$/.test(prefix) &&
    /(?:提高|提升|增加|增长|扩大|降低|下降|减少|缩小)(?:到|至)/.test(rest)
  ) {
    return false
  }
  if (isGrant(r)) return false
  // 收费标准不超过20元, 费率0.5%: prices and fees set as policy.
  if (quantity.unit === '元' && PRICE.test(r.text)) return false
  if (quantity.unit === '%' && /费率|利率|税率|折扣/.test(r.text)) return false
  // 每年评选杰出人才不超过10名: a cap on awards set as policy.
  if (
    (before?.comparator === 'lte' || r.after === 'lte') &&
    /评选|表彰|奖励|命名|推荐|等次|名额/.test(r.text)
  ) {
    return false
  }
  // 一支队伍, 一个平台, 一批项目: a single thing named, not a count to report against.
  if (quantity.numeral === 'chinese' && quantity.value === 1 && !explicit) return false
  // 中电科54所, 航天五院513所: an institute's name, not a count of schools.
  if (quantity.unit === '所' && /(?:科|院|集团|公司)$/.test(prefix)) return false
  // 总规划面积约60.61平方公里: the size of the area a plan covers, where nothing is built.
  if (
    before?.comparator === 'approx' &&
    /^(?:平方公里|平方千米|平方米|公顷|亩)$/.test(quantity.unit) &&
    /面积约$/.test(prefix) &&
    !VERB_ANYWHERE.test(prefix) &&
    !/[新改扩]建|建成|建设|改造|整治|治理|修复|造林|种植|开发|打造|提供/.test(prefix)
  ) {
    return false
  }
  // 文化路99号院3栋: an address (the 99 of 99号 is no quantity: 号 is no unit).
  if (/(?:号院|号楼|号)$/.test(prefix)) return false
  // 每百户不低于20平方米的标准, 按照固定车位100%建设充电设施的标准: a standard each project meets.
  if (/^的?标准(?!化)/.test(r.afterModifiers)) return false
  if ((/按照/.test(prefix) || /^按/.test(r.text.trim())) && /标准/.test(rest)) return false
  // 原则上不低于1000亩: a rule each project follows. 浓度为49微克: a statement of fact.
  if (/原则上/.test(prefix) || (!explicit && /为$/.test(prefix))) return false
  // 65岁及以上老年人: an age says who is meant, unless it is the measure (寿命达到79岁).
  if (quantity.unit === '岁' && before === null) return false
  // A percentage with no comparator is a target as a measure's value (占比30%), a change
  // (增长20%) or the next of a list (分别达到85%、90%), not as a policy's rate (15%的优惠税率).
  const listed = /[、和及]$/.test(prefix) && r.previousEnd === quantity.start - 1
  const measure = /(?:率|比例|占比|比重|比|增长|提高|提升|下降|降低|减少)$/.test(prefix)
  if (quantity.unit === '%' && !explicit && !listed && !measure) return false
  // 营业收入超过100亿元的企业, 收入10万元以上的村, 1000吨/日及以下的生产线: the figure says
  // which ones count. A count (10家以上的企业) says how many.
  const linking = before !== null && !NUMBER_QUALIFIERS.has(before.word)
  const sized = /^及?以[上下]的/.test(rest) && !COUNT_UNITS.has(quantity.unit)
  const qualifier = linking || r.followed || sized || quantity.unit === '元'
  // 年产值超100亿元、具备较强国际竞争力的龙头企业: a second qualifier before the 的.
  const qualifies = /^(?:的|、(?:具备|具有|拥有)[^，。；]{0,16}的)/.test(r.afterModifiers)
  return !(qualifies && qualifier)
}

/**
 * The target a committed quantity states. `next` is the next target of the clause, where the
 * noun phrase counted by this one ends (建成2所学校和3个基地); `basisFrom` is where the wording
 * about this figure's basis starts (the end of the previous target).
 */
function targetOf(
  r: Reading,
  context: ClauseContext,
  next: Quantity | undefined,
  basisFrom: number,
): ExtractedTarget {
  const { quantity, text, prefix, before } = r
  // The subject is read back to the previous figure (充电站200座、充电桩1.5万个), or to the
  // clause's start when nothing stands between them (由2020年的55%提高到65%).
  const subjectEnd = before ? before.at : quantity.start
  const subject =
    subjectOf(prefix.slice(Math.min(r.previousEnd, subjectEnd), subjectEnd)) ||
    subjectOf(prefix.slice(0, subjectEnd))
  const object = objectOf(text.slice(quantity.end, next ? next.start : text.length))
  // 至少 and 约 qualify the number (建设至少3所学校); 达到 and 不低于 link it to a measure.
  const measured =
    before !== null &&
    !NUMBER_QUALIFIERS.has(before.word) &&
    subject.length >= 2 &&
    !ONLY_VERB.test(subject) &&
    !/^每/.test(subject)
  // 把继续教育经费列入预算，按人均不低于3元的标准拨付: the funds the standard is for.
  const funds = isFundingStandard(r)
    ? (/^的?标准(?:足额)?(?:拨付|安排|落实|保障|列支|下达)([\u4e00-\u9fff]{2,10}?(?:经费|资金|拨款))/.exec(
        r.afterModifiers,
      )?.[1] ??
      /(?:^[把将对]?|[把将对])([\u4e00-\u9fff]{2,10}?(?:经费|资金|拨款|补助))/.exec(
        context.sentence.text.slice(0, context.clause.start - context.sentence.start),
      )?.[1])
    : undefined
  const indicator =
    funds ??
    (measured ? subject : object || subject.replace(SUBJECT_VERB, '') || subject || text.trim())
  return {
    indicator,
    comparator: comparatorOf(quantity, before?.comparator ?? null, r.after),
    value: quantity.value,
    valueMax: quantity.valueMax,
    unit:
      quantity.unit === ''
        ? null
        : isFundingStandard(r)
          ? `元/${fundingStandardPer(r)}`
          : quantity.unit,
    ...deadlineOf(context, r.inSentence),
    // 突破120亿元、年均增长12%: the growth wording belongs to the second figure only.
    ...basisOf(text.slice(basisFrom, quantity.end), indicator),
    relativeTo: null,
    quote: text.trim(),
    numberAt: quantity.start - (text.length - text.trimStart().length),
  }
}

function relativeTarget(context: ClauseContext): ExtractedTarget | null {
  const text = context.clause.text.trim()
  const m = RELATIVE.exec(text)
  if (!m) return null
  // 婴儿死亡率持续低于…: an adverb between the measure and the comparator.
  const subject = stripLeading(m[1]!).replace(/(?:持续|始终|稳定|逐步|均|要|应)+$/, '')
  const other = stripTrailing(m[3]!)
  if (!MEASURE_END.test(subject) || !MEASURE_END.test(other)) return null
  const at = context.clause.start - context.sentence.start + m[1]!.length
  if (yearAt(context.markers, at).baseline) return null
  return {
    indicator: subject,
    comparator: RELATIVE_COMPARATORS[m[2]!]!,
    value: null,
    valueMax: null,
    unit: null,
    ...deadlineOf(context, at),
    ...basisOf(text, subject),
    relativeTo: other,
    quote: text,
    numberAt: 0,
  }
}

/** A clause that opens a paragraph with its deadline: 到2025年，… / 力争到2027年，… */
const OPENING_DEADLINE =
  /^(?:[^，。；：:]{0,8}[：:])?(?:(?:力争|争取|确保|目标是)[：:，,]?)*(?:到|至|力争到)?(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?[，,：:]?/

/** 翻一番, 翻两番: growth of 100% and 300%. */
const DOUBLING = /翻(一|两|二|三)番|翻番/g

/** A list of measures before 均 or 分别: A、B均达到45%, A和B分别达到30%、20%. */
function measuresOf(indicator: string): string[] | null {
  const m = /^(.+?)(?:(?<![人生户亩日年月])均|都|分别|全部)$/.exec(indicator)
  if (!m) return null
  // 和 joins two measures; 及 and 与 are too often part of a word (普及, 参与).
  const parts = splitList(m[1]!.replace(/和/g, '、'))
  if (parts.length < 2) return null
  // 陪餐制度和监督制度落实率: the measure written once at the end belongs to each.
  const measure = /(?:落实率|覆盖率|达标率|完成率|合格率|利用率|率|比例|比重|占比)$/.exec(
    parts.at(-1)!,
  )?.[0]
  return parts.map((p) => (measure && !/(?:率|比例|比重|占比)$/.test(p) ? p + measure : p))
}

/**
 * Figures stated for several measures at once become one target each: A、B均达到45% is two
 * targets of 45%; A、B、C分别达到30%、20%和10% pairs each measure with its figure.
 */
function splitMeasures(clauseTargets: ExtractedTarget[]): ExtractedTarget[] {
  const out: ExtractedTarget[] = []
  for (let i = 0; i < clauseTargets.length;) {
    const first = clauseTargets[i]!
    const measures = measuresOf(first.indicator)
    let group = 1
    while (
      i + group < clauseTargets.length &&
      clauseTargets[i + group]!.indicator === first.indicator
    ) {
      group++
    }
    if (measures && group === measures.length) {
      measures.forEach((measure, k) => out.push({ ...clauseTargets[i + k]!, indicator: measure }))
    } else if (measures && group === 1) {
      for (const measure of measures) out.push({ ...first, indicator: measure })
    } else {
      for (let k = 0; k < group; k++) {
        const t = clauseTargets[i + k]!
        // 均 closes a list's measure (A、B均); after 人, 生 or 户 it is part of one (人均).
        out.push(
          measures
            ? t
            : { ...t, indicator: t.indicator.replace(/(?:(?<![人生户亩日年月])均|都|分别)$/, '') },
        )
      }
    }
    i += group
  }
  return out
}

/** 比2020年翻一番: a commitment to grow by 100% (or 300% for 翻两番). */
function doublings(context: ClauseContext): ExtractedTarget[] {
  const text = context.clause.text
  const found: ExtractedTarget[] = []
  for (const m of text.matchAll(DOUBLING)) {
    const times = m[1] === undefined ? 1 : m[1] === '三' ? 3 : m[1] === '一' ? 1 : 2
    const prefix = text.slice(0, m.index)
    const subject = subjectOf(
      prefix
        .replace(/(?:较|比|相比|与)(?:19|20)\d{2}年(?:底|末)?(?:相比)?(?:实现|力争|再)?$/, '')
        .replace(/(?:实现|力争|再)$/, ''),
    )
    const inSentence = context.clause.start - context.sentence.start + m.index
    found.push({
      indicator: subject || text.trim(),
      comparator: 'eq',
      value: (2 ** times - 1) * 100,
      valueMax: null,
      unit: '%',
      ...deadlineOf(context, inSentence),
      ...basisOf(text.slice(0, m.index + m[0].length), subject),
      relativeTo: null,
      quote: text.trim(),
      numberAt: m.index - (text.length - text.trimStart().length),
    })
  }
  return found
}

function clauseTargets(context: ClauseContext): ExtractedTarget[] {
  const { clause } = context
  const quantities = findQuantities(clause.text)
  if (quantities.length === 0) {
    const relative = relativeTarget(context)
    const doubled = doublings(context)
    return relative ? [relative, ...doubled] : doubled
  }
  // Whether a quantity is a target does not depend on its neighbours; its indicator does.
  const readings = quantities.map((q, i) =>
    readQuantity(context, q, quantities[i - 1]?.end ?? 0, i < quantities.length - 1),
  )
  const kept = readings.filter((r) => isCommitment(r, context))
  const found: ExtractedTarget[] = []
  let previous: ExtractedTarget | null = null
  for (const [i, r] of kept.entries()) {
    // 每年为65岁及以上老年人…不少于40万人次: the 每年 before a figure that is no target counts.
    const basisFrom = kept[i - 1]?.quantity.end ?? 0
    const target = targetOf(r, context, kept[i + 1]?.quantity, basisFrom)
    // 分别达到85%、90%: a figure listed after another takes its comparator and measure.
    const between = i > 0 ? clause.text.slice(kept[i - 1]!.quantity.end, r.quantity.start) : ''
    if (previous && target.comparator === 'eq' && /^[、和及]$/.test(between)) {
      target.comparator = previous.comparator
      target.indicator = previous.indicator
    }
    // 每年开展培训不少于20场次、培训农民3000人次以上: 每年 covers the list it opens.
    if (previous?.basis === 'perYear' && target.basis === 'total' && /^、/.test(between)) {
      target.basis = 'perYear'
    }
    found.push(target)
    previous = target
  }
  return [...splitMeasures(found), ...doublings(context)].sort((a, b) => a.numberAt - b.numberAt)
}

export interface ParagraphTargets {
  targets: ExtractedTarget[]
  /**
   * The year a paragraph passes on: one that opened it and ends in a colon governs the list
   * under it (到2025年，实现以下目标：).
   */
  carriedYear: number | null
}

/**
 * A clause of the genre runs to a few hundred characters at most. Text running on for more without
 * a comma or a full stop is no sentence a target is written in (a table flattened onto a line, a
 * converter's garbage), and each figure's wording is read across its clause: in time that would
 * grow with the square of the clause's length, it is passed over.
 */
const LONGEST_CLAUSE = 500

/**
 * Every target in one paragraph of repaired text, in reading order. A year that opens the
 * paragraph (到2025年，…) governs its later sentences that name none, until another year is named;
 * `inherited` is a year passed on from the paragraph above.
 */
export function extractParagraphTargets(
  paragraph: string,
  inherited: number | null = null,
): ParagraphTargets {
  const targets: ExtractedTarget[] = []
  let paragraphYear = inherited
  // A sentence runs to 。！？: the parallel targets a 到2025年 opens are often joined by ；.
  const sentences = splitAt(paragraph, /[。！？!?\n]/)
  sentences.forEach((sentence, index) => {
    const quoted = quotedSpans(sentence.text)
    const markers = markersOf(sentence.text, quoted)
    const firstYearAt = markers.find((m) => m.year !== null)?.at ?? null
    const context = { sentence, quoted, markers, firstYearAt, paragraphYear }
    for (const clause of splitAt(sentence.text, /[，,：:；;]/, sentence.start)) {
      if (clause.text.length > LONGEST_CLAUSE) continue
      targets.push(...clauseTargets({ ...context, clause }))
    }
    const named = markers.filter((m) => m.year !== null)
    // An item or article may open with its heading (工作目标。到2025年底，…): the sentence after
    // it opens the paragraph's prose.
    const afterHeading = index === 1 && /^[^，,；;：:]{2,20}$/.test(sentences[0]!.text.trim())
    const opening =
      (index === 0 || afterHeading) && named[0] && OPENING_DEADLINE.test(sentence.text.trim())
    if (opening || (paragraphYear !== null && named.length > 0)) {
      paragraphYear = named[named.length - 1]!.year
    }
  })
  const carries = paragraphYear !== null && /[：:]\s*$/.test(paragraph)
  return { targets, carriedYear: carries ? paragraphYear : null }
}

/** Every target in one paragraph of repaired text, in reading order. */
export function extractTargets(
  paragraph: string,
  inherited: number | null = null,
): ExtractedTarget[] {
  return extractParagraphTargets(paragraph, inherited).targets
}
