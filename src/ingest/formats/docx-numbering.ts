// Word's automatic list numbering (word/numbering.xml), turned into the labels Word prints. In a
// plan typed in Word the 一、 of a part and the （一） of a section are often not in the text at
// all: the paragraph says it is level 0 or 1 of list 3, and Word counts. Without the count the
// outline is gone, so this counts the way Word does.
//
// The counting rule, as Word and LibreOffice apply it: the counters belong to the abstract
// definition (w:abstractNum, after following w:numStyleLink), so two lists (w:num) of one
// definition continue each other's count; a list with a w:startOverride for a level restarts
// that level the first time the list numbers a paragraph at it. Numbering a paragraph at one
// level resets the deeper levels (each as its w:lvlRestart says), which then start again from
// w:start. A level above that has not been counted yet prints its w:start.
import { formatNumber } from './docx-number-formats.js'
import type { WordStyles } from './docx-styles.js'
import {
  attr,
  childElements,
  childrenNamed,
  firstChild,
  intAttr,
  onOff,
  type Element,
} from './docx-xml.js'

const LEVELS = 9

export interface LevelDefinition {
  start: number
  /** w:numFmt: decimal, chineseCounting, bullet, … */
  format: string
  /** w:lvlText: %1..%9 stand for the counters of levels 1..9. */
  text: string
  /** w:isLgl: every counter in the text in decimal. */
  legal: boolean
  /** w:lvlRestart: restart after a use of a level up to this one (1-based); 0 never; null any above. */
  restartAfter: number | null
  /** w:suff: what stands between the label and the text. */
  suffix: string
  /** w:pStyle: the paragraph style this level numbers. */
  style: string | null
}

interface AbstractNumbering {
  levels: (LevelDefinition | undefined)[]
  /** w:numStyleLink: this definition is the one the named numbering style stands for. */
  numStyleLink: string | null
  /** w:styleLink: this definition is the named numbering style's. */
  styleLink: string | null
}

interface NumberingInstance {
  abstractId: string
  startOverrides: Map<number, number>
  /** Levels redefined for this list only (w:lvlOverride/w:lvl), as written. */
  levelOverrides: Map<number, Partial<LevelDefinition>>
}

/** A list as it counts: the levels of its definition, with its own overrides applied. */
export interface NumberedList {
  /** Lists of one definition share its counters. */
  definitionId: string
  levels: (LevelDefinition | undefined)[]
  startOverrides: ReadonlyMap<number, number>
}

/** A label to print before a paragraph's text, and what separates the two. */
export interface ListLabel {
  label: string
  separator: string
}

/** How many hops of w:numStyleLink are followed before a definition is taken as it is. */
const MAX_LINKS = 5

/**
 * The longest level text read. Word's own run to a few characters (%1、, （%2）, 第%1章); a
 * longer one, printed before every paragraph of its level, would only multiply a file's size.
 */
const MAX_LEVEL_TEXT = 256

const DEFAULT_LEVEL: LevelDefinition = {
  // ECMA-376 17.9.25: a level without w:start starts at 0, and Word and LibreOffice agree.
  start: 0,
  format: 'decimal',
  text: '',
  legal: false,
  restartAfter: null,
  suffix: 'tab',
  style: null,
}

/** What a w:lvl says, each property undefined where it says nothing. */
function readLevel(lvl: Element): Partial<LevelDefinition> {
  const lvlText = firstChild(lvl, 'w:lvlText')
  const level: Partial<LevelDefinition> = {
    start: intAttr(firstChild(lvl, 'w:start')) ?? undefined,
    format: numberFormatOf(lvl) ?? undefined,
    text: lvlText ? levelText(lvlText) : undefined,
    legal: onOff(firstChild(lvl, 'w:isLgl')) ?? undefined,
    restartAfter: intAttr(firstChild(lvl, 'w:lvlRestart')) ?? undefined,
    suffix: attr(firstChild(lvl, 'w:suff')),
    style: attr(firstChild(lvl, 'w:pStyle')),
  }
  for (const key of Object.keys(level) as (keyof LevelDefinition)[]) {
    if (level[key] === undefined) delete level[key]
  }
  return level
}

/** w:lvlText: its w:val, or nothing when it says w:null. */
function levelText(lvlText: Element): string {
  if (onOff(firstChild(lvlText, 'w:null'))) return ''
  return (attr(lvlText) ?? '').slice(0, MAX_LEVEL_TEXT)
}

/**
 * w:numFmt, which Word 2010 and later may wrap in mc:AlternateContent: a custom format (001,
 * 002, …) for those who read it, a plain one as the fallback. The plain one is taken.
 */
function numberFormatOf(lvl: Element): string | null {
  const direct = attr(firstChild(lvl, 'w:numFmt'))
  if (direct !== undefined) return direct
  for (const alternate of childrenNamed(lvl, 'mc:AlternateContent')) {
    for (const branch of childElements(alternate)) {
      const format = attr(firstChild(branch, 'w:numFmt'))
      if (format !== undefined && format !== 'custom') return format
    }
  }
  return null
}

/** The w:lvl children of a definition or override, by level, the first of each kept. */
function levelsOf(parent: Element): Map<number, Element> {
  const levels = new Map<number, Element>()
  for (const lvl of childrenNamed(parent, 'w:lvl')) {
    const ilvl = intAttr(lvl, 'w:ilvl') ?? 0
    if (ilvl >= 0 && ilvl < LEVELS && !levels.has(ilvl)) levels.set(ilvl, lvl)
  }
  return levels
}

/** The list definitions of word/numbering.xml, taken in one child at a time. */
export class WordNumbering {
  private readonly abstracts = new Map<string, AbstractNumbering>()
  private readonly instances = new Map<number, NumberingInstance>()

  constructor(readonly styles: WordStyles) {}

  /** Takes in one child of w:numbering: a definition (w:abstractNum) or a list (w:num). */
  add(el: Element): void {
    if (el.name === 'w:abstractNum') this.addDefinition(el)
    else if (el.name === 'w:num') this.addInstance(el)
  }

  private addDefinition(el: Element): void {
    const id = attr(el, 'w:abstractNumId')
    if (id === undefined || this.abstracts.has(id)) return
    const levels: (LevelDefinition | undefined)[] = []
    for (const [ilvl, lvl] of levelsOf(el)) levels[ilvl] = { ...DEFAULT_LEVEL, ...readLevel(lvl) }
    this.abstracts.set(id, {
      levels,
      numStyleLink: attr(firstChild(el, 'w:numStyleLink')) ?? null,
      styleLink: attr(firstChild(el, 'w:styleLink')) ?? null,
    })
  }

  private addInstance(el: Element): void {
    const numId = intAttr(el, 'w:numId')
    const abstractId = attr(firstChild(el, 'w:abstractNumId'))
    if (numId === null || abstractId === undefined || this.instances.has(numId)) return
    const startOverrides = new Map<number, number>()
    const levelOverrides = new Map<number, Partial<LevelDefinition>>()
    for (const override of childrenNamed(el, 'w:lvlOverride')) {
      const ilvl = intAttr(override, 'w:ilvl') ?? 0
      if (ilvl < 0 || ilvl >= LEVELS) continue
      const start = intAttr(firstChild(override, 'w:startOverride'))
      if (start !== null) startOverrides.set(ilvl, start)
      const lvl = firstChild(override, 'w:lvl')
      if (lvl) levelOverrides.set(ilvl, readLevel(lvl))
    }
    this.instances.set(numId, { abstractId, startOverrides, levelOverrides })
  }

  private readonly resolved = new Map<number, NumberedList | null>()

  /** List `numId` as it counts: its definition's id and levels, its overrides applied. */
  list(numId: number): NumberedList | null {
    let list = this.resolved.get(numId)
    if (list === undefined) {
      list = this.resolve(numId)
      this.resolved.set(numId, list)
    }
    return list
  }

  private resolve(numId: number): NumberedList | null {
    const instance = this.instances.get(numId)
    if (!instance) return null
    const definition = this.definitionOf(instance.abstractId)
    if (!definition) return null
    const levels: (LevelDefinition | undefined)[] = []
    for (let k = 0; k < LEVELS; k++) {
      const override = instance.levelOverrides.get(k)
      const base = definition.def.levels[k]
      levels[k] = override ? { ...(base ?? DEFAULT_LEVEL), ...override } : base
    }
    return { definitionId: definition.id, levels, startOverrides: instance.startOverrides }
  }

  /**
   * The definition that counts for a list, and its id: w:numStyleLink is followed to the
   * numbering style, the list that style names, and that list's definition.
   */
  private definitionOf(abstractId: string): { id: string; def: AbstractNumbering } | null {
    let id = abstractId
    for (let hop = 0; hop <= MAX_LINKS; hop++) {
      const def = this.abstracts.get(id)
      if (!def) return null
      if (def.numStyleLink === null) return { id, def }
      const linkedNumId = this.styles.numIdOfNumberingStyle(def.numStyleLink)
      const linked = linkedNumId === null ? null : this.instances.get(linkedNumId)
      const target =
        linked && linked.abstractId !== id ? linked.abstractId : this.styleLinked(def.numStyleLink)
      if (target === null || target === id) return { id, def }
      id = target
    }
    return null
  }

  /** The definition of each numbering style (w:styleLink), found once all are read. */
  private styleLinks: Map<string, string> | null = null

  private styleLinked(style: string): string | null {
    if (!this.styleLinks) {
      this.styleLinks = new Map()
      for (const [id, def] of this.abstracts) {
        if (def.styleLink !== null && !this.styleLinks.has(def.styleLink)) {
          this.styleLinks.set(def.styleLink, id)
        }
      }
    }
    return this.styleLinks.get(style) ?? null
  }
}

/** The counters of a document's lists as its paragraphs are read in order. */
export class ListCounters {
  /** By abstract definition id: the last number of each level, undefined when not counted. */
  private readonly counters = new Map<string, (number | undefined)[]>()
  /** `${numId}:${ilvl}` of the start overrides already applied. */
  private readonly overridden = new Set<string>()

  constructor(private readonly numbering: WordNumbering) {}

  /**
   * Counts a paragraph numbered as level `ilvl` of list `numId` (null when not given: the level
   * whose w:pStyle is the paragraph's style, else 0) and gives the label it prints, or null for
   * none (no such list, numId 0, a bullet, an empty level text).
   */
  next(numId: number, ilvl: number | null, paragraphStyle: string | null): ListLabel | null {
    if (numId === 0) return null
    const list = this.numbering.list(numId)
    if (!list) return null
    const levelAt = (k: number) => list.levels[k]
    const level = ilvl ?? levelOfStyle(list, this.numbering.styles.lineage(paragraphStyle)) ?? 0
    if (level < 0 || level >= LEVELS) return null
    const definition = levelAt(level)
    if (!definition) return null

    let counters = this.counters.get(list.definitionId)
    if (!counters) this.counters.set(list.definitionId, (counters = []))
    const key = `${numId}:${level}`
    const override = list.startOverrides.get(level)
    let value: number
    if (override !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key)
      value = override
    } else {
      const last = counters[level]
      value = last === undefined ? definition.start : last + 1
    }
    counters[level] = value
    for (let deeper = level + 1; deeper < LEVELS; deeper++) {
      const restartAfter = levelAt(deeper)?.restartAfter ?? null
      // lvlRestart n: restarts after a use of levels 1..n (1-based), so of 0-based levels < n.
      if (restartAfter === null || (restartAfter !== 0 && level < restartAfter)) {
        counters[deeper] = undefined
      }
    }

    if (definition.format === 'bullet') return null
    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1
      const at = levelAt(k)
      if (!at || k > level) return ''
      const n = k === level ? value : (counters[k] ?? at.start)
      return formatNumber(n, definition.legal ? 'decimal' : at.format)
    })
    const printed = label.trim()
    if (printed === '') return null
    return { label: printed, separator: separatorAfter(printed, definition.suffix) }
  }
}

/**
 * The level of a list that numbers paragraphs of `style` (w:pStyle in its w:lvl), or of the
 * nearest style it is based on that a level names.
 */
function levelOfStyle(list: NumberedList, styles: readonly string[]): number | null {
  for (const style of styles) {
    const at = list.levels.findIndex((l) => l?.style === style)
    if (at >= 0) return at
  }
  return null
}

/**
 * 一、, （一） and ① run into their text, as they are typed; 1. and 第一章 take a space,
 * whatever Word puts there (a tab, a space), since a tab in a line would be read as a table's
 * cell boundary. Ending in CJK or full-width punctuation, or being an enclosed number, is what
 * makes a label its own delimiter.
 */
function separatorAfter(label: string, suffix: string): string {
  if (suffix === 'nothing') return ''
  return /[\u2460-\u24ff\u3000-\u303f\u3200-\u32ff\uff00-\uffef]$/.test(label) ? '' : ' '
}
