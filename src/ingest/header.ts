// The elements of a GB/T 9704-2012 document around its body: 版头 (issuer, 发文字号),
// the notice's title and 主送机关, and 版记 (主办, 抄送, 印发机关 and 印发日期).
import { PlanParseError } from './errors.js'
import { parseChineseNumber, CHINESE_NUMERAL_CHARS } from './numerals.js'
import { compact, endsSentence, repair, repairTitle, type Line } from './text.js'
import type { Citation, NumberParts } from './types.js'

/** 发文字号: agency code, year in 〔〕 (or a bracket a converter put in its place), serial, 号. */
const DOCUMENT_NUMBER =
  /^(\S{1,20}?)\s*[〔[［【（(﹝]\s*(\d{4})\s*[〕\]］】）)﹞]\s*(\d{1,5})\s*号(?:\s*签发人[:：].*)?$/

/** How far into the file the 发文字号 may stand: it belongs to the 版头 of the first page. */
const HEADER_SCAN_LINES = 40

export interface DocumentNumber {
  number: string
  parts: NumberParts
  line: number
  index: number
}

/** The canonical spelling of a 发文字号: 〔〕 around the year, no leading zeros, no spaces. */
export function normalizeDocumentNumber(
  text: string,
): { number: string; parts: NumberParts } | null {
  const m = DOCUMENT_NUMBER.exec(repair(text))
  if (!m) return null
  const [, agencyCode, year, serial] = m as unknown as [string, string, string, string]
  return {
    number: `${agencyCode}〔${year}〕${Number(serial)}号`,
    parts: { agencyCode, year: Number(year), serial: Number(serial) },
  }
}

export function findDocumentNumber(lines: Line[], file: string): DocumentNumber {
  const last = Math.min(lines.length, HEADER_SCAN_LINES)
  for (let i = 0; i < last; i++) {
    const found = normalizeDocumentNumber(lines[i]!.text)
    if (found) return { ...found, line: lines[i]!.n, index: i }
  }
  throw new PlanParseError(
    file,
    null,
    `no 发文字号 (document number such as 某政办〔2024〕1号) in the first ${last} lines`,
  )
}

/** 版头: the issuing organ's name followed by 文件, above the document number. */
export function issuerFromMasthead(lines: Line[], numberIndex: number): string | null {
  const text = (i: number) => repair(lines[i]!.text).replace(/\s+/g, ' ')
  let i = numberIndex - 1
  while (i >= 0 && text(i) === '') i--
  if (i < 0) return null
  if (text(i) !== '文件') return text(i).replace(/\s*文件$/, '')
  // Joint issuers stacked one a line above a 文件 of their own: joined with a space, as a
  // joint masthead printed on one line is.
  const names: string[] = []
  for (let k = i - 1; k >= 0 && text(k) !== ''; k--) names.unshift(text(k))
  return names.length > 0 ? names.join(' ') : null
}

/** Administrative divisions that have a government of their own. */
const DIVISION = '(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗)'

/**
 * The government an organ belongs to: 新郑市人民政府办公室 → 新郑市, 河南省教育厅 → 河南省.
 * The shortest prefix ending in a division that is followed by the name of an organ wins.
 */
export function jurisdictionOf(issuer: string): string | null {
  // A joint masthead (中共某市委办公室 某市人民政府办公室) belongs to the government it names.
  const organ = issuer.split(/\s+/).find((part) => part.includes('人民政府')) ?? issuer
  const name = organ.replace(/\s+/g, '').replace(/^中共/, '')
  const government = new RegExp(`^(.+?${DIVISION})(?:人民政府|人民代表大会|委员会|委|政府)`)
  const m = government.exec(name) ?? new RegExp(`^(.+?${DIVISION})`).exec(name)
  return m ? m[1]! : null
}

/** The kinds of document a title ends with (GB/T 9704 文种). */
const TITLE_END =
  /(通知|意见|方案|决定|办法|规定|通报|报告|批复|函|纪要|公告|通告|规划|计划|细则|要点)$/

export interface NoticeHead {
  title: string
  titleLine: number
  recipients: string[]
  /** Index of the first line after the 主送机关 (or after the title when there is none). */
  bodyIndex: number
}

/**
 * The notice title runs from the line after the 发文字号 to the 主送机关 line, which ends
 * with a colon; a title broken over several lines is joined.
 */
export function parseNoticeHead(lines: Line[], numberIndex: number, file: string): NoticeHead {
  const titleParts: string[] = []
  let titleLine = 0
  let i = numberIndex + 1
  for (; i < lines.length; i++) {
    const text = lines[i]!.text.trim()
    if (text === '') continue
    // A title never ends in a comma: such a line starts a 主送机关 list that wraps. Nor does
    // anything follow the kind of document it names (…的通知): what does is the 主送机关.
    if (/[：:，,、]$/.test(text) || endsSentence(text)) break
    if (titleParts.length > 0 && TITLE_END.test(titleParts.join(''))) break
    if (titleParts.length === 0) titleLine = lines[i]!.n
    titleParts.push(text)
  }
  if (titleParts.length === 0) {
    throw new PlanParseError(file, lines[numberIndex]!.n, 'no title follows the 发文字号')
  }
  let recipients: string[] = []
  // 主送机关 end with a colon, on this line or, wrapped, on one of the next few.
  let joined = ''
  for (let k = i; k < lines.length && k < i + 6; k++) {
    const text = lines[k]!.text.trim()
    if (text === '') continue
    joined += text
    if (/[：:]$/.test(text)) {
      recipients = splitList(joined.replace(/[：:]$/, ''))
      i = k + 1
      break
    }
    if (endsSentence(text)) break
  }
  return { title: repairTitle(titleParts.join('')), titleLine, recipients, bodyIndex: i }
}

/**
 * Splits an enumeration on 、，, and ；, never inside brackets: 各乡镇（街道、管委会） is one name.
 * Trailing full stops are dropped.
 */
export function splitList(text: string): string[] {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const c of text) {
    if ('（(［[【〔'.includes(c)) depth++
    if ('）)］]】〕'.includes(c)) depth = Math.max(0, depth - 1)
    if (depth === 0 && '、，,；;'.includes(c)) {
      items.push(current)
      current = ''
    } else {
      current += c
    }
  }
  items.push(current)
  return items
    .map((s) =>
      s
        .trim()
        .replace(/[。.]+$/, '')
        .trim(),
    )
    .filter((s) => s !== '')
}

/** The title of the plan a notice issues: 关于印发《X》的通知 or 关于印发X的通知. */
export function issuedPlanTitle(noticeTitle: string): string | null {
  const m = /关于(?:印发|转发|发布)《?(.+?)》?的通知$/.exec(noticeTitle)
  return m ? m[1]! : null
}

const CITED =
  /《([^《》]+)》(?:\s*[（(]([^（）()]*?[〔[［]\s*\d{4}\s*[〕\]］][^（）()]*?号)[）)])?/g

/** Every document cited as 《title》, with its 发文字号 when one follows in brackets. */
export function findCitations(
  paragraphs: { text: string; line: number }[],
  exclude: (string | null)[],
): Citation[] {
  const seen = new Set(exclude.filter((t): t is string => t !== null).map(compact))
  const citations: Citation[] = []
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(CITED)) {
      // The paragraph is repaired already; a space left inside 《》 separates joint issuers.
      const title = m[1]!.trim()
      const key = compact(title)
      if (seen.has(key)) continue
      seen.add(key)
      const number = m[2] ? (normalizeDocumentNumber(m[2])?.number ?? compact(m[2])) : null
      citations.push({ title, number, line: p.line })
    }
  }
  return citations
}

export interface Footer {
  sponsor: string | null
  cc: string[]
  printer: string | null
  issuedOn: string | null
  /** Index of the first line of the 版记, where the body or the last table ends. */
  startIndex: number
}

const DATE_DIGITS = `\\d${CHINESE_NUMERAL_CHARS}`
const ISSUE_DATE = new RegExp(
  `^([${DATE_DIGITS}]{4})\\s*年\\s*([${DATE_DIGITS}]{1,3})\\s*月\\s*([${DATE_DIGITS}]{1,3})\\s*日\\s*(?:印发|发布)?$`,
)

/** An ISO date from 2023年8月28日 or 二〇二三年八月二十八日; null when it is not a date. */
export function parseIssueDate(text: string): string | null {
  const m = ISSUE_DATE.exec(compact(text))
  if (!m) return null
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map(parseChineseNumber) as [
    number | null,
    number | null,
    number | null,
  ]
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * 版记 at the end of the file: 主办, 抄送 (which may continue on following lines), then the
 * 印发机关 and the 印发日期. Returns where it starts so that the body and tables stop there.
 */
export function parseFooter(lines: Line[], fromIndex: number): Footer {
  const nonBlank: number[] = []
  for (let i = fromIndex; i < lines.length; i++) if (lines[i]!.text.trim() !== '') nonBlank.push(i)
  let end = lines.length
  let issuedOn: string | null = null
  let printer: string | null = null
  const lastIndex = nonBlank[nonBlank.length - 1]
  if (lastIndex !== undefined && /印发|发布/.test(lines[lastIndex]!.text)) {
    const lastText = lines[lastIndex]!.text.trim()
    issuedOn = parseIssueDate(lastText)
    // 印发机关 and 印发日期 on one line: 某市人民政府办公室  2023年8月28日印发
    const oneLine = /^(\S.*?)\s+(\S+年\s*\S+月\s*\S+日\s*(?:印发|发布))$/.exec(lastText)
    if (issuedOn === null && oneLine && parseIssueDate(oneLine[2]!) !== null) {
      issuedOn = parseIssueDate(oneLine[2]!)
      printer = compact(oneLine[1]!)
      end = lastIndex
    } else if (issuedOn !== null) {
      end = lastIndex
      const before = nonBlank[nonBlank.length - 2]
      const text = before === undefined ? '' : lines[before]!.text.trim()
      if (
        before !== undefined &&
        !/^(抄送|主办)/.test(text) &&
        !endsSentence(text) &&
        !text.includes('\t')
      ) {
        printer = compact(text)
        end = before
      }
    }
  }
  let sponsor: string | null = null
  const cc: string[] = []
  let startIndex = end
  let inCc = false
  for (const i of nonBlank) {
    if (i >= end) break
    const text = repair(lines[i]!.text)
    const sponsorMatch = /^主办[：:](.+)$/.exec(text)
    const ccMatch = /^抄送[：:](.*)$/.exec(text)
    if (sponsorMatch) {
      sponsor = sponsorMatch[1]!.replace(/[。.]$/, '').trim()
      inCc = false
    } else if (ccMatch) {
      cc.push(...splitList(ccMatch[1]!))
      inCc = true
    } else if (inCc) {
      // 抄送 continues over the following lines until the 印发机关.
      cc.push(...splitList(text))
      continue
    } else {
      continue
    }
    startIndex = Math.min(startIndex, i)
  }
  if (startIndex === end && printer === null && issuedOn === null) startIndex = lines.length
  return { sponsor, cc, printer, issuedOn, startIndex }
}
