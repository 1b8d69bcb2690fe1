// Paragraphs rebuilt from lines. A PDF breaks a paragraph into lines wherever the page is full;
// the parser wants one line a paragraph. A body line that runs to the right margin goes on in the
// next line, unless that line is indented (a Chinese paragraph opens with a two-character indent)
// or opens a new heading after a finished sentence; a short line ends its paragraph, and so do
// headings and centred titles, which never reach the margin. A paragraph cut by a page break
// joins up the same way, the page's feet and heads being gone by now. A centred title set in a
// larger size over two lines is one title.
import { joinWrapped } from './pdf-cells.js'
import type { FlowItem } from './pdf-table-pages.js'
import type { TextLine } from './pdf-types.js'

/** The text block of the body, measured over the document. */
export interface Layout {
  left: number
  right: number
  bodySize: number
  /** The lowest baseline of body text on any page: where a full page ends. */
  bottom: number
  /** The usual distance between the baselines of two lines of one paragraph. */
  pitch: number
  /** Where the first line of a paragraph usually starts. */
  indent: number
}

export interface OutputLine {
  text: string
  page: number
}

/** A line that ends within this many font sizes of the right margin ran to it. */
const RIGHT_REACH = 1.5
/** A line that starts this many font sizes right of the left margin is indented. */
const INDENT = 1
/** Lines of one paragraph stand at most this many font sizes apart, baseline to baseline. */
const MAX_LINE_PITCH = 2.5
/** Sizes within this share of each other are one size. */
const SAME_SIZE = 0.15

/** The end of a sentence or of a clause that a list follows. */
const ENDS_SENTENCE = /[。；：！？.;:!?]$/

/** A document number (某府办〔2021〕8号) stands on its own line under a masthead. */
const DOCUMENT_NUMBER = /[〔［[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$/

const OUTLINE_START =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节条部])/

/** Characters a line may not start with: a line breaker takes the character before down too. */
const NO_LINE_START = '，。、；：？！）》」』”’〕】,.;:?!)%'

/**
 * How wide the start of a line is that a line breaker could not split: a number or Latin word
 * with its brackets (〔2021〕35), or one character with the punctuation that must follow it
 * (账，). Widths are estimated: a Chinese character is a full font size, others half.
 */
function unbreakableStartWidth(line: TextLine): number {
  const m = /^(?:[^\u3400-\u9fff\s]+|[\u3400-\u9fff])/.exec(line.text)
  let chunk = m ? m[0] : ''
  for (const c of line.text.slice(chunk.length)) {
    if (!NO_LINE_START.includes(c)) break
    chunk += c
  }
  return [...chunk].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.55 : 1) * line.size, 0)
}

/** The most frequent of some values, rounded to `step`. */
function mode(values: number[], step: number): number | null {
  const counts = new Map<number, number>()
  for (const v of values) {
    const k = Math.round(v / step) * step
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  let best: number | null = null
  let bestCount = 0
  for (const [k, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && k < best)) {
      best = k
      bestCount = n
    }
  }
  return best
}

/**
 * The body's text block, measured on its own lines, so that nothing is fitted to one layout:
 * its size (the size most text is set in), its right margin (where most body lines end: every
 * full line ends there), its left margin (where the lines that run to the right margin start,
 * the indented first lines of paragraphs set aside), the paragraph indent, the line pitch and
 * the lowest body line of any page.
 */
export function measureLayout(lines: TextLine[]): Layout | null {
  if (lines.length === 0) return null
  const bySize = new Map<number, number>()
  for (const line of lines) {
    const k = Math.round(line.size * 2) / 2
    bySize.set(k, (bySize.get(k) ?? 0) + line.text.length)
  }
  const bodySize = [...bySize.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  const body = lines.filter((l) => Math.abs(l.size - bodySize) <= bodySize * SAME_SIZE)
  const right = mode(
    body.map((l) => l.x1),
    1,
  )!
  const full = body.filter((l) => Math.abs(l.x1 - right) <= bodySize * RIGHT_REACH)
  const starts = (full.length > 0 ? full : body).map((l) => l.x0).sort((a, b) => a - b)
  // The leftmost start that a fair share of full lines have: not one stray line hanging left.
  const counts = new Map<number, number>()
  for (const x of starts) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1)
  const common = [...counts.entries()].filter(([, n]) => n >= Math.max(1, starts.length * 0.2))
  const left = common.length > 0 ? Math.min(...common.map(([x]) => x)) : starts[0]!
  const bottom = body.reduce((low, l) => Math.max(low, l.y), -Infinity)
  const pitches: number[] = []
  for (let k = 1; k < body.length; k++) {
    const [a, b] = [body[k - 1]!, body[k]!]
    const pitch = b.y - a.y
    if (a.page === b.page && pitch > 0 && pitch <= MAX_LINE_PITCH * bodySize) pitches.push(pitch)
  }
  pitches.sort((a, b) => a - b)
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? bodySize * 1.5
  const indent =
    mode(
      body.filter((l) => l.x0 >= left + INDENT * bodySize).map((l) => l.x0),
      1,
    ) ?? left + 2 * bodySize
  return { left, right, bodySize, bottom, pitch, indent }
}

function sameSize(a: TextLine, b: TextLine): boolean {
  return Math.abs(a.size - b.size) <= Math.max(a.size, b.size) * SAME_SIZE
}

function isCentred(line: TextLine, layout: Layout): boolean {
  const before = line.x0 - layout.left
  const after = layout.right - line.x1
  // Set in from the left by more than a character, as far from either margin (an indented line
  // that runs to the right margin is two characters off).
  return before > line.size && Math.abs(before - after) <= 1.5 * line.size
}

/**
 * Whether `next` is on the same page just below `line`, or opens the page after a full page
 * that `line` ends (a page may end a line early, so that a paragraph leaves no single line
 * behind; one that ends higher was broken on purpose: an attachment starts on a new page).
 */
function follows(line: TextLine, next: TextLine, layout: Layout): boolean {
  if (next.page === line.page + 1) return line.y >= layout.bottom - 1.2 * layout.pitch
  if (next.page !== line.page) return false
  const pitch = next.y - line.y
  return pitch > 0 && pitch <= MAX_LINE_PITCH * line.size
}

/** Whether `next` goes on with the paragraph whose last line so far is `line`. */
function continues(line: TextLine, next: TextLine, layout: Layout): boolean {
  if (!sameSize(line, next) || !follows(line, next, layout)) return false
  const room = layout.right - line.x1
  const display = line.size >= layout.bodySize * (1 + SAME_SIZE)
  if (display && isCentred(next, layout)) {
    // A title in display size set over two lines, centred or running full width then centred;
    // the document number under a masthead is a line of its own.
    return (
      (isCentred(line, layout) || room <= RIGHT_REACH * line.size) &&
      next.page === line.page &&
      !DOCUMENT_NUMBER.test(line.text) &&
      !DOCUMENT_NUMBER.test(next.text)
    )
  }
  // The line ran to the margin, or stopped short only because what starts the next line would
  // not have fitted after it; and the next line does not open a paragraph of its own.
  const ranToMargin =
    room <= RIGHT_REACH * line.size || room < unbreakableStartWidth(next) + line.size / 2
  // A block set in from the margin by other than a paragraph's indent (the 抄送 lines of a 版记)
  // goes on at the same indent, in the middle of a sentence.
  const blockIndent =
    Math.abs(line.x0 - layout.indent) > line.size / 2 &&
    Math.abs(next.x0 - line.x0) <= next.size / 2 &&
    !ENDS_SENTENCE.test(line.text)
  const indented = next.x0 >= layout.left + INDENT * next.size && !blockIndent
  const newHeading = ENDS_SENTENCE.test(line.text) && OUTLINE_START.test(next.text)
  return ranToMargin && !indented && !newHeading && !isCentred(next, layout)
}

/** One line a paragraph, one line a table row (cells joined by tabs), in reading order. */
export function buildParagraphs(flow: FlowItem[], layout: Layout | null): OutputLine[] {
  const out: OutputLine[] = []
  let paragraph: { text: string; page: number; last: TextLine } | null = null
  const close = () => {
    if (paragraph) out.push({ text: paragraph.text, page: paragraph.page })
    paragraph = null
  }
  for (const item of flow) {
    if (item.kind === 'rows') {
      close()
      for (const row of item.rows) {
        const cells = [...row.cells]
        while (cells.length > 0 && cells.at(-1) === '') cells.pop()
        if (cells.length > 0) out.push({ text: cells.join('\t'), page: row.page })
      }
      continue
    }
    const line = item.line
    const open = paragraph as { text: string; page: number; last: TextLine } | null
    if (open && layout && continues(open.last, line, layout)) {
      open.text = joinWrapped(open.text, line.text)
      open.last = line
    } else {
      close()
      paragraph = { text: line.text, page: line.page, last: line }
    }
  }
  close()
  return out
}
