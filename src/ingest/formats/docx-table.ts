// The rows of a Word table as lines of a plan text: a row a line, its cells joined by tabs,
// each row standing on its own as the parser reads rows (it cannot see that a cell was merged
// with the one above). The text of each cell is the body reader's to give: a cell holds
// paragraphs and tables like the body does. A table inside a cell is no rows of its own but
// words of that cell (see docx-body), read through rowsIn and cellsWithText.
import { attr, childElements, firstChild, intAttr, type Element } from './docx-xml.js'

/**
 * The rows of a table, a line each, cells joined by tabs. A cell spanning columns is followed
 * by empty cells for the columns it covers; a cell merged with the one above repeats that
 * cell's text, so that every row stands on its own (as the parser reads rows); empty cells at a
 * row's end go. Rows are taken one at a time, so that a long table is read as it is parsed.
 */
/**
 * Word's tables have at most 63 columns; a span or a skip wider than this is taken as this, so
 * that a file saying gridSpan="1000000000" costs nothing.
 */
const MAX_COLUMNS = 64

function columnCount(el: Element | null): number {
  return Math.min(MAX_COLUMNS, Math.max(0, intAttr(el) ?? 0))
}

export class TableRows {
  /** By grid column: the text of the cell that starts a vertical merge there. */
  private readonly mergedFrom = new Map<number, string>()

  constructor(
    /** A cell's text, read by the body reader (a cell holds paragraphs and tables). */
    private readonly cellText: (tc: Element) => string,
    private readonly out: (line: string) => void,
  ) {}

  /** One child of w:tbl: a row, rows wrapped in a content control, or the table's properties. */
  add(child: Element): void {
    for (const tr of rowsIn(child)) this.row(tr)
  }

  private row(tr: Element): void {
    const trPr = firstChild(tr, 'w:trPr')
    const cells: string[] = []
    let column = 0
    for (let k = columnCount(firstChild(trPr, 'w:gridBefore')); k > 0; k--) {
      cells.push('')
      column++
    }
    for (const tc of wrapped(tr, 'w:tc')) {
      const tcPr = firstChild(tc, 'w:tcPr')
      const span = Math.max(1, columnCount(firstChild(tcPr, 'w:gridSpan')))
      const merge = mergeOf(tcPr)
      let content: string
      if (merge === 'vertical') {
        content = this.mergedFrom.get(column) ?? ''
      } else if (merge === 'horizontal') {
        content = ''
      } else {
        content = this.cellText(tc)
        for (let k = 0; k < span; k++) this.mergedFrom.delete(column + k)
        if (merge === 'restart') this.mergedFrom.set(column, content)
      }
      cells.push(content)
      for (let k = 1; k < span; k++) cells.push('')
      column += span
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    this.out(cells.join('\t'))
  }
}

/**
 * How a cell takes part in a merge: it starts a vertical merge, continues one from the cell
 * above, continues a horizontal merge (Word 97's, before w:gridSpan) from the cell before it,
 * or none. A continuing cell shows nothing of its own.
 */
function mergeOf(tcPr: Element | null): 'restart' | 'vertical' | 'horizontal' | null {
  const vMerge = firstChild(tcPr, 'w:vMerge')
  if (vMerge) return attr(vMerge) === 'restart' ? 'restart' : 'vertical'
  const hMerge = attr(firstChild(tcPr, 'w:hMerge'))
  return hMerge !== undefined && hMerge !== 'restart' ? 'horizontal' : null
}

/**
 * The rows in a child of w:tbl: a row, or the rows a content control wraps; a row deleted with
 * changes tracked is not in the document they are accepted in.
 */
export function rowsIn(child: Element): Element[] {
  return unwrapped(child, 'w:tr').filter((tr) => !firstChild(firstChild(tr, 'w:trPr'), 'w:del'))
}

/** The cells of a row that hold text of their own: all but those continuing a merge. */
export function cellsWithText(tr: Element): Element[] {
  return wrapped(tr, 'w:tc').filter((tc) => {
    const merge = mergeOf(firstChild(tc, 'w:tcPr'))
    return merge === null || merge === 'restart'
  })
}

/** The elements named `name` among `parent`'s children, through content controls and custom XML. */
function wrapped(parent: Element, name: string): Element[] {
  return childElements(parent).flatMap((el) => unwrapped(el, name))
}

/** `el` if it is named `name`; the elements so named within it if it is a wrapper; else none. */
function unwrapped(el: Element, name: string): Element[] {
  if (el.name === name) return [el]
  if (el.name === 'w:sdt') return wrapped(firstChild(el, 'w:sdtContent') ?? el, name)
  if (el.name === 'w:customXml') return wrapped(el, name)
  return []
}
