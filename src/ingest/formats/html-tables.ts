// An HTML table as rows of cells, the way the parser reads a table: one line a row, cells joined
// by tabs. Merged cells are resolved onto the grid: a cell spanning rows (rowspan) is repeated
// into each row it covers, since each of those rows owns its value (the units of three tasks
// written once); a cell spanning columns (colspan) stands in its first column, the rest empty.
import { isTag, type Element } from 'domhandler'

/** Bounds against a page that declares absurd spans. */
const MAX_SPAN = 1000

function childrenNamed(element: Element, names: string[]): Element[] {
  return element.children.filter((c): c is Element => isTag(c) && names.includes(c.name))
}

/** The rows of a table, not of the tables nested in it. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = []
  for (const child of childrenNamed(table, ['thead', 'tbody', 'tfoot', 'tr'])) {
    if (child.name === 'tr') rows.push(child)
    else rows.push(...childrenNamed(child, ['tr']))
  }
  return rows
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1
}

function hasNestedTable(table: Element): boolean {
  const stack = [...table.children]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isTag(node)) continue
    if (node.name === 'table') return true
    stack.push(...node.children)
  }
  return false
}

/**
 * The table's rows as lines, or null for a table that lays out a page rather than holds data:
 * one holding other tables, or one with at most one filled cell in every row.
 */
export function tableRows(table: Element, textOf: (cell: Element) => string): string[] | null {
  if (hasNestedTable(table)) return null
  const grid: string[][] = []
  /** Cells still covering rows below: column → text and rows left. */
  const pending = new Map<number, { text: string; rows: number }>()
  for (const row of rowsOf(table)) {
    const cells: string[] = []
    const takeCovered = () => {
      let covering = pending.get(cells.length)
      while (covering !== undefined) {
        cells.push(covering.text)
        if (--covering.rows === 0) pending.delete(cells.length - 1)
        covering = pending.get(cells.length)
      }
    }
    for (const cell of childrenNamed(row, ['td', 'th'])) {
      takeCovered()
      const text = textOf(cell)
      const rows = span(cell.attribs.rowspan)
      const columns = span(cell.attribs.colspan)
      for (let c = 0; c < columns; c++) {
        if (rows > 1) pending.set(cells.length, { text: c === 0 ? text : '', rows: rows - 1 })
        cells.push(c === 0 ? text : '')
      }
    }
    takeCovered()
    // A row may end before a cell spanning into it from above, at a column past its own cells.
    for (const column of [...pending.keys()].sort((a, b) => a - b)) {
      if (column < cells.length) continue
      while (cells.length < column) cells.push('')
      takeCovered()
    }
    grid.push(cells)
  }
  const filled = grid.map((cells) => cells.filter((c) => c.trim() !== '').length)
  if (filled.every((n) => n <= 1)) return null
  return grid
    .map((cells) => {
      const kept = [...cells]
      while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop()
      return kept.join('\t')
    })
    .filter((line) => line.trim() !== '')
}
