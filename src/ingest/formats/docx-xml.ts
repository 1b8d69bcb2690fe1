// The XML of a Word part, parsed with htmlparser2 as a stream of small trees: the children of
// the elements a reader picks (the paragraphs and tables of w:body, the rows of those tables,
// the w:style entries of w:styles) are each built as a tree, handed over, and dropped, so that
// memory holds one paragraph or table row, not the document, and the limits an untrusted file
// needs are checked as it is read. Elements are named by namespace, not by the prefix a file
// happens to use: whatever prefix (or default namespace) a generator binds to WordprocessingML,
// its elements come out as w:p, w:r, w:t. Only the text of the elements that carry text is
// kept; the whitespace between elements of a pretty-printed part would only cost memory.
import type { ChildNode, Element } from 'domhandler'
import { DomHandler, DomUtils, ElementType, Parser } from 'htmlparser2'
import { PlanParseError } from '../errors.js'

export type { Element }

/** A hundred-page plan has a few hundred thousand elements; this many is not a plan. */
const MAX_ELEMENTS = 2_000_000
/**
 * The most elements held at once: those read since the last tree was handed over. A paragraph
 * or table row runs to a few thousand; a part built to hold a million in one would cost a
 * gigabyte as a tree.
 */
const MAX_HELD_ELEMENTS = 200_000
/** Real parts nest a few dozen deep (a table in a text box in a table); the readers recurse. */
const MAX_DEPTH = 1000

/** The prefix each known namespace is given, whatever the file calls it. */
const CANONICAL_PREFIX = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  // ISO 29500 Strict, which Word writes when asked to.
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
])
const RESERVED_PREFIXES = new Set(CANONICAL_PREFIX.values())

function isCanonical(prefix: string, uri: string): boolean {
  const wanted = CANONICAL_PREFIX.get(uri)
  return wanted === undefined ? !RESERVED_PREFIXES.has(prefix) : wanted === prefix
}

/**
 * The namespace bindings in force where the parser is: each prefix's namespaces, innermost
 * last, pushed and popped as elements open and close, so that a lookup and a declaration cost
 * the same however many bindings are in force.
 */
class NamespaceScopes {
  private readonly bindings = new Map<string, string[]>()
  /** For each open element, the prefixes it declared. */
  private readonly declared: (string[] | null)[] = []
  /** Bindings in force that give a prefix other than its canonical one. */
  private nonCanonical = 0

  open(attribs: Record<string, string>): void {
    let prefixes: string[] | null = null
    for (const key of Object.keys(attribs)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue
      const prefix = key === 'xmlns' ? '' : key.slice(6)
      const uri = attribs[key]!
      let uris = this.bindings.get(prefix)
      if (!uris) this.bindings.set(prefix, (uris = []))
      uris.push(uri)
      if (!isCanonical(prefix, uri)) this.nonCanonical++
      ;(prefixes ??= []).push(prefix)
    }
    this.declared.push(prefixes)
  }

  close(): void {
    for (const prefix of this.declared.pop() ?? []) {
      const uri = this.bindings.get(prefix)!.pop()!
      if (!isCanonical(prefix, uri)) this.nonCanonical--
    }
  }

  /** Every name in force is already canonical (as in every file Word writes): none to rename. */
  get canonical(): boolean {
    return this.nonCanonical === 0
  }

  uri(prefix: string): string | undefined {
    const uris = this.bindings.get(prefix)
    return uris?.[uris.length - 1]
  }

  /** The name with the canonical prefix of its namespace. */
  canonicalName(qualified: string): string {
    const colon = qualified.indexOf(':')
    const prefix = colon < 0 ? '' : qualified.slice(0, colon)
    if (prefix === 'xmlns' || prefix === 'xml') return qualified
    const local = qualified.slice(colon + 1)
    const uri = this.uri(prefix)
    const canonical = uri === undefined ? undefined : CANONICAL_PREFIX.get(uri)
    if (canonical !== undefined) return `${canonical}:${local}`
    // A prefix the readers know, bound here to some other namespace, must not pass for it; left
    // undeclared, as careless generators leave it, it is taken at its word.
    if (uri !== undefined && RESERVED_PREFIXES.has(prefix)) return `other-${prefix}:${local}`
    return qualified
  }
}

export interface PartReading {
  /** The part's name, for refusals: word/document.xml. */
  part: string
  file: string
  /** Whether the children of `el` are handed to `onChild` one at a time, then dropped. */
  streams: (el: Element) => boolean
  onChild: (el: Element, parent: Element) => void
  /** The elements whose text is kept (w:t and the like); the text anywhere else is dropped. */
  textIn?: ReadonlySet<string>
}

class WordTreeBuilder extends DomHandler {
  private elements = 0
  private held = 0
  /** End tags seen, for the parser to check that each closed one element. */
  closed = 0
  private readonly scopes = new NamespaceScopes()

  constructor(private readonly reading: PartReading) {
    super(undefined, { xmlMode: true })
  }

  refuse(reason: string): never {
    throw new PlanParseError(this.reading.file, null, `${this.reading.part} ${reason}`)
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.elements > MAX_ELEMENTS) {
      this.refuse(`has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`)
    }
    if (++this.held > MAX_HELD_ELEMENTS) {
      const most = MAX_HELD_ELEMENTS.toLocaleString('en')
      this.refuse(`has a paragraph, table row or entry of more than ${most} elements`)
    }
    if (this.tagStack.length > MAX_DEPTH) this.refuse(`nests elements over ${MAX_DEPTH} deep`)
    this.scopes.open(attribs)
    if (this.scopes.canonical) {
      super.onopentag(name, attribs)
      return
    }
    const named: Record<string, string> = {}
    for (const key of Object.keys(attribs)) {
      // An unprefixed attribute is in no namespace and keeps its name.
      named[key.includes(':') ? this.scopes.canonicalName(key) : key] = attribs[key]!
    }
    super.onopentag(this.scopes.canonicalName(name), named)
  }

  override onclosetag(): void {
    this.closed++
    const element = this.tagStack[this.tagStack.length - 1] as Element
    this.scopes.close()
    super.onclosetag()
    const parent = element.parent
    if (parent?.type === ElementType.Tag && this.reading.streams(parent)) {
      this.reading.onChild(element, parent)
      // Read and done with: the next sibling starts a new tree.
      parent.children.length = 0
      element.parent = null
      element.prev = null
      this.held = 0
    }
  }

  override ontext(data: string): void {
    const parent = this.tagStack[this.tagStack.length - 1]
    if (parent?.type === ElementType.Tag && this.reading.textIn?.has(parent.name)) {
      super.ontext(data)
    }
  }

  override oncomment(): void {}
  override onprocessinginstruction(): void {}
}

/**
 * htmlparser2, made strict about end tags: one that closes no element, or closes others left
 * open inside it, makes the part not XML. Being lenient, as for HTML, would cost a search of
 * the open elements for every such tag: millions of stray end tags, each searched for through
 * a thousand open elements, would take minutes.
 */
class WellFormedParser extends Parser {
  constructor(private readonly builder: WordTreeBuilder) {
    super(builder, { xmlMode: true })
  }

  override onclosetag(start: number, endIndex: number): void {
    const closed = this.builder.closed
    super.onclosetag(start, endIndex)
    if (this.builder.closed !== closed + 1) {
      this.builder.refuse('is not well-formed XML (an end tag that does not match its start tag)')
    }
  }
}

/**
 * Reads one part, handing each child of an element `streams` picks to `onChild` as a tree of
 * its own, as soon as it closes.
 * Refuses a part past the element or depth limit, in the time it takes to reach it.
 */
export function readWordXml(xml: string, reading: PartReading): void {
  new WellFormedParser(new WordTreeBuilder(reading)).end(xml)
}

/** Decodes a part's bytes: UTF-8, or UTF-16 when it begins with a byte-order mark (OPC allows it). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

function isElement(node: ChildNode): node is Element {
  return node.type === ElementType.Tag
}

function elementsOf(nodes: readonly ChildNode[]): Element[] {
  return nodes.filter(isElement)
}

export function childElements(el: Element): Element[] {
  return elementsOf(el.children)
}

export function firstChild(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null
  for (const node of el.children) {
    if (isElement(node) && node.name === name) return node
  }
  return null
}

export function childrenNamed(el: Element | null | undefined, name: string): Element[] {
  return el ? childElements(el).filter((c) => c.name === name) : []
}

export function attr(el: Element | null | undefined, name = 'w:val'): string | undefined {
  return el ? DomUtils.getAttributeValue(el, name) : undefined
}

/** A whole number attribute (w:val by default), or null when absent or not a number. */
export function intAttr(el: Element | null | undefined, name = 'w:val'): number | null {
  const value = attr(el, name)
  if (value === undefined || !/^\s*[-+]?\d+\s*$/.test(value)) return null
  return Number(value)
}

/**
 * An on/off property (w:vanish, w:isLgl): null when the element is absent, else what its w:val
 * says, absent meaning on.
 */
export function onOff(el: Element | null | undefined): boolean | null {
  if (!el) return null
  const value = attr(el)
  return value === undefined || !/^(?:false|0|off)$/i.test(value.trim())
}

export function textOf(el: Element): string {
  return DomUtils.textContent(el)
}
