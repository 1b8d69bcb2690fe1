// The period a plan covers, as its title or a heading states it: （2023—2025年）, 2025年度,
// 2024年工作要点, “十四五”, 三年行动计划. Its last year is the deadline of the goals a plan sets
// without naming a year.
import { parseChineseNumber } from './numerals.js'
import { compact, pairedSpans } from './text.js'

/** Five-year plans by their ordinal: 十四五 is 2021—2025. */
function fiveYearPlanEnd(ordinal: string): number | null {
  const n = parseChineseNumber(ordinal)
  return n === null || n < 10 ? null : 1955 + n * 5
}

/** The last year of the period one title or heading names, or null. */
export function periodEndOf(text: string, issuedOn: string | null): number | null {
  // Years inside a cited title (《…（2021—2035年）》) are that document's.
  const compacted = compact(text)
  let t = ''
  let from = 0
  for (const title of pairedSpans(compacted, { '《': '》' })) {
    t += compacted.slice(from, title.start)
    from = title.end
  }
  t += compacted.slice(from)
  const range = /((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年/.exec(t)
  if (range) return Number(range[2])
  const fiveYear = /“?十([一二三四五六七八九])五”?(?:规划|时期|期间)/.exec(t)
  if (fiveYear) return fiveYearPlanEnd(`十${fiveYear[1]}`)
  const single = [...t.matchAll(/((?:19|20)\d{2})年(?:度)?/g)]
  if (single.length === 1) return Number(single[0]![1])
  const years = /([一二三四五六七八九十两])年(?:行动|攻坚|计划|规划|实施)/.exec(t)
  if (years && issuedOn !== null) {
    const span = parseChineseNumber(years[1]!)
    if (span !== null && span > 0) return Number(issuedOn.slice(0, 4)) + span - 1
  }
  return null
}

/** The end of the plan's period, from the first of its titles that names one. */
export function planPeriodEnd(titles: (string | null)[], issuedOn: string | null): number | null {
  for (const title of titles) {
    if (title === null) continue
    const end = periodEndOf(title, issuedOn)
    if (end !== null) return end
  }
  return null
}
