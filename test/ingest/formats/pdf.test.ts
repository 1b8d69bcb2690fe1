// Plans published as PDF: the text read from the fixtures (rendered from the plan texts, with a
// running header, — N — page numbers and task tables over several pages) gives the parser the
// same facts as the texts themselves; scans, passwords, damaged and mislabelled files are refused.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { PlanParseError } from '../../../src/ingest/errors.js'
import { extractPdf, MAX_PDF_PAGES } from '../../../src/ingest/formats/pdf.js'
import { dropMargins } from '../../../src/ingest/formats/pdf-margins.js'
import { loadPdfjs } from '../../../src/ingest/formats/pdf-open.js'
import { readRuledTables } from '../../../src/ingest/formats/pdf-ruled-tables.js'
import { readRulings } from '../../../src/ingest/formats/pdf-rulings.js'
import { readUnruledTables } from '../../../src/ingest/formats/pdf-unruled-tables.js'
import { groupLines } from '../../../src/ingest/formats/pdf-lines.js'
import { stitchTables } from '../../../src/ingest/formats/pdf-table-pages.js'
import type {
  PageTable,
  Ruling,
  TextLine,
  TextPiece,
} from '../../../src/ingest/formats/pdf-types.js'
import { projectRoot } from '../../../src/paths.js'
import { bundledPlanPath, readPlan, secondPlanPath } from '../../helper.js'

const formats = join(projectRoot, 'test', 'fixtures', 'formats')
const fixture = (name: string) => new Uint8Array(readFileSync(join(formats, name)))

/** Refusal reason of a file, or null if it was read. */
async function refusal(bytes: Uint8Array, file: string): Promise<string | null> {
  try {
    await extractPdf(bytes, file)
    return null
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error
    return error.reason
  }
}

const plans = [
  { pdf: 'xinzheng.pdf', text: bundledPlanPath, header: '新郑市人民政府办公室' },
  { pdf: 'second-plan.pdf', text: secondPlanPath, header: '洛阳市人民政府办公室' },
]

for (const { pdf, text, header } of plans) {
  // The facts the parser finds in each fixture: published.test.ts, for every format.
  t.test(`${pdf}: no page number or running header survives`, async (t) => {
    const lines = (await extractPdf(fixture(pdf), pdf)).text.split('\n')
    const pageNumbers = lines.filter((l) =>
      /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页|\d+\s*\/\s*\d+|\d+)$/.test(l.trim()),
    )
    t.same(pageNumbers, [])
    // The running header is the issuer's name, which the text also has where it signs: no more
    // lines of it than the text has.
    const inText = readFileSync(text, 'utf8')
      .split('\n')
      .filter((l) => l.trim() === header).length
    t.equal(lines.filter((l) => l.trim() === header).length, inText)
  })
}

t.test('a task row cut by a page break is one row, with its units', async (t) => {
  const extracted = await extractPdf(fixture('xinzheng.pdf'), 'xinzheng.pdf')
  const lines = extracted.text.split('\n')
  const expected = readPlan(bundledPlanPath).tasks.find((task) => task.number === 4)!
  // The task table ends where the agency table (序号 | 单位名称 | …) starts.
  const agencyTable = lines.findIndex((l) => l.startsWith('序号\t单位名称'))
  t.ok(agencyTable > 0)
  const rows = lines.flatMap((l, k) => (k < agencyTable && l.startsWith('4\t') ? [k] : []))
  t.equal(rows.length, 1, 'one row numbered 4')
  const cells = lines[rows[0]!]!.split('\t')
  t.equal(cells.length, 3)
  t.equal(cells[1]!.replace(/\s+/g, ''), expected.text.replace(/\s+/g, ''), 'its whole text')
  t.match(cells[2]!, /^市教育局、市人社局、市发展改革委、科工信局、相关乡镇/, 'its units')
  t.equal(extracted.pageOfLine![rows[0]!], 18, 'on the page it starts on')
  // Its rest opened page 19, under the header the producer repeated there.
  const next = lines.findIndex((l, k) => k > rows[0]! && l.startsWith('序号\t'))
  t.equal(extracted.pageOfLine![next], 19)
})

t.test('pageOfLine gives the page each line starts on', async (t) => {
  const extracted = await extractPdf(fixture('second-plan.pdf'), 'second-plan.pdf')
  const lines = extracted.text.split('\n')
  const pageOf = (text: string) => extracted.pageOfLine![lines.findIndex((l) => l === text)]
  t.equal(pageOf('洛政办〔2024〕5 号'), 1)
  t.equal(pageOf('一、工作目标'), 2)
  t.equal(pageOf('四、保障措施'), 6)
  t.equal(pageOf('附件'), 7)
  t.equal(pageOf('主办：市民政局'), 10)
})

t.test('refusals: a scan, a password, a damaged file, not a PDF', async (t) => {
  t.equal(
    await refusal(fixture('scanned.pdf'), 'scanned.pdf'),
    'the PDF has no text layer: a scanned image? run OCR on it first',
  )
  t.match(await refusal(fixture('encrypted.pdf'), 'encrypted.pdf'), /password-protected/)
  const whole = fixture('second-plan.pdf')
  t.match(await refusal(whole.subarray(0, whole.length >> 1), 'cut.pdf'), /^the PDF is damaged/)
  // Its objects wiped, its ends kept: pdfjs finds it broken and says why.
  const wiped = Buffer.from(whole)
  wiped.fill(0x41, 2000, wiped.length - 3000)
  t.match(await refusal(wiped, 'wiped.pdf'), /^the PDF is damaged \(.+\)$/)
  t.equal(
    await refusal(Buffer.from('%PDF-1.7\n' + 'x'.repeat(500) + '\n%%EOF\n'), 'x.pdf'),
    'the PDF is damaged (invalid pdf structure)',
  )
  t.match(await refusal(fixture('html-named.pdf'), 'html-named.pdf'), /not a PDF but an HTML/)
  t.match(await refusal(Buffer.from('一、总体要求\n'), 'plan.pdf'), /not a PDF/)
  t.equal(await refusal(new Uint8Array(), 'empty.pdf'), 'the file is empty')
  // Every reason is one line, and the message names the file.
  const error = await extractPdf(fixture('scanned.pdf'), 'scanned.pdf').catch((e: Error) => e)
  t.match(String(error), /^PlanParseError: scanned\.pdf: [^\n]+$/)
})

t.test('the caller keeps its bytes: pdfjs is given a copy', async (t) => {
  const bytes = fixture('second-plan.pdf')
  const before = bytes.length
  await extractPdf(bytes, 'second-plan.pdf')
  t.equal(bytes.length, before)
  t.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-')
})

/** A PDF of `pages` empty pages, with a correct cross-reference table. */
function emptyPagesPdf(pages: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from(
      { length: pages },
      (_, k) => `${k + 3} 0 R`,
    ).join(' ')}] >>`,
    ...Array.from(
      { length: pages },
      () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ),
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((body, k) => {
    const offset = pdf.length
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`
    return offset
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

t.test('more pages than a plan has are refused before any is read', async (t) => {
  t.equal(
    await refusal(emptyPagesPdf(MAX_PDF_PAGES + 1), 'long.pdf'),
    `the PDF has ${MAX_PDF_PAGES + 1} pages; a plan has at most ${MAX_PDF_PAGES}`,
  )
  // The same file with fewer pages passes that check, and is then found to hold no text.
  t.match(await refusal(emptyPagesPdf(3), 'blank.pdf'), /no text layer/)
})

t.test('pdfjs prints nothing, even on a damaged file', async (t) => {
  const printed: string[] = []
  const methods = ['log', 'warn', 'error', 'info', 'debug'] as const
  const originals = methods.map((m) => console[m])
  methods.forEach((m) => {
    console[m] = (...args: unknown[]) => void printed.push(args.join(' '))
  })
  try {
    await extractPdf(fixture('second-plan.pdf'), 'second-plan.pdf')
    const wiped = Buffer.from(fixture('second-plan.pdf'))
    wiped.fill(0x41, 2000, wiped.length - 3000)
    await refusal(wiped, 'wiped.pdf')
    // The damaged file leaves rejections inside pdfjs: give them their turn.
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    methods.forEach((m, k) => (console[m] = originals[k]!))
  }
  t.same(printed, [])
})

// The steps on their own, on pages made up in the test.

const piece = (text: string, x: number, y: number, width: number, size = 10): TextPiece => ({
  text,
  x,
  y,
  width,
  size,
})
const h = (at: number, from: number, to: number): Ruling => ({ horizontal: true, at, from, to })
const v = (at: number, from: number, to: number): Ruling => ({ horizontal: false, at, from, to })

t.test('a ruled table: rows from the borders, a merged cell repeated into its rows', async (t) => {
  const rulings = [
    ...[0, 40, 240, 340].map((x) => v(x, 0, 100)),
    h(0, 0, 340),
    h(20, 0, 340),
    h(60, 0, 340),
    h(80, 0, 240), // no border under 市财政局: its cell covers rows 2 and 3
    h(100, 0, 340),
  ]
  const pieces = [
    piece('序号', 5, 15, 20),
    piece('工作任务', 45, 15, 40),
    piece('责任单位', 245, 15, 40),
    piece('1', 15, 45, 5), // centred in its row, level with neither line of its text
    piece('甲任务第一行', 45, 35, 190),
    piece('续行。', 45, 50, 30),
    piece('市民政局', 245, 45, 40),
    piece('2', 15, 75, 5),
    piece('乙任务。', 45, 75, 40),
    piece('市财政局', 245, 85, 40),
    piece('3', 15, 95, 5),
    piece('丙任务。', 45, 95, 40),
    piece('表外的一段文字', 0, 130, 70),
  ]
  const { tables, rest } = readRuledTables(pieces, rulings, 1, 2)
  t.equal(tables.length, 1)
  t.same(
    tables[0]!.rows.map((r) => r.cells),
    [
      ['序号', '工作任务', '责任单位'],
      ['1', '甲任务第一行续行。', '市民政局'],
      ['2', '乙任务。', '市财政局'],
      ['3', '丙任务。', '市财政局'],
    ],
  )
  t.same(
    rest.map((p) => p.text),
    ['表外的一段文字'],
  )
  // Without its vertical borders it is no table: its text is read as text.
  t.same(
    readRuledTables(
      pieces,
      rulings.filter((r) => r.horizontal),
      1,
      2,
    ).tables,
    [],
  )
})

t.test('a table over two pages: the cut row joined, the repeated header kept', async (t) => {
  const table = (page: number, rows: string[][]): PageTable => ({
    page,
    top: 0,
    bottom: 100,
    columnEdges: [0, 40, 240, 340],
    rows: rows.map((cells, k) => ({ cells, top: k * 10 })),
    ruled: true,
  })
  const header = ['序号', '工作任务', '责任单位']
  const flow = stitchTables(
    [
      {
        kind: 'table',
        table: table(1, [header, ['1', '甲任务。', '市民政局'], ['2', '乙任务的前', '市财政局']]),
      },
      {
        kind: 'table',
        table: table(2, [header, ['', '半部分。', ''], ['3', '丙任务。', '市商务局']]),
      },
    ],
    3,
  )
  t.equal(flow.length, 1)
  const rows = flow[0]!.kind === 'rows' ? flow[0]!.rows : []
  t.same(
    rows.map((r) => [r.page, ...r.cells]),
    [
      [1, ...header],
      [1, '1', '甲任务。', '市民政局'],
      [1, '2', '乙任务的前半部分。', '市财政局'],
      [2, ...header],
      [2, '3', '丙任务。', '市商务局'],
    ],
  )
  // Columns that differ make another table.
  const other = {
    ...table(2, [
      ['序号', '单位名称'],
      ['1', '市民政局'],
    ]),
    columnEdges: [0, 60, 340],
  }
  t.equal(
    stitchTables(
      [
        { kind: 'table', table: table(1, [header]) },
        { kind: 'table', table: other },
      ],
      3,
    ).length,
    2,
  )
})

t.test('margins: page numbers and running lines go, the body stays', async (t) => {
  const line = (page: number, text: string, y: number): TextLine => ({
    page,
    text,
    pieces: [],
    x0: 80,
    x1: 80 + text.length * 16,
    y,
    size: 16,
  })
  const pages = [1, 2, 3, 4].map((page) => ({
    page,
    height: 842,
    lines: [
      line(page, '某市人民政府办公室', 60),
      line(page, `正文第${page}页。`, 400),
      line(page, '3', 420), // a number in the body is text
      line(page, [`— ${page} —`, `- ${page} -`, `第 ${page} 页`, `${page}/4`][page - 1]!, 790),
      ...(page === 2 ? [line(page, '只在一页上的脚注', 800)] : []),
    ],
  }))
  t.same(
    dropMargins(pages).map((p) => p.lines.map((l) => l.text)),
    [
      ['正文第1页。', '3'],
      ['正文第2页。', '3', '只在一页上的脚注'],
      ['正文第3页。', '3'],
      ['正文第4页。', '3'],
    ],
  )
})

t.test('rulings: stroked segments and thin filled rectangles, placed by the matrix', async (t) => {
  const pdfjs = await loadPdfjs()
  const { OPS } = pdfjs
  const MOVE = 0
  const LINE = 1
  const CURVE = 2
  const CLOSE = 4
  const path = (...data: number[]) => [new Float32Array(data)]
  const ops: [number, unknown][] = [
    // A stroked horizontal segment, as LibreOffice draws a border.
    [OPS.constructPath, [OPS.stroke, path(MOVE, 10, 800, LINE, 300, 800), null]],
    // Word's way: a thin filled rectangle, inside a scaled and moved coordinate system.
    [OPS.save, null],
    [OPS.transform, [2, 0, 0, 2, 100, 0]],
    [
      OPS.constructPath,
      [OPS.fill, path(MOVE, 0, 100, LINE, 0.25, 100, LINE, 0.25, 300, LINE, 0, 300, CLOSE), null],
    ],
    [OPS.restore, null],
    // Not borders: a clipping path, a curve, a shaded block, a white line.
    [OPS.constructPath, [OPS.endPath, path(MOVE, 0, 0, LINE, 500, 0), null]],
    [OPS.constructPath, [OPS.stroke, path(MOVE, 0, 10, CURVE, 5, 20, 10, 20, 20, 10), null]],
    [
      OPS.constructPath,
      [OPS.fill, path(MOVE, 0, 0, LINE, 100, 0, LINE, 100, 50, LINE, 0, 50, CLOSE), null],
    ],
    [OPS.setStrokeRGBColor, ['#ffffff']],
    [OPS.constructPath, [OPS.stroke, path(MOVE, 10, 700, LINE, 300, 700), null]],
  ]
  const page = {
    getOperatorList: async () => ({
      fnArray: ops.map((o) => o[0]),
      argsArray: ops.map((o) => o[1]),
    }),
  } as unknown as Parameters<typeof readRulings>[0]
  const rulings = await readRulings(page, pdfjs, [1, 0, 0, -1, 0, 842], {
    maxThickness: 3,
    minLength: 5,
  })
  t.same(
    rulings.map((r) => ({ ...r, at: Math.round(r.at * 100) / 100 })),
    [
      { horizontal: true, at: 42, from: 10, to: 300 },
      { horizontal: false, at: 100.25, from: 242, to: 642 },
    ],
  )
})

t.test('a table without borders: columns from its header, rows from its 序号', async (t) => {
  const lines = groupLines(
    [
      piece('一、总体要求', 50, 80, 60),
      piece('序号', 50, 100, 20),
      piece('工作任务', 150, 100, 40),
      piece('责任单位', 345, 100, 40),
      // Row 1: the number and the units centred on the middle line of three.
      piece('甲任务的第一行文字写满了这一格', 90, 115, 200),
      piece('1', 55, 130, 5),
      piece('甲任务的第二行文字也写满了这格', 90, 130, 200),
      piece('市民政局', 340, 130, 40),
      piece('第三行。', 90, 145, 40),
      // Row 2: two lines, the number and units centred between them.
      piece('乙任务的第一行文字写满了这一格', 90, 160, 200),
      piece('2', 55, 167.5, 5),
      piece('市财政局', 340, 167.5, 40),
      piece('第二行。', 90, 175, 40),
      // A paragraph after the table runs across its columns.
      piece('二、保障措施之后的一段正文文字，跨过了表格的各栏。', 50, 200, 330),
    ],
    1,
  )
  const { tables, rest } = readUnruledTables(lines, 1)
  t.equal(tables.length, 1)
  t.same(
    tables[0]!.rows.map((r) => r.cells),
    [
      ['序号', '工作任务', '责任单位'],
      ['1', '甲任务的第一行文字写满了这一格甲任务的第二行文字也写满了这格第三行。', '市民政局'],
      ['2', '乙任务的第一行文字写满了这一格第二行。', '市财政局'],
    ],
  )
  t.same(
    rest.map((l) => l.text),
    ['一、总体要求', '二、保障措施之后的一段正文文字，跨过了表格的各栏。'],
  )
})
