// The body's outline: parts, chapters and items, whatever labels the plan numbers them with.
// A plan uses a few of the genre's label styles (一、 / （一） / 1. / （1） / ①, or 第一章 / 第一节 /
// 第一条); which of them are its parts, chapters and items follows from which it uses, in the
// order of their rank. A label counts only where its number continues its sequence, so that a
// sentence continuing with 3.5亿元 or 二、三季度 is not taken for a new section.
// Paragraphs broken by a page (a line that ends mid-sentence) are joined here, since only the
// outline knows whether the next line starts a new section or continues the sentence.
import type { Line } from './decode.js'
import { parseChineseNumber } from './numerals.js'
import { endsSentence, repair } from './text.js'
import type { ParsedSection, SectionKind } from './types.js'

export interface Paragraph {
  text: string
  startLine: number
  endLine: number
  /** For an item's first line with no punctuation: where that line ends in `text`. */
  bareHeadingEnd?: number
  /** The last line joined to it: whether the sentence ends is read there, at no cost per join. */
  lastLine?: string
}

/** A first sentence longer than this was a heading line followed by prose, not one sentence. */
const LONGEST_HEADING = 30

export interface Outline {
  /** Paragraphs before the first section: the plan's preamble. */
  preamble: Paragraph[]
  sections: ParsedSection[]
  /** The paragraphs of each section's own text, by section index. */
  paragraphs: Paragraph[][]
}

type Style =
  'part-word' | 'zhang' | 'yi' | 'paren-cn' | 'jie' | 'num' | 'tiao' | 'paren-num' | 'circled'

interface StyleSpec {
  style: Style
  /** Outer styles have lower ranks: 第一章 (0) holds 一、 (1) holds （一） (2) holds 1. (3). */
  rank: number
  pattern: RegExp
  label: (numeral: string, n: number) => string
}

const CN = '[一二三四五六七八九十百零〇]+'
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

const STYLES: StyleSpec[] = [
  {
    style: 'part-word',
    rank: 0,
    pattern: new RegExp(`^第(${CN}|\\d{1,2})(?:部分|篇)\\s*(.*)$`),
    label: (x) => `第${x}部分`,
  },
  {
    style: 'zhang',
    rank: 0,
    pattern: new RegExp(`^第(${CN}|\\d{1,2})章\\s*(.*)$`),
    label: (x) => `第${x}章`,
  },
  {
    style: 'yi',
    rank: 1,
    pattern: /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$/,
    label: (x) => `${x}、`,
  },
  {
    style: 'paren-cn',
    rank: 2,
    pattern: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$/,
    label: (x) => `（${x}）`,
  },
  {
    style: 'jie',
    rank: 2,
    pattern: new RegExp(`^第(${CN}|\\d{1,2})节\\s*(.*)$`),
    label: (x) => `第${x}节`,
  },
  {
    style: 'num',
    rank: 3,
    // 1. / 1． / 1、 but not a decimal (3.5亿元) or a date (2025.6); a label followed by
    // digits (11.121人才计划) is read in `labelBeforeDigits`.
    pattern: /^(\d{1,3})\s*[.、](?!\d)\s*(.*)$/,
    label: (_, n) => `${n}.`,
  },
  {
    style: 'tiao',
    rank: 3,
    pattern: new RegExp(`^第(${CN}|\\d{1,3})条\\s*(.*)$`),
    label: (x) => `第${x}条`,
  },
  {
    style: 'paren-num',
    rank: 4,
    pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$/,
    label: (_, n) => `（${n}）`,
  },
  {
    style: 'circled',
    rank: 5,
    pattern: new RegExp(`^([${CIRCLED}])\\s*(.*)$`),
    label: (x) => x,
  },
]

interface Heading {
  style: Style
  number: number
  label: string
  rest: string
  /** Written as 11.121…: a label only where the sequence expects exactly this number. */
  beforeDigits: boolean
}

function numberOf(numeral: string): number | null {
  const circled = CIRCLED.indexOf(numeral)
  if (circled >= 0) return circled + 1
  return parseChineseNumber(numeral)
}

/** ㈠ … ㈩: one character for （一） … （十）. */
const ENCLOSED = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩'

function readHeading(raw: string): Heading | null {
  const enclosed = ENCLOSED.indexOf(raw[0] ?? '')
  const text = enclosed < 0 ? raw : `（${'一二三四五六七八九十'[enclosed]}）${raw.slice(1)}`
  for (const spec of STYLES) {
    const m = spec.pattern.exec(text)
    if (!m) continue
    const number = numberOf(m[1]!)
    if (number === null || number === 0) continue
    return {
      style: spec.style,
      number,
      label: spec.label(m[1]!, number),
      rest: m[2]!,
      beforeDigits: false,
    }
  }
  const digits = /^(\d{1,2})[.](\d.*)$/.exec(text)
  if (digits) {
    const number = Number(digits[1])
    // 1.2018年，…: a year after the label is the item's first word, never a decimal's digits.
    const year = /^(?:19|20)\d{2}(?:\s*[-—–－～~至]\s*(?:19|20)?\d{2})?\s*年/.test(digits[2]!)
    return { style: 'num', number, label: `${number}.`, rest: digits[2]!, beforeDigits: !year }
  }
  return null
}

const RANK = new Map(STYLES.map((s) => [s.style, s.rank]))

/**
 * Which styles are the plan's parts, chapters and items. A style is used when it counts 1, 2 in
 * order somewhere; the outermost is the part (第一章 or 一、), the first of 1. and 第一条 (else of
 * （1） and ①) below it the item, and the style between them the chapter. Deeper labels (（1）
 * under 1.) are text of their item.
 */
export function kindsOfStyles(used: Style[]): Map<Style, SectionKind> {
  const sorted = [...used].sort((a, b) => RANK.get(a)! - RANK.get(b)!)
  const kinds = new Map<Style, SectionKind>()
  if (sorted.length === 0) return kinds
  const itemStyle =
    sorted.find((s) => RANK.get(s) === 3) ??
    sorted.find((s, i) => RANK.get(s)! >= 4 && (i > 0 || sorted.length === 1))
  const outer = sorted[0]!
  if (itemStyle) kinds.set(itemStyle, 'item')
  if (outer !== itemStyle) {
    // 一、 and 第一章 are parts; （一） standing on its own is a chapter.
    kinds.set(outer, RANK.get(outer)! <= 1 ? 'part' : 'chapter')
  }
  if (kinds.get(outer) === 'part') {
    const chapter = sorted.find(
      (s) => s !== outer && s !== itemStyle && (!itemStyle || RANK.get(s)! < RANK.get(itemStyle)!),
    )
    if (chapter) kinds.set(chapter, 'chapter')
  }
  return kinds
}

/** The heading of a section is its first sentence, up to the first 。 (not included). */
function headingOf(rest: string): string {
  const end = rest.indexOf('。')
  return (end < 0 ? rest : rest.slice(0, end)).trim().replace(/[：:]$/, '')
}

/** An item's first line that is only its heading (a web copy's 1.建立工作机制, no punctuation). */
function isBareHeading(rest: string): boolean {
  return rest.length <= 40 && !/[，,。；;：:！？]/.test(rest)
}

class OutlineBuilder {
  readonly sections: ParsedSection[] = []
  readonly preamble: Paragraph[] = []
  private paragraphsOf: Paragraph[][] = []
  private current: Record<SectionKind, number | null> = { part: null, chapter: null, item: null }
  private last: Record<SectionKind, number> = { part: 0, chapter: 0, item: 0 }
  /** The container the last chapter and item were opened in, to tell a restart from a jump. */
  private chapterParent: number | null = null
  private itemParent: number | null = null

  constructor(private readonly kinds: Map<Style, SectionKind>) {}

  kindOf(h: Heading): SectionKind | null {
    return this.kinds.get(h.style) ?? null
  }

  private parentOf(kind: SectionKind): number | null {
    if (kind === 'part') return null
    if (kind === 'chapter') return this.current.part
    return this.current.chapter ?? this.current.part
  }

  /** Whether a heading's number continues its sequence here. */
  accepts(h: Heading, kind: SectionKind): boolean {
    const next = this.last[kind] + 1
    if (h.beforeDigits) return kind === 'item' && h.number === next && h.number > 1
    if (kind === 'part') return h.number === next
    // Chapters and items may number on through the plan, or start anew in each container.
    const parent = this.parentOf(kind)
    const lastParent = kind === 'chapter' ? this.chapterParent : this.itemParent
    const newContainer = parent !== lastParent || this.last[kind] === 0
    return h.number === next || (h.number === 1 && newContainer)
  }

  open(h: Heading, kind: SectionKind, line: number): void {
    const parentIndex = this.parentOf(kind)
    const rest = repair(h.rest)
    const index = this.sections.length
    const bare = kind === 'item' && isBareHeading(rest)
    this.sections.push({
      kind,
      label: h.label,
      number: h.number,
      // An item's heading is its first sentence, known once its paragraph is joined (finish).
      heading: kind === 'item' ? '' : headingOf(rest),
      text: '',
      parentIndex,
      startLine: line,
      endLine: line,
    })
    this.current[kind] = index
    this.last[kind] = h.number
    if (kind === 'part') {
      this.current.chapter = null
      this.current.item = null
    } else if (kind === 'chapter') {
      this.current.item = null
      this.chapterParent = parentIndex
    } else {
      this.itemParent = parentIndex
    }
    // A part or chapter heading is a title; an item's first line is already its prose.
    const own: Paragraph[] = []
    if (kind === 'item') {
      own.push({
        text: h.rest,
        startLine: line,
        endLine: line,
        ...(bare ? { bareHeadingEnd: h.rest.length } : {}),
      })
    } else if (rest !== headingOf(rest) && rest.includes('。')) {
      own.push({ text: rest.slice(rest.indexOf('。') + 1), startLine: line, endLine: line })
    }
    this.paragraphsOf.push(own)
  }

  /** The section that prose at this point belongs to: the innermost one opened last. */
  private currentIndex(): number | null {
    return this.sections.length === 0 ? null : this.sections.length - 1
  }

  addParagraph(p: Paragraph): void {
    const index = this.currentIndex()
    if (index === null) this.preamble.push(p)
    else this.paragraphsOf[index]!.push(p)
  }

  /** The paragraph still open for a continuation: its sentence has not ended. */
  openParagraph(): Paragraph | null {
    const index = this.currentIndex()
    const list = index === null ? this.preamble : this.paragraphsOf[index]!
    const last = list[list.length - 1]
    return last && !endsSentence(last.lastLine ?? last.text) ? last : null
  }

  finish(): Outline {
    this.paragraphsOf.forEach((paragraphs, index) => {
      const section = this.sections[index]!
      const first = paragraphs[0]
      if (first?.bareHeadingEnd !== undefined) {
        // 1.建立工作机制 on a line of its own, then prose: a web copy's heading. 1.修复破损 / 路面。
        // with a short first sentence: a line a page break cut.
        const head = first.text.slice(0, first.bareHeadingEnd)
        const tail = first.text.slice(first.bareHeadingEnd)
        if (tail === '' || headingOf(repair(first.text)).length > LONGEST_HEADING) {
          section.heading = headingOf(repair(head))
          first.text = tail
        }
        delete first.bareHeadingEnd
      }
      for (const p of paragraphs) {
        p.text = repair(p.text)
        delete p.lastLine
      }
      const own = paragraphs.filter((p) => p.text !== '')
      section.text = own.map((p) => p.text).join('\n')
      // An item's first sentence may run past its first line, cut by a page break.
      if (section.kind === 'item' && section.heading === '' && own[0] && first?.text !== '') {
        section.heading = headingOf(own[0].text)
      }
      const last = own[own.length - 1]
      if (last) section.endLine = Math.max(section.endLine, last.endLine)
      this.paragraphsOf[index] = own
    })
    // A section's span covers its children.
    for (let i = this.sections.length - 1; i >= 0; i--) {
      const s = this.sections[i]!
      if (s.parentIndex !== null) {
        const parent = this.sections[s.parentIndex]!
        parent.endLine = Math.max(parent.endLine, s.endLine)
      }
    }
    for (const p of this.preamble) {
      p.text = repair(p.text)
      delete p.lastLine
    }
    return {
      preamble: this.preamble.filter((p) => p.text !== ''),
      sections: this.sections,
      paragraphs: this.paragraphsOf,
    }
  }
}

/**
 * The styles a body counts with: those that count from 1. A deeper style (（1）, ①) counts only
 * where it goes on to 2, so that one stray label does not make items of a plan's prose.
 */
function usedStyles(headings: (Heading | null)[]): Style[] {
  const seenOne = new Set<Style>()
  const used = new Set<Style>()
  for (const h of headings) {
    if (!h || h.beforeDigits) continue
    if (h.number === 1) {
      seenOne.add(h.style)
      if (RANK.get(h.style)! <= 3) used.add(h.style)
    } else if (h.number === 2 && seenOne.has(h.style)) used.add(h.style)
  }
  return [...used]
}

/** Builds the outline of the body lines [from, to), passing over the lines in `skip`. */
export function parseOutline(lines: Line[], from: number, to: number, skip: Set<number>): Outline {
  const body: { line: Line; raw: string; heading: Heading | null }[] = []
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue
    const line = lines[i]!
    const raw = line.text.trim()
    if (raw === '') continue
    body.push({ line, raw, heading: readHeading(repair(raw)) })
  }
  const builder = new OutlineBuilder(kindsOfStyles(usedStyles(body.map((b) => b.heading))))
  for (const { line, raw, heading } of body) {
    const kind = heading ? builder.kindOf(heading) : null
    const open = builder.openParagraph()
    // After a cut sentence, 二、三季度的检查。 continues it: a part heading is a title and never
    // ends a sentence (a chapter heading may carry a sentence of its own). A label followed by
    // digits is a label only where no sentence is left open.
    const startsSection =
      heading !== null &&
      kind !== null &&
      builder.accepts(heading, kind) &&
      !(open && kind === 'part' && endsSentence(raw)) &&
      !(open && heading.beforeDigits)
    if (open && !startsSection) {
      // A page break cut this sentence: the line continues it.
      open.text += raw
      open.lastLine = raw
      open.endLine = line.n
      continue
    }
    if (startsSection) builder.open(heading, kind, line.n)
    else builder.addParagraph({ text: raw, startLine: line.n, endLine: line.n })
  }
  return builder.finish()
}

/**
 * The outlines of documents printed one after another (a notice that issues two), as one: the
 * second's sections follow the first's, each counting from its own 一、.
 */
export function concatOutlines(first: Outline, second: Outline): Outline {
  const offset = first.sections.length
  return {
    preamble: [...first.preamble, ...second.preamble],
    sections: [
      ...first.sections,
      ...second.sections.map((s) => ({
        ...s,
        parentIndex: s.parentIndex === null ? null : s.parentIndex + offset,
      })),
    ],
    paragraphs: [...first.paragraphs, ...second.paragraphs],
  }
}
