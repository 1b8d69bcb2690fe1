// A plan as a portal publishes it: a saved web page. The page holds far more than the plan
// (menus, a breadcrumb, share buttons, related links, the site's footer), and two things the
// plan text often lacks: the metadata box (索引号, 发文机关, 发文字号, 成文日期 …) and the title
// above the article. The article is the element that holds most of the page's text outside
// links; the box and then the title are written before it, the way a copied page reads, so that the
// parser's reading of boxes and page titles fills what the text leaves out.
import { parseDocument } from 'htmlparser2'
import { isTag, isText, type AnyNode, type Element } from 'domhandler'
import { PlanParseError } from '../errors.js'
import { isPortalLabel } from '../metadata.js'
import { compact } from '../text.js'
import { decodePage } from './charset.js'
import { isBlock, isUnseen, LineWriter, writeBlocks, type BlockOptions } from './html-blocks.js'
import { tableRows } from './html-tables.js'
import { MEDIA_TYPES, type ExtractedText } from './types.js'

/** Text outside links and inside them, in characters other than blanks. */
interface TextWeight {
  plain: number
  linked: number
}

/** Names of elements that are a page's furniture, not its article. */
const FURNITURE =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumb|crumbs?|share|bdshare|fenxiang|footer|foot|copyright|sidebar|related|xgxx|xglj|toolbar|print|pager|pagination|banner|qrcode|erweima|search)(?:$|[-_\s\d])/i

function isFurniture(element: Element): boolean {
  if (['nav', 'aside', 'footer'].includes(element.name)) return true
  return FURNITURE.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`)
}

function weigh(root: AnyNode): Map<AnyNode, TextWeight> {
  const weights = new Map<AnyNode, TextWeight>()
  const visit = (node: AnyNode, inLink: boolean): TextWeight => {
    let weight: TextWeight = { plain: 0, linked: 0 }
    if (isText(node)) {
      const n = node.data.replace(/\s+/g, '').length
      weight = inLink ? { plain: 0, linked: n } : { plain: n, linked: 0 }
    } else if ('children' in node && !(isTag(node) && isUnseen(node))) {
      const link = inLink || (isTag(node) && node.name === 'a')
      for (const child of node.children) {
        const w = visit(child, link)
        weight.plain += w.plain
        weight.linked += w.linked
      }
    }
    weights.set(node, weight)
    return weight
  }
  visit(root, false)
  return weights
}

/**
 * The article: from the page down, into the child that holds nearly all the text outside links
 * (menus are links, and a page's furniture holds little else), until no child does.
 */
function findArticle(root: AnyNode, weights: Map<AnyNode, TextWeight>): AnyNode {
  let current = root
  for (;;) {
    const total = weights.get(current)!.plain
    if (!('children' in current)) return current
    const children = current.children.filter(
      (c): c is Element => isTag(c) && !isUnseen(c) && !isFurniture(c),
    )
    const best = children.reduce<Element | null>(
      (a, c) => (a === null || weights.get(c)!.plain > weights.get(a)!.plain ? c : a),
      null,
    )
    if (best === null || weights.get(best)!.plain < 0.8 * total) return current
    current = best
  }
}

const BOX_LABEL =
  /索\s*引\s*号|主\s*题\s*分\s*类|发\s*文\s*机\s*关|发\s*布\s*机\s*构|发\s*文\s*字\s*号|成\s*文\s*日\s*期|发\s*布\s*日\s*期|公\s*文\s*种\s*类|主\s*题\s*词/g

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data
  if (!('children' in node) || (isTag(node) && isUnseen(node))) return ''
  return node.children.map(textOf).join('')
}

/** The smallest element naming three of the box's fields, outside the article's own text. */
function findMetadataBox(root: AnyNode): Element | null {
  let found: Element | null = null
  const visit = (node: AnyNode): boolean => {
    if (!isTag(node) && !('children' in node)) return false
    if (isTag(node) && isUnseen(node)) return false
    let inChild = false
    if ('children' in node) for (const child of node.children) inChild = visit(child) || inChild
    if (inChild || !isTag(node)) return inChild
    const text = textOf(node)
    if (text.length > 2000) return false
    const labels = new Set((text.match(BOX_LABEL) ?? []).map((l) => l.replace(/\s+/g, '')))
    if (labels.size < 3) return false
    found ??= node
    return true
  }
  visit(root)
  return found
}

/** Each field's label and value on one line: `label：value`, the way the parser reads a box. */
function pairFields(cells: string[]): string[] {
  const lines: string[] = []
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.replace(/\s+/g, ' ').trim()
    if (cell === '') continue
    const value = cells[i + 1]?.replace(/\s+/g, ' ').trim()
    if (isPortalLabel(cell) && value !== undefined && value !== '' && !isPortalLabel(value)) {
      lines.push(`${cell.replace(/[:：]$/, '')}：${value}`)
      i++
    } else lines.push(cell)
  }
  return lines
}

function tablesIn(element: Element): Element[] {
  if (element.name === 'table') return [element]
  return element.children.flatMap((c) => (isTag(c) ? tablesIn(c) : []))
}

/** The box as lines of fields: from its table's cells, else from its blocks. */
function boxLines(box: Element, options: BlockOptions): string[] {
  const rows = tablesIn(box).flatMap((table) => tableRows(table, (cell) => textOf(cell)) ?? [])
  if (rows.length > 0) return pairFields(rows.flatMap((row) => row.split('\t')))
  const out = new LineWriter()
  writeBlocks(box, out, { ...options, skip: new Set() })
  return pairFields(out.finish())
}

/** A title as portals mark it, best first: the CMS's meta tag, a title block, a heading. */
function titleCandidates(
  root: AnyNode,
  article: AnyNode,
): { text: string; element: Element | null }[] {
  const meta: string[] = []
  const marked: Element[] = []
  const headings: Element[] = []
  let pageTitle: string | null = null
  const visit = (node: AnyNode) => {
    if (node === article || !('children' in node)) return
    if (isTag(node)) {
      const name = (node.attribs.name ?? '').toLowerCase()
      if (node.name === 'meta' && /^(?:articletitle|dc\.title)$/.test(name)) {
        meta.push(node.attribs.content ?? '')
      }
      // <title> is unseen on the page, so its text is read here and not by textOf.
      if (node.name === 'title')
        pageTitle = node.children.map((c) => (isText(c) ? c.data : '')).join('')
      if (node.name !== 'head' && isUnseen(node)) return
      if (/^h[12]$/.test(node.name)) headings.push(node)
      else if (/title/i.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`))
        marked.push(node)
    }
    for (const child of node.children) visit(child)
  }
  visit(root)
  // <title> carries the site with the page: 关于印发…的通知_政策文件_某市人民政府.
  const fromPageTitle = (pageTitle ?? '')
    .split(/[_|｜]| - | — /u)
    .sort((a, b) => compact(b).length - compact(a).length)
    .slice(0, 1)
  return [
    ...meta.map((text) => ({ text, element: null })),
    ...marked.map((element) => ({ text: textOf(element), element })),
    ...headings.map((element) => ({ text: textOf(element), element })),
    ...fromPageTitle.map((text) => ({ text, element: null })),
  ]
}

/** The page's title where the article does not start with it. */
function findPageTitle(
  root: AnyNode,
  article: AnyNode,
  body: string[],
): { text: string; element: Element | null } | null {
  // A title line of the article's own: one of its first lines, and little else on it.
  const head = body.slice(0, 8).map(compact)
  const inArticle = (key: string) =>
    head.some((line) => line.includes(key) && line.length <= key.length + 12)
  for (const candidate of titleCandidates(root, article)) {
    const text = candidate.text.replace(/\s+/g, ' ').trim()
    const key = compact(text)
    if (key.length < 6 || key.length > 150) continue
    if (inArticle(key)) return null
    return { text, element: candidate.element }
  }
  return null
}

export function extractHtml(bytes: Uint8Array, file: string): ExtractedText {
  const page = decodePage(bytes, file)
  const document = parseDocument(page, { decodeEntities: true })
  const weights = weigh(document)
  const isLinkList = (element: Element) => {
    const w = weights.get(element)
    if (w === undefined || w.linked === 0 || !isBlock(element)) return false
    const links = countLinks(element)
    return links >= 3 && w.linked >= 2 * w.plain
  }
  const article = findArticle(document, weights)
  const box = findMetadataBox(document)
  const skip = new Set<Element>()
  if (box) skip.add(box)
  const options: BlockOptions = { skip, isLinkList }
  const out = new LineWriter()
  writeBlocks(article, out, options)
  const body = out.finish()
  const title = findPageTitle(document, article, body)
  if (body.length === 0) throw new PlanParseError(file, null, 'the page has no text')
  const lines = [...(box ? boxLines(box, options) : []), ...(title ? [title.text] : []), ...body]
  return { format: 'html', mediaType: MEDIA_TYPES.html, text: lines.join('\n'), pageOfLine: null }
}

function countLinks(element: Element): number {
  let n = 0
  const stack: AnyNode[] = [element]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isTag(node)) continue
    if (node.name === 'a') n++
    stack.push(...node.children)
  }
  return n
}
