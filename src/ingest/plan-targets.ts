// The targets of a whole plan: those of the body, in reading order, each linked to the tasks that
// restate it. A task repeating a body target adds a link, not a second target; a task whose
// figure differs from the body's keeps its own target and is reported, since neither is known
// to be the right one.
import { bigrams, dice, WorkBound } from './compare.js'
import type { Line } from './decode.js'
import { locator } from './locate.js'
import type { Outline, Paragraph } from './outline.js'
import { periodEndOf } from './plan-period.js'
import { partitionPoint } from './sorted.js'
import { extractParagraphTargets, extractTargets, type ExtractedTarget } from './targets.js'
import type { Finding, ParsedSection, ParsedTarget, ParsedTask } from './types.js'

/** Indicators this similar name the same measure, even when abridged in the task list. */
const SAME_MEASURE = 0.5

/** Comparisons of a task's figure with a body target's, for a plan (see WorkBound). */
const MAX_COMPARISONS = 2_000_000

function sameFigure(a: ExtractedTarget, b: ParsedTarget): boolean {
  return (
    a.unit === b.unit &&
    a.value === b.value &&
    a.valueMax === b.valueMax &&
    // A task list often drops the 达到 of the body: a bare figure restates any comparator.
    (a.comparator === b.comparator || a.comparator === 'eq') &&
    a.relativeTo === b.relativeTo &&
    a.basis === b.basis &&
    // A task often drops the 到2025年 of the body sentence, or adds one the item implies; only
    // two different years are two figures.
    (a.deadlineYear === null || b.deadlineYear === null || a.deadlineYear === b.deadlineYear)
  )
}

function describe(t: {
  comparator: string
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
}) {
  const figure = t.valueMax === null ? `${t.value ?? ''}` : `${t.value}–${t.valueMax}`
  const year = t.deadlineYear === null ? '' : ` by ${t.deadlineYear}`
  return `${t.comparator} ${figure}${t.unit ?? ''}${year}`
}

/** A section that sets the plan's goals: 主要目标, 发展目标, 工作目标, 总体目标, 目标任务. */
const GOALS_HEADING = /目标/

/** The section and its ancestors, innermost first. */
function ancestry(sections: ParsedSection[], index: number): ParsedSection[] {
  const chain: ParsedSection[] = []
  for (let i: number | null = index; i !== null; i = sections[i]!.parentIndex)
    chain.push(sections[i]!)
  return chain
}

export function collectTargets(
  lines: Line[],
  outline: Outline,
  tasks: ParsedTask[],
  options: { periodEnd: number | null },
): { targets: ParsedTarget[]; findings: Finding[] } {
  const { sections } = outline
  const locate = locator(lines)
  const targets: ParsedTarget[] = []
  const read = (paragraphs: Paragraph[], sectionIndex: number | null) => {
    // The plan's period is the deadline of goals that name no year (a heading's period first).
    const chain = sectionIndex === null ? [] : ancestry(sections, sectionIndex)
    const goals = chain.find((s) => GOALS_HEADING.test(s.heading))
    const periodEnd = goals
      ? (chain.map((s) => periodEndOf(s.heading, null)).find((y) => y !== null) ??
        options.periodEnd)
      : null
    let carried: number | null = null
    for (const p of paragraphs) {
      const found = extractParagraphTargets(p.text, carried)
      carried = found.carriedYear
      for (const { numberAt, ...t } of found.targets) {
        const line = locate.lineOf(p.startLine, p.endLine, t.quote, numberAt)
        const fromTitle = t.deadlineYear === null && periodEnd !== null
        targets.push({
          ...t,
          ...(fromTitle ? { deadlineYear: periodEnd, deadlineFrom: 'title' as const } : {}),
          sectionIndex,
          taskIndexes: [],
          line,
        })
      }
    }
  }
  read(outline.preamble, null)
  outline.paragraphs.forEach((paragraphs, index) => read(paragraphs, index))
  linkBodyTasks(targets, tasks, sections)

  // The body's targets by unit, in reading order: a figure is only the same as one of its unit.
  const body = new Map<
    string | null,
    { target: ParsedTarget; indicator: Set<string>; quote: Set<string> }[]
  >()
  const addToBody = (target: ParsedTarget, indicator: Set<string>, quote: Set<string>) => {
    const ofUnit = body.get(target.unit)
    if (ofUnit) ofUnit.push({ target, indicator, quote })
    else body.set(target.unit, [{ target, indicator, quote }])
  }
  // Only the task list's figures are compared with them: without a task list, nothing is kept.
  if (tasks.some((task) => task.sectionIndex === null)) {
    for (const target of targets)
      addToBody(target, bigrams(target.indicator), bigrams(target.quote))
  }
  const findings: Finding[] = []
  const taskOnly = new Set<ParsedTarget>()
  const bound = new WorkBound(MAX_COMPARISONS)
  let firstUncompared: number | null = null
  tasks.forEach((task, taskIndex) => {
    // A task of the body states its targets in the body itself.
    if (task.sectionIndex !== null) return
    const restates = new Set(task.itemIndexes)
    for (const found of extractTargets(task.text)) {
      const ofUnit = body.get(found.unit) ?? []
      if (!bound.allows(ofUnit.length)) {
        firstUncompared ??= task.line
        continue
      }
      // Body targets of the items this task restates come first, then the rest of the body; the
      // most similar first, and the first in reading order of those as similar.
      const indicator = bigrams(found.indicator)
      const quote = bigrams(found.quote)
      type Candidate = { target: ParsedTarget; restated: boolean; score: number }
      const outranks = (a: Candidate, b: Candidate | null) =>
        b === null ||
        (a.restated && !b.restated) ||
        (a.restated === b.restated && a.score > b.score)
      let first: Candidate | null = null
      let same: Candidate | null = null
      for (const entry of ofUnit) {
        const { target } = entry
        const candidate = {
          target,
          restated: target.sectionIndex !== null && restates.has(target.sectionIndex),
          score: Math.max(dice(indicator, entry.indicator), dice(quote, entry.quote)),
        }
        const figure = sameFigure(found, target)
        // A figure of an item the task restates needs no similar wording to be the same.
        if (!(candidate.score >= SAME_MEASURE || (candidate.restated && figure))) continue
        if (outranks(candidate, first)) first = candidate
        if (figure && outranks(candidate, same)) same = candidate
      }
      if (same) {
        // Tasks come in order: one already linked to this target is the last linked.
        if (same.target.taskIndexes.at(-1) !== taskIndex) same.target.taskIndexes.push(taskIndex)
        continue
      }
      const { numberAt, ...figure } = found
      const own: ParsedTarget = {
        ...figure,
        // The task list says nothing of where a year came from but the row itself.
        deadlineFrom: figure.deadlineYear === null ? null : 'clause',
        sectionIndex: null,
        taskIndexes: [taskIndex],
        line: task.line,
      }
      targets.push(own)
      taskOnly.add(own)
      // A later task repeating this figure links to it rather than making a third target.
      addToBody(own, indicator, quote)
      const other = first?.target
      findings.push(
        other
          ? {
              severity: 'warning',
              code: 'target-differs',
              message: `Task ${task.number} sets ${found.indicator} to ${describe(found)} where ${taskOnly.has(other) ? 'an earlier task' : 'the body'} (line ${other.line}) sets ${describe(other)}.`,
              lines: [task.line, other.line],
            }
          : {
              severity: 'info',
              code: 'target-only-in-task-list',
              message: `Task ${task.number} sets a target the body does not state: ${found.quote}.`,
              lines: [task.line],
            },
      )
    }
  })
  if (firstUncompared !== null) {
    findings.push({
      severity: 'warning',
      code: 'targets-not-compared',
      message: `The task list and the body state too many figures to compare in full: ${bound.skipped} figures of tasks are left out.`,
      lines: [firstUncompared],
    })
  }
  return { targets, findings }
}

/** The first of tasks in line order at or after a line. */
function firstFrom<T extends { line: number }>(tasks: T[], line: number): T | undefined {
  return tasks[partitionPoint(tasks.length, (k) => tasks[k]!.line < line)]
}

/**
 * A task stated in the body restates the targets written in the sentences it covers: those of its
 * section (or below it) on its lines, after the previous clause of the same section.
 */
function linkBodyTasks(targets: ParsedTarget[], tasks: ParsedTask[], sections: ParsedSection[]) {
  // The tasks each section states, in line order (tasks are sorted by line).
  const bySection = new Map<number, { line: number; index: number }[]>()
  tasks.forEach((task, index) => {
    if (task.sectionIndex === null) return
    const list = bySection.get(task.sectionIndex) ?? []
    list.push({ line: task.line, index })
    bySection.set(task.sectionIndex, list)
  })
  for (const target of targets) {
    // The first clause at or after the target's line, in its section or a section above it.
    let stating: { line: number; index: number } | undefined
    for (let i = target.sectionIndex; i !== null; i = sections[i]!.parentIndex) {
      const found = firstFrom(bySection.get(i) ?? [], target.line)
      if (found && (!stating || found.line < stating.line)) stating = found
    }
    if (stating) target.taskIndexes.push(stating.index)
  }
}
