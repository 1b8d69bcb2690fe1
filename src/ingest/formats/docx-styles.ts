// What word/styles.xml says that changes the text a reader sees: the list numbering a paragraph
// style carries (a 标题 1 style numbered 一、 numbers every paragraph in it), the numbering a
// numbering style stands for (w:numStyleLink), and hidden text set on a style. Styles inherit
// from the style they are based on (w:basedOn); each property is looked up along that chain.
import { attr, firstChild, intAttr, onOff, type Element } from './docx-xml.js'

interface Style {
  id: string
  basedOn: string | null
  numId: number | null
  ilvl: number | null
  vanish: boolean | null
}

/** The numbering a paragraph gets from its style: each part null when no style in the chain sets it. */
export interface StyleNumbering {
  numId: number | null
  ilvl: number | null
}

/** How far a chain of w:basedOn is followed; Word's own limit is lower, and cycles exist. */
const MAX_CHAIN = 50

export class WordStyles {
  private readonly styles = new Map<string, Style>()
  /** The paragraph style of a paragraph that names none (w:default="1"). */
  defaultParagraphStyle: string | null = null

  /** Takes in one child of w:styles; all but w:style are of no concern here. */
  add(el: Element): void {
    if (el.name !== 'w:style') return
    const id = attr(el, 'w:styleId')
    if (id === undefined || this.styles.has(id)) return
    const type = attr(el, 'w:type') ?? 'paragraph'
    const numPr = firstChild(firstChild(el, 'w:pPr'), 'w:numPr')
    this.styles.set(id, {
      id,
      basedOn: attr(firstChild(el, 'w:basedOn')) ?? null,
      numId: intAttr(firstChild(numPr, 'w:numId')),
      ilvl: intAttr(firstChild(numPr, 'w:ilvl')),
      vanish: onOff(firstChild(firstChild(el, 'w:rPr'), 'w:vanish')),
    })
    if (type === 'paragraph' && isDefault(el)) this.defaultParagraphStyle ??= id
  }

  /** The styles from `id` up its w:basedOn chain, nearest first. */
  private *chain(id: string | null): Generator<Style> {
    const seen = new Set<string>()
    while (id !== null && !seen.has(id) && seen.size < MAX_CHAIN) {
      seen.add(id)
      const style = this.styles.get(id)
      if (!style) return
      yield style
      id = style.basedOn
    }
  }

  /** Looked up once per style and property: every run of a paragraph asks again. */
  private readonly found = new Map<string, number | boolean | null>()

  private nearest<K extends 'numId' | 'ilvl' | 'vanish'>(id: string | null, key: K): Style[K] {
    if (id === null) return null
    const cacheKey = `${key} ${id}`
    if (this.found.has(cacheKey)) return this.found.get(cacheKey) as Style[K]
    let value: Style[K] = null
    for (const style of this.chain(id)) {
      if (style[key] !== null) {
        value = style[key]
        break
      }
    }
    this.found.set(cacheKey, value)
    return value
  }

  /** Style `id` and those it is based on, nearest first. */
  lineage(id: string | null): string[] {
    const ids: string[] = []
    for (const style of this.chain(id)) ids.push(style.id)
    return ids
  }

  /** The list numbering of paragraph style `id`, numId and level each inherited on its own. */
  numberingOf(id: string | null): StyleNumbering {
    return { numId: this.nearest(id, 'numId'), ilvl: this.nearest(id, 'ilvl') }
  }

  /** Whether a style (paragraph or character) hides its text; null when none in its chain says. */
  hides(id: string | null): boolean | null {
    return this.nearest(id, 'vanish')
  }

  /** The w:num a numbering style (the target of a w:numStyleLink) stands for. */
  numIdOfNumberingStyle(id: string): number | null {
    return this.nearest(id, 'numId')
  }
}

function isDefault(el: Element): boolean {
  const value = attr(el, 'w:default')
  return value !== undefined && /^(?:1|true|on)$/i.test(value)
}
