// The XLSX writer, read back with exceljs: a sheet Excel accepts, a bold frozen header, cells of
// their types (numbers, booleans, dates), Chinese and formula-looking text kept as text, a text
// longer than Excel's cell limit cut with a mark, and many rows streamed out.
import ExcelJS from 'exceljs'
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { csvColumns } from '../../src/http/csv.js'
import { CELL_LIMIT, sheetName, xlsxStream } from '../../src/http/xlsx.js'

async function workbookOf(stream: NodeJS.ReadableStream): Promise<ExcelJS.Worksheet> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer)
  t.equal(workbook.worksheets.length, 1, 'one sheet')
  return workbook.worksheets[0]!
}

const Record = Type.Object({
  id: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  share: Type.Union([Type.Number(), Type.Null()]),
  done: Type.Boolean(),
  issuedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  names: Type.Array(Type.String()),
  source: Type.Object({ line: Type.Integer() }),
})
const columns = csvColumns(Record)

t.test('cells hold numbers, booleans, dates and text as they are', async (t) => {
  const records = [
    {
      id: 'a',
      text: '=HYPERLINK("http://x.example/","点击")',
      count: 3,
      share: 0.25,
      done: true,
      issuedOn: '2024-03-05',
      names: ['市商务局', '@SUM(A1)'],
      source: { line: 12 },
    },
    {
      id: 'b',
      text: null,
      count: -1,
      share: null,
      done: false,
      issuedOn: null,
      names: [],
      source: { line: 1 },
    },
    {
      id: 'c',
      text: '甲'.repeat(CELL_LIMIT + 10),
      count: 0,
      share: 1e-7,
      done: false,
      issuedOn: '1999-12-31',
      names: ['x'],
      source: { line: 2 },
    },
  ]
  const sheet = await workbookOf(xlsxStream(columns, records, 'records'))
  t.equal(sheet.name, 'records')
  const header = sheet.getRow(1)
  t.same(header.values, [undefined, ...columns.map((c) => c.name)], 'the CSV header')
  t.ok(header.font?.bold, 'bold')
  t.match(sheet.views[0], { state: 'frozen', ySplit: 1 }, 'and frozen')
  const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1)
  t.same(values(2), [
    'a',
    '=HYPERLINK("http://x.example/","点击")',
    3,
    0.25,
    true,
    new Date('2024-03-05T00:00:00Z'),
    '市商务局; @SUM(A1)',
    12,
  ])
  t.equal(sheet.getCell('B2').type, ExcelJS.ValueType.String, 'text that looks like a formula')
  t.equal(sheet.getCell('F2').numFmt, 'yyyy-mm-dd', 'dates shown as ISO dates')
  t.same(values(3), ['b', undefined, -1, undefined, false, undefined, undefined, 1])
  const long = sheet.getCell('B4').value as string
  t.equal(long.length, CELL_LIMIT, 'a text is cut to what Excel takes')
  t.ok(long.endsWith('…'), 'and says so')
  t.equal(sheet.getCell('D4').value, 1e-7)
  for (const [i, column] of sheet.columns.entries()) {
    t.ok(column.width! >= 6 && column.width! <= 60, `${columns[i]!.name} is sized`)
  }
  t.ok(sheet.columns[1]!.width! > sheet.columns[0]!.width!, 'a long text is wider than an id')
})

t.test('a sheet name Excel accepts', async (t) => {
  t.equal(sheetName('tasks'), 'tasks')
  t.equal(sheetName('a/b:c*d?e[f]g\\h'), 'a_b_c_d_e_f_g_h')
  t.equal(sheetName('x'.repeat(40)).length, 31)
})

t.test('many rows stream out, none lost', async (t) => {
  const count = 20_000
  function* many() {
    for (let i = 0; i < count; i++) {
      yield {
        id: `r${i}`,
        text: '文本',
        count: i,
        share: null,
        done: false,
        issuedOn: null,
        names: [],
        source: { line: i },
      }
    }
  }
  const sheet = await workbookOf(xlsxStream(columns, many(), 'many'))
  t.equal(sheet.rowCount, count + 1)
  t.equal(sheet.getCell(`C${count + 1}`).value, count - 1)
})
