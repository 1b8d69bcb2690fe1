// Reading a document page by page: each page's text pieces and rulings, placed on the page as it
// is shown. Pages are read one at a time and let go of after, so the memory held is that of
// the pieces, not of pdfjs's fonts and drawing lists for every page.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { readPieces } from './pdf-items.js'
import type { Pdfjs } from './pdf-open.js'
import { readRulings } from './pdf-rulings.js'
import type { PageContent } from './pdf-types.js'

/** A border thicker than this share of the page's width is a shaded area, not a line. */
const MAX_RULING_THICKNESS = 0.006
/** A stroke shorter than this share of the page's width is a tick or part of a drawing. */
const MIN_RULING_LENGTH = 0.01

export async function readPages(document: PDFDocumentProxy, pdfjs: Pdfjs): Promise<PageContent[]> {
  const pages: PageContent[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    try {
      const viewport = page.getViewport({ scale: 1 })
      const pieces = await readPieces(page, viewport.transform)
      const rulings = await readRulings(page, pdfjs, viewport.transform, {
        maxThickness: viewport.width * MAX_RULING_THICKNESS,
        minLength: viewport.width * MIN_RULING_LENGTH,
      })
      pages.push({ number, width: viewport.width, height: viewport.height, pieces, rulings })
    } finally {
      page.cleanup()
    }
  }
  return pages
}
