// Tables drawn without borders, read from the columns of their header row. A line of short,
// column-naming cells standing apart (序号 | 工作任务 | 责任单位) opens a table. Between each two
// header cells the column border is where no line below has text: the widest such gap, found
// line by line until a line (a paragraph after the table) leaves none. With no borders to say
// where a row ends, rows are told by their 序号: a number at the top of its row starts it, and a
// number centred in its row stands as far below the row's top as above its bottom.
import { cellText, splitAtEdges } from './pdf-cells.js'
import { joinPieces } from './pdf-lines.js'
import type { PageTable, TableRowRead, TextLine, TextPiece } from './pdf-types.js'

/** A gap between pieces this wide, in font sizes, separates two header cells. */
const CELL_GAP = 1.5
/** A header cell names a column in a few characters. */
const MAX_HEADER_CELL = 8
/** Words that name a column of a task list or an agency table. */
const COLUMN_NAME =
  /^(?:序号|编号)$|单位|部门|任务|职责|措施|事项|内容|时限|时间|负责人|联系|牵头|配合|责任|领导|备注/
/** A gap between columns is at least this wide, in font sizes (runs of one cell touch). */
const MIN_COLUMN_GAP = 0.3
/** Lines further apart than this, in font sizes, are not one table. */
const MAX_TABLE_LINE_GAP = 4
/** What a 序号 cell holds. */
const ROW_NUMBER = /^\d{1,4}[.、．]?$/

type Interval = [number, number]

/** The pieces of a header line gathered into cells: runs with no wide gap inside. */
function headerCells(line: TextLine): TextPiece[][] {
  const cells: TextPiece[][] = []
  let end = -Infinity
  for (const piece of line.pieces) {
    const last = cells.at(-1)
    if (last && piece.x - end < CELL_GAP * piece.size) last.push(piece)
    else cells.push([piece])
    end = Math.max(end, piece.x + piece.width)
  }
  return cells
}

const middle = (cell: TextPiece[]) => (cell[0]!.x + Math.max(...cell.map((p) => p.x + p.width))) / 2

/** The middles of a header line's cells, or null if the line is not a table's header. */
function headerColumns(line: TextLine): number[] | null {
  const cells = headerCells(line)
  if (cells.length < 2) return null
  const names = cells.map((c) => joinPieces(c).replace(/\s+/g, ''))
  if (names.some((n) => n.length > MAX_HEADER_CELL)) return null
  if (names.filter((n) => COLUMN_NAME.test(n)).length < 2) return null
  return cells.map(middle)
}

/** Whether a line is the header row of a borderless table. */
export function isTableHeader(line: TextLine): boolean {
  return headerColumns(line) !== null
}

/** `free` less what the pieces of a line cover. */
function subtract(free: Interval[], line: TextLine): Interval[] {
  let left = free
  for (const p of line.pieces) {
    left = left.flatMap(([a, b]): Interval[] => {
      const [c, d] = [p.x, p.x + p.width]
      if (d <= a || c >= b) return [[a, b]]
      const parts: Interval[] = [
        [a, c],
        [d, b],
      ]
      return parts.filter(([x, y]) => y > x)
    })
  }
  return left.filter(([a, b]) => b - a >= MIN_COLUMN_GAP * line.size)
}

/**
 * The lines under a header that keep its columns, and the column edges they leave: for each
 * two neighbouring columns, the middle of the widest gap no line covers.
 */
function tableBody(header: TextLine, middles: number[], below: TextLine[]) {
  let free: Interval[][] = middles.slice(1).map((m, k) => [[middles[k]!, m]])
  const body: TextLine[] = []
  for (const line of below) {
    const previous = body.at(-1) ?? header
    if (line.y - previous.y > MAX_TABLE_LINE_GAP * previous.size) break
    const left = free.map((f) => subtract(f, line))
    if (left.some((f) => f.length === 0)) break
    free = left
    body.push(line)
  }
  const edges = free.map((f) => {
    const [a, b] = f.reduce((w, i) => (i[1] - i[0] > w[1] - w[0] ? i : w))
    return (a + b) / 2
  })
  return { body, edges }
}

/** Where a 序号 stands: a line whose part in the first column is a number. */
interface RowNumber {
  y: number
  size: number
}

function rowNumbers(lines: TextLine[], firstEdge: number): RowNumber[] {
  return lines.flatMap((line) => {
    const first = line.pieces.filter((p) => p.x + p.width / 2 < firstEdge)
    return first.length > 0 && ROW_NUMBER.test(joinPieces(first))
      ? [{ y: line.y, size: line.size }]
      : []
  })
}

/**
 * Where each row starts (a y), from the 序号 numbers. Top-aligned numbers start their rows.
 * A centred number stands as far below its row's top as above its bottom: from the table's top
 * down (or, when the page opens with the rest of a row cut by the page break, from its bottom
 * up) each row ends where the one before it says, snapped to a gap between lines. Without
 * numbers, each line is a row.
 */
function rowStarts(lines: TextLine[], numbers: RowNumber[]): number[] {
  if (numbers.length === 0) return lines.map((l) => l.y - l.size)
  const first = lines[0]!
  if (Math.abs(numbers[0]!.y - first.y) <= first.size / 2) return numbers.map((n) => n.y - n.size)
  const gaps = lines.slice(1).map((l, k) => (lines[k]!.y + l.y - l.size) / 2)
  const snap = (y: number) =>
    gaps.reduce((best, g) => (Math.abs(g - y) < Math.abs(best - y) ? g : best), y)
  const centres = numbers.map((n) => n.y - n.size / 3)
  const top = first.y - first.size
  const bottom = lines.at(-1)!.y
  // Boundaries between rows k and k + 1, each strictly between their numbers, or null.
  const downwards = () => {
    const ends: number[] = []
    let start = top
    for (let k = 0; k + 1 < centres.length; k++) {
      const end = snap(2 * centres[k]! - start)
      if (end <= centres[k]! || end >= centres[k + 1]!) return null
      ends.push(end)
      start = end
    }
    return ends
  }
  const upwards = () => {
    const starts: number[] = []
    let end = bottom
    for (let k = centres.length - 1; k > 0; k--) {
      const start = snap(2 * centres[k]! - end)
      if (start >= centres[k]! || start <= centres[k - 1]!) return null
      starts.unshift(start)
      end = start
    }
    return starts
  }
  const middles = () => centres.slice(1).map((c, k) => snap((c + centres[k]!) / 2))
  const boundaries = downwards() ?? upwards() ?? middles()
  // Lines above the first number's row are the rest of a row from the page before.
  const firstStart = boundaries.length > 0 ? 2 * centres[0]! - boundaries[0]! : top
  const opening = snap(firstStart) > top + first.size / 2 ? [top, snap(firstStart)] : [top]
  return [...opening, ...boundaries]
}

function readRows(lines: TextLine[], edges: number[], page: number): TableRowRead[] {
  const numbers = rowNumbers(lines, edges[1]!)
  const starts = rowStarts(lines, numbers)
  const rows: TextPiece[][][] = starts.map(() => edges.slice(1).map(() => []))
  for (const line of lines) {
    let r = 0
    while (r + 1 < starts.length && line.y - line.size / 2 >= starts[r + 1]!) r++
    for (const piece of line.pieces) {
      for (const part of splitAtEdges(piece, edges)) {
        const centre = part.x + part.width / 2
        let c = 0
        while (c + 2 < edges.length && centre >= edges[c + 1]!) c++
        rows[r]![c]!.push(part)
      }
    }
  }
  return rows.map((cells, r) => ({
    cells: cells.map((pieces, c) => cellText(pieces, edges[c + 1]!, page)),
    top: starts[r]!,
  }))
}

/** The borderless tables of a page's lines (top to bottom), and the lines left outside them. */
export function readUnruledTables(
  lines: TextLine[],
  page: number,
): { tables: PageTable[]; rest: TextLine[] } {
  const tables: PageTable[] = []
  const rest: TextLine[] = []
  for (let k = 0; k < lines.length; k++) {
    const header = lines[k]!
    const middles = headerColumns(header)
    const found = middles && tableBody(header, middles, lines.slice(k + 1))
    if (!found || found.body.length === 0) {
      rest.push(header)
      continue
    }
    const { body, edges: inner } = found
    const all = [header, ...body]
    const edges = [Math.min(...all.map((l) => l.x0)), ...inner, Math.max(...all.map((l) => l.x1))]
    tables.push({
      page,
      top: header.y - header.size,
      bottom: body.at(-1)!.y,
      columnEdges: edges,
      rows: [
        { cells: headerCells(header).map((c) => joinPieces(c)), top: header.y - header.size },
        ...readRows(body, edges, page),
      ],
      ruled: false,
    })
    k += body.length
  }
  return { tables, rest }
}
