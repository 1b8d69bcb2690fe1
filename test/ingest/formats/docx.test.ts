// The DOCX reader: Word's list numbering printed as Word prints it, tables a row a line, what a
// reader of the page sees and nothing else, the fixtures read to the facts of their text
// versions, and what is not a DOCX (or is a bomb) refused in bounded time and memory. DOCX
// files are built here, with the docx package where it writes what is tested, and as raw
// WordprocessingML in a ZIP written below where the test needs exact markup.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib'
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
} from 'docx'
import t from 'tap'
import { PlanParseError } from '../../../src/ingest/errors.js'
import { formatNumber } from '../../../src/ingest/formats/docx-number-formats.js'
import { extractDocx } from '../../../src/ingest/formats/docx.js'
import { projectRoot } from '../../../src/paths.js'

const formatsDir = join(projectRoot, 'test', 'fixtures', 'formats')

// --- Building DOCX files -------------------------------------------------------------------

interface ZipEntry {
  name: string
  data: Buffer
  /** The raw deflate stream to store instead of deflating `data`. */
  deflated?: Buffer
  /** The uncompressed size the archive declares, true or not. */
  declaredSize?: number
}

/** A ZIP archive, written by hand so that a test can make it lie. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const body = entry.deflated ?? deflateRawSync(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const crc = entry.deflated ? 0 : crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    header.writeUInt16LE(8, 10)
    header.writeUInt16LE(0x21, 14)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(body.length, 20)
    header.writeUInt32LE(size, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    central.push(header, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ')

/** A DOCX of raw WordprocessingML: the body's markup, and numbering and styles if given. */
function wordFile(body: string, parts: { numbering?: string; styles?: string } = {}): Buffer {
  const xml = (root: string, inner: string) =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><w:${root} ${NAMESPACES}>${inner}</w:${root}>`,
    )
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: xml('document', `<w:body>${body}</w:body>`) },
  ]
  if (parts.numbering) {
    entries.push({ name: 'word/numbering.xml', data: xml('numbering', parts.numbering) })
  }
  if (parts.styles) entries.push({ name: 'word/styles.xml', data: xml('styles', parts.styles) })
  return zip(entries)
}

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
const para = (text: string, pPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${run(text)}</w:p>`
const numPr = (numId: number, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`
const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`
const abstractNum = (id: number, levels: string, extra = '') =>
  `<w:abstractNum w:abstractNumId="${id}">${extra}${levels}</w:abstractNum>`
const num = (numId: number, abstractId: number, overrides = '') =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`

async function lines(bytes: Uint8Array): Promise<string[]> {
  return (await extractDocx(bytes, 'test.docx')).text.split('\n')
}

/** The reason a DOCX is refused for, or null when it is read. */
async function refusalOf(bytes: Uint8Array): Promise<string | null> {
  try {
    await extractDocx(bytes, 'test.docx')
    return null
  } catch (err) {
    if (err instanceof PlanParseError) return err.reason
    throw err
  }
}

/** The outline numbering of government documents: 一、 for parts, （一） for sections. */
const OUTLINE = {
  reference: 'outline',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    {
      level: 1,
      format: LevelFormat.CHINESE_COUNTING,
      text: '（%2）',
      alignment: AlignmentType.LEFT,
    },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
  ],
}

const packed = (children: (Paragraph | Table | Textbox)[], extra: object = {}) =>
  Packer.toBuffer(
    new Document({ numbering: { config: [OUTLINE] }, sections: [{ children, ...extra }] }),
  )

// --- List numbering ------------------------------------------------------------------------

t.test('list numbering: 一、 parts with （一） sections restarting under each', async (t) => {
  const item = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: 'outline', level } })
  const parts = Array.from({ length: 11 }, (_, k) => item(`第${k + 1}部分`, 0))
  const got = await lines(
    await packed([
      item('总体要求', 0),
      item('指导思想', 1),
      item('发展目标', 1),
      item('重点任务', 0),
      item('做好顶层设计', 1),
      item('突出纵向贯通。', 2),
      item('实施标准化工程。', 2),
      item('注重内涵建设', 1),
      item('做强五育并举。', 2),
      ...parts,
    ]),
  )
  t.same(got.slice(0, 9), [
    '一、总体要求',
    '（一）指导思想',
    '（二）发展目标',
    '二、重点任务',
    '（一）做好顶层设计',
    '1. 突出纵向贯通。',
    '2. 实施标准化工程。',
    '（二）注重内涵建设',
    '1. 做强五育并举。',
  ])
  t.same(
    got.slice(9).map((l) => l.slice(0, l.indexOf('、') + 1)),
    ['三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、', '十二、', '十三、'],
  )
})

t.test(
  'list numbering: bullets, numId 0, a missing list and an empty level text print no label',
  async (t) => {
    const numbering =
      abstractNum(0, level(0, 'decimal', '%1.')) +
      abstractNum(1, level(0, 'bullet', '●')) +
      abstractNum(2, level(0, 'decimal', '')) +
      num(1, 0) +
      num(2, 1) +
      num(3, 2)
    const styles =
      '<w:style w:type="paragraph" w:styleId="Numbered"><w:pPr>' +
      numPr(1, 0) +
      '</w:pPr></w:style>'
    const got = await lines(
      wordFile(
        para('甲', numPr(1, 0)) +
          para('乙', numPr(2, 0)) +
          // A style's numbering taken off on the paragraph.
          para('丙', '<w:pStyle w:val="Numbered"/>' + numPr(0)) +
          para('丁', numPr(9, 0)) +
          para('戊', numPr(3, 0)) +
          para('己', numPr(1, 0)),
        { numbering, styles },
      ),
    )
    t.same(got, ['1. 甲', '乙', '丙', '丁', '戊', '2. 己'])
  },
)

t.test(
  'list numbering from paragraph styles, along w:basedOn and through w:numStyleLink',
  async (t) => {
    const numbering =
      abstractNum(
        0,
        level(0, 'chineseCounting', '%1、', '<w:pStyle w:val="Heading1"/>') +
          level(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="Heading2"/>'),
      ) +
      // A definition that only points at a numbering style, whose list has the levels.
      abstractNum(5, '', '<w:numStyleLink w:val="PlanList"/>') +
      abstractNum(6, level(0, 'decimalEnclosedCircle', '%1'), '<w:styleLink w:val="PlanList"/>') +
      num(1, 0) +
      num(7, 5) +
      num(8, 6)
    const styles = [
      // The level is the one whose w:pStyle names the style.
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>' + numPr(1) + '</w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr>' + numPr(1) + '</w:pPr></w:style>',
      // Numbering inherited from the style it is based on.
      '<w:style w:type="paragraph" w:styleId="Heading2Red"><w:basedOn w:val="Heading2"/></w:style>',
      '<w:style w:type="numbering" w:styleId="PlanList"><w:pPr>' + numPr(8) + '</w:pPr></w:style>',
    ].join('')
    const got = await lines(
      wordFile(
        para('总体要求', '<w:pStyle w:val="Heading1"/>') +
          para('指导思想', '<w:pStyle w:val="Heading2"/>') +
          para('发展目标', '<w:pStyle w:val="Heading2Red"/>') +
          para('重点任务', '<w:pStyle w:val="Heading1"/>') +
          para('建设冷库。', numPr(7, 0)) +
          para('改造网点。', numPr(7, 0)),
        { numbering, styles },
      ),
    )
    t.same(got, [
      '一、总体要求',
      '（一）指导思想',
      '（二）发展目标',
      '二、重点任务',
      '①建设冷库。',
      '②改造网点。',
    ])
  },
)

t.test('lists of one definition continue each other; a startOverride restarts once', async (t) => {
  const numbering =
    abstractNum(0, level(0, 'decimal', '%1.')) +
    num(1, 0) +
    num(2, 0) +
    num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>') +
    num(
      4,
      0,
      '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride>',
    )
  const got = await lines(
    wordFile(
      para('a', numPr(1, 0)) +
        para('b', numPr(1, 0)) +
        para('c', numPr(2, 0)) +
        para('d', numPr(3, 0)) +
        para('e', numPr(3, 0)) +
        para('f', numPr(1, 0)) +
        para('g', numPr(4, 0)),
      { numbering },
    ),
  )
  // 4's override keeps the definition's level text and changes only the format.
  t.same(got, ['1. a', '2. b', '3. c', '5. d', '6. e', '7. f', 'VIII. g'])
})

t.test(
  'levels: restarts as w:lvlRestart says, %n in each level’s format, isLgl, w:suff',
  async (t) => {
    const numbering =
      abstractNum(
        0,
        level(0, 'chineseCounting', '第%1章', '<w:suff w:val="space"/>') +
          level(1, 'decimal', '%1.%2', '<w:isLgl/>') +
          // Never restarts: items run on across chapters.
          level(2, 'decimal', '%3．', '<w:lvlRestart w:val="0"/>') +
          level(3, 'lowerLetter', '%4)', '<w:suff w:val="nothing"/>'),
      ) + num(1, 0)
    const got = await lines(
      wordFile(
        para('总则', numPr(1, 0)) +
          para('目的', numPr(1, 1)) +
          para('甲', numPr(1, 2)) +
          para('子', numPr(1, 3)) +
          para('丑', numPr(1, 3)) +
          para('范围', numPr(1, 1)) +
          para('子', numPr(1, 3)) +
          para('任务', numPr(1, 0)) +
          para('乙', numPr(1, 2)) +
          para('分工', numPr(1, 1)),
        { numbering },
      ),
    )
    t.same(got, [
      '第一章 总则',
      '1.1 目的',
      '1．甲',
      'a)子',
      'b)丑',
      '1.2 范围',
      'a)子',
      '第二章 任务',
      '2．乙',
      '2.1 分工',
    ])
  },
)

t.test('number formats as Word writes them', async (t) => {
  const chinese = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map((n) =>
    formatNumber(n, 'chineseCounting'),
  )
  t.same(chinese, [
    '一',
    '二',
    '九',
    '十',
    '十一',
    '十九',
    '二十',
    '二十一',
    '九十九',
    '一百',
    '一百〇一',
    '一百一十',
    '一千',
  ])
  t.equal(formatNumber(13, 'chineseCountingThousand'), '十三')
  t.same(
    [1, 10, 12].map((n) => formatNumber(n, 'chineseLegalSimplified')),
    ['壹', '壹拾', '壹拾贰'],
  )
  t.same(
    [1, 3, 10, 11].map((n) => formatNumber(n, 'ideographTraditional')),
    ['甲', '丙', '癸', '11'],
  )
  t.same(
    [1, 12].map((n) => formatNumber(n, 'ideographZodiac')),
    ['子', '亥'],
  )
  t.same(
    [1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle')),
    ['①', '⑳', '21'],
  )
  t.equal(formatNumber(3, 'decimalEnclosedCircleChinese'), '③')
  t.equal(formatNumber(12, 'decimalFullWidth'), '１２')
  t.same(
    [2, 21].map((n) => formatNumber(n, 'decimalEnclosedParen')),
    ['⑵', '(21)'],
  )
  t.same(
    [1, 26, 27].map((n) => formatNumber(n, 'upperLetter')),
    ['A', 'Z', 'AA'],
  )
  t.equal(formatNumber(3, 'lowerLetter'), 'c')
  t.same(
    [4, 9, 14, 1994].map((n) => formatNumber(n, 'upperRoman')),
    ['IV', 'IX', 'XIV', 'MCMXCIV'],
  )
  t.equal(formatNumber(4, 'lowerRoman'), 'iv')
  t.equal(formatNumber(5, 'none'), '')
  t.equal(formatNumber(5, 'bullet'), '')
  t.equal(formatNumber(7, 'someFormatNotKnown'), '7')
  // A counter a file starts at a billion is not a billion letters.
  t.equal(formatNumber(1e9, 'upperLetter'), '1000000000')
})

// --- Tables --------------------------------------------------------------------------------

t.test(
  'tables: a merged cell repeats down its rows, a spanning cell leaves empty cells',
  async (t) => {
    const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...options })
    const got = await lines(
      await packed([
        new Table({
          rows: [
            new TableRow({
              children: [cell('序号'), cell('工作任务'), cell('责任单位'), cell('完成时限')],
            }),
            new TableRow({
              children: [
                cell('1'),
                cell('建设冷库。'),
                cell('市商务局', { rowSpan: 3 }),
                cell('2025年底'),
              ],
            }),
            new TableRow({ children: [cell('2'), cell('改造网点。'), cell('')] }),
            new TableRow({ children: [cell('3'), cell('培育主体。'), cell('2026年底')] }),
            new TableRow({ children: [cell('合计', { columnSpan: 2 }), cell('三项'), cell('')] }),
          ],
        }),
      ]),
    )
    t.same(got, [
      '序号\t工作任务\t责任单位\t完成时限',
      '1\t建设冷库。\t市商务局\t2025年底',
      // The empty cell at the end of the row goes.
      '2\t改造网点。\t市商务局',
      '3\t培育主体。\t市商务局\t2026年底',
      '合计\t\t三项',
    ])
  },
)

t.test(
  'tables: a cell’s paragraphs on one line, nested tables flattened, gridBefore',
  async (t) => {
    const tc = (inner: string, tcPr = '') =>
      `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`
    const nested = `<w:tbl><w:tr>${tc(para('子项'))}${tc(para('说明'))}</w:tr></w:tbl>`
    const body =
      '<w:tbl><w:tblGrid/>' +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(para('序号'))}${tc(para('工作任务'))}${tc(para('责任单位'))}</w:tr>` +
      `<w:tr>${tc(para('1'))}${tc(para('第一段。') + para('第二段。') + nested + '<w:p/>')}${tc(para('市教育局、') + para('市人社局'))}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(para('续行'))}</w:tr>` +
      // Content controls around rows and cells.
      `<w:sdt><w:sdtContent><w:tr>${tc(para('2'))}<w:sdt><w:sdtContent>${tc(para('乙。'))}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>` +
      '</w:tbl>' +
      para('表后段落')
    t.same(await lines(wordFile(body)), [
      '序号\t工作任务\t责任单位',
      '1\t第一段。 第二段。 子项 说明\t市教育局、 市人社局',
      '\t续行',
      '2\t乙。',
      '表后段落',
    ])
  },
)

// --- What a reader sees ----------------------------------------------------------------------

t.test(
  'a text box masthead is read where it stands, once, whichever markup holds it',
  async (t) => {
    const vml = await lines(
      await packed([
        new Textbox({
          style: { width: '300pt', height: '60pt' },
          children: [new Paragraph('某市人民政府办公室文件')],
        }),
        new Paragraph('某政办〔2024〕3号'),
      ]),
    )
    t.same(
      vml.filter((l) => l !== ''),
      ['某市人民政府办公室文件', '某政办〔2024〕3号'],
    )

    // Word writes a text box twice, as a DrawingML shape and as a VML fallback.
    const box = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`
    const alternate =
      '<w:p><w:r><mc:AlternateContent>' +
      `<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('某市人民政府文件')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('某市人民政府文件')}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r>' +
      run('关于印发方案的通知') +
      '</w:p>'
    t.same(await lines(wordFile(alternate)), ['某市人民政府文件', '关于印发方案的通知'])
  },
)

t.test(
  'changes as accepted: deletions out, insertions in, a deleted paragraph mark joins',
  async (t) => {
    const date = '2024-01-01T00:00:00Z'
    const tracked = await lines(
      await packed([
        new Paragraph({
          children: [
            new TextRun('到2025年，建成'),
            new DeletedTextRun({ text: '3', id: 1, author: 'x', date }),
            new InsertedTextRun({ text: '5', id: 2, author: 'x', date }),
            new TextRun('个示范园区。'),
          ],
        }),
      ]),
    )
    t.same(tracked, ['到2025年，建成5个示范园区。'])

    const deletedMark =
      '<w:rPr><w:del w:id="3" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
    const body =
      `<w:p><w:pPr>${deletedMark}</w:pPr>${run('一段被')}</w:p>` +
      para('接上的文字。') +
      '<w:p><w:moveFrom w:id="4" w:author="x" w:date="2024-01-01T00:00:00Z">' +
      run('移走的') +
      '</w:moveFrom>' +
      `<w:moveTo w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z">${run('移来的')}</w:moveTo>` +
      run('文字') +
      '</w:p>' +
      // A deletion whose text a generator left in w:t rather than w:delText.
      `<w:p>${run('保留')}<w:del w:id="6" w:author="x" w:date="2024-01-01T00:00:00Z">${run('删去')}</w:del></w:p>`
    t.same(await lines(wordFile(body)), ['一段被接上的文字。', '移来的文字', '保留'])
  },
)

t.test('fields: the result is read, the code is not', async (t) => {
  const simple = await lines(
    await packed([
      new Paragraph({
        children: [new TextRun('成文日期：'), new SimpleField('DATE', '2024年1月5日')],
      }),
    ]),
  )
  t.same(simple, ['成文日期：2024年1月5日'])

  const fldChar = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`
  const instr = (code: string) =>
    `<w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r>`
  const body =
    '<w:p>' +
    run('详见') +
    fldChar('begin') +
    instr(' HYPERLINK "http://example.org" ') +
    fldChar('separate') +
    run('附件1') +
    fldChar('end') +
    run('；共') +
    // A field nested in another's code: neither code is read, the outer result is.
    fldChar('begin') +
    instr(' IF ') +
    fldChar('begin') +
    instr(' NUMPAGES ') +
    fldChar('separate') +
    run('9') +
    fldChar('end') +
    instr(' > 1 "多页" "一页" ') +
    fldChar('separate') +
    run('多页') +
    fldChar('end') +
    run('。') +
    '</w:p>'
  t.same(await lines(wordFile(body)), ['详见附件1；共多页。'])
})

t.test('breaks, tabs, hidden text, symbols', async (t) => {
  const styles =
    '<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="HiddenToo"><w:basedOn w:val="Hidden"/></w:style>'
  const body =
    '<w:p>' +
    run('第一行') +
    '<w:r><w:br/></w:r>' +
    run('第二行') +
    '<w:r><w:br w:type="page"/></w:r>' +
    run('接续') +
    '<w:r><w:tab/></w:r>' +
    run('空格') +
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
    '<w:r><w:rPr><w:rStyle w:val="HiddenToo"/></w:rPr><w:t>也隐藏</w:t></w:r>' +
    '<w:r><w:rPr><w:rStyle w:val="Hidden"/><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>' +
    '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="宋体" w:char="2605"/></w:r>' +
    '<w:r><w:t>制表\t换行\n结束</w:t></w:r>' +
    '</w:p>' +
    // A hidden paragraph is not a line.
    '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>整段隐藏</w:t></w:r></w:p>' +
    para('末段')
  t.same(await lines(wordFile(body, { styles })), [
    '第一行',
    '第二行接续 空格显示★制表 换行 结束',
    '末段',
  ])
})

t.test('headers, footers and footnotes are not read', async (t) => {
  const got = await lines(
    await packed([new Paragraph('正文')], {
      headers: { default: new Header({ children: [new Paragraph('页眉：某市人民政府')] }) },
      footers: { default: new Footer({ children: [new Paragraph('— 1 —')] }) },
    }),
  )
  t.same(got, ['正文'])
})

t.test(
  'WordprocessingML under another prefix, or the default namespace, reads the same',
  async (t) => {
    const main = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    const document =
      `<document xmlns="${main}" xmlns:x="${main}"><body>` +
      '<p><r><t>默认命名空间</t></r></p>' +
      '<x:p><x:pPr><x:numPr><x:ilvl x:val="0"/><x:numId x:val="1"/></x:numPr></x:pPr><x:r><x:t>另一前缀</x:t></x:r></x:p>' +
      // w bound to something else is not WordprocessingML.
      '<w:p xmlns:w="urn:not-word"><w:r><w:t>不是正文</w:t></w:r></w:p>' +
      '</body></document>'
    const numbering = `<w:numbering xmlns:w="${main}">${abstractNum(0, level(0, 'chineseCounting', '%1、'))}${num(1, 0)}</w:numbering>`
    const bytes = zip([
      { name: 'word/document.xml', data: Buffer.from(document) },
      { name: 'word/numbering.xml', data: Buffer.from(numbering) },
    ])
    t.same(await lines(bytes), ['默认命名空间', '一、另一前缀'])
  },
)

// --- The fixtures --------------------------------------------------------------------------

for (const docx of ['xinzheng.docx', 'second-plan.docx']) {
  // The facts the parser finds in each fixture: published.test.ts, for every format.
  t.test(`${docx} is read as a DOCX`, async (t) => {
    const extracted = await extractDocx(readFileSync(join(formatsDir, docx)), docx)
    t.equal(extracted.format, 'docx')
    t.equal(
      extracted.mediaType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    t.equal(extracted.pageOfLine, null)
    t.match(extracted.text, /^一、/m, 'its outline labels come from numbering.xml')
  })
}

// --- Refusals ------------------------------------------------------------------------------

/** Runs `work`, sampling the resident set size, and gives how far it rose above the start. */
async function memoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 2)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, process.memoryUsage().rss) - before
}

/** A raw deflate stream of `megabytes` MB of zeros, a few hundred bytes a megabyte. */
function zeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlibConstants.Z_FULL_FLUSH })
  // A final, empty block of fixed codes ends the stream.
  return Buffer.concat([
    ...Array.from({ length: megabytes }, () => block),
    Buffer.from([0x03, 0x00]),
  ])
}

const MB = 1024 * 1024

t.test('zip bombs are refused in bounded time and memory', async (t) => {
  const cases: [string, () => Buffer, RegExp][] = [
    [
      'bomb.docx',
      () => readFileSync(join(formatsDir, 'bomb.docx')),
      /^word\/document\.xml would inflate to 1024\.0 MB, over the 50\.0 MB allowed$/,
    ],
    [
      'lying-sizes.docx',
      () => readFileSync(join(formatsDir, 'lying-sizes.docx')),
      /^word\/document\.xml inflates to more than the \d+ bytes it declares$/,
    ],
    [
      // Declared within the limit, and a gigabyte in truth: reading stops at the declared size.
      '40 MB declared, 1 GB inflated',
      () =>
        zip([
          {
            name: 'word/document.xml',
            data: Buffer.alloc(0),
            deflated: zeros(1024),
            declaredSize: 40 * MB,
          },
        ]),
      /^word\/document\.xml inflates to more than the 40\.0 MB it declares$/,
    ],
  ]
  for (const [name, bytes, reason] of cases) {
    const input = bytes()
    let refusal: string | null = null
    const started = performance.now()
    const growth = await memoryGrowth(async () => {
      refusal = await refusalOf(input)
    })
    const ms = performance.now() - started
    t.match(refusal, reason, name)
    t.ok(growth < 100 * MB, `${name}: memory grew ${(growth / MB).toFixed(0)} MB`)
    t.ok(ms < 60_000, `${name}: refused in ${ms.toFixed(0)} ms, not unbounded`)
  }
})

t.test('what is not a DOCX is refused, saying what it is', async (t) => {
  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(512),
  ])
  const cases: [string, Buffer, string][] = [
    ['empty', Buffer.alloc(0), 'the file is empty'],
    ['a text file', Buffer.from('一、总体要求\n'), 'not a DOCX file (no word/document.xml)'],
    [
      'a PDF',
      readFileSync(join(formatsDir, 'xinzheng.pdf')),
      'not a DOCX file (no word/document.xml)',
    ],
    [
      'a ZIP without word/document.xml',
      zip([{ name: 'word/styles.xml', data: Buffer.from('<w:styles/>') }]),
      'not a DOCX file (no word/document.xml)',
    ],
    [
      'a .doc or an encrypted .docx',
      ole,
      'a Word 97–2003 .doc or an encrypted document: save it as .docx without a password',
    ],
    [
      'an RTF file',
      Buffer.from('{\\rtf1\\ansi 一、总体要求}'),
      'an RTF document, not a DOCX: save it as .docx',
    ],
    [
      'a DOCX of pictures only',
      wordFile('<w:p/><w:p><w:r><w:drawing/></w:r></w:p>'),
      'the document has no text (a scan saved as Word is pictures, not text)',
    ],
  ]
  for (const [name, bytes, reason] of cases) t.equal(await refusalOf(bytes), reason, name)
  const download = readFileSync(join(formatsDir, 'xinzheng.docx'))
  t.match(
    await refusalOf(download.subarray(0, download.length >> 1)),
    /^a damaged or truncated ZIP archive \(.+\)$/,
    'a download cut short',
  )
  // The message names the file, on one line.
  await t.rejects(extractDocx(Buffer.alloc(0), 'plan.docx'), {
    message: 'plan.docx: the file is empty',
  })
})

t.test('a document.xml too large as a tree is refused as it is read', async (t) => {
  const cases: [string, () => Buffer, string][] = [
    [
      'more than 2,000,000 elements',
      () => wordFile('<w:p/>'.repeat(2_000_001)),
      'word/document.xml has more than 2,000,000 elements',
    ],
    [
      'one paragraph of 200,001 runs',
      () => wordFile(`<w:p>${'<w:r/>'.repeat(200_001)}</w:p>`),
      'word/document.xml has a paragraph, table row or entry of more than 200,000 elements',
    ],
    [
      'nested 1,001 deep',
      () => wordFile(`${'<w:sdt>'.repeat(1001)}${'</w:sdt>'.repeat(1001)}`),
      'word/document.xml nests elements over 1000 deep',
    ],
  ]
  for (const [name, bytes, reason] of cases) {
    const input = bytes()
    const started = performance.now()
    t.equal(await refusalOf(input), reason, name)
    const ms = performance.now() - started
    t.ok(ms < 60_000, `${name}: refused in ${ms.toFixed(0)} ms, not unbounded`)
  }
  // Just under the limits is read.
  t.same(await lines(wordFile('<w:p/>'.repeat(100_000) + para('末段'))), [
    ...Array(100_000).fill(''),
    '末段',
  ])
})

t.test('markup made to multiply work costs no more than its size', async (t) => {
  const timed = async (name: string, bytes: Buffer) => {
    const started = performance.now()
    const refusal = await refusalOf(bytes)
    const ms = performance.now() - started
    t.ok(ms < 60_000, `${name}: ${ms.toFixed(0)} ms, not unbounded`)
    return refusal
  }
  const big = '字'.repeat(2_000_000)
  const nested =
    '<w:tbl><w:tr><w:tc>'.repeat(300) + para(big) + '</w:tc></w:tr></w:tbl>'.repeat(300)
  t.equal(await timed('a large text in tables nested 300 deep', wordFile(nested)), null)

  const deletedMark =
    '<w:pPr><w:rPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
  const joined = `<w:p>${deletedMark}<w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>`.repeat(
    50_000,
  )
  t.equal(await timed('50,000 paragraphs joined by deleted marks', wordFile(joined)), null)

  const prefixes = Array.from({ length: 10_000 }, (_, k) => `xmlns:p${k}="urn:p${k}"`).join(' ')
  const declaring = Buffer.from(
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ${prefixes}><w:body>` +
      '<w:p xmlns:q="urn:q"/>'.repeat(200_000) +
      para('末段').replace('<w:p>', '<w:p xmlns:q="urn:q">') +
      '</w:body></w:document>',
  )
  t.equal(
    await timed(
      '200,000 elements declaring a namespace under 10,000 others',
      zip([{ name: 'word/document.xml', data: declaring }]),
    ),
    null,
  )

  t.equal(
    await timed('a stray end tag', wordFile(para('甲') + '</w:tbl>'.repeat(1_000_000))),
    'word/document.xml is not well-formed XML (an end tag that does not match its start tag)',
  )

  // A merged cell of 100,000 characters repeated down 200 rows: 20 million characters.
  const tc = (inner: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${inner}</w:tc>`
  const repeated =
    '<w:tbl>' +
    `<w:tr>${tc(para('1'))}${tc(para('丙'.repeat(100_000)), '<w:vMerge w:val="restart"/>')}</w:tr>` +
    `<w:tr>${tc(para('2'))}${tc('<w:p/>', '<w:vMerge/>')}</w:tr>`.repeat(200) +
    '</w:tbl>'
  t.equal(
    await timed('a merged cell repeated into a text too long', wordFile(repeated)),
    "the document's text runs over 10 million characters; a plan has far fewer",
  )

  const wide = `<w:tbl><w:tr>${tc(para('甲'), '<w:gridSpan w:val="1000000000"/>')}${tc(para('乙'))}</w:tr></w:tbl>`
  t.equal(await timed('a cell spanning a billion columns', wordFile(wide)), null)
  t.equal((await lines(wordFile(wide)))[0]!.split('\t').length, 65)
})
