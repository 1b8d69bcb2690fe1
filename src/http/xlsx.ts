// XLSX for the people who open a list in Excel first (portal staff): the CSV's columns in one
// worksheet, written with exceljs's streaming writer row by row, so that a large table is never
// held as cells. Numbers and booleans are cells of their type, a date column holds dates shown
// as yyyy-mm-dd (Excel sorts and filters them as dates), text stays text: a cell of an XLSX file
// is never run as a formula, so text that starts with = is written as it is, unlike the CSV's.
// The header row is bold and stays in view; columns are as wide as the header and the first rows.
import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { LIST_SEPARATOR, type CsvColumn } from './csv.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Excel refuses a cell of more characters than this: a longer text is cut, and says so. */
export const CELL_LIMIT = 32_767
const CUT_MARK = '…'

/** Columns are sized from the header and this many rows: the rest are written as they come. */
const SAMPLED_ROWS = 100
/** Width in Excel's units (a digit's width); a CJK character takes two. */
const MIN_WIDTH = 6
const MAX_WIDTH = 60
const DATE_WIDTH = 12

/** Rows written between yields, so that the zip keeps up and the event loop breathes. */
const BATCH = 500

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1'
}

/** What one cell holds: a number, a boolean, a date, text, or nothing. */
export function cellValue(
  column: CsvColumn,
  record: unknown,
): string | number | boolean | Date | null {
  const value = column.value(record)
  if (Array.isArray(value)) {
    return cut(
      value.map((v) => (v === null || v === undefined ? '' : String(v))).join(LIST_SEPARATOR),
    )
  }
  if (value === null || value === undefined) return null
  if (column.format === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`)
  if (typeof value === 'number' || typeof value === 'boolean') return value
  return cut(String(value))
}

function cut(text: string): string {
  return text.length <= CELL_LIMIT
    ? text
    : `${text.slice(0, CELL_LIMIT - CUT_MARK.length)}${CUT_MARK}`
}

/** How wide a text shows: CJK and other wide characters take two units. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1
  return width
}

function widthOf(column: CsvColumn, sample: unknown[]): number {
  if (column.format === 'date' && !column.list) return DATE_WIDTH
  const widest = sample.reduce<number>((max, record) => {
    const value = cellValue(column, record)
    // A text of several lines wraps where it breaks; its first line is what shows.
    const shown = value === null ? '' : String(value).split('\n')[0]!
    return Math.max(max, displayWidth(shown))
  }, displayWidth(column.name))
  return Math.min(Math.max(widest + 2, MIN_WIDTH), MAX_WIDTH)
}

/** The first `count` records, read from the iterator. */
function take(iterator: Iterator<unknown>, count: number): unknown[] {
  const taken: unknown[] = []
  while (taken.length < count) {
    const next = iterator.next()
    if (next.done === true) break
    taken.push(next.value)
  }
  return taken
}

/** Until the reader has taken what waits, or has gone away. */
function drainedOrClosed(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done)
      out.off('close', done)
      resolve()
    }
    out.on('drain', done)
    out.on('close', done)
  })
}

async function write(
  out: PassThrough,
  columns: CsvColumn[],
  records: Iterable<unknown>,
  name: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Plan open data API'
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  })
  const iterator = records[Symbol.iterator]()
  const sample = take(iterator, SAMPLED_ROWS)
  sheet.columns = columns.map((column) => ({
    key: column.name,
    width: widthOf(column, sample),
    ...(column.format === 'date' && !column.list ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }))
  const header = sheet.addRow(columns.map((column) => column.name))
  header.font = { bold: true }
  header.commit()
  let written = 0
  const add = async (record: unknown) => {
    sheet.addRow(columns.map((column) => cellValue(column, record))).commit()
    if (++written % BATCH !== 0) return
    // The zip compresses on the thread pool: let it take what was written, and wait for a
    // reader that is behind, so that a slow client does not make the file pile up in memory.
    if (out.writableNeedDrain) await drainedOrClosed(out)
    else await new Promise((resolve) => setImmediate(resolve))
  }
  for (const record of sample) await add(record)
  for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
    await add(next.value)
    // A client gone: nothing more is read for it.
    if (out.destroyed) return
  }
  sheet.commit()
  await workbook.commit()
}

/** The whole list as an XLSX file, a stream of its bytes as the zip makes them. */
export function xlsxStream(
  columns: CsvColumn[],
  records: Iterable<unknown>,
  name: string,
): Readable {
  const out = new PassThrough()
  write(out, columns, records, name).catch((err: unknown) => out.destroy(err as Error))
  return out
}

/** The content headers of an XLSX download named `file`. */
export function xlsxHeaders(file: string): Record<string, string> {
  return {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${file}"`,
  }
}
