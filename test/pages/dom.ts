// Pages read as a browser's parser reads them, for tests that compare what a page shows with
// what the REST lists hold: elements by id, the text a person sees in them, the links they hold.
import { parseDocument } from 'htmlparser2'
import { isTag, type Document, type Element } from 'domhandler'
import { findAll, getAttributeValue, getElementById, textContent } from 'domutils'

export type Page = Document

export const parsePage = (html: string): Page => parseDocument(html)

/** The element with this id, or undefined. */
export const byId = (page: Page | Element, id: string): Element | undefined =>
  getElementById(id, page.children) ?? undefined

/** Text with runs of white space as one space, trimmed: what a person reads. */
export const textOf = (node: Element | Page): string =>
  textContent(node).replace(/\s+/g, ' ').trim()

/** The descendants with this tag name, in document order. */
export const all = (node: Element | Page, tag: string): Element[] =>
  findAll((e) => e.name === tag, node.children)

/** The element children of a node, in order. */
export const childrenOf = (node: Element | Page): Element[] =>
  node.children.filter((c): c is Element => isTag(c))

/** The text of each cell of a table row. */
export const cellsOf = (row: Element): string[] =>
  row.children
    .filter((c): c is Element => 'name' in c && (c.name === 'td' || c.name === 'th'))
    .map(textOf)

/** Each link's href, in document order. */
export const hrefsOf = (node: Element | Page): string[] =>
  all(node, 'a').map((a) => getAttributeValue(a, 'href') ?? '')

export const attributeOf = (element: Element, name: string) => getAttributeValue(element, name)
