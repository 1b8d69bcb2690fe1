// Tables read from their rulings. Borders that touch make one table; the distinct x of its
// vertical borders and y of its horizontal ones make a grid, and where a border is missing
// between two grid cells they are one merged cell. Each grid row becomes a row of the table, a
// cell merged over several rows repeated into each; text goes to the cell its middle falls in.
// Row boundaries come from the borders, not from the text, since a cell's text (the 序号 most
// often) is centred in its row, standing level with the middle of a long task beside it.
import { cellText, splitAtEdges } from './pdf-cells.js'
import type { PageTable, Ruling, TableRowRead, TextPiece } from './pdf-types.js'

/** A border covers a grid edge when it runs along at least this share of it. */
const EDGE_COVERAGE = 0.5

class UnionFind {
  private readonly parent: number[]
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, k) => k)
  }
  find(k: number): number {
    while (this.parent[k] !== k) {
      this.parent[k] = this.parent[this.parent[k]!]!
      k = this.parent[k]!
    }
    return k
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b)
  }
}

/** Positions closer than `tolerance` are one: the middle of each cluster, in order. */
function clusterPositions(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const clusters: number[][] = []
  for (const v of sorted) {
    const last = clusters.at(-1)
    if (last && v - last.at(-1)! <= tolerance) last.push(v)
    else clusters.push([v])
  }
  return clusters.map((c) => (c[0]! + c.at(-1)!) / 2)
}

/** Rulings that touch or cross one another, as groups: each group the borders of one table. */
function connectedRulings(rulings: Ruling[], tolerance: number): Ruling[][] {
  const sets = new UnionFind(rulings.length)
  const touches = (h: Ruling, v: Ruling) =>
    v.at >= h.from - tolerance &&
    v.at <= h.to + tolerance &&
    h.at >= v.from - tolerance &&
    h.at <= v.to + tolerance
  rulings.forEach((a, i) => {
    for (let j = i + 1; j < rulings.length; j++) {
      const b = rulings[j]!
      if (a.horizontal !== b.horizontal) {
        if (a.horizontal ? touches(a, b) : touches(b, a)) sets.union(i, j)
      } else if (
        Math.abs(a.at - b.at) <= tolerance &&
        a.from <= b.to + tolerance &&
        b.from <= a.to + tolerance
      ) {
        sets.union(i, j) // one border drawn in several strokes
      }
    }
  })
  const groups = new Map<number, Ruling[]>()
  rulings.forEach((r, i) => {
    const root = sets.find(i)
    groups.set(root, [...(groups.get(root) ?? []), r])
  })
  return [...groups.values()]
}

/** How much of [from, to] the rulings at `at` cover, as a share. */
function coverage(rulings: Ruling[], at: number, from: number, to: number, tolerance: number) {
  let covered = 0
  for (const r of rulings) {
    if (Math.abs(r.at - at) > tolerance) continue
    covered += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from))
  }
  return to > from ? covered / (to - from) : 0
}

interface Grid {
  xs: number[]
  ys: number[]
  /** For grid cell (row r, column c) at r * columns + c: the merged cell it belongs to. */
  cellOf: number[]
}

function buildGrid(rulings: Ruling[], tolerance: number): Grid | null {
  const horizontal = rulings.filter((r) => r.horizontal)
  const vertical = rulings.filter((r) => !r.horizontal)
  const xs = clusterPositions(
    vertical.map((r) => r.at),
    tolerance,
  )
  const ys = clusterPositions(
    horizontal.map((r) => r.at),
    tolerance,
  )
  if (xs.length < 2 || ys.length < 2) return null
  const rows = ys.length - 1
  const columns = xs.length - 1
  // One framed box is a frame around text, not a table: its text is read as text.
  if (rows * columns < 2) return null
  const cells = new UnionFind(rows * columns)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const here = r * columns + c
      if (c + 1 < columns) {
        const edge = coverage(vertical, xs[c + 1]!, ys[r]!, ys[r + 1]!, tolerance)
        if (edge < EDGE_COVERAGE) cells.union(here, here + 1)
      }
      if (r + 1 < rows) {
        const edge = coverage(horizontal, ys[r + 1]!, xs[c]!, xs[c + 1]!, tolerance)
        if (edge < EDGE_COVERAGE) cells.union(here, here + columns)
      }
    }
  }
  const cellOf = Array.from({ length: rows * columns }, (_, k) => cells.find(k))
  return { xs, ys, cellOf }
}

/** The index of the interval of `edges` that holds v (edges sorted), or -1 outside them. */
function intervalOf(edges: number[], v: number): number {
  if (v < edges[0]! || v > edges.at(-1)!) return -1
  let k = 0
  while (k + 2 < edges.length && v >= edges[k + 1]!) k++
  return k
}

/** Where a piece's text stands, vertically: a little above its baseline. */
function middleOf(piece: TextPiece): number {
  return piece.y - piece.size * 0.35
}

function readTable(grid: Grid, pieces: TextPiece[], page: number): PageTable {
  const { xs, ys, cellOf } = grid
  const columns = xs.length - 1
  const rows = ys.length - 1
  const piecesOf = new Map<number, TextPiece[]>()
  for (const piece of pieces) {
    for (const part of splitAtEdges(piece, xs)) {
      const c = intervalOf(xs, part.x + part.width / 2)
      const r = intervalOf(ys, middleOf(part))
      if (c < 0 || r < 0) continue
      const cell = cellOf[r * columns + c]!
      piecesOf.set(cell, [...(piecesOf.get(cell) ?? []), part])
    }
  }
  // The right edge of each merged cell, where its wrapped lines end.
  const rightOf = new Map<number, number>()
  cellOf.forEach((cell, k) => {
    const right = xs[(k % columns) + 1]!
    rightOf.set(cell, Math.max(rightOf.get(cell) ?? -Infinity, right))
  })
  const textOf = new Map<number, string>()
  for (const [cell, cellPieces] of piecesOf) {
    textOf.set(cell, cellText(cellPieces, rightOf.get(cell)!, page))
  }
  const tableRows: TableRowRead[] = []
  for (let r = 0; r < rows; r++) {
    const cells: string[] = []
    let startsHere = false
    for (let c = 0; c < columns; c++) {
      const cell = cellOf[r * columns + c]!
      const leftmost = c === 0 || cellOf[r * columns + c - 1] !== cell
      const topmost = r === 0 || cellOf[(r - 1) * columns + c] !== cell
      // A cell merged over columns gives its text to the first; merged over rows, to each row.
      cells.push(leftmost ? (textOf.get(cell) ?? '') : '')
      if (topmost && leftmost) startsHere = true
    }
    // A grid row whose every cell began above it adds nothing of its own.
    if (!startsHere || cells.every((c) => c === '')) continue
    tableRows.push({ cells, top: ys[r]! })
  }
  return { page, top: ys[0]!, bottom: ys.at(-1)!, columnEdges: xs, rows: tableRows, ruled: true }
}

/**
 * The ruled tables of a page, top to bottom, and the pieces left outside them. `tolerance` is how
 * far apart (in points) two borders may be and still meet.
 */
export function readRuledTables(
  pieces: TextPiece[],
  rulings: Ruling[],
  page: number,
  tolerance: number,
): { tables: PageTable[]; rest: TextPiece[] } {
  const grids: Grid[] = []
  for (const group of connectedRulings(rulings, tolerance)) {
    const grid = buildGrid(group, tolerance)
    if (grid) grids.push(grid)
  }
  const inside = (grid: Grid, piece: TextPiece) => {
    const x = piece.x + piece.width / 2
    const y = middleOf(piece)
    return x >= grid.xs[0]! && x <= grid.xs.at(-1)! && y >= grid.ys[0]! && y <= grid.ys.at(-1)!
  }
  const tables: PageTable[] = []
  let rest = pieces
  for (const grid of grids) {
    const own = rest.filter((p) => inside(grid, p))
    rest = rest.filter((p) => !inside(grid, p))
    const table = readTable(grid, own, page)
    if (table.rows.length > 0) tables.push(table)
  }
  return { tables: tables.sort((a, b) => a.top - b.top), rest }
}
