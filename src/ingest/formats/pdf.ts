// The PDF reader: a plan published as a PDF, as the text the parser reads. The text is read with
// its positions (pdfjs), then put back into the shape of a plan text: lines rebuilt from
// positions, running heads, feet and page numbers dropped, tables rebuilt from their borders
// (one line a row, cells joined by tabs), paragraphs joined across line and page breaks. A PDF
// without text (a scan), with a password or damaged is refused with a reason.
import { PlanParseError } from '../errors.js'
import { groupLines } from './pdf-lines.js'
import { dropMargins, type PageLines } from './pdf-margins.js'
import { withPdfDocument } from './pdf-open.js'
import { readPages } from './pdf-pages.js'
import { buildParagraphs, measureLayout } from './pdf-paragraphs.js'
import { readRuledTables } from './pdf-ruled-tables.js'
import { stitchTables } from './pdf-table-pages.js'
import type { Block, PageContent, PageTable } from './pdf-types.js'
import { isTableHeader, readUnruledTables } from './pdf-unruled-tables.js'
import { MEDIA_TYPES, type ExtractedText } from './types.js'

/** A plan runs to tens of pages; a thousand is far past any, and bounds the work. */
export const MAX_PDF_PAGES = 1000
/**
 * Fewer characters than this a page, on average, is a scan with a stray caption or none: a page
 * of a plan holds several hundred, its shortest (a signature page) a few dozen.
 */
const MIN_CHARACTERS_PER_PAGE = 60
/** Borders closer than this share of the page's width meet. */
const RULING_TOLERANCE = 0.004
/** Tables on two pages whose columns are this close (share of page width) are one table. */
const COLUMN_TOLERANCE = 0.01

/** The first bytes of a file that is not a PDF, said in words a person recognizes. */
function notAPdfReason(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.includes('%PDF-')) return null
  if (/^\s*</.test(head) && /<(?:!doctype\s+html|html|head|body)\b/i.test(head)) {
    return 'the file is not a PDF but an HTML page'
  }
  if (head.startsWith('PK')) return 'the file is not a PDF but a ZIP archive (a Word file?)'
  return 'the file is not a PDF (no %PDF- header)'
}

/**
 * A PDF ends with %%EOF, perhaps followed by some padding; one with none was cut short. (One with
 * much after its last %%EOF may be a cut incremental update or junk a server appended: pdfjs
 * is left to judge it.)
 */
function isTruncated(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf('%%EOF') < 0
}

function checkTextLayer(pages: PageContent[], file: string): void {
  const characters = pages.reduce(
    (n, page) => n + page.pieces.reduce((m, p) => m + p.text.replace(/\s/g, '').length, 0),
    0,
  )
  if (characters < pages.length * MIN_CHARACTERS_PER_PAGE) {
    const found =
      characters === 0
        ? 'no text layer'
        : `almost no text (${characters} characters on ${pages.length} page${pages.length === 1 ? '' : 's'})`
    throw new PlanParseError(
      file,
      null,
      `the PDF has ${found}: a scanned image? run OCR on it first`,
    )
  }
}

/** Each page's tables and lines in reading order, running heads and feet left out. */
function readBlocks(pages: PageContent[]): Block[] {
  const tablesOf = new Map<number, PageTable[]>()
  const pageLines: PageLines[] = pages.map((page) => {
    const ruled = readRuledTables(
      page.pieces,
      page.rulings,
      page.number,
      page.width * RULING_TOLERANCE,
    )
    tablesOf.set(page.number, ruled.tables)
    return { page: page.number, height: page.height, lines: groupLines(ruled.rest, page.number) }
  })
  const blocks: Block[] = []
  for (const { page, lines } of dropMargins(pageLines, isTableHeader)) {
    const unruled = readUnruledTables(lines, page)
    const onPage: { top: number; block: Block }[] = [
      ...unruled.rest.map((line) => ({ top: line.y - line.size, block: { kind: 'line', line } })),
      ...[...(tablesOf.get(page) ?? []), ...unruled.tables].map((table) => ({
        top: table.top,
        block: { kind: 'table', table },
      })),
    ] as { top: number; block: Block }[]
    blocks.push(...onPage.sort((a, b) => a.top - b.top).map((b) => b.block))
  }
  return blocks
}

export async function extractPdf(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  if (bytes.length === 0) throw new PlanParseError(file, null, 'the file is empty')
  const notAPdf = notAPdfReason(bytes)
  if (notAPdf !== null) throw new PlanParseError(file, null, notAPdf)
  if (isTruncated(bytes)) {
    throw new PlanParseError(
      file,
      null,
      'the PDF is damaged (it is cut short: no %%EOF at its end)',
    )
  }
  return withPdfDocument(bytes, file, async (document, pdfjs) => {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new PlanParseError(
        file,
        null,
        `the PDF has ${document.numPages} pages; a plan has at most ${MAX_PDF_PAGES}`,
      )
    }
    const pages = await readPages(document, pdfjs)
    checkTextLayer(pages, file)
    const blocks = readBlocks(pages)
    const width = pages[0]?.width ?? 0
    const flow = stitchTables(blocks, width * COLUMN_TOLERANCE)
    const layout = measureLayout(flow.flatMap((item) => (item.kind === 'line' ? [item.line] : [])))
    const lines = buildParagraphs(flow, layout)
    return {
      format: 'pdf',
      mediaType: MEDIA_TYPES.pdf,
      text: lines.map((l) => l.text).join('\n'),
      pageOfLine: lines.map((l) => l.page),
    }
  })
}
