// The appended tables: the task list (序号 | 工作任务 | 责任单位) and a table of agencies
// (序号 | 单位名称 | 工作任务 | 牵头领导 | 联系电话). Columns are found by their headers, so the
// order of columns and the wording of headers may vary within the genre.
import { splitList } from './header.js'
import { compact, repair, type Line } from './text.js'
import type { AgencyTableRow } from './types.js'

export interface TaskRow {
  number: number
  text: string
  units: { asWritten: string; line: number }[]
  line: number
}

export interface Tables {
  tasks: TaskRow[]
  agencies: AgencyTableRow[]
}

interface Columns {
  kind: 'tasks' | 'agencies'
  number: number
  text: number | null
  units: number[]
  name: number | null
  lead: number | null
  phone: number | null
}

const NUMBER_HEADER = /^(序号|编号)$/
const UNITS_HEADER = /责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|实施单位|责任主体/
const NAME_HEADER = /^(单位名称|单位|部门名称|部门|名称)$/
const TEXT_HEADER = /工作任务|重点任务|任务|工作措施|措施|工作内容|主要内容|职责|内容/
const LEAD_HEADER = /牵头领导|负责人|分管领导|联系人|领导/
const PHONE_HEADER = /电话|联系方式/

/** Cells are separated by tabs, or by wide gaps where a converter wrote spaces instead. */
function cellsOf(text: string): string[] {
  const separator = text.includes('\t') ? /\t/ : /\s{2,}|\u3000+/
  return text.split(separator).map((c) => c.trim())
}

/** Headers are often letter-spaced in print: 序  号, 责任 单位. */
const headerText = (cell: string) => compact(cell)

/** 序号 as printed: 1, 1., １, 1、 */
function rowNumber(cell: string | undefined): number | null {
  const m = cell === undefined ? null : /^(\d{1,4})[.、]?$/.exec(compact(cell))
  return m ? Number(m[1]) : null
}

/** Units in one cell: separated by 、，; or, where a converter lost them, by spaces. */
function splitUnits(cell: string): string[] {
  return splitList(cell)
    .flatMap((unit) => unit.split(/\s+/))
    .filter((u) => u !== '')
}

function readHeader(raw: string[]): Columns | null {
  const cells = raw.map(headerText)
  const number = cells.findIndex((c) => NUMBER_HEADER.test(c))
  if (number < 0) return null
  const find = (re: RegExp, skip: number[] = []) => {
    const i = cells.findIndex((c, k) => !skip.includes(k) && k !== number && re.test(c))
    return i < 0 ? null : i
  }
  const units = cells.flatMap((c, k) => (UNITS_HEADER.test(c) ? [k] : []))
  const name = find(NAME_HEADER, units)
  const lead = find(LEAD_HEADER, units)
  const phone = find(PHONE_HEADER, units)
  const text = find(TEXT_HEADER, [
    ...units,
    ...[name, lead, phone].filter((k): k is number => k !== null),
  ])
  if (units.length > 0)
    return { kind: 'tasks', number, text, units, name: null, lead: null, phone: null }
  if (name !== null) return { kind: 'agencies', number, text, units: [], name, lead, phone }
  return null
}

const orNull = (s: string | undefined): string | null => {
  const t = s === undefined ? '' : repair(s)
  return t === '' ? null : t
}

/** Reads every table in lines [from, to). Repeated headers (a page break) are skipped. */
export function parseTables(lines: Line[], from: number, to: number): Tables {
  const tables: Tables = { tasks: [], agencies: [] }
  let columns: Columns | null = null
  let lastTask: TaskRow | null = null
  for (let i = from; i < to; i++) {
    const line = lines[i]!
    if (line.text.trim() === '') continue
    // Only the line's end is trimmed: a leading tab is an empty first cell.
    const cells = cellsOf(line.text.trimEnd())
    const header = readHeader(cells)
    if (header || cells.some((c) => NUMBER_HEADER.test(headerText(c)))) {
      // A table of another kind (a list of projects, say) ends the one before; its rows are
      // not tasks.
      columns = header
      lastTask = null
      continue
    }
    if (!columns) continue
    // The title of a further attachment (…清单, …一览表) ends the table above it.
    if (cells.length === 1 && /(清单|表|目录)$/.test(compact(cells[0]!))) {
      columns = null
      lastTask = null
      continue
    }
    const current = columns
    // A group row (二、规范立面秩序) heads the rows below it; it is not a task.
    if (/^[一二三四五六七八九十]{1,3}(、|$)/.test(compact(cells[0] ?? ''))) {
      lastTask = null
      continue
    }
    const number = rowNumber(cells[columns.number])
    if (cells.length < 2 || number === null) {
      // The row's text wrapped onto a line of its own: it continues the text of the row above,
      // and any further cells are the units that stood beside the wrapped part.
      if (lastTask && !/^附件/.test(cells[0]!)) {
        // With an empty 序号 cell the cells stand in their columns; without one, one to the left.
        const aligned = cells[current.number] === ''
        const cellOf = (k: number) => cells[aligned || k < current.number ? k : k - 1]
        const text = current.text === null ? undefined : cellOf(current.text)
        lastTask.text = repair(lastTask.text + (text ?? ''))
        for (const k of current.units) {
          const cell = cellOf(k)
          if (cell)
            lastTask.units.push(...splitUnits(cell).map((u) => ({ asWritten: u, line: line.n })))
        }
      }
      continue
    }
    if (columns.kind === 'tasks') {
      lastTask = {
        number,
        text: orNull(columns.text === null ? undefined : cells[columns.text]) ?? '',
        units: columns.units.flatMap((k) =>
          splitUnits(cells[k] ?? '').map((asWritten) => ({ asWritten, line: line.n })),
        ),
        line: line.n,
      }
      tables.tasks.push(lastTask)
    } else {
      lastTask = null
      const name = orNull(cells[columns.name!])
      if (name === null) continue
      tables.agencies.push({
        name,
        duties: orNull(columns.text === null ? undefined : cells[columns.text]),
        lead: orNull(columns.lead === null ? undefined : cells[columns.lead]),
        phone: orNull(columns.phone === null ? undefined : cells[columns.phone]),
        line: line.n,
      })
    }
  }
  return tables
}
