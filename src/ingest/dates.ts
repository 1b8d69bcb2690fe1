// Dates as plans write them: a signature's 2024年3月15日 or 二〇二四年三月十五日, a portal's
// 2024-03-15, and the deadlines of tasks (2024年底前, 2023年6月, 长期坚持), read as ISO dates.
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './numerals.js'
import { compact } from './text.js'

const DIGIT = `[\\d${CHINESE_NUMERAL_CHARS}]`
const CHINESE_DATE = new RegExp(
  `^(${DIGIT}{4})年(${DIGIT}{1,3})月(${DIGIT}{1,3})日(?:印发|发布|签发|起施行)?$`,
)
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/

function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  // 2月30日 is no date.
  if (date.getUTCDate() !== d) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * An ISO date from a line that holds only a date: 2024年3月15日, 二〇二四年三月十五日,
 * （2024年3月15日）, 2024-03-15, with 印发 or 发布 after it; null for anything else.
 */
export function parseDate(text: string): string | null {
  const bare = compact(text).replace(/^[（(]|[）)]$/g, '')
  const numeric = NUMERIC_DATE.exec(bare)
  if (numeric) return iso(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]))
  const m = CHINESE_DATE.exec(bare)
  if (!m) return null
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map(parseChineseNumber) as [
    number | null,
    number | null,
    number | null,
  ]
  return y === null || mo === null || d === null ? null : iso(y, mo, d)
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return iso(year, month, day)!
}

/** A deadline written in a clause or a 完成时限 cell, and the last day it allows. */
export interface Due {
  text: string
  date: string | null
}

const DUE_WORDS =
  /(?:(?:19|20)\d{2}\s*年|长期坚持|长期推进|持续推进|持续开展|持续实施|常态化|每年|每季度|每月|逐年|分年度|年底前|年内)/

/**
 * The last day a deadline allows: 2024年底前 → 2024-12-31, 2023年6月底前 → 2023-06-30, 2023年
 * 第三季度 → 2023-09-30, 2024年上半年 → 2024-06-30, 2023年12月15日前 → 2023-12-15. A deadline
 * that names a period of several years (2023—2025年) ends with the last. Null where the text names
 * no calendar date (长期坚持, 持续推进, 每年).
 */
export function dueDateOf(text: string): string | null {
  const t = compact(text)
  const full = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(t)
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]))
  const years = [...t.matchAll(/((?:19|20)\d{2})(?:年|[-—–至到](?=(?:19|20)\d{2}))/g)]
  const last = years[years.length - 1]
  if (!last) return null
  const year = Number(last[1])
  const after = t.slice(last.index + last[0].length)
  // 2023年起, 2024年3月起持续推进: a start, not a deadline.
  if (/^(?:\d{1,2}月)?(?:起|开始|以来)/.test(after)) return null
  const month = /^(\d{1,2})月/.exec(after)
  if (month) {
    const m = Number(month[1])
    return m >= 1 && m <= 12 ? lastDayOf(year, m) : null
  }
  const quarter = /^(?:第)?([一二三四1-4])季度/.exec(after)
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1]!) + 1 || Number(quarter[1])
    return lastDayOf(year, q * 3)
  }
  if (/^上半年/.test(after)) return lastDayOf(year, 6)
  return lastDayOf(year, 12)
}

/** A deadline if the text is one (a 完成时限 cell, or 2024年底前完成 in a clause), else null. */
export function readDue(text: string): Due | null {
  const t = compact(text).replace(/[。；;，,]+$/, '')
  if (t === '' || !DUE_WORDS.test(t)) return null
  return { text: t, date: dueDateOf(t) }
}
