// Responsible units stated in the body: a clause after an item's sentences (（责任单位：市商务局、
// 市住建局）, （市商务局牵头，市交通运输局配合）), a line of its own (牵头单位：区发改局), or a bracket
// after a chapter's heading. Each clause makes a task: the sentences it is stated for (those since
// the previous clause of its section) with its units in order, where the section is.
import type { Due } from './dates.js'
import type { Line } from './decode.js'
import { locator } from './locate.js'
import type { Outline, Paragraph } from './outline.js'
import {
  firstIsLead,
  joinClauses,
  readResponsibility,
  splitUnits,
  type NamedUnit,
} from './units.js'
import type { UnitRole } from './units.js'

export interface BodyTask {
  text: string
  units: { asWritten: string; role: UnitRole; line: number }[]
  due: Due | null
  /** The section stating it; null for the preamble. */
  sectionIndex: number | null
  itemIndexes: number[]
  /** Where its units are written. */
  line: number
  /** The lines its sentences take, from the first to the clause. */
  firstLine: number
}

interface Clause {
  start: number
  end: number
  units: NamedUnit[]
  due: Due | null
}

/** Top-level bracket groups （…） of a text, brackets nested inside kept whole. */
function bracketGroups(text: string): { start: number; end: number; inner: string }[] {
  const groups: { start: number; end: number; inner: string }[] = []
  let depth = 0
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '（' || c === '(') {
      if (depth === 0) start = i
      depth++
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--
      if (depth === 0) groups.push({ start, end: i + 1, inner: text.slice(start + 1, i) })
    } else if (c === '\n' && depth > 0 && i - start > 300) {
      // A bracket left open for long is a typo, not a clause over several lines.
      depth = 0
    }
  }
  return groups
}

/** A label of units opening a clause outside brackets: 牵头单位：, 责任单位：, 配合部门： */
const LABEL_START =
  /(?:^|(?<=[。；;\n]))\s*(?:牵头|责任|配合|协同|主责|推进|实施|参与|协办)(?:责任)?(?:单位|部门|处室|主体)?[：:]/g

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = []
  for (const g of bracketGroups(text)) {
    const read = readResponsibility(g.inner, 'responsible')
    // …形成工作机制。（各有关单位）: after a full stop, a bracket of nothing but units is a
    // clause without a label.
    const bare =
      !read.marked &&
      /[。；;]$/.test(text.slice(0, g.start).trimEnd()) &&
      read.units.length > 0 &&
      read.units.length === splitUnits(g.inner).length
    if ((read.marked || bare) && read.units.length > 0) {
      clauses.push({ start: g.start, end: g.end, units: read.units, due: read.due })
    }
  }
  // A label inside a bracket clause, or on the line of a label clause before it, is that clause's.
  // Labels come in order and bracket clauses stand apart in order: one pass over both.
  const inBrackets = clauses.length
  let bracket = 0
  let labelEnd = -1
  for (const m of text.matchAll(LABEL_START)) {
    const start = m.index + (m[0].length - m[0].trimStart().length)
    while (bracket < inBrackets && clauses[bracket]!.end <= start) bracket++
    const around = bracket < inBrackets ? clauses[bracket]! : null
    if (start < labelEnd || (around && start >= around.start)) continue
    const lineEnd = text.indexOf('\n', start)
    const end = lineEnd < 0 ? text.length : lineEnd
    const read = readResponsibility(text.slice(start, end), 'responsible')
    if (read.units.length > 0) {
      clauses.push({ start, end, units: read.units, due: read.due })
      labelEnd = end
    }
  }
  clauses.sort((a, b) => a.start - b.start)
  // Clauses with nothing but punctuation between them are one: 牵头单位：甲 / 责任单位：乙.
  const merged: (Clause & { joined: NamedUnit[][] })[] = []
  for (const c of clauses) {
    const last = merged[merged.length - 1]
    if (last && /^[\s。；;，,]*$/.test(text.slice(last.end, c.start))) {
      last.end = c.end
      last.joined.push(c.units)
      last.due ??= c.due
    } else {
      merged.push({ ...c, joined: [c.units] })
    }
  }
  return merged.map(({ joined, ...c }) => ({ ...c, units: joinClauses(joined) }))
}

function descendantItems(outline: Outline, index: number): number[] {
  const items: number[] = []
  const inside = new Set([index])
  outline.sections.forEach((s, i) => {
    if (s.parentIndex !== null && inside.has(s.parentIndex)) {
      inside.add(i)
      if (s.kind === 'item') items.push(i)
    }
  })
  return items
}

/** Every task stated in the body, in reading order. */
export function findBodyTasks(
  lines: Line[],
  outline: Outline,
  options: { firstIsLead: boolean },
): BodyTask[] {
  const locate = locator(lines)
  const tasks: BodyTask[] = []
  // Each region's text is its paragraphs joined by line breaks, a part's or chapter's heading
  // first (a clause may follow it: （一）加强组织领导（市委组织部牵头）).
  const parts: { sectionIndex: number | null; paragraphs: Paragraph[] }[] = [
    ...(outline.preamble.length > 0 ? [{ sectionIndex: null, paragraphs: outline.preamble }] : []),
    ...outline.sections.map((s, i) => {
      const own = outline.paragraphs[i] ?? []
      const heading = { text: s.heading, startLine: s.startLine, endLine: s.startLine }
      return { sectionIndex: i, paragraphs: s.kind === 'item' ? own : [heading, ...own] }
    }),
  ]
  const regions = parts.map((r) => {
    // Where each paragraph starts in the joined text.
    const starts: number[] = []
    let at = 0
    for (const p of r.paragraphs) {
      starts.push(at)
      at += p.text.length + 1
    }
    return { ...r, text: r.paragraphs.map((p) => p.text).join('\n'), starts }
  })
  /** The line of a piece of a region's text: searched in the paragraph it stands in. */
  const lineAt = (region: (typeof regions)[number], from: number, to: number, at = 0) => {
    // The last paragraph starting at or before `from`, by halves.
    let low = 0
    let high = region.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (region.starts[mid]! <= from) low = mid
      else high = mid - 1
    }
    const k = low
    const paragraph = region.paragraphs[k]
    if (!paragraph) return 1
    return locate.lineOf(paragraph.startLine, paragraph.endLine, region.text.slice(from, to), at)
  }
  for (const region of regions) {
    let from = 0
    for (const clause of clausesOf(region.text)) {
      const own = region.text
        .slice(from, clause.start)
        .replace(/^[\s。；;，,]+/, '')
        .trim()
      const section = region.sectionIndex === null ? null : outline.sections[region.sectionIndex]!
      const stated = own !== '' ? own : region.text.slice(clause.end).trim() || region.text
      // Where the units are written: a clause a page break cut (（牵头部 / 门：市交通委）) is
      // on the line of its first unit.
      const clauseText = region.text.slice(clause.start, clause.end)
      const firstUnit = clause.units[0] ? clauseText.indexOf(clause.units[0].name) : -1
      const line = lineAt(region, clause.start, clause.end, Math.max(firstUnit, 0))
      const ownStart = region.text.indexOf(own, from)
      const firstLine =
        own === '' || ownStart < 0
          ? (region.paragraphs[0]?.startLine ?? line)
          : lineAt(region, ownStart, ownStart + Math.min(own.length, 20))
      const units = options.firstIsLead ? firstIsLead(clause.units) : clause.units
      tasks.push({
        text: stated.replace(/\n/g, ''),
        units: units.map((u) => ({ asWritten: u.name, role: u.role, line })),
        due: clause.due,
        sectionIndex: region.sectionIndex,
        itemIndexes:
          region.sectionIndex === null
            ? []
            : section!.kind === 'item'
              ? [region.sectionIndex]
              : own === ''
                ? descendantItems(outline, region.sectionIndex)
                : [],
        line,
        firstLine: Math.min(firstLine, line),
      })
      from = clause.end
    }
  }
  return tasks.sort((a, b) => a.line - b.line)
}
