// The targets of a whole plan: those of the body, in reading order, each linked to the tasks that
// restate it. A task repeating a body target adds a link, not a second target; a task whose
// figure differs from the body's keeps its own target and is reported, since neither is known
// to be the right one.
import { bigrams, dice } from './compare.js'
import type { Line } from './decode.js'
import { locator } from './locate.js'
import type { Outline, Paragraph } from './outline.js'
import { periodEndOf } from './plan-period.js'
import { extractParagraphTargets, extractTargets, type ExtractedTarget } from './targets.js'
import type { Finding, ParsedSection, ParsedTarget, ParsedTask } from './types.js'

/** Indicators this similar name the same measure, even when abridged in the task list. */
const SAME_MEASURE = 0.5

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

  const body = targets.map((target) => ({
    target,
    indicator: bigrams(target.indicator),
    quote: bigrams(target.quote),
  }))
  const findings: Finding[] = []
  const taskOnly = new Set<ParsedTarget>()
  tasks.forEach((task, taskIndex) => {
    // A task of the body states its targets in the body itself.
    if (task.sectionIndex !== null) return
    for (const found of extractTargets(task.text)) {
      // Body targets of the items this task restates come first, then the rest of the body.
      const indicator = bigrams(found.indicator)
      const quote = bigrams(found.quote)
      const candidates = body
        .map(({ target, ...grams }) => ({
          target,
          restated: target.sectionIndex !== null && task.itemIndexes.includes(target.sectionIndex),
          score: Math.max(dice(indicator, grams.indicator), dice(quote, grams.quote)),
        }))
        // A figure of an item the task restates needs no similar wording to be the same.
        .filter(
          (c) =>
            c.target.unit === found.unit &&
            (c.score >= SAME_MEASURE || (c.restated && sameFigure(found, c.target))),
        )
        .sort((a, b) => Number(b.restated) - Number(a.restated) || b.score - a.score)
      const same = candidates.find((c) => sameFigure(found, c.target))
      if (same) {
        if (!same.target.taskIndexes.includes(taskIndex)) same.target.taskIndexes.push(taskIndex)
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
      body.push({ target: own, indicator, quote })
      const other = candidates[0]?.target
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
  return { targets, findings }
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
      const found = bySection.get(i)?.find((task) => task.line >= target.line)
      if (found && (!stating || found.line < stating.line)) stating = found
    }
    if (stating) target.taskIndexes.push(stating.index)
  }
}
