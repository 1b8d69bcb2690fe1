// A page's elements as lines of text: a block element (paragraph, heading, list item, division)
// is a line of its own, inline elements run together, <br> breaks a line. Tables become rows of
// cells (html-tables.ts); a table used for layout, one column wide or holding other tables, is
// read as the blocks it holds.
import { isTag, isText, type AnyNode, type Element } from 'domhandler'
import { tableRows } from './html-tables.js'

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/** Elements whose content is never text a reader sees. */
const UNSEEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'option',
  'head',
  'title',
  'map',
  'audio',
  'video',
])

export function isUnseen(element: Element): boolean {
  if (UNSEEN.has(element.name)) return true
  if (element.attribs.hidden !== undefined) return true
  // Portals hide the whole page until their scripts have run (<body style="visibility:
  // hidden">): a saved page is read as it shows once loaded.
  if (element.name === 'body' || element.name === 'html') return false
  const style = (element.attribs.style ?? '').replace(/\s+/g, '').toLowerCase()
  return style.includes('display:none') || style.includes('visibility:hidden')
}

export function isBlock(element: Element): boolean {
  return BLOCK.has(element.name)
}

/** Collects text into lines: blocks and <br> end the line being written. */
export class LineWriter {
  readonly lines: string[] = []
  private current = ''

  write(text: string): void {
    this.current += text
  }

  endLine(): void {
    const line = this.current.trim()
    if (line !== '') this.lines.push(line)
    this.current = ''
  }

  /** A finished line, such as a table row, written whole. */
  writeLine(line: string): void {
    this.endLine()
    if (line.trim() !== '') this.lines.push(line)
  }

  finish(): string[] {
    this.endLine()
    return this.lines
  }
}

/**
 * Whitespace of the markup (newlines and indentation of the source) is one space, as a browser
 * shows it; no-break and ideographic spaces are the text's own and are kept for the decoder.
 */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ')
}

export interface BlockOptions {
  /** Elements left out wherever they stand (the metadata box, a title already written). */
  skip: Set<Element>
  /** Whether an element is a list of links (a menu, related links) rather than text. */
  isLinkList: (element: Element) => boolean
}

export function writeBlocks(node: AnyNode, out: LineWriter, options: BlockOptions): void {
  if (isText(node)) {
    out.write(collapse(node.data))
    return
  }
  if (!isTag(node)) {
    if ('children' in node) for (const child of node.children) writeBlocks(child, out, options)
    return
  }
  if (options.skip.has(node) || isUnseen(node)) return
  if (node.name === 'br') {
    out.endLine()
    return
  }
  const block = isBlock(node)
  if (block && options.isLinkList(node)) return
  if (node.name === 'table') {
    const rows = tableRows(node, (cell) => cellText(cell, options))
    if (rows !== null) {
      for (const row of rows) out.writeLine(row)
      return
    }
  }
  if (block) out.endLine()
  for (const child of node.children) writeBlocks(child, out, options)
  if (block) out.endLine()
}

/** A table cell's text: its own lines joined by one space. */
function cellText(cell: Element, options: BlockOptions): string {
  const out = new LineWriter()
  for (const child of cell.children) writeBlocks(child, out, options)
  return out.finish().join(' ')
}
