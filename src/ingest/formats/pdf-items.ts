// The text of one page as pieces with positions: pdfjs's text items, placed on the page as it is
// shown. Only horizontal text is kept: a diagonal watermark or a vertical stamp caption is not
// part of the plan's text, and would cut across its lines.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { multiply } from './pdf-geometry.js'
import type { TextPiece } from './pdf-types.js'

/**
 * Kangxi radicals (⼀ U+2F00, ⼈ U+2F08) and radical supplements, which some producers' ToUnicode
 * tables give for the common ideographs they look like: read as those ideographs. The rest of
 * the text is left as it is (NFKC on all of it would turn full-width punctuation half-width).
 */
function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2ef3\u2f00-\u2fd5]/g, (c) => c.normalize('NFKC'))
}

interface Item {
  str: string
  transform: number[]
  width: number
}

function isItem(item: object): item is Item {
  return 'str' in item && 'transform' in item
}

/** Text pieces of a page; `viewport` maps the PDF's coordinates to the page as shown. */
export async function readPieces(page: PDFPageProxy, viewport: number[]): Promise<TextPiece[]> {
  const content = await page.getTextContent()
  const pieces: TextPiece[] = []
  for (const item of content.items) {
    if (!isItem(item) || item.str.trim() === '') continue
    const [a, b, c, d, x, y] = multiply(viewport, item.transform)
    const size = Math.hypot(c, d)
    // Horizontal, left to right, upright: the direction vector (a, b) points right.
    if (size === 0 || a <= 0 || Math.abs(b) > a * 0.05) continue
    pieces.push({ text: unifyRadicals(item.str), x, y, width: Math.abs(item.width), size })
  }
  return pieces
}
