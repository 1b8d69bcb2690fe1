// Quantitative commitments in running text: 参保人数达到50万人 is a target with indicator
// 参保人数, comparator gte, value 500000, unit 人. A paragraph is cut into sentences (a deadline
// such as 到2025年 governs the rest of its own sentence) and clauses (the quote of a target), and
// each quantity in a clause is kept only where the wording makes it a commitment.
import { findQuantities, WEAK_UNITS, type Quantity } from './quantities.js'
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
  GRANT,
  PERMISSION,
  LEADING_WORDS,
  DEADLINE_PREFIX,
} from './target-wording.js'
import type { Basis, Comparator, ParsedTarget } from './types.js'

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
  const spans: Span[] = []
  for (const m of text.matchAll(/“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》|〔[^〕]*〕|"[^"]*"/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length })
  }
  return spans
}

function inside(spans: Span[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end)
}

interface Marker {
  at: number
  year: number | null
}

/**
 * Deadlines (到2025年, 2026年底前) and statements of the present, by position in the sentence;
 * a year inside a cited title (《…2025年前…方案》) is neither.
 */
function markersOf(sentence: string, quoted: Span[]): Marker[] {
  const markers: Marker[] = []
  for (const m of sentence.matchAll(DEADLINE)) {
    if (m[1] === undefined && m[4] === undefined && !PERIOD.test(m[0])) continue
    if (!inside(quoted, m.index)) markers.push({ at: m.index, year: Number(m[2]) })
  }
  for (const m of sentence.matchAll(BASELINE)) {
    if (!inside(quoted, m.index)) markers.push({ at: m.index, year: null })
  }
  return markers.sort((a, b) => a.at - b.at)
}

/** The comparator written last before the number: 不低于 rather than the 低于 inside it. */
function comparatorBefore(
  fullPrefix: string,
): { comparator: Comparator; at: number; word: string } | null {
  // 提高到2025年的80%: the year between the comparator and the number is skipped.
  const prefix = fullPrefix.replace(/(?:19|20)\d{2}年(?:底|末)?的?$/, '')
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
  if (best) return best
  const adjacent = prefix.slice(-1)
  const comparator = BEFORE_ADJACENT[adjacent]
  return comparator ? { comparator, at: prefix.length - 1, word: adjacent } : null
}

function stripLeading(text: string): string {
  let out = text.trim()
  for (let previous = ''; previous !== out;) {
    previous = out
    out = out.replace(DEADLINE_PREFIX, '').replace(LEADING_WORDS, '')
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

function basisOf(clause: string, indicator: string): Basis {
  // 年均增长, or 年增长 not read off a year (比2020年增长20% is a total).
  if (/年均(?:增长|增速|提高|递增)|(?<!\d)年增长/.test(clause)) return 'annualGrowth'
  if (/每年|年均|每年度/.test(clause) || ANNUAL_MEASURE.test(indicator)) return 'perYear'
  return 'total'
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
}

function yearAt(markers: Marker[], at: number): { year: number | null; baseline: boolean } {
  let last: Marker | null = null
  for (const m of markers) if (m.at <= at) last = m
  return { year: last?.year ?? null, baseline: last !== null && last.year === null }
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

/** Whether the wording commits to the quantity; each rule names the wording it is about. */
function isCommitment(r: Reading, context: ClauseContext): boolean {
  const { quantity, prefix, rest, before, explicit } = r
  if (inside(context.quoted, r.inSentence)) return false
  // 第3批 is an ordinal; 每百户, 每千名 the denominator of a rate.
  if (/[第每]$/.test(prefix)) return false
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
  if (GRANT.test(r.text) && (quantity.unit === '元' || quantity.unit === '%')) return false
  // 每百户不低于20平方米的标准, 按照固定车位100%建设充电设施的标准: a standard each project meets.
  if (/^的?标准/.test(r.afterModifiers)) return false
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
  return !(r.afterModifiers.startsWith('的') && qualifier)
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
  const indicator = measured
    ? subject
    : object || subject.replace(SUBJECT_VERB, '') || subject || text.trim()
  return {
    indicator,
    comparator: comparatorOf(quantity, before?.comparator ?? null, r.after),
    value: quantity.value,
    valueMax: quantity.valueMax,
    unit: quantity.unit === '' ? null : quantity.unit,
    deadlineYear: yearAt(context.markers, r.inSentence).year,
    // 突破120亿元、年均增长12%: the growth wording belongs to the second figure only.
    basis: basisOf(text.slice(basisFrom, quantity.end), indicator),
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
  const { year, baseline } = yearAt(
    context.markers,
    context.clause.start - context.sentence.start + m[1]!.length,
  )
  if (baseline) return null
  return {
    indicator: subject,
    comparator: RELATIVE_COMPARATORS[m[2]!]!,
    value: null,
    valueMax: null,
    unit: null,
    deadlineYear: year,
    basis: basisOf(text, subject),
    relativeTo: other,
    quote: text,
    numberAt: 0,
  }
}

/** Every target in one paragraph of repaired text, in reading order. */
export function extractTargets(paragraph: string): ExtractedTarget[] {
  const targets: ExtractedTarget[] = []
  // A sentence runs to 。！？: the parallel targets a 到2025年 opens are often joined by ；.
  for (const sentence of splitAt(paragraph, /[。！？!?\n]/)) {
    const quoted = quotedSpans(sentence.text)
    const markers = markersOf(sentence.text, quoted)
    for (const clause of splitAt(sentence.text, /[，,：:；;]/, sentence.start)) {
      const context = { clause, sentence, quoted, markers }
      const quantities = findQuantities(clause.text)
      if (quantities.length === 0) {
        const relative = relativeTarget(context)
        if (relative) targets.push(relative)
        continue
      }
      // Whether a quantity is a target does not depend on its neighbours; its indicator does.
      const readings = quantities.map((q, i) =>
        readQuantity(context, q, quantities[i - 1]?.end ?? 0, i < quantities.length - 1),
      )
      const kept = readings.filter((r) => isCommitment(r, context))
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
        targets.push(target)
        previous = target
      }
    }
  }
  return targets
}
