// Tables of a plan: task lists (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限) and tables of
// agencies (序号 | 单位名称 | 职责 | 牵头领导 | 联系电话). Two layouts reach us: one row a line with
// tab-separated cells (a PDF or Word extraction), and one cell a line (a table copied from a web
// page). Columns are known by their headers, so their order and wording may vary; a row with
// fewer cells than the header lost some to merged cells, which are found by what each cell holds.
import { readDue, type Due } from './dates.js'
import type { Line } from './decode.js'
import { compact, repair } from './text.js'
import type { AgencyTableRow, Finding } from './types.js'
import {
  looksLikeUnit,
  readResponsibility,
  roleBeside,
  roleOfLabel,
  splitUnits,
  type UnitRole,
} from './units.js'

export interface TableUnit {
  asWritten: string
  role: UnitRole
  line: number
}

export interface TaskRow {
  number: number
  text: string
  units: TableUnit[]
  due: Due | null
  line: number
}

export interface Tables {
  tasks: TaskRow[]
  agencies: AgencyTableRow[]
  /** Every line a table takes (headers, rows, group rows), which the outline passes over. */
  lines: Set<number>
  findings: Finding[]
}

type Column =
  | 'number'
  | 'text'
  | 'lead'
  | 'support'
  | 'responsible'
  | 'due'
  | 'name'
  | 'leader'
  | 'phone'
  | 'other'

const UNIT_COLUMNS: Column[] = ['lead', 'support', 'responsible']

/** What a header cell names; letter-spaced headers (序  号) are read without their spaces. */
function columnOf(header: string): Column | null {
  const h = compact(header)
  if (h === '' || !/^[\u4e00-\u9fff]/.test(h)) return null
  if (/^(?:序号|编号|序)$/.test(h)) return 'number'
  if (/电话|联系方式|手机/.test(h)) return 'phone'
  const role = roleOfLabel(h)
  if (role === 'person') return 'leader'
  if (role !== null) return role
  if (/^(?:单位名称|单位|部门名称|部门|名称|机构名称)$/.test(h)) return 'name'
  if (/领导|负责人|联系人|责任人/.test(h)) return 'leader'
  if (/牵头/.test(h)) return 'lead'
  if (/配合|协同|参与/.test(h)) return 'support'
  if (/责任|推进|实施/.test(h) && /单位|部门|主体/.test(h)) return 'responsible'
  if (/时限|时间|期限|进度/.test(h)) return 'due'
  if (/任务|措施|内容|事项|职责|工作|目标|举措|要求|项目/.test(h) && h.length <= 10) return 'text'
  if (h.length <= 8) return 'other'
  return null
}

interface Header {
  columns: Column[]
  kind: 'tasks' | 'agencies' | 'other'
}

/** A header row: short cells naming columns, one of them 序号, units or an agency's name. */
function readHeader(cells: string[]): Header | null {
  if (cells.length < 2) return null
  const columns = cells.map(columnOf)
  if (columns.some((c) => c === null)) return null
  const known = columns as Column[]
  const named = known.filter((c) => c !== 'other').length
  if (named < 2 || named < known.length - 1) return null
  if (!known.includes('number') && !known.some((c) => UNIT_COLUMNS.includes(c))) return null
  // 牵头单位 beside 责任单位: the latter are the lead's support; 责任单位 beside 配合单位 lead.
  const columnsRead = known.map((c) => (c === 'responsible' ? roleBeside(c, known) : c))
  const kind = columnsRead.some((c) => UNIT_COLUMNS.includes(c))
    ? 'tasks'
    : columnsRead.includes('name')
      ? 'agencies'
      : 'other'
  return { columns: columnsRead, kind }
}

/**
 * 序号 as printed: 1, 1., １, 1、. The task lists of a province run to thousands of rows; six
 * digits hold any list a plan could have.
 */
function rowNumber(cell: string | undefined): number | null {
  const m = cell === undefined ? null : /^(\d{1,6})[.、．]?$/.exec(compact(cell))
  return m ? Number(m[1]) : null
}

/** A 序号 cell of more digits than any list has rows: no number to trust, nor text to join. */
function overlongRowNumber(cell: string | undefined): boolean {
  return cell !== undefined && /^\d{7,}[.、．]?$/.test(compact(cell))
}

/** A group row heads the rows below it: 一、规范立面秩序, （二）提升服务. */
const GROUP_ROW =
  /^(?:[一二三四五六七八九十]{1,3}(?:、|\s|$)|[（(][一二三四五六七八九十]{1,3}[）)])/

/** The title of a further attachment (附件2, …清单, …一览表) ends the table above it. */
function endsTable(text: string): boolean {
  const t = compact(text)
  return (
    /^附件\s*\d*[：:]?$/.test(t) ||
    /^附件\d/.test(t) ||
    /^(?:抄送|主办|印发)[：:]?/.test(t) ||
    /^注[：:]/.test(t) ||
    (/(?:清单|表|目录)$/.test(t) && t.length <= 40)
  )
}

type CellKind = 'units' | 'due' | 'phone' | 'number' | 'text'

function cellKind(cell: string): CellKind {
  const t = compact(cell)
  if (/^[\d\-—－()（） ]{5,}$/.test(t)) return 'phone'
  if (/^\d{1,4}$/.test(t)) return 'number'
  if (t.length <= 24 && readDue(t) !== null) return 'due'
  // A cell of units never ends a clause: 完善站点布局， is prose a row continued.
  if (/[，,。；;]$/.test(t)) return 'text'
  const names = splitUnits(t)
  if (names.length > 0 && names.every(looksLikeUnit) && !/[。]/.test(t)) return 'units'
  const read = readResponsibility(t, 'responsible')
  if (read.marked && read.units.length > 0 && t.length <= 120) return 'units'
  return 'text'
}

function fits(kind: CellKind, column: Column): number {
  if (column === 'other') return 0
  if (UNIT_COLUMNS.includes(column) || column === 'name') return kind === 'units' ? 2 : -2
  if (column === 'due') return kind === 'due' ? 2 : -2
  if (column === 'phone') return kind === 'phone' ? 2 : -2
  if (column === 'leader') return kind === 'text' ? 0 : -1
  if (column === 'text') return kind === 'text' ? 2 : kind === 'units' ? -1 : -2
  return 0
}

/**
 * Places a row's cells in its columns, in order. With as many cells as columns each takes its
 * own; with fewer, the cells go where what they hold fits best, and the columns left without one
 * were merged with the row above.
 */
function alignCells(cells: string[], columns: Column[]): number[][] {
  if (cells.length >= columns.length) {
    // Extra cells are text a converter split; they join the last text-like column.
    const placed = columns.map((_, k) => [k])
    const textAt = columns.lastIndexOf('text')
    const at = textAt >= 0 ? textAt : columns.length - 1
    for (let k = columns.length; k < cells.length; k++) placed[at]!.push(k)
    return placed
  }
  const kinds = cells.map(cellKind)
  const n = cells.length
  const m = columns.length
  // best[i][j]: the best score placing cells i.. into columns j..; a column left out costs a
  // little, so that cells keep their positions where what they hold does not say otherwise.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1e9))
  for (let j = 0; j <= m; j++) best[n]![j] = -(m - j) * 0.5
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = Math.max(
        best[i]![j + 1]! - 0.5,
        fits(kinds[i]!, columns[j]!) + best[i + 1]![j + 1]!,
      )
    }
  }
  const placed: number[][] = columns.map(() => [])
  for (let i = 0, j = 0; i < n && j < m;) {
    const take = fits(kinds[i]!, columns[j]!) + best[i + 1]![j + 1]!
    if (take >= best[i]![j + 1]! - 0.5) {
      placed[j]!.push(i)
      i++
    }
    j++
  }
  return placed
}

/** A cell as read: its text and the line its text starts on. */
interface Cell {
  text: string
  line: number
}

interface RowInProgress {
  /** null for a row whose 序号 cannot be read: its lines are the table's, its task is left out. */
  number: number | null
  /** By column (序号 left out); null for a column the row has no cell in. */
  cells: (Cell | null)[]
  line: number
}

/** The cells a row's cells fill, by column: cells placed in one column are joined. */
function placeCells(cells: Cell[], columns: Column[]): (Cell | null)[] {
  return alignCells(
    cells.map((c) => c.text),
    columns,
  ).map((at) =>
    at.length === 0
      ? null
      : { text: at.map((k) => cells[k]!.text).join(''), line: cells[at[0]!]!.line },
  )
}

class TableReader {
  readonly tables: Tables = { tasks: [], agencies: [], lines: new Set(), findings: [] }
  private header: Header | null = null
  private row: RowInProgress | null = null
  private previous: { cells: (Cell | null)[]; table: number } | null = null
  private tableCount = 0

  constructor(private readonly firstIsLead: boolean) {}

  startTable(header: Header, index: number): void {
    this.finishRow()
    // A header repeated after a page break continues the table above.
    if (!this.header || this.header.columns.join() !== header.columns.join()) {
      this.tableCount++
      this.previous = null
      this.rowCount = 0
    }
    this.header = header
    this.tables.lines.add(index)
  }

  endTable(): void {
    this.finishRow()
    this.header = null
  }

  /** Rows read in the current table. */
  rowCount = 0

  get inTable(): boolean {
    return this.header !== null
  }

  get columns(): Column[] {
    return this.header?.columns ?? []
  }

  startRow(number: number | null, cells: string[], line: Line, index: number): void {
    this.finishRow()
    const columns = this.header!.columns
    const numberAt = columns.indexOf('number')
    const rest = numberAt >= 0 ? columns.filter((_, k) => k !== numberAt) : columns
    const cellsRead = cells.map((text) => ({ text, line: line.n }))
    this.row = { number, cells: placeCells(cellsRead, rest), line: line.n }
    this.tables.lines.add(index)
  }

  /** A line that wrapped out of a cell of the row being read, or the row's cells one a line. */
  continueRow(cells: string[], line: Line, index: number, aligned: boolean): boolean {
    const row = this.row
    if (!row) return false
    const columns = this.rowColumns()
    const append = (k: number, text: string, separator = '') => {
      const cell = row.cells[k]
      // Cells hold trimmed text: an empty one is '', which costs nothing to test however long a
      // row grows (a row continued over thousands of lines stays linear).
      if (cell && cell.text !== '') cell.text += separator + text.trim()
      else row.cells[k] = { text: text.trim(), line: line.n }
    }
    if (aligned && cells.length === columns.length) {
      // A tab row whose 序号 cell is empty: its cells stand in their columns.
      cells.forEach((c, k) => {
        if (c !== '') append(k, c)
      })
    } else {
      // Text that wrapped: it continues the text column, units that stood beside it add to theirs.
      const textAt = columns.indexOf('text')
      for (const c of cells) {
        const kind = cellKind(c)
        const at =
          kind === 'units'
            ? columns.findIndex((col) => UNIT_COLUMNS.includes(col) || col === 'name')
            : kind === 'due'
              ? columns.indexOf('due')
              : textAt
        const k = at >= 0 ? at : textAt
        if (k < 0) continue
        append(k, c, kind === 'units' ? '、' : '')
      }
    }
    this.tables.lines.add(index)
    return true
  }

  /** A row read one cell a line: its cells arrive one by one, then align at its end. */
  startCellRow(number: number, line: Line, index: number): void {
    this.finishRow()
    this.row = { number, cells: [], line: line.n }
    this.pendingCells = []
    this.tables.lines.add(index)
  }

  private pendingCells: Cell[] | null = null

  addCell(cell: string, line: Line, index: number): void {
    this.pendingCells?.push({ text: cell, line: line.n })
    this.tables.lines.add(index)
  }

  /** How many cells a row read one cell a line has so far. */
  get cellCount(): number {
    return this.pendingCells?.length ?? 0
  }

  private rowColumns(): Column[] {
    const columns = this.header?.columns ?? []
    const numberAt = columns.indexOf('number')
    return numberAt >= 0 ? columns.filter((_, k) => k !== numberAt) : columns
  }

  finishRow(): void {
    const row = this.row
    this.row = null
    if (!row || !this.header) return
    const columns = this.rowColumns()
    if (this.pendingCells) {
      row.cells = placeCells(this.pendingCells, columns)
      this.pendingCells = null
    }
    if (row.number === null) {
      this.tables.findings.push({
        severity: 'warning',
        code: 'row-number-unread',
        message: `The row's 序号 has more digits than any task list has rows; the row is left out.`,
        lines: [row.line],
      })
      return
    }
    // A row with no units at all sits under a merged units cell: it has the units of the row
    // above (a finding says so, since a cell left empty by mistake looks the same).
    const inherited: Column[] = []
    const unitAt = columns.flatMap((c, k) => (UNIT_COLUMNS.includes(c) ? [k] : []))
    const blank = (cell: Cell | null | undefined) => (cell?.text ?? '').trim() === ''
    if (
      this.previous &&
      this.previous.table === this.tableCount &&
      unitAt.length > 0 &&
      unitAt.every((k) => blank(row.cells[k])) &&
      unitAt.some((k) => !blank(this.previous!.cells[k]))
    ) {
      for (const k of unitAt) {
        row.cells[k] = this.previous.cells[k] ?? null
        inherited.push(columns[k]!)
      }
    }
    this.previous = { cells: row.cells, table: this.tableCount }
    this.rowCount++
    if (this.header.kind === 'tasks')
      this.addTask({ ...row, number: row.number }, columns, inherited)
    else if (this.header.kind === 'agencies') this.addAgency(row, columns)
  }

  private addTask(
    row: RowInProgress & { number: number },
    columns: Column[],
    inherited: Column[],
  ): void {
    const units: TableUnit[] = []
    let due: Due | null = null
    let text = ''
    columns.forEach((column, k) => {
      const cell = row.cells[k]
      if (!cell || cell.text.trim() === '') return
      if (column === 'text') text += cell.text
      else if (column === 'due')
        due = readDue(cell.text) ?? { text: compact(cell.text), date: null }
      else if (UNIT_COLUMNS.includes(column)) {
        const read = readResponsibility(cell.text, column as UnitRole)
        due ??= read.due
        // A merged cell's units stand on the row above; the row's own line is where they apply.
        const line = inherited.length > 0 ? row.line : cell.line
        // One by one: a cell may name more units than a call takes arguments.
        for (const u of read.units) units.push({ asWritten: u.name, role: u.role, line })
      }
    })
    const roles = this.firstIsLead && !units.some((u) => u.role !== 'responsible')
    const task: TaskRow = {
      number: row.number,
      text: repair(text),
      units: roles ? units.map((u, i) => ({ ...u, role: i === 0 ? 'lead' : 'support' })) : units,
      due,
      line: row.line,
    }
    if (units.length === 0 && text === '') return
    this.tables.tasks.push(task)
    // A duty list (责任单位 | 主要职责 | 牵头领导 | 联系电话) gives each unit's profile too.
    const leaderAt = columns.indexOf('leader')
    const phoneAt = columns.indexOf('phone')
    if ((leaderAt >= 0 || phoneAt >= 0) && units.length === 1) {
      const cell = (k: number) => (k < 0 ? null : repair(row.cells[k]?.text ?? '') || null)
      this.tables.agencies.push({
        name: units[0]!.asWritten,
        duties: text === '' ? null : repair(text),
        lead: cell(leaderAt),
        phone: cell(phoneAt),
        line: row.line,
      })
    }
    if (inherited.some((c) => UNIT_COLUMNS.includes(c))) {
      this.tables.findings.push({
        severity: 'info',
        code: 'units-inherited',
        message: `Task ${row.number} has no units of its own in the table; it takes those of the row above, as under a merged cell.`,
        lines: [row.line],
      })
    }
  }

  private addAgency(row: RowInProgress, columns: Column[]): void {
    const cell = (column: Column) => {
      const k = columns.indexOf(column)
      const text = repair(k < 0 ? '' : (row.cells[k]?.text ?? ''))
      return text === '' ? null : text
    }
    const name = cell('name')
    if (name === null) return
    this.tables.agencies.push({
      name,
      duties: cell('text'),
      lead: cell('leader'),
      phone: cell('phone'),
      line: row.line,
    })
  }
}

/** Cells of a tab row, or of a row whose converter wrote wide gaps instead of tabs. */
function cellsOf(text: string): string[] {
  const separator = text.includes('\t') ? /\t/ : / {2,}/
  return text.split(separator).map((c) => c.trim())
}

/** Header cells one a line: a run of short lines that each name a column. */
function cellHeaderAt(
  lines: Line[],
  from: number,
  to: number,
): { header: Header; end: number } | null {
  const cells: string[] = []
  let end = from
  for (let i = from; i < to && cells.length < 10; i++) {
    const t = lines[i]!.text.trim()
    if (t === '') continue
    if (t.includes('\t') || compact(t).length > 10 || columnOf(t) === null) break
    // The run starts at 序号, as a table's first column; a title above it is no header cell.
    // (Known at once: every line of a text of short lines is asked whether it opens a header.)
    if (cells.length === 0 && columnOf(t) !== 'number') return null
    cells.push(t)
    end = i
  }
  if (cells.length < 3) return null
  const header = readHeader(cells)
  return header && header.columns.includes('number') ? { header, end } : null
}

/**
 * Reads every table in lines [from, to): tab rows wherever they stand, and tables one cell a line
 * where a header run opens one. Lines of the body between tables are left to the outline.
 */
export function parseTables(
  lines: Line[],
  from: number,
  to: number,
  options: { firstIsLead: boolean; skip: Set<number> },
): Tables {
  const reader = new TableReader(options.firstIsLead)
  let cellTable = false
  let expected = 1
  for (let i = from; i < to; i++) {
    if (options.skip.has(i)) continue
    const line = lines[i]!
    const text = line.text.trim()
    if (text === '') continue
    if (!cellTable) {
      const cellHeader = text.includes('\t') ? null : cellHeaderAt(lines, i, to)
      if (cellHeader) {
        reader.startTable(cellHeader.header, i)
        for (let k = i; k <= cellHeader.end; k++) reader.tables.lines.add(k)
        i = cellHeader.end
        cellTable = true
        expected = 1
        continue
      }
    }
    if (cellTable) {
      const number = rowNumber(text)
      // A header repeated after a page break.
      const again = cellHeaderAt(lines, i, to)
      if (again) {
        for (let k = i; k <= again.end; k++) reader.tables.lines.add(k)
        i = again.end
        continue
      }
      if (number !== null && (number === expected || (number === 1 && reader.cellCount > 0))) {
        reader.startCellRow(number, line, i)
        expected = number + 1
        continue
      }
      if (GROUP_ROW.test(compact(text)) && compact(text).length <= 40) {
        reader.finishRow()
        reader.tables.lines.add(i)
        continue
      }
      const full = reader.cellCount >= reader.columns.length - 1
      if (endsTable(text) || full || expected === 1) {
        reader.endTable()
        cellTable = false
        i--
        continue
      }
      reader.addCell(text, line, i)
      continue
    }
    // Only the line's end is trimmed: a leading tab is an empty first cell.
    const raw = line.text.replace(/ +$/, '').replace(/^ +/, '')
    // A converter that lost the tabs leaves wide gaps between cells.
    const gapped = !raw.includes('\t') && / {2,}/.test(raw) && cellsOf(raw).length >= 2
    if (!raw.includes('\t') && !gapped && !reader.inTable) continue
    const cells = cellsOf(raw)
    const header = readHeader(cells)
    if (header) {
      reader.startTable(header, i)
      continue
    }
    if (!reader.inTable) {
      // A table of a kind this reader does not know (indicators, projects): its rows are not
      // the body's prose either.
      if (raw.includes('\t')) reader.tables.lines.add(i)
      continue
    }
    if (!raw.includes('\t') && !gapped) {
      if (endsTable(text) || GROUP_ROW.test(compact(text))) {
        if (endsTable(text)) reader.endTable()
        else reader.tables.lines.add(i)
        continue
      }
      // A cell's text that wrapped onto a line of its own.
      if (!reader.continueRow([text], line, i, false)) reader.endTable()
      continue
    }
    const columns = reader.columns
    const numberAt = columns.indexOf('number')
    const filled = cells.filter((c) => c !== '')
    const numberCell = compact(cells[numberAt >= 0 ? numberAt : 0] ?? '')
    // 一、整治道路 alone, or 二 in the 序号 column beside the group's name.
    if (
      (filled.length === 1 && GROUP_ROW.test(compact(filled[0]!))) ||
      /^[一二三四五六七八九十]{1,3}、?$/.test(numberCell)
    ) {
      reader.finishRow()
      reader.tables.lines.add(i)
      continue
    }
    // Without a 序号 column every tab row is a row of its own, numbered in order.
    const number = numberAt >= 0 ? rowNumber(cells[numberAt]) : reader.rowCount + 1
    // A 序号 too long to be one still starts a row: its cells are not the row above's.
    if (number !== null || overlongRowNumber(cells[numberAt])) {
      reader.startRow(
        number,
        cells.filter((_, k) => k !== numberAt),
        line,
        i,
      )
      continue
    }
    // With an empty 序号 cell the cells stand in their columns; without one, one to the left.
    const aligned = numberAt >= 0 && cells[numberAt] === ''
    const rest = aligned ? cells.filter((_, k) => k !== numberAt) : cells
    if (!reader.continueRow(rest, line, i, aligned)) reader.tables.lines.add(i)
  }
  reader.endTable()
  return reader.tables
}
