// A list counter written the way Word writes it for each w:numFmt: 3 as 三 (chineseCounting),
// 叁 (chineseLegalSimplified), 丙 (ideographTraditional), ③ (decimalEnclosedCircle), c, iii.
// Government documents number their parts 一、 and their sections （一） this way, so these are
// the labels the plan's outline is read from. A format Word has but this does not know is
// written in decimal, which at least keeps the count.

const CHINESE_DIGITS = '〇一二三四五六七八九'
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸'
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥'

interface Numerals {
  digits: string
  units: readonly [ten: string, hundred: string, thousand: string]
  /** 10–19 as 十一 (counting) or 壹拾壹 (legal): whether the leading one is written. */
  leadingOneBeforeTen: boolean
}

const COUNTING: Numerals = {
  digits: CHINESE_DIGITS,
  units: ['十', '百', '千'],
  leadingOneBeforeTen: false,
}
const LEGAL: Numerals = {
  digits: LEGAL_DIGITS,
  units: ['拾', '佰', '仟'],
  leadingOneBeforeTen: true,
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百〇一, 110 → 一百一十; 1 to 9999. */
function chineseNumber(n: number, numerals: Numerals): string {
  const { digits, units } = numerals
  if (n === 0) return digits[0]!
  const places = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10]
  const unitOf = [units[2], units[1], units[0]]
  let out = ''
  let zeroPending = false
  for (let k = 0; k < 3; k++) {
    const d = places[k]!
    if (d === 0) {
      if (out !== '') zeroPending = true
      continue
    }
    if (zeroPending) out += digits[0]
    zeroPending = false
    // 十一, not 一十一, when ten is the largest place (counting style only).
    const omitOne = k === 2 && d === 1 && out === '' && !numerals.leadingOneBeforeTen
    out += (omitOne ? '' : digits[d]!) + unitOf[k]
  }
  const ones = n % 10
  if (ones !== 0) out += (zeroPending ? digits[0]! : '') + digits[ones]!
  return out
}

/** Past this (thirty Zs), letters would run long; a list so long is counted in decimal. */
const MAX_LETTERED = 780

function letters(n: number, alphabet: string): string {
  // Word repeats the letter past Z: 27 → AA, 28 → BB.
  const letter = alphabet[(n - 1) % 26]!
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

function roman(n: number): string {
  let out = ''
  for (const [value, symbol] of ROMAN) {
    while (n >= value) {
      out += symbol
      n -= value
    }
  }
  return out
}

/** A character of a Unicode run (①…⑳) for 1..count, else null. */
function enclosed(n: number, first: number, count: number): string | null {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : null
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/**
 * The counter `n` in the w:numFmt `format`; '' for none and bullet (a bullet's character is its
 * level text, and a bullet is no label).
 */
export function formatNumber(n: number, format: string): string {
  const decimal = String(n)
  const positive = n >= 1
  switch (format) {
    case 'none':
    case 'bullet':
      return ''
    case 'decimal':
    case 'decimalHalfWidth':
      return decimal
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : decimal
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return decimal.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return n >= 0 && n < 10000 ? chineseNumber(n, COUNTING) : decimal
    case 'chineseLegalSimplified':
      return n >= 0 && n < 10000 ? chineseNumber(n, LEGAL) : decimal
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? decimal.replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]!) : decimal
    case 'ideographTraditional':
      return (positive && HEAVENLY_STEMS[n - 1]) || decimal
    case 'ideographZodiac':
      return (positive && EARTHLY_BRANCHES[n - 1]) || decimal
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x2460, 20) ?? decimal
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20) ?? `(${decimal})`
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20) ?? `${decimal}.`
    case 'upperLetter':
      return positive && n <= MAX_LETTERED ? letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') : decimal
    case 'lowerLetter':
      return positive && n <= MAX_LETTERED ? letters(n, 'abcdefghijklmnopqrstuvwxyz') : decimal
    case 'upperRoman':
      return positive && n < 4000 ? roman(n) : decimal
    case 'lowerRoman':
      return positive && n < 4000 ? roman(n).toLowerCase() : decimal
    case 'ordinal':
      return positive ? ordinal(n) : decimal
    default:
      return decimal
  }
}
