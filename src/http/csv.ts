// CSV for the open-data portal and for Excel: one column per field of the resource's TypeBox
// schema (nested fields as source.line, lists joined by "; "), UTF-8, RFC 4180 quoting and CRLF
// line ends, text that would start a formula quoted with a leading ', streamed row by row.
// Plain UTF-8 by default, as the Data Package declares it and machine readers take it (a byte
// order mark makes the first header "\ufeffid" to Python's csv module and to the Data Package
// libraries); with a byte order mark on request, for Excel, which reads UTF-8 only after one.
import { Readable } from 'node:stream'
import type { TObject, TSchema } from '@sinclair/typebox'

export interface CsvColumn {
  /** The header: a field's path, e.g. source.line or agencies.name. */
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean'
  /** JSON Schema's format of a string field, e.g. date. */
  format: string | undefined
  description: string | undefined
  /** A list field: its values are joined with LIST_SEPARATOR. */
  list: boolean
  value: (record: unknown) => unknown
}

/** Between the values of a list field in one cell: readable, and absent from the data. */
export const LIST_SEPARATOR = '; '

/** T | null is written anyOf [T, null]; the column has T's type. */
function nonNull(schema: TSchema): TSchema {
  const options = schema.anyOf as TSchema[] | undefined
  return options?.find((o) => o.type !== 'null') ?? schema
}

function scalarType(schema: TSchema): CsvColumn['type'] {
  const type = nonNull(schema).type
  return type === 'integer' || type === 'number' || type === 'boolean' ? type : 'string'
}

function at(record: unknown, key: string): unknown {
  return record === null || typeof record !== 'object'
    ? undefined
    : (record as Record<string, unknown>)[key]
}

/** The columns of a resource, in the order of its schema's fields. */
export function csvColumns(schema: TObject, prefix = '', get = (r: unknown) => r): CsvColumn[] {
  return Object.entries(schema.properties).flatMap(([key, raw]): CsvColumn[] => {
    const property = nonNull(raw)
    const name = `${prefix}${key}`
    const value = (r: unknown) => at(get(r), key)
    if (property.type === 'object') return csvColumns(property as TObject, `${name}.`, value)
    if (property.type === 'array') {
      const items = nonNull(property.items as TSchema)
      if (items.type !== 'object') {
        return [
          {
            name,
            type: scalarType(items),
            format: undefined,
            description: property.description,
            list: true,
            value,
          },
        ]
      }
      // agencies [{id, name, asWritten}] gives agencies.id, agencies.name, agencies.asWritten.
      return Object.entries((items as TObject).properties).map(([inner, innerSchema]) => ({
        name: `${name}.${inner}`,
        type: scalarType(innerSchema),
        format: undefined,
        description: innerSchema.description ?? property.description,
        list: true,
        value: (r: unknown) => ((value(r) as unknown[] | undefined) ?? []).map((x) => at(x, inner)),
      }))
    }
    const format = typeof property.format === 'string' ? property.format : undefined
    return [
      {
        name,
        type: scalarType(property),
        format,
        description: property.description,
        list: false,
        value,
      },
    ]
  })
}

/**
 * A text cell that a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, or a tab or
 * carriage return before one) starts with a quote instead, as OWASP advises for CSV injection:
 * plan texts and agencies' notes are anyone's input. Numbers are never text cells here.
 */
export const FORMULA_START = /^[=+\-@\t\r]/

export function neutralized(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One field, quoted when it holds a quote, a comma or a line break (RFC 4180). */
function field(value: unknown, column: CsvColumn | null): string {
  const raw = Array.isArray(value)
    ? value.map((v) => (v === null || v === undefined ? '' : String(v))).join(LIST_SEPARATOR)
    : value === null || value === undefined
      ? ''
      : String(value)
  const text = column === null || column.type === 'string' || column.list ? neutralized(raw) : raw
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function line(values: unknown[], columns: (CsvColumn | null)[]): string {
  return `${values.map((v, i) => field(v, columns[i] ?? null)).join(',')}\r\n`
}

/** Rows are sent in chunks of about this many bytes rather than one write each. */
const CHUNK = 64 * 1024

function* chunks(
  columns: CsvColumn[],
  records: Iterable<unknown>,
  bom: boolean,
): Generator<string> {
  let buffer = `${bom ? BOM : ''}${line(
    columns.map((c) => c.name),
    columns.map(() => null),
  )}`
  for (const record of records) {
    buffer += line(
      columns.map((c) => c.value(record)),
      columns,
    )
    if (buffer.length >= CHUNK) {
      yield buffer
      buffer = ''
    }
  }
  yield buffer
}

/** What tells Excel that a CSV is UTF-8 rather than the system's code page (GBK in China). */
const BOM = '\ufeff'

export interface CsvOptions {
  /** Opens the document with a byte order mark, for Excel. */
  bom?: boolean
}

/** The whole CSV document as a stream: header, then one line per record as it is read. */
export function csvStream(
  columns: CsvColumn[],
  records: Iterable<unknown>,
  { bom = false }: CsvOptions = {},
): Readable {
  return Readable.from(chunks(columns, records, bom))
}

/** The content headers of a CSV download named `file`. */
export function csvHeaders(file: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${file}"`,
  }
}
