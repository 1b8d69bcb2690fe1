// Texts from crawled datasets often lost their line breaks: a whole plan on one line, its
// paragraphs separated by the indentation (U+3000) that began each, or by nothing at all. Such a
// line is cut back into paragraphs where a new one plainly starts, so that the outline can be
// read; every piece keeps the number of the line it came from, so provenance stays true.
import type { Line } from './decode.js'

/** A line this long holding several sentences was several paragraphs. */
const LONG_LINE = 300

const PART = '[一二三四五六七八九十]{1,3}、'
const CHAPTER = '[（(][一二三四五六七八九十]{1,3}[）)]'
const ITEM = '\\d{1,2}[.．、﹒](?!\\d)'
const ARTICLE = '第[一二三四五六七八九十百零〇]+[章节条]'
const LABEL = `(?:${PART}|${CHAPTER}|${ITEM}|${ARTICLE})`
/** Headings of parts that nearly every plan has. */
const COMMON_HEADINGS =
  '总体要求|主要目标|发展目标|工作目标|行动目标|基本原则|指导思想|重点任务|主要任务|工作任务|保障措施|组织实施|实施步骤|工作要求|组织保障|工作措施|实施范围|适用范围'

/** A piece that opens with a part's or chapter's label, or an article's. */
const OPENS_SECTION = new RegExp(`^(?:${PART}|${CHAPTER})`)
const OPENS_ARTICLE = new RegExp(`^${ARTICLE}`)

/**
 * Where a new paragraph starts inside a joined line: after a sentence's end followed by space
 * (the lost indentation); before a label straight after a sentence's end; before a label
 * straight after a short heading (二、主要任务（一）…, （一）推动标准化1.加强…); around a signature's date.
 * A break after the label a piece opens with (`opening`) is only looked for in pieces that open
 * with one: its lookbehind, tried at every character of a long line, costs more than the rest.
 */
const BREAKS: { at: RegExp; opening?: RegExp }[] = [
  { at: new RegExp(`(?<=[。；！？：”]|[\\u4e00-\\u9fff]{3}[”’]?[）)])\\s+(?=\\S)`, 'g') },
  { at: new RegExp(`(?<=[。；！？：”）])(?=${LABEL})`, 'g') },
  {
    at: new RegExp(`(?<=^(?:${PART}|${CHAPTER})[^。；：:]{2,40})(?=${CHAPTER}|${ITEM})`, 'g'),
    opening: OPENS_SECTION,
  },
  // 一、总体要求坚持以人民为中心…: the genre's common headings, run into their prose.
  {
    at: new RegExp(
      `(?<=^(?:${PART}|${CHAPTER})(?:${COMMON_HEADINGS}))(?=[\\u4e00-\\u9fff（“])`,
      'g',
    ),
    opening: OPENS_SECTION,
  },
  {
    at: new RegExp(`(?<=^(?:${PART}|${CHAPTER})[^。；，,：:\\s]{2,30})\\s{2,}(?=\\S)`, 'g'),
    opening: OPENS_SECTION,
  },
  {
    at: new RegExp(`(?<=^${ARTICLE}[^。；，,：:]{1,20}?)\\s+(?=${ARTICLE})`, 'g'),
    opening: OPENS_ARTICLE,
  },
  {
    at: /(?<=[。])(?=[^。，]{2,40}?(?:办公厅|办公室|人民政府|委员会|局|厅|部)\s*\d{4}年\d{1,2}月\d{1,2}日)/g,
  },
  // …的通知各市人民政府，…： a notice's title runs into its 主送机关.
  { at: /(?<=关于[^。，；]{2,80}(?:通知|意见))(?=各[^。，；]{1,30}[，、：])/g },
  // A signature run into its text: the organ, its date, then what follows the date. A date
  // that opens a sentence (2019年1月1日起施行的…) is no signature and is not cut.
  {
    at: /(?<=(?:办公厅|办公室|人民政府|委员会|局|厅|部))\s*(?=\d{4}年\d{1,2}月\d{1,2}日)|(?<=(?:办公厅|办公室|人民政府|委员会|局|厅|部)\s*\d{4}年\d{1,2}月\d{1,2}日)\s*(?=[\u4e00-\u9fff]{4,})/g,
  },
  { at: /(?<=\d{4}年\d{1,2}月\d{1,2}日)\s*(?=[（(]?此件)/g },
]

function cut(text: string, { at, opening }: (typeof BREAKS)[number]): string[] {
  const pieces: string[] = []
  let from = 0
  if (!opening || opening.test(text)) {
    for (const m of text.matchAll(at)) {
      if (m.index > from) pieces.push(text.slice(from, m.index))
      from = m.index + m[0].length
    }
  }
  pieces.push(text.slice(from))
  return pieces.map((p) => p.trim()).filter((p) => p !== '')
}

export function splitJoinedParagraphs(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.length > LONG_LINE)) return lines
  return lines.flatMap((line) => {
    if (line.text.length <= LONG_LINE) return [line]
    let pieces = [line.text]
    for (const breaks of BREAKS) pieces = pieces.flatMap((p) => cut(p, breaks))
    return pieces.map((text) => ({ n: line.n, text }))
  })
}
