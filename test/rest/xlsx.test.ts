// XLSX downloads of every list, read back with exceljs: the CSV's rows cell for cell (numbers as
// numbers, dates as dates), filtered and sorted like it, negotiated on the list's path, kept
// whole per data version without a compressed copy, refused like the CSV when a parameter is
// wrong, and described in the OpenAPI document with their own media type.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import t from 'tap'
import { ExportShelf } from '../../src/http/exports.js'
import { neutralized } from '../../src/http/csv.js'
import { XLSX_TYPE } from '../../src/http/xlsx.js'
import { RESOURCES } from '../../src/resources.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDir } from '../helper.js'

const shelf = new ExportShelf({ parent: tempDir(t) })
const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath], exports: shelf })

/** The sheet's rows as the CSV writes them: text neutralized, numbers and dates as text. */
async function sheetOf(
  body: Buffer,
): Promise<{ name: string; rows: string[][]; types: unknown[][] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer)
  t.equal(workbook.worksheets.length, 1)
  const sheet = workbook.worksheets[0]!
  const width = sheet.getRow(1).cellCount
  const rows: string[][] = []
  const types: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1).value)
    types.push(cells)
    rows.push(
      cells.map((value) => {
        if (value === null || value === undefined) return ''
        if (value instanceof Date) return value.toISOString().slice(0, 10)
        if (typeof value === 'string') return neutralized(value)
        return String(value)
      }),
    )
  })
  return { name: sheet.name, rows, types }
}

const csvRows = async (url: string) => parse((await app.inject(url)).body) as string[][]

for (const [name, { path }] of Object.entries(RESOURCES)) {
  t.test(`${path}.xlsx holds the CSV's rows, cell for cell`, async (t) => {
    const res = await app.inject(`${path}.xlsx`)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], XLSX_TYPE)
    t.equal(res.headers['content-disposition'], `attachment; filename="${name}.xlsx"`)
    const sheet = await sheetOf(res.rawPayload)
    t.equal(sheet.name, name, 'the sheet is named after the list')
    const csv = await csvRows(`${path}.csv`)
    t.ok(csv.length > 1, 'rows to compare')
    t.same(sheet.rows, csv, 'every cell')
    // Numbers are cells of numbers, dates of dates (what Excel sums and sorts), by the types the
    // Data Package gives the CSV's columns.
    const fields = (await app.inject('/datapackage.json'))
      .json()
      .resources.find((r: { name: string }) => r.name === name).schema.fields as {
      name: string
      type: string
    }[]
    t.same(
      fields.map((f) => f.name),
      csv[0],
    )
    const cellType = (value: unknown) =>
      value === null
        ? null
        : value instanceof Date
          ? 'date'
          : typeof value === 'number'
            ? 'number'
            : typeof value
    const expected: Record<string, string> = {
      integer: 'number',
      number: 'number',
      date: 'date',
      boolean: 'boolean',
      string: 'string',
    }
    fields.forEach((field, i) => {
      const wrong = sheet.types
        .slice(1)
        .map((row) => cellType(row[i]))
        .find((type) => type !== null && type !== expected[field.type])
      if (wrong !== undefined) t.fail(`${name}.${field.name} (${field.type}) holds a ${wrong}`)
    })
    t.ok(
      sheet.types.slice(1).some((row) => row.some((v) => typeof v === 'number')),
      'numbers among the cells',
    )
  })
}

t.test('filters and sort apply as to the CSV', async (t) => {
  for (const query of [`agency=${encodeURIComponent('市财政局')}`, 'sort=-number']) {
    const res = await app.inject(`/v1/tasks.xlsx?${query}`)
    t.equal(res.statusCode, 200)
    t.match(res.headers.etag, /^W\//, 'a weak tag: the same list is other bytes made again')
    const csv = await csvRows(`/v1/tasks.csv?${query}`)
    t.same((await sheetOf(res.rawPayload)).rows, csv, query)
    const whole = await csvRows('/v1/tasks.csv')
    t.not(csv.length === whole.length && csv[1]![0] === whole[1]![0], true, 'not the whole table')
  }
  const targets = await app.inject('/v1/targets.xlsx?sort=deadlineYear,-value')
  t.same(
    (await sheetOf(targets.rawPayload)).rows,
    await csvRows('/v1/targets.csv?sort=deadlineYear,-value'),
  )
})

t.test('the list path answers XLSX to a client that asks for it', async (t) => {
  const res = await app.inject({
    url: '/v1/findings?severity=warning',
    headers: { accept: XLSX_TYPE },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], XLSX_TYPE)
  t.match(res.headers.vary, /Accept/)
  t.same((await sheetOf(res.rawPayload)).rows, await csvRows('/v1/findings.csv?severity=warning'))
  const json = await app.inject({
    url: '/v1/findings',
    headers: { accept: `application/json, ${XLSX_TYPE};q=0.5` },
  })
  t.equal(json.headers['content-type'], 'application/json; charset=utf-8')
  const none = await app.inject({ url: '/v1/findings', headers: { accept: 'image/png' } })
  t.equal(none.statusCode, 406)
})

t.test('a whole table is kept per data version, sent as it is in any coding', async (t) => {
  const first = await app.inject({ url: '/v1/sections.xlsx', headers: { 'accept-encoding': 'br' } })
  const again = await app.inject({
    url: '/v1/sections.xlsx',
    headers: { 'accept-encoding': 'gzip' },
  })
  t.equal(first.headers['content-encoding'], undefined, 'a zip is not compressed again')
  t.equal(again.headers['content-encoding'], undefined)
  t.match(first.headers.etag, /^"[\w-]+"$/, 'a strong tag of the kept bytes')
  t.equal(again.headers.etag, first.headers.etag)
  t.same(again.rawPayload, first.rawPayload, 'the same bytes')
  const held = await app.inject({
    url: '/v1/sections.xlsx',
    headers: { 'if-none-match': first.headers.etag as string },
  })
  t.equal(held.statusCode, 304)
})

t.test('wrong parameters are refused as for the CSV', async (t) => {
  for (const [query, name] of [
    ['limit=5', 'limit'],
    ['sort=text', 'sort'],
    ['bom=true', 'bom'],
    ['kind=chapterette', 'kind'],
  ] as const) {
    const res = await app.inject(`/v1/sections.xlsx?${query}`)
    if (name === 'sort') {
      // sections sort by nothing: sort itself is unknown there.
      t.equal(res.statusCode, 400, query)
      continue
    }
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.equal(res.json().invalidParams[0].name, name, `${query} names ${name}`)
  }
  const sort = await app.inject('/v1/tasks.xlsx?sort=text')
  t.equal(sort.statusCode, 400)
  t.equal(sort.json().invalidParams[0].name, 'sort')
})

t.test('the OpenAPI document lists each XLSX download with its media type', async (t) => {
  const spec = (await app.inject('/openapi.json')).json()
  for (const { path } of Object.values(RESOURCES)) {
    const download = spec.paths[`${path}.xlsx`]?.get
    t.ok(download, `${path}.xlsx`)
    t.ok(download?.responses['200'].content[XLSX_TYPE], 'answers XLSX')
    // The list's 200 declares JSON alone (decision 0041); its description tells the negotiation.
    t.match(spec.paths[path].get.description, `${path}.xlsx`, `${path} names the download`)
    t.match(spec.paths[path].get.description, XLSX_TYPE, `${path} says it negotiates it`)
  }
})
