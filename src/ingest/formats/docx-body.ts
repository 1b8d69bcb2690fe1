// The body of word/document.xml as the lines of a plan text, in the order Word lays them out:
// a paragraph a line (its list label first), a table row a line with its cells joined by tabs.
// What a reader of the printed page sees is kept and nothing else: tracked changes as accepted
// (deletions out, insertions in), a field's result but not its code, one branch of an
// mc:AlternateContent, text boxes where they are anchored (a red masthead is often one), and no
// hidden text. Headers, footers, notes and comments live in other parts and are never read.
import { ElementType } from 'htmlparser2'
import type { ListCounters, ListLabel } from './docx-numbering.js'
import type { WordStyles } from './docx-styles.js'
import { cellsWithText, rowsIn, TableRows } from './docx-table.js'
import {
  attr,
  childElements,
  firstChild,
  intAttr,
  onOff,
  textOf,
  type Element,
} from './docx-xml.js'

/** The elements whose text the body reader reads; docx-xml drops the text of all others. */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['w:t', 'm:t'])

/**
 * The most text a document may give, in characters: twice the 5 MB a plan text may have, in
 * characters of one byte. A merged cell repeated down a long table, or a list label repeated
 * before every paragraph, could make a small file give far more; reading stops here.
 */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024

/**
 * How many paragraphs a field's code may run over before the field is taken as broken (no
 * separate, no end): the rest of the document must not vanish into one. Codes are one line.
 */
const MAX_FIELD_CODE_PARAGRAPHS = 20

/**
 * Where the lines of blocks go: the lines of the body (or of a text box in it), or the words of
 * a table cell, where every paragraph, text box and nested table is flattened into one line.
 * A cell's words are each made plain once, as they come, and joined once, by the outermost
 * cell: tables nested in cells (in text boxes in cells…) cost no more than their text.
 */
class Sink {
  readonly lines: string[] = []
  private chars = 0

  constructor(
    readonly inCell: boolean,
    /** Called when the lines pass MAX_TEXT_CHARS; only the body's own lines are counted. */
    private readonly tooLong?: () => never,
  ) {}

  add(line: string): void {
    if (!this.inCell) {
      this.chars += line.length + 1
      if (this.tooLong && this.chars > MAX_TEXT_CHARS) this.tooLong()
      this.lines.push(line)
      return
    }
    // In a cell, a paragraph's own line breaks and tabs are spaces, and an empty one is nothing.
    const plain = line.replace(/\s+/g, ' ').trim()
    if (plain !== '') this.lines.push(plain)
  }
}

/** The text of one paragraph as it is read: lines (split at w:br) and text boxes in it. */
class ParagraphText {
  readonly lines: string[] = ['']

  constructor(
    /** Where the text boxes anchored in the paragraph go; they come before it. */
    readonly boxes: Sink,
  ) {}

  add(text: string): void {
    this.lines[this.lines.length - 1] += text
  }

  newLine(): void {
    this.lines.push('')
  }
}

type FieldPart = 'code' | 'result'

/** Lines read from consecutive blocks, and the text of a paragraph waiting for the next one. */
class BlockSequence {
  /** A paragraph whose mark was deleted: its text joins the next paragraph. */
  carried: string[] | null = null

  constructor(readonly out: Sink) {}

  /** Ends a run of paragraphs: text waiting for a next paragraph stands alone. */
  finish(): void {
    for (const line of this.carried ?? []) this.out.add(line)
    this.carried = null
  }
}

class BodyReader {
  /** The fields open where the reader is, innermost last (fields nest and span paragraphs). */
  private readonly fields: FieldPart[] = []
  private fieldsInCode = 0
  private paragraphsInCode = 0

  constructor(
    private readonly styles: WordStyles,
    private readonly counters: ListCounters,
  ) {}

  /** Paragraphs and tables of a container (a cell, a text box) onto `out`. */
  blocks(container: Element, out: Sink): void {
    const sequence = new BlockSequence(out)
    for (const el of childElements(container)) this.block(el, sequence)
    sequence.finish()
  }

  /** One paragraph or table (or what wraps them) of a sequence of blocks. */
  block(el: Element, sequence: BlockSequence): void {
    if (el.name === 'w:p') {
      sequence.carried = this.paragraph(el, sequence.out, sequence.carried)
      return
    }
    sequence.finish()
    switch (el.name) {
      case 'w:tbl':
        this.table(el, sequence.out)
        break
      case 'w:sdt':
        this.blocks(firstChild(el, 'w:sdtContent') ?? el, sequence.out)
        break
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
        this.blocks(el, sequence.out)
        break
      case 'mc:AlternateContent': {
        const branch = chosenBranch(el)
        if (branch) this.blocks(branch, sequence.out)
        break
      }
    }
  }

  /** Reads a paragraph onto `out`; returns its text instead when its mark was deleted. */
  private paragraph(p: Element, out: Sink, carried: string[] | null): string[] | null {
    const pPr = firstChild(p, 'w:pPr')
    const style = attr(firstChild(pPr, 'w:pStyle')) ?? this.styles.defaultParagraphStyle
    // In a cell, a text box's words go straight in, before the paragraph's.
    const boxes = out.inCell ? out : new Sink(false)
    const text = new ParagraphText(boxes)
    this.inline(p, text, style)
    this.endParagraph()
    if (boxes !== out) for (const line of boxes.lines) out.add(line)

    let lines = text.lines
    if (carried) {
      // Joined in place: a chain of such paragraphs costs no more than its lines.
      carried[carried.length - 1] += lines[0]!
      for (let k = 1; k < lines.length; k++) carried.push(lines[k]!)
      lines = carried
    }
    const mark = firstChild(pPr, 'w:rPr')
    // A deleted mark joins this paragraph to the next, whose properties (and label) it takes.
    if (firstChild(mark, 'w:del') || firstChild(mark, 'w:moveFrom')) return lines
    const markHidden = onOff(firstChild(mark, 'w:vanish')) ?? this.styles.hides(style) ?? false
    if (markHidden && lines.every((l) => l.trim() === '')) return null

    const label = this.label(pPr, style)
    if (label) lines[0] = label.label + (lines[0] === '' ? '' : label.separator) + lines[0]
    for (const line of lines) out.add(line)
    return null
  }

  private label(pPr: Element | null, style: string | null): ListLabel | null {
    const numPr = firstChild(pPr, 'w:numPr')
    const directNumId = intAttr(firstChild(numPr, 'w:numId'))
    const directLevel = intAttr(firstChild(numPr, 'w:ilvl'))
    const fromStyle = this.styles.numberingOf(style)
    const numId = directNumId ?? fromStyle.numId
    if (numId === null) return null
    // A level the paragraph does not give is its style's; numbering from a style alone may
    // leave it to the definition's level for that style (w:pStyle in w:lvl).
    const level = directLevel ?? fromStyle.ilvl ?? (directNumId === null ? null : 0)
    return this.counters.next(numId, level, style)
  }

  /** Runs and what wraps them (links, insertions, content controls, simple fields). */
  private inline(container: Element, text: ParagraphText, style: string | null): void {
    for (const el of childElements(container)) {
      switch (el.name) {
        case 'w:r':
          this.run(el, text, style)
          break
        // What wraps runs; a simple field (w:fldSimple) holds its result as runs, its code in
        // an attribute.
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:fldSimple':
          this.inline(el, text, style)
          break
        case 'w:sdt':
          this.inline(firstChild(el, 'w:sdtContent') ?? el, text, style)
          break
        case 'mc:AlternateContent': {
          const branch = chosenBranch(el)
          if (branch) this.inline(branch, text, style)
          break
        }
        case 'm:oMath':
        case 'm:oMathPara':
          if (this.fieldsInCode === 0) text.add(mathText(el))
          break
        // w:del and w:moveFrom (deleted text), w:pPr, bookmarks, comment ranges: nothing.
      }
    }
  }

  private run(r: Element, text: ParagraphText, paragraphStyle: string | null): void {
    const rPr = firstChild(r, 'w:rPr')
    const hidden =
      onOff(firstChild(rPr, 'w:vanish')) ??
      onOff(firstChild(rPr, 'w:specVanish')) ??
      this.styles.hides(attr(firstChild(rPr, 'w:rStyle')) ?? null) ??
      this.styles.hides(paragraphStyle) ??
      false
    this.runContent(r, text, paragraphStyle, hidden)
  }

  private runContent(
    r: Element,
    text: ParagraphText,
    paragraphStyle: string | null,
    hidden: boolean,
  ): void {
    for (const el of childElements(r)) {
      // Field characters count even in hidden runs: they open and close what follows.
      if (el.name === 'w:fldChar') {
        this.fieldChar(attr(el, 'w:fldCharType'))
        continue
      }
      if (hidden || this.fieldsInCode > 0) continue
      switch (el.name) {
        case 'w:t':
          text.add(cleanText(textOf(el)))
          break
        case 'w:tab':
        case 'w:ptab':
          text.add(' ')
          break
        case 'w:br': {
          // A page or column break ends nothing: the paragraph goes on on the next page.
          const type = attr(el, 'w:type')
          if (type !== 'page' && type !== 'column') text.newLine()
          break
        }
        case 'w:cr':
          text.newLine()
          break
        case 'w:noBreakHyphen':
          text.add('-')
          break
        case 'w:sym':
          text.add(symbol(attr(el, 'w:char')))
          break
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.textBoxes(el, text)
          break
        case 'mc:AlternateContent': {
          const branch = chosenBranch(el)
          if (branch) this.runContent(branch, text, paragraphStyle, hidden)
          break
        }
        case 'w:ruby':
          // The base text, not the small annotation (w:rt) above it.
          this.inline(firstChild(el, 'w:rubyBase') ?? el, text, paragraphStyle)
          break
        // w:instrText (field code), w:delText, notes' and comments' references: nothing.
      }
    }
  }

  /** The text boxes of a drawing, each read as paragraphs of its own. */
  private textBoxes(el: Element, text: ParagraphText): void {
    for (const child of childElements(el)) {
      if (child.name === 'w:txbxContent') {
        this.blocks(child, text.boxes)
      } else if (child.name === 'mc:AlternateContent') {
        const branch = chosenBranch(child)
        if (branch) this.textBoxes(branch, text)
      } else {
        this.textBoxes(child, text)
      }
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push('code')
      this.fieldsInCode++
    } else if (type === 'separate') {
      if (this.fields[this.fields.length - 1] === 'code') {
        this.fields[this.fields.length - 1] = 'result'
        this.fieldsInCode--
      }
    } else if (type === 'end') {
      if (this.fields.pop() === 'code') this.fieldsInCode--
    }
  }

  private endParagraph(): void {
    if (this.fieldsInCode === 0) {
      this.paragraphsInCode = 0
    } else if (++this.paragraphsInCode > MAX_FIELD_CODE_PARAGRAPHS) {
      this.fields.length = 0
      this.fieldsInCode = 0
      this.paragraphsInCode = 0
    }
  }

  /** A table: rows of lines, or, in a cell, the words of the cells that hold any. */
  private table(tbl: Element, out: Sink): void {
    if (out.inCell) {
      for (const child of childElements(tbl)) {
        for (const tr of rowsIn(child)) for (const tc of cellsWithText(tr)) this.blocks(tc, out)
      }
      return
    }
    const rows = this.tableRows(out)
    for (const child of childElements(tbl)) rows.add(child)
  }

  /** The reader of a table's rows onto `out`, row by row. */
  tableRows(out: Sink): TableRows {
    return new TableRows(
      (tc) => this.cell(tc),
      (line) => out.add(line),
    )
  }

  /** A cell's paragraphs, text boxes and tables on one line, joined by spaces. */
  private cell(tc: Element): string {
    const words = new Sink(true)
    this.blocks(tc, words)
    return words.lines.join(' ')
  }
}

/**
 * The branch of an mc:AlternateContent to read: its first mc:Choice (the current form, which
 * Word writes first), else its mc:Fallback. Reading both would print a text box twice.
 */
function chosenBranch(el: Element): Element | null {
  return firstChild(el, 'mc:Choice') ?? firstChild(el, 'mc:Fallback')
}

/** An equation's text (m:t), as a reader would read it out. */
function mathText(el: Element): string {
  let out = ''
  for (const child of childElements(el)) {
    out += child.name === 'm:t' ? cleanText(textOf(child)) : mathText(child)
  }
  return out
}

/**
 * Text as the line format allows it: a tab or line break inside w:t is a space to Word, and a
 * tab in a line would split a cell; other control characters are not text.
 */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')
}

/**
 * w:sym: a character of a symbol font. Those in the private-use area (Word puts Wingdings and
 * Symbol at F020–F0FF) have no meaning as text; others are taken as they are.
 */
function symbol(code: string | undefined): string {
  const n = code === undefined ? NaN : parseInt(code, 16)
  if (!Number.isInteger(n) || n < 0x20 || (n >= 0xe000 && n <= 0xf8ff) || n > 0x10ffff) return ''
  return String.fromCodePoint(n)
}

/**
 * Reads the body one block at a time, as word/document.xml is parsed: `add` each child of
 * w:body, and each child of a table in w:body, as it closes, then `finish` for the lines.
 */
export class BodyText {
  private readonly out: Sink
  private readonly sequence: BlockSequence
  private readonly reader: BodyReader
  /** The table of w:body whose rows are arriving. */
  private table: { element: Element; rows: TableRows } | null = null

  constructor(
    styles: WordStyles,
    counters: ListCounters,
    /** Refuses the document, its text having passed MAX_TEXT_CHARS. */
    tooLong: () => never,
  ) {
    this.reader = new BodyReader(styles, counters)
    this.out = new Sink(false, tooLong)
    this.sequence = new BlockSequence(this.out)
  }

  /** The elements whose children are handed over one by one: w:body and its tables. */
  static streams(el: Element): boolean {
    if (el.name === 'w:body') return true
    const parent = el.parent
    return el.name === 'w:tbl' && parent?.type === ElementType.Tag && parent.name === 'w:body'
  }

  add(el: Element, parent: Element): void {
    if (parent.name === 'w:tbl') {
      if (this.table?.element !== parent) {
        this.sequence.finish()
        this.table = { element: parent, rows: this.reader.tableRows(this.out) }
      }
      this.table.rows.add(el)
    } else if (el === this.table?.element) {
      // Its rows were read as they arrived.
      this.table = null
    } else {
      this.reader.block(el, this.sequence)
    }
  }

  finish(): string[] {
    this.sequence.finish()
    return this.out.lines
  }
}
