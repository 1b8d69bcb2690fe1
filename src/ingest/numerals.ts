// Chinese numerals as they appear in headings (二十三、), dates (二〇二三年八月) and amounts (两千).

const DIGITS: Record<string, number> = {
  〇: 0,
  // ○ (a white circle) stands for 〇 in many printed dates: 二○二三年.
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 }

export const CHINESE_NUMERAL_CHARS = '〇○零一二两三四五六七八九十百千万亿'

/**
 * Parses a Chinese numeral (十五, 二十三, 一百零八, 两千, 三万) or a run of ASCII digits.
 * A run of digit characters without units (二〇二三) is read digit by digit, as years are written.
 * Returns null for anything else.
 */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s)
  if (s.length === 0 || ![...s].every((c) => c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS)) {
    return null
  }
  if ([...s].every((c) => c in DIGITS) && s.length > 1) {
    return Number([...s].map((c) => DIGITS[c]).join(''))
  }
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!
      digit = null
    } else {
      section += digit ?? 0
      total += (section === 0 ? 1 : section) * BIG_UNITS[c]!
      section = 0
      digit = null
    }
  }
  return total + section + (digit ?? 0)
}
