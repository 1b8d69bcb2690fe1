// The end of a document: the signature under a notice or a plan (the organ, then the date, in
// Arabic or Chinese numerals), and the 版记 at the foot of the last page (主办, 抄送, then the
// 印发机关 and 印发日期). A portal copy may end with the page's own links after them.
import { parseDate } from './dates.js'
import type { Line } from './decode.js'
import { isOrganLine } from './header.js'
import { compact, endsSentence, repair, splitList } from './text.js'

export interface Footer {
  sponsor: string | null
  cc: string[]
  printer: string | null
  issuedOn: string | null
  /** Index of the first line of the 版记, where the body or the last table ends. */
  startIndex: number
}

/** How far from the end the 印发 line may stand: a portal's links may follow it. */
const TAIL_LINES = 8

/** 某市人民政府办公室  2024年3月15日印发, on one line. */
const DATE_TEXT =
  '[\\d〇○零一二三四五六七八九十]{2,4}\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月\\s*[\\d一二三四五六七八九十]{1,3}\\s*日'
const PRINTER_AND_DATE = new RegExp(`^(\\S.*?)\\s+(${DATE_TEXT}\\s*(?:印发|发布))$`)
const ORGAN_AND_DATE = new RegExp(`^(\\S.*?)\\s+(${DATE_TEXT})$`)

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
  for (let k = nonBlank.length - 1; k >= 0 && k >= nonBlank.length - TAIL_LINES; k--) {
    const i = nonBlank[k]!
    const text = lines[i]!.text.trim()
    if (!/印发|发布/.test(text)) continue
    issuedOn = /印发|发布/.test(compact(text).slice(-2)) ? parseDate(text) : null
    const oneLine = PRINTER_AND_DATE.exec(text)
    if (issuedOn === null && oneLine && parseDate(oneLine[2]!) !== null) {
      issuedOn = parseDate(oneLine[2]!)
      printer = compact(oneLine[1]!)
      end = i
    } else if (issuedOn !== null) {
      end = i
      const before = nonBlank[k - 1]
      const above = before === undefined ? '' : lines[before]!.text.trim()
      if (before !== undefined && !/^(抄送|主办)/.test(above) && isOrganLine(above)) {
        printer = compact(above)
        end = before
      }
    }
    if (issuedOn !== null) break
  }
  let sponsor: string | null = null
  const cc: string[] = []
  let startIndex = end
  let inCc = false
  for (const i of nonBlank) {
    if (i >= end) break
    const text = repair(lines[i]!.text)
    const sponsorMatch = /^主办(?:单位)?[：:](.+)$/.exec(text)
    const ccMatch = /^抄\s*送[：:](.*)$/.exec(text)
    if (sponsorMatch) {
      sponsor = sponsorMatch[1]!.replace(/[。.]$/, '').trim()
      inCc = false
    } else if (ccMatch) {
      // One by one: a list may hold more names than a call takes arguments.
      for (const name of splitList(ccMatch[1]!)) cc.push(name)
      inCc = true
    } else if (inCc) {
      // 抄送 continues over the following lines until the 印发机关.
      for (const name of splitList(text)) cc.push(name)
      continue
    } else {
      continue
    }
    startIndex = Math.min(startIndex, i)
  }
  if (startIndex === end && printer === null && issuedOn === null) startIndex = lines.length
  return { sponsor, cc, printer, issuedOn, startIndex }
}

export interface Signature {
  /** The organ that signs, as printed (joint signers joined by a space); null for a date alone. */
  organ: string | null
  date: string
  /** Indexes of its lines: the organ's (if any) and the date's. */
  first: number
  last: number
}

/** （此件公开发布）, （此件主动公开）: a note under the signature, not text. */
export const RELEASE_NOTE = /^[（(]此件[^）)]{1,10}[）)]$/

/**
 * Signatures in lines [from, to): a line holding only a date, under one or two lines holding
 * only an organ's name, or an organ and a date on one line. A date in brackets under a title
 * ((2023年5月12日市政府第8次常务会议通过)) is not one.
 */
export function findSignatures(lines: Line[], from: number, to: number): Signature[] {
  const found: Signature[] = []
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text.trim()
    if (text === '') continue
    let date = parseDate(text)
    let organ: string | null = null
    let first = i
    if (date === null) {
      // 某市人民政府办公室  2023年5月12日 (the gap was U+3000)
      const m = ORGAN_AND_DATE.exec(text)
      if (!m || !isOrganLine(m[1]!) || parseDate(m[2]!) === null) continue
      date = parseDate(m[2]!)!
      organ = m[1]!.trim().split(/\s+/).map(repair).join(' ')
    } else {
      if (/印发|发布/.test(text)) continue
      // The organ stands on the line above, perhaps with one blank line between, or on two
      // lines for joint signers.
      const above: number[] = []
      for (let k = i - 1; k >= from && k >= i - 4 && above.length < 2; k--) {
        const t = lines[k]!.text.trim()
        if (t === '') continue
        if (!isOrganLine(t)) break
        above.unshift(k)
      }
      if (above.length > 0) {
        organ = above.flatMap((k) => lines[k]!.text.trim().split(/\s+/).map(repair)).join(' ')
        first = above[0]!
      }
    }
    found.push({ organ, date, first, last: i })
  }
  return found
}

/** A line that ends a plan's prose: a signature's, or a release note. */
export function isClosingLine(text: string): boolean {
  const t = compact(text)
  return RELEASE_NOTE.test(t) || (parseDate(t) !== null && !endsSentence(t))
}
