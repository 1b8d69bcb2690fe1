// The shapes the PDF reader passes between its steps. Every position is in points on the page as
// it is shown (its /Rotate applied), measured from the top-left corner, y growing downwards, so
// that "above" means a smaller y whatever the PDF's own coordinate system was.

/** A run of text as one piece of the page: what pdfjs gives as a text item, placed. */
export interface TextPiece {
  text: string
  /** Where the run starts. */
  x: number
  /** The run's baseline. */
  y: number
  width: number
  /** The font size as drawn, which every tolerance of the reader is measured in. */
  size: number
}

/** A straight horizontal or vertical stroke on the page: a table's border or a rule. */
export interface Ruling {
  horizontal: boolean
  /** y of a horizontal ruling, x of a vertical one. */
  at: number
  /** Where it starts and ends along its own direction (from < to). */
  from: number
  to: number
}

/** What one page holds, as read: its text pieces and its rulings. */
export interface PageContent {
  /** 1-based. */
  number: number
  width: number
  height: number
  pieces: TextPiece[]
  rulings: Ruling[]
}

/** Pieces on one baseline, left to right, with their text joined. */
export interface TextLine {
  page: number
  text: string
  pieces: TextPiece[]
  /** Left end of the first piece, right end of the last. */
  x0: number
  x1: number
  /** The baseline, and the largest font size on the line. */
  y: number
  size: number
}

/** A row of a table rebuilt from a page: one text a column (the empty string for none). */
export interface TableRowRead {
  cells: string[]
  /** The top of the row on its page, which orders it among the page's lines. */
  top: number
}

/** A table as one page shows it. */
export interface PageTable {
  page: number
  top: number
  bottom: number
  /** x of each column's left edge, and of the table's right edge last. */
  columnEdges: number[]
  rows: TableRowRead[]
  /** Whether it was read from its rulings (else from the columns of its header row). */
  ruled: boolean
}

/** One step of a page's reading order: a line of text or a table. */
export type Block = { kind: 'line'; line: TextLine } | { kind: 'table'; table: PageTable }
