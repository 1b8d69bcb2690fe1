// A table that runs over several pages, put back together. A table that ends one page and one
// that starts the next with the same columns are one table; the header row a producer repeats at
// the top of each page stays where it stands (the parser reads a repeated header as the same
// table going on). A row cut by the page break is one row again: its part on the new page has no
// 序号 of its own (or the part left behind had none, the number having gone down with the rest).
import { joinWrapped } from './pdf-cells.js'
import type { Block, PageTable, TableRowRead, TextLine } from './pdf-types.js'

/** A row of the whole table: its cells and the page it starts on. */
export interface TableRowOut {
  cells: string[]
  page: number
}

export type FlowItem = { kind: 'line'; line: TextLine } | { kind: 'rows'; rows: TableRowOut[] }

/** A first column that holds something in this share of the rows is the rows' key (序号). */
const KEY_COLUMN_SHARE = 0.6

const hasKey = (cells: string[]) => (cells[0] ?? '') !== ''

const compact = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, '')).join('\t')

function sameColumns(a: PageTable, b: PageTable, tolerance: number): boolean {
  return (
    a.columnEdges.length === b.columnEdges.length &&
    a.columnEdges.every((x, k) => Math.abs(x - b.columnEdges[k]!) <= tolerance)
  )
}

function joinRows(above: TableRowOut, below: TableRowRead): TableRowOut {
  const width = Math.max(above.cells.length, below.cells.length)
  const cells = Array.from({ length: width }, (_, k) =>
    joinWrapped(above.cells[k] ?? '', below.cells[k] ?? ''),
  )
  return { cells, page: above.page }
}

class StitchedTable {
  readonly rows: TableRowOut[] = []
  private readonly header: string
  private last: PageTable
  /** Where the last body row stands in `rows`: a repeated header may follow it. */
  private lastBody = -1
  /** Body rows so far, and how many of them have a first cell (kept as counts: a table may
   * run over hundreds of pages, and each page's check stays as cheap as the first). */
  private bodyRows = 0
  private keyedRows = 0

  constructor(first: PageTable) {
    this.last = first
    this.header = compact(first.rows[0]?.cells ?? [])
    for (const row of first.rows) this.push(row, first.page)
  }

  private push(row: TableRowRead, page: number): void {
    this.rows.push({ cells: row.cells, page })
    if (this.rows.length === 1 || compact(row.cells) === this.header) return
    this.lastBody = this.rows.length - 1
    this.bodyRows++
    if (hasKey(row.cells)) this.keyedRows++
  }

  continuesWith(next: PageTable, tolerance: number): boolean {
    return next.page === this.last.page + 1 && sameColumns(this.last, next, tolerance)
  }

  /**
   * Whether the first body row of the next page is the rest of the last row of this one, in a
   * table whose first column (a 序号, a name) is filled in most rows: that row has no first cell,
   * or the last row had none while every other row has one.
   */
  private isCut(first: TableRowRead): boolean {
    if (this.lastBody < 0 || this.keyedRows < this.bodyRows * KEY_COLUMN_SHARE) return false
    if (!hasKey(first.cells)) return true
    return !hasKey(this.rows[this.lastBody]!.cells) && this.bodyRows - this.keyedRows === 1
  }

  append(next: PageTable): void {
    let rows = next.rows
    if (rows.length > 0 && compact(rows[0]!.cells) === this.header) {
      // The header a producer repeats on each page stays where it stands.
      this.push(rows[0]!, next.page)
      rows = rows.slice(1)
    }
    const first = rows[0]
    if (first && this.isCut(first)) {
      const above = this.rows[this.lastBody]!
      const joined = joinRows(above, first)
      this.keyedRows += Number(hasKey(joined.cells)) - Number(hasKey(above.cells))
      this.rows[this.lastBody] = joined
      rows = rows.slice(1)
    }
    for (const row of rows) this.push(row, next.page)
    this.last = next
  }
}

/**
 * The reading order with tables whole: consecutive tables on consecutive pages with the same
 * columns (within `tolerance` points) become one.
 */
export function stitchTables(blocks: Block[], tolerance: number): FlowItem[] {
  const flow: FlowItem[] = []
  let open: StitchedTable | null = null
  const close = () => {
    if (open) flow.push({ kind: 'rows', rows: open.rows })
    open = null
  }
  for (const block of blocks) {
    if (block.kind === 'line') {
      close()
      flow.push(block)
      continue
    }
    const table = block.table
    const current = open as StitchedTable | null
    if (current && current.continuesWith(table, tolerance)) current.append(table)
    else {
      close()
      open = new StitchedTable(table)
    }
  }
  close()
  return flow
}
