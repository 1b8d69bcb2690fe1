// The body's outline: parts 一、, chapters （一）, items 1. numbered through the document.
// Paragraphs broken by a page (a line that ends mid-sentence) are joined here, since only the
// outline knows whether the next line starts a new section or continues the sentence.
import { parseChineseNumber } from './numerals.js'
import { endsSentence, repair, type Line } from './text.js'
import type { ParsedSection, SectionKind } from './types.js'

export interface Paragraph {
  text: string
  startLine: number
  endLine: number
}

export interface Outline {
  /** Paragraphs before the first part: the plan's preamble. */
  preamble: Paragraph[]
  sections: ParsedSection[]
}

interface Heading {
  kind: SectionKind
  number: number
  label: string
  rest: string
}

const PART = /^([一二三四五六七八九十]{1,3})\s*、\s*(.*)$/
const CHAPTER = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$/
// 1. / 1． / 1、 but not a decimal (3.5亿元) or a date (2025.6).
const ITEM = /^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$/

function readHeading(raw: string): Heading | null {
  let m = PART.exec(raw)
  if (m) {
    const number = parseChineseNumber(m[1]!)!
    return { kind: 'part', number, label: `${m[1]}、`, rest: m[2]! }
  }
  m = CHAPTER.exec(raw)
  if (m) {
    const number = parseChineseNumber(m[1]!)!
    return { kind: 'chapter', number, label: `（${m[1]}）`, rest: m[2]! }
  }
  m = ITEM.exec(raw)
  if (m) return { kind: 'item', number: Number(m[1]), label: `${Number(m[1])}.`, rest: m[2]! }
  return null
}

/** The heading of a section is its first sentence, up to the first 。 (not included). */
function headingOf(rest: string): string {
  const end = rest.indexOf('。')
  return (end < 0 ? rest : rest.slice(0, end)).trim()
}

class OutlineBuilder {
  readonly sections: ParsedSection[] = []
  readonly preamble: Paragraph[] = []
  private paragraphsOf = new Map<number, Paragraph[]>()
  private currentPart: number | null = null
  private currentChapter: number | null = null
  private lastPartNumber = 0
  private lastChapterNumber = 0
  private lastItemNumber = 0
  private containerHasItems = false

  /** A heading counts only where its number continues the sequence, so that a sentence
   *  continuing with 3.5亿元 or 二、三季度 is not taken for a new section. */
  accepts(h: Heading): boolean {
    switch (h.kind) {
      case 'part':
        return h.number === this.lastPartNumber + 1
      case 'chapter':
        return this.currentPart !== null && h.number === this.lastChapterNumber + 1
      case 'item':
        return (
          this.currentPart !== null &&
          (h.number === this.lastItemNumber + 1 ||
            // Some plans number items anew in each part or chapter.
            (h.number === 1 && !this.containerHasItems))
        )
    }
  }

  open(h: Heading, line: number): number {
    const parentIndex =
      h.kind === 'part'
        ? null
        : h.kind === 'chapter'
          ? this.currentPart
          : (this.currentChapter ?? this.currentPart)
    const rest = repair(h.rest)
    const index = this.sections.length
    this.sections.push({
      kind: h.kind,
      label: repair(h.label),
      number: h.number,
      // An item's heading is its first sentence, known once its paragraph is joined (finish).
      heading: h.kind === 'item' ? '' : headingOf(rest),
      text: '',
      parentIndex,
      startLine: line,
      endLine: line,
    })
    if (h.kind === 'part') {
      this.currentPart = index
      this.currentChapter = null
      this.lastPartNumber = h.number
      this.lastChapterNumber = 0
      this.containerHasItems = false
    } else if (h.kind === 'chapter') {
      this.currentChapter = index
      this.lastChapterNumber = h.number
      this.containerHasItems = false
    } else {
      this.lastItemNumber = h.number
      this.containerHasItems = true
    }
    // A part or chapter heading is a title; an item's first line is already its prose.
    const own: Paragraph[] = []
    if (h.kind === 'item') own.push({ text: h.rest, startLine: line, endLine: line })
    else if (rest !== headingOf(rest)) {
      own.push({ text: rest.slice(rest.indexOf('。') + 1), startLine: line, endLine: line })
    }
    this.paragraphsOf.set(index, own)
    return index
  }

  /** The section that prose at this point belongs to: the innermost one opened last. */
  private currentIndex(): number | null {
    return this.sections.length === 0 ? null : this.sections.length - 1
  }

  addParagraph(p: Paragraph): void {
    const index = this.currentIndex()
    if (index === null) this.preamble.push(p)
    else this.paragraphsOf.get(index)!.push(p)
  }

  /** The paragraph still open for a continuation: its sentence has not ended. */
  openParagraph(): Paragraph | null {
    const index = this.currentIndex()
    const list = index === null ? this.preamble : this.paragraphsOf.get(index)!
    const last = list[list.length - 1]
    return last && !endsSentence(last.text) ? last : null
  }

  finish(): Outline {
    for (const [index, paragraphs] of this.paragraphsOf) {
      const section = this.sections[index]!
      for (const p of paragraphs) p.text = repair(p.text)
      section.text = paragraphs
        .map((p) => p.text)
        .filter((t) => t !== '')
        .join('\n')
      // An item's first sentence may run past its first line, cut by a page break.
      if (section.kind === 'item' && paragraphs[0]) section.heading = headingOf(paragraphs[0].text)
      const last = paragraphs[paragraphs.length - 1]
      if (last) section.endLine = Math.max(section.endLine, last.endLine)
    }
    // A section's span covers its children.
    for (let i = this.sections.length - 1; i >= 0; i--) {
      const s = this.sections[i]!
      if (s.parentIndex !== null) {
        const parent = this.sections[s.parentIndex]!
        parent.endLine = Math.max(parent.endLine, s.endLine)
      }
    }
    for (const p of this.preamble) p.text = repair(p.text)
    return { preamble: this.preamble, sections: this.sections }
  }
}

/** Builds the outline of the body lines [from, to). */
export function parseOutline(lines: Line[], from: number, to: number): Outline {
  const builder = new OutlineBuilder()
  for (let i = from; i < to; i++) {
    const line = lines[i]!
    const raw = line.text.trim()
    if (raw === '') continue
    const heading = readHeading(repair(raw))
    const open = builder.openParagraph()
    // After a cut sentence, 二、三季度的检查。 continues it: a part heading is a title and
    // never ends a sentence (a chapter heading may carry a sentence of its own).
    const startsSection =
      heading !== null &&
      builder.accepts(heading) &&
      !(open && heading.kind === 'part' && endsSentence(raw))
    if (open && !startsSection) {
      // A page break cut this sentence: the line continues it.
      open.text += raw
      open.endLine = line.n
      continue
    }
    if (startsSection) builder.open(heading, line.n)
    else builder.addParagraph({ text: raw, startLine: line.n, endLine: line.n })
  }
  return builder.finish()
}
