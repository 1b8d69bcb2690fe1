// The text of one table cell from the pieces inside it. A cell's lines are either wrapped (the
// line ran to the cell's right edge and went on below), which join without a space between
// Chinese characters, or broken on purpose (one unit a line, a list), which join with a space:
// the parser reads a space between names as a separator, and drops it between Chinese words.
// A run of text that crosses a column border is cut there first.
import { groupLines } from './pdf-lines.js'
import type { TextPiece } from './pdf-types.js'

/**
 * How close to the cell's right edge, in font sizes, a line must end to have wrapped: a ragged
 * line of Chinese stops short of it by up to a character, and by two where the character that
 * would end it may not stand first on the next line (a comma takes the one before it down).
 */
const WRAP_REACH = 3

/** Whether a line ending in `before` and the next starting with `after` need a space. */
export function needsSpace(before: string, after: string): boolean {
  return /[A-Za-z0-9,.;:!?)%]$/.test(before) && /^[A-Za-z(]/.test(after)
}

/** Joins two pieces of one text that a line break or a page break cut apart. */
export function joinWrapped(before: string, after: string): string {
  if (before === '') return after
  if (after === '') return before
  return before + (needsSpace(before, after) ? ' ' : '') + after
}

/** The text of a cell whose content box ends at `right`. */
export function cellText(pieces: TextPiece[], right: number, page: number): string {
  const lines = groupLines(pieces, page)
  let text = ''
  lines.forEach((line, k) => {
    if (k === 0) {
      text = line.text
      return
    }
    const previous = lines[k - 1]!
    const wrapped = previous.x1 >= right - WRAP_REACH * previous.size
    text = wrapped ? joinWrapped(text, line.text) : `${text} ${line.text}`
  })
  return text
}

/**
 * A piece that runs over a column border (a producer wrote two cells as one run) cut at it, its
 * characters taken as equally wide.
 */
export function splitAtEdges(piece: TextPiece, xs: number[]): TextPiece[] {
  const chars = [...piece.text]
  if (chars.length < 2) return [piece]
  const charWidth = piece.width / chars.length
  const cuts = xs.filter(
    (x) => x > piece.x + charWidth / 2 && x < piece.x + piece.width - charWidth / 2,
  )
  if (cuts.length === 0) return [piece]
  const parts: TextPiece[] = []
  let start = 0
  for (const cut of [...cuts, Infinity]) {
    const end = Math.min(chars.length, Math.round((cut - piece.x) / charWidth))
    if (end > start) {
      parts.push({
        ...piece,
        text: chars.slice(start, end).join(''),
        x: piece.x + start * charWidth,
        width: (end - start) * charWidth,
      })
    }
    start = Math.max(start, end)
  }
  return parts
}
