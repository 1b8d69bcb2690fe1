// Data-quality findings: what a careful reader of the plan would flag. They are reported with
// the lines they concern and never corrected: the text stays the authority, the finding says
// where it contradicts itself.
import {
  bestSource,
  bigrams,
  enumerations,
  sameList,
  similarity,
  splitSentences,
  wordingDifferences,
  WorkBound,
  type Sentence,
} from './compare.js'
import { locator } from './locate.js'
import { repair, type Line } from './text.js'
import type { AgencyTableRow, Finding, ParsedAgency, ParsedSection, ParsedTask } from './types.js'

export interface QualityInput {
  lines: Line[]
  sections: ParsedSection[]
  tasks: ParsedTask[]
  /** Table tasks left uncompared with the items (a bound on that work): their items are unknown. */
  unlinked?: Set<ParsedTask>
  agencyTable: AgencyTableRow[]
  agencies: ParsedAgency[]
}

/** A table name this close to a unit's name is worth naming as the one probably meant. */
const PROBABLY_MEANT = 0.5

/** Names compared for the table name a unit probably meant, for a plan (see WorkBound). */
const MAX_NAME_COMPARISONS = 2_000_000

/** Bigram lookups, characters and pairs of terms for comparing tasks with the body's sentences. */
const MAX_SENTENCE_WORK = 50_000_000

function duplicatedRows(table: AgencyTableRow[], tasks: ParsedTask[]): Finding[] {
  const findings: Finding[] = []
  const seen = new Map<string, number>()
  for (const row of table) {
    const key = JSON.stringify([row.name, row.duties, row.lead, row.phone])
    const first = seen.get(key)
    if (first === undefined) seen.set(key, row.line)
    else {
      findings.push({
        severity: 'warning',
        code: 'duplicate-row',
        message: `The agency table lists ${row.name} twice, with the same duties, lead and phone (lines ${first} and ${row.line}).`,
        lines: [row.line, first],
      })
    }
  }
  const seenTasks = new Map<string, ParsedTask>()
  for (const task of tasks) {
    const first = seenTasks.get(task.text)
    if (first === undefined) seenTasks.set(task.text, task)
    else {
      findings.push({
        severity: 'warning',
        code: 'duplicate-row',
        message: `Task ${task.number} repeats the text of task ${first.number}.`,
        lines: [task.line, first.line],
      })
    }
  }
  return findings
}

function sharedPhones(table: AgencyTableRow[]): Finding[] {
  const byPhone = new Map<string, AgencyTableRow[]>()
  const named = new Map<string, Set<string>>()
  for (const row of table) {
    if (row.phone === null) continue
    const rows = byPhone.get(row.phone) ?? []
    const names = named.get(row.phone) ?? new Set<string>()
    if (!names.has(row.name)) rows.push(row)
    names.add(row.name)
    byPhone.set(row.phone, rows)
    named.set(row.phone, names)
  }
  return [...byPhone]
    .filter(([, rows]) => rows.length > 1)
    .map(([phone, rows]) => ({
      severity: 'warning' as const,
      code: 'shared-phone',
      message: `The phone number ${phone} is given for ${rows.map((r) => `${r.name} (line ${r.line})`).join(' and ')}.`,
      lines: rows.map((r) => r.line),
    }))
}

/** Units and table rows that do not meet: only meaningful when the plan has an agency table. */
function unmatchedAgencies(
  table: AgencyTableRow[],
  tasks: ParsedTask[],
  agencies: ParsedAgency[],
): Finding[] {
  if (table.length === 0) return []
  const findings: Finding[] = []
  const bound = new WorkBound(MAX_NAME_COMPARISONS)
  const mentions = new Map<number, { task: ParsedTask; line: number; asWritten: string }[]>()
  for (const task of tasks) {
    for (const unit of task.units) {
      const list = mentions.get(unit.agencyIndex) ?? []
      list.push({ task, line: unit.line, asWritten: unit.asWritten })
      mentions.set(unit.agencyIndex, list)
    }
  }
  agencies.forEach((agency, index) => {
    const mentioned = mentions.get(index) ?? []
    if (agency.kind !== 'agency') return
    if (agency.profile === null && mentioned.length > 0) {
      const spellings = [...new Set(mentioned.map((m) => m.asWritten))].join('、')
      // The first of the most similar; past the bound, no name is suggested.
      let closest: { row: AgencyTableRow; score: number } | null = null
      if (bound.allows(table.length)) {
        for (const row of table) {
          const score = similarity(agency.name, row.name)
          if (!closest || score > closest.score) closest = { row, score }
        }
      }
      const hint =
        closest && closest.score >= PROBABLY_MEANT
          ? ` The closest name in the table is ${closest.row.name} (line ${closest.row.line}).`
          : ''
      findings.push({
        severity: 'warning',
        code: 'unit-not-in-agency-table',
        message: `${spellings}, responsible for task${mentioned.length > 1 ? 's' : ''} ${mentioned.map((m) => m.task.number).join(', ')}, is not in the agency table.${hint}`,
        lines: [...new Set(mentioned.map((m) => m.line))],
      })
    }
    if (agency.profile !== null && mentioned.length === 0) {
      findings.push({
        severity: 'info',
        code: 'agency-without-task',
        message: `${agency.name} is in the agency table but responsible for no task.`,
        lines: [agency.profile.line],
      })
    }
  })
  return findings
}

/**
 * 序号 runs 1, 2, 3… in each table: a gap or a repeat means a row was lost, added or misnumbered.
 * A 1 starts a table of its own.
 */
function taskNumbering(allTasks: ParsedTask[]): Finding[] {
  const findings: Finding[] = []
  const tasks = allTasks.filter((task) => task.sectionIndex === null)
  tasks.forEach((task, i) => {
    const previous = tasks[i - 1]
    const expected = previous ? previous.number + 1 : 1
    if (task.number === expected || (previous && task.number === 1)) return
    findings.push({
      severity: 'warning',
      code: 'task-numbering',
      message: previous
        ? `Task ${task.number} follows task ${previous.number}; ${expected} was expected.`
        : `The task list starts at ${task.number}, not 1.`,
      lines: previous ? [task.line, previous.line] : [task.line],
    })
  })
  return findings
}

/** One agency written two ways in the task list (科工信局 and 市科工信局): worth making uniform. */
function spellingVariants(tasks: ParsedTask[], agencies: ParsedAgency[]): Finding[] {
  const spellings = new Map<number, Map<string, number>>()
  for (const task of tasks) {
    for (const unit of task.units) {
      const byAgency = spellings.get(unit.agencyIndex) ?? new Map<string, number>()
      // Bracket width and spaces are the conversion's, not the author's: 各乡镇(街道) is 各乡镇（街道）.
      const spelling = repair(unit.asWritten).replace(/\s+/g, '')
      if (!byAgency.has(spelling)) byAgency.set(spelling, unit.line)
      spellings.set(unit.agencyIndex, byAgency)
    }
  }
  return [...spellings]
    .filter(([, byAgency]) => byAgency.size > 1)
    .map(([index, byAgency]) => ({
      severity: 'info' as const,
      code: 'unit-spelled-differently',
      message: `${agencies[index]!.name} is written ${[...byAgency].map(([name, line]) => `${name} (line ${line})`).join(' and ')} in the tasks.`,
      lines: [...byAgency.values()],
    }))
}

function incompleteTasks(
  tasks: ParsedTask[],
  sections: ParsedSection[],
  unlinked: Set<ParsedTask>,
): Finding[] {
  const findings: Finding[] = []
  for (const task of tasks) {
    if (task.units.length === 0) {
      findings.push({
        severity: 'warning',
        code: 'task-without-unit',
        message: `Task ${task.number} names no responsible unit.`,
        lines: [task.line],
      })
    }
    // A task of the body is its item; only a table row can fail to restate one.
    if (task.itemIndexes.length === 0 && task.sectionIndex === null && !unlinked.has(task)) {
      findings.push({
        severity: 'info',
        code: 'task-without-item',
        message: `Task ${task.number} restates no action item of the body.`,
        lines: [task.line],
      })
    }
  }
  // With tasks uncompared, an item no task was found to restate may well be restated.
  if (tasks.length > 0 && unlinked.size === 0) {
    const restated = new Set(tasks.flatMap((t) => t.itemIndexes))
    sections.forEach((section, index) => {
      if (section.kind !== 'item' || restated.has(index)) return
      findings.push({
        severity: 'info',
        code: 'item-without-task',
        message: `Item ${section.label} ${section.heading} is not restated by any task.`,
        lines: [section.startLine],
      })
    })
  }
  return findings
}

/** 甲、乙和丙 lists as many terms as 甲、乙、丙: that difference is one of wording. */
function termCount(list: string[]): number {
  return list.join('、').split(/[、和]/).length
}

/** Lists and wording that change between an item and the task copying it. */
function bodyTaskDifferences(input: QualityInput): Finding[] {
  // Only the task list's rows are compared: without one, the body's sentences are not gathered.
  if (input.tasks.every((task) => task.sectionIndex !== null)) return []
  const locate = locator(input.lines)
  const findings: Finding[] = []
  const sentencesOf = new Map<number, Sentence[]>()
  input.sections.forEach((s, index) => {
    if (s.kind !== 'item') return
    sentencesOf.set(
      index,
      splitSentences(s.text).map((text) => ({
        text,
        line: locate.lineOf(s.startLine, s.endLine, text),
        grams: bigrams(text),
      })),
    )
  })
  const bound = new WorkBound(MAX_SENTENCE_WORK)
  let firstUncompared: number | null = null
  for (const task of input.tasks) {
    // A task of the body is the body's own text; only a table row can differ from it.
    if (task.sectionIndex !== null) continue
    const sources = task.itemIndexes.map((i) => sentencesOf.get(i) ?? [])
    const count = sources.reduce((sum, sentences) => sum + sentences.length, 0)
    // Gathered once a sentence may be compared with them: an item can hold thousands.
    let candidates: Sentence[] | null = null
    const allowed = (work: number) => {
      if (bound.allows(work)) return true
      firstUncompared ??= task.line
      return false
    }
    for (const sentence of splitSentences(task.text)) {
      if (!allowed(count * bigrams(sentence).size)) continue
      candidates ??= sources.flat()
      const source = bestSource(sentence, candidates)
      if (!source || !allowed(source.text.length + sentence.length)) continue
      const changedLists: string[][] = []
      const sourceLists = enumerations(source.text)
      for (const list of enumerations(sentence)) {
        const original = sourceLists.find(
          (other) => allowed(list.length * other.length) && sameList(list, other),
        )
        if (!original || termCount(original) === termCount(list)) continue
        changedLists.push(list, original)
        findings.push({
          severity: 'warning',
          code: 'list-differs',
          message: `Task ${task.number} lists ${termCount(list)} (${list.join('、')}) where the body (line ${source.line}) lists ${termCount(original)} (${original.join('、')}).`,
          lines: [task.line, source.line],
        })
      }
      for (const difference of wordingDifferences(source.text, sentence)) {
        const inChangedList = changedLists.some((list) =>
          list.some((term) => difference.task.includes(term) || difference.body.includes(term)),
        )
        if (inChangedList) continue
        findings.push({
          severity: 'info',
          code: 'wording-differs',
          message: `Task ${task.number} writes “${difference.task}” where the body (line ${source.line}) writes “${difference.body}”.`,
          lines: [task.line, source.line],
        })
      }
    }
  }
  if (firstUncompared !== null) {
    findings.push({
      severity: 'info',
      code: 'wording-not-compared',
      message: `The task list and the body are too large to compare in full: ${bound.skipped} sentences or lists of tasks were not compared with the body's.`,
      lines: [firstUncompared],
    })
  }
  return findings
}

export function findQualityIssues(input: QualityInput): Finding[] {
  return [
    ...duplicatedRows(input.agencyTable, input.tasks),
    ...sharedPhones(input.agencyTable),
    ...unmatchedAgencies(input.agencyTable, input.tasks, input.agencies),
    ...taskNumbering(input.tasks),
    ...spellingVariants(input.tasks, input.agencies),
    ...incompleteTasks(input.tasks, input.sections, input.unlinked ?? new Set()),
    ...bodyTaskDifferences(input),
  ]
}
