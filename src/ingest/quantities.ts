// Quantities written in running text: a number (2, 1.5, 十五, 两), an optional multiplier
// (万, 亿), an optional range (1—2, 3至5) and a unit of measure (人次, 所, %, 亿元, PFlops).
// Only the reading of the numbers is done here; whether one is a commitment is targets.ts' job.
import { parseChineseNumber } from './numerals.js'

export interface Quantity {
  /** Offsets in the text of the first digit and just after the unit. */
  start: number
  end: number
  value: number
  /** The upper bound of a range (1—2所), else null. */
  valueMax: number | null
  /**
   * The unit as written, with the multiplier taken into the value: 5万人 is 50000 人. Empty for
   * a bare figure (PUE 1.25) at the end of a clause or before 以下, 以上, 左右.
   */
  unit: string
  /** 十五 and 两 are words; they name a quantity only after a verb or a comparator. */
  numeral: 'arabic' | 'chinese'
  /** 500余家, 200多个: more than the number written. */
  more: boolean
}

/**
 * Units of measure, longest first so that 人次 wins over 人. 年, 月, 日, 号, 级 and 大 are missing
 * on purpose: a number before them is a date, a document number, a rank or a name (三大产业).
 */
const UNITS = [
  '个百分点',
  '个等级',
  '个工作日',
  '工作日',
  '微克',
  '毫克',
  '千克',
  '公斤',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '万千瓦',
  '标准箱',
  'PFlops',
  'EFlops',
  'TFlops',
  'Gbps',
  'Mbps',
  '人次',
  '场次',
  '批次',
  '班次',
  '架次',
  '户次',
  '车次',
  '公顷',
  '公里',
  '千米',
  '千瓦',
  '兆瓦',
  '课时',
  '学时',
  '小时',
  '分钟',
  'GW',
  'MW',
  'kW',
  'km',
  'TB',
  'PB',
  '%',
  '‰',
  '元',
  '人',
  '名',
  '位',
  '所',
  '个',
  '家',
  '轮',
  '部',
  '单',
  '周',
  '组',
  '门',
  '项',
  '条',
  '座',
  '台',
  '套',
  '张',
  '户',
  '架',
  '辆',
  '艘',
  '吨',
  '亩',
  '倍',
  '件',
  '种',
  '处',
  '间',
  '栋',
  '块',
  '场',
  '次',
  '期',
  '届',
  '支',
  '只',
  '株',
  '棵',
  '床',
  '册',
  '篇',
  '天',
  '米',
  '度',
  '斤',
  '克',
  '头',
  '岁',
]

/**
 * Units too common in ordinary phrases (一次性, 24小时, 三期工程) to mark a commitment alone:
 * a number in one of them counts only beside a comparator (不少于, 以上).
 */
export const WEAK_UNITS = new Set(['次', '期', '届', '天', '小时', '分钟', '倍', '度', '种', '件'])

/** A unit followed by one of these is part of a word: 一次性, 两个确保 is quoted anyway. */
const WORD_AFTER_UNIT: Record<string, RegExp> = {
  // 121人才计划, 人民: a name, not a head count.
  人: /^[才民口]/,
  部: /^[门委署分长级]/,
  单: /^[位独元项体一]/,
  周: /^[年边期末岁转]/,
  组: /^[织成建合长员件团]/,
  次: /^性/,
  // 个体户, 个人, 个月 are words; 2个体育公园 counts parks.
  个: /^(?:体(?![育检])|人|月)/,
  // 四位一体, 三位一体: one whole of several parts, an idiom.
  位: /^一体/,
  件: /^事/,
  度: /^[化]/,
  门: /^[户槛]/,
  名: /^[单录义称]/,
  家: /^[庭长乡]/,
  所: /^[在属有谓得]/,
  期: /^[间限]/,
  场: /^[所景地馆]/,
}

const MULTIPLIERS: [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
]

// 10,000 with a thousands separator, or 1.5.
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const CHINESE = '[一二两三四五六七八九十百千万亿零〇]+'
const RANGE_SEPARATOR = String.raw`\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*`
const NUMBER = new RegExp(
  `(${ARABIC}|${CHINESE})(?:${RANGE_SEPARATOR}(${ARABIC}|${CHINESE}))?`,
  'gu',
)

function readNumber(text: string): number | null {
  if (/^\d/.test(text)) return Number(text.replace(/,/g, ''))
  return parseChineseNumber(text)
}

/** Multiplies without the binary rounding of 0.35 * 10000 = 3500.0000000000005. */
function scale(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15))
}

function multiplierAt(text: string, at: number): { factor: number; length: number } {
  for (const [word, factor] of MULTIPLIERS) {
    if (text.startsWith(word, at)) return { factor, length: word.length }
  }
  return { factor: 1, length: 0 }
}

/** The time a rate is per: 吨/日, 吨/平方公里·月. */
const PER_TIME = /^(?:日|天|月|年|周|小时)/

/** A unit, or a rate of two (微克/立方米, 吨/日, 吨/平方公里·月): the longest written. */
function unitAt(text: string, at: number, numeral: 'arabic' | 'chinese'): string | null {
  const unit = simpleUnitAt(text, at, numeral)
  if (!unit || text[at + unit.length] !== '/') return unit
  const perAt = at + unit.length + 1
  const per = simpleUnitAt(text, perAt, 'chinese') ?? PER_TIME.exec(text.slice(perAt))?.[0]
  if (!per) return unit
  const time = /^·(?:日|天|月|年)/.exec(text.slice(perAt + per.length))?.[0] ?? ''
  return `${unit}/${per}${time}`
}

function simpleUnitAt(text: string, at: number, numeral: 'arabic' | 'chinese'): string | null {
  const unit = UNITS.find((u) => text.startsWith(u, at))
  if (unit === undefined) {
    const bare =
      numeral === 'arabic' && /^(?:以下|以上|以内|左右|[，。；,;]|$)/.test(text.slice(at))
    return bare ? '' : null
  }
  const after = text.slice(at + unit.length)
  if (WORD_AFTER_UNIT[unit]?.test(after)) return null
  // 5G, 3D: a Latin letter straight after a number is a name, not a unit.
  if (/^[A-Za-z]/.test(unit) && /^[A-Za-z]/.test(after)) return null
  return unit
}

/**
 * The quantity at a number match, or null where no unit follows. 1—2万人: the multiplier after
 * the high end applies to both ends; a Chinese run that ends in 万 or 亿 holds its multiplier.
 */
function readAt(text: string, match: RegExpExecArray): Quantity | null {
  const [whole, low, high] = match
  const start = match.index
  const numeral = /^\d/.test(low!) ? 'arabic' : 'chinese'
  const numberEnd = start + whole.length
  const multiplier = multiplierAt(text, numberEnd)
  const inRun = numeral === 'chinese' && /[万亿千]$/.test(high ?? low!)
  if (numeral === 'chinese' && multiplier.length > 0 && !inRun) return null
  const factor = inRun ? 1 : multiplier.factor
  const afterMultiplier = inRun ? numberEnd : numberEnd + multiplier.length
  // 500余家, 3万余人, 200多个: 余 or 多 stands between the number and its unit.
  const more = /[余多]/.test(text[afterMultiplier] ?? '') && high === undefined
  const unitStart = afterMultiplier + (more ? 1 : 0)
  const unit = unitAt(text, unitStart, numeral)
  if (unit === null) return null
  const value = readNumber(low!)
  const valueMax = high === undefined ? null : readNumber(high)
  if (value === null || (high !== undefined && (valueMax === null || valueMax <= value))) {
    return null
  }
  return {
    start,
    end: unitStart + unit.length,
    value: scale(value, factor),
    valueMax: valueMax === null ? null : scale(valueMax, factor),
    unit,
    numeral,
    more,
  }
}

/**
 * A Chinese run can begin inside a word: 统一两个 is 统一 and 两个, 万众 is no number at all. The
 * run is cut to where a count can start: digits without 十百千 are read one character at a time.
 */
function trimChineseRun(run: string): number {
  if (/^[万亿]/.test(run)) return -1
  if (run.length > 1 && !/[十百千万亿]/.test(run)) return run.length - 1
  return 0
}

/** Every quantity written in the text, in order. */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = []
  const pattern = new RegExp(NUMBER.source, 'gu')
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // A digit run glued to a letter, a digit, + or : is part of a code, a name or a ratio: G20,
    // “3+2”, 18:1. 数十家 and 几十个 name no number at all.
    if (/[A-Za-z\d.+:：数几]/.test(text[m.index - 1] ?? '')) continue
    if (!/^\d/.test(m[1]!) && m[2] === undefined) {
      const skip = trimChineseRun(m[1]!)
      if (skip < 0) continue
      if (skip > 0) {
        pattern.lastIndex = m.index + skip
        continue
      }
    }
    const quantity = readAt(text, m)
    if (!quantity) continue
    // 40%—50%: a range with the unit written at both ends.
    const last = found[found.length - 1]
    const between = last ? text.slice(last.end, quantity.start) : ''
    if (
      last &&
      last.valueMax === null &&
      quantity.valueMax === null &&
      last.unit === quantity.unit &&
      quantity.value > last.value &&
      new RegExp(`^${RANGE_SEPARATOR}$`).test(between)
    ) {
      found[found.length - 1] = { ...last, end: quantity.end, valueMax: quantity.value }
    } else {
      found.push(quantity)
    }
    pattern.lastIndex = quantity.end
  }
  return [...found, ...shares(text, found)].sort((a, b) => a.start - b.start)
}

/** 一半, 半数, 三分之一: shares written as words, read as percentages. */
const SHARE = /(一半|半数)|([一二三四五六七八九十]{1,3})分之([一二三四五六七八九十]{1,3})/g

function shares(text: string, found: Quantity[]): Quantity[] {
  const read: Quantity[] = []
  for (const m of text.matchAll(SHARE)) {
    const start = m.index
    const end = start + m[0].length
    if (found.some((q) => start < q.end && end > q.start)) continue
    const whole = m[1] ? 2 : parseChineseNumber(m[2]!)
    const part = m[1] ? 1 : parseChineseNumber(m[3]!)
    if (!whole || !part || part >= whole) continue
    read.push({
      start,
      end,
      value: Number(((100 * part) / whole).toFixed(1)),
      valueMax: null,
      unit: '%',
      numeral: 'chinese',
      more: false,
    })
  }
  return read
}
