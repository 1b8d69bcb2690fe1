// Lines of text rebuilt from pieces placed on a page. A PDF has no lines, only runs of glyphs at
// positions, in whatever order the producer wrote them: pieces whose baselines agree (within a
// fraction of the font size) make a line, read left to right, and a gap between two pieces wider
// than a third of the font size is a space. Justified CJK text that a producer spaced out letter
// by letter (政 府 投 资) is read without those spaces.
import type { TextLine, TextPiece } from './pdf-types.js'

/** How far apart two baselines on one line may be, in font sizes (sub- and superscripts too). */
const BASELINE_TOLERANCE = 0.35
/** A gap between pieces wider than this, in font sizes, is a space. */
const SPACE_GAP = 1 / 3

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef'
/** Three or more CJK characters each one space apart: letter-spacing, not words. */
const LETTER_SPACED = new RegExp(`[${CJK}](?: [${CJK}]){2,}`, 'g')

const CHINESE = new RegExp(`[${CJK}]`, 'g')
const SPACED_PAIR = new RegExp(`[${CJK}] (?=[${CJK}])`, 'g')
const SPACE_BESIDE_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g')

/**
 * A line a producer spaced out to justify it (采用 直 接 投 资 和 资 本, 目 录 (江 西 省 )) without
 * its spaces: when a third of its Chinese characters or more are followed by one, every space
 * beside a Chinese character is spacing, not a word break.
 */
function withoutLetterSpacing(text: string): string {
  const spaced = text.match(SPACED_PAIR)?.length ?? 0
  const chinese = text.match(CHINESE)?.length ?? 0
  return spaced >= 2 && spaced * 3 >= chinese ? text.replace(SPACE_BESIDE_CJK, '') : text
}

/** The text of pieces on one line, in order, with the spaces their gaps make. */
export function joinPieces(pieces: TextPiece[]): string {
  let text = ''
  let end = -Infinity
  for (const piece of pieces) {
    if (text !== '' && piece.x - end > piece.size * SPACE_GAP) text += ' '
    text += piece.text
    end = Math.max(end, piece.x + piece.width)
  }
  return withoutLetterSpacing(text.replace(/\s+/g, ' ').trim()).replace(LETTER_SPACED, (run) =>
    run.replace(/ /g, ''),
  )
}

/**
 * Some producers draw a bold run twice, a hair apart: the second copy is left out, as are pieces
 * that repeat the text of the piece they overlap.
 */
function withoutOverdraw(pieces: TextPiece[]): TextPiece[] {
  const kept: TextPiece[] = []
  for (const piece of pieces) {
    const copy = kept.some(
      (k) => k.text === piece.text && Math.abs(k.x - piece.x) < piece.size * 0.2,
    )
    if (!copy) kept.push(piece)
  }
  return kept
}

/** Lines of pieces, top to bottom, each left to right. */
export function groupLines(pieces: TextPiece[], page: number): TextLine[] {
  const byBaseline = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x)
  const groups: TextPiece[][] = []
  let current: TextPiece[] = []
  let baseline = -Infinity
  for (const piece of byBaseline) {
    if (current.length > 0 && piece.y - baseline <= BASELINE_TOLERANCE * piece.size) {
      current.push(piece)
      continue
    }
    if (current.length > 0) groups.push(current)
    current = [piece]
    baseline = piece.y
  }
  if (current.length > 0) groups.push(current)
  const lines: TextLine[] = []
  for (const group of groups) {
    const ordered = withoutOverdraw(group.sort((a, b) => a.x - b.x))
    const text = joinPieces(ordered)
    if (text === '') continue
    // The line's baseline is that of its largest text, not of a superscript beside it.
    const main = ordered.reduce((a, b) => (b.size > a.size ? b : a))
    lines.push({
      page,
      text,
      pieces: ordered,
      x0: ordered[0]!.x,
      x1: Math.max(...ordered.map((p) => p.x + p.width)),
      y: main.y,
      size: main.size,
    })
  }
  return lines
}
