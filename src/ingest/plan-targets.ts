// The targets of a whole plan: those of the body, in reading order, each linked to the tasks that
// restate it. A task repeating a body target adds a link, not a second target; a task whose
// figure differs from the body's keeps its own target and is reported, since neither is known
// to be the right one.
import type { Paragraph } from './outline.js'
import { bigrams, dice } from './compare.js'
import { locator } from './locate.js'
import { extractTargets, type ExtractedTarget } from './targets.js'
import type { Line } from './text.js'
import type { Finding, ParsedSection, ParsedTarget, ParsedTask } from './types.js'

/** Indicators this similar name the same measure, even when abridged in the task list. */
const SAME_MEASURE = 0.5

function sameFigure(a: ExtractedTarget, b: ParsedTarget): boolean {
  return (
    a.unit === b.unit &&
    a.value === b.value &&
    a.valueMax === b.valueMax &&
    a.comparator === b.comparator &&
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

export function collectTargets(
  lines: Line[],
  preamble: Paragraph[],
  sections: ParsedSection[],
  tasks: ParsedTask[],
): { targets: ParsedTarget[]; findings: Finding[] } {
  const locate = locator(lines)
  const targets: ParsedTarget[] = []
  const add = (found: ExtractedTarget[], sectionIndex: number | null, from: number, to: number) => {
    for (const { numberAt, ...t } of found) {
      const line = locate.lineOf(from, to, t.quote, numberAt)
      targets.push({ ...t, sectionIndex, taskIndexes: [], line })
    }
  }
  for (const p of preamble) add(extractTargets(p.text), null, p.startLine, p.endLine)
  sections.forEach((s, index) => add(extractTargets(s.text), index, s.startLine, s.endLine))

  const body = targets.map((target) => ({
    target,
    indicator: bigrams(target.indicator),
    quote: bigrams(target.quote),
  }))
  const findings: Finding[] = []
  const taskOnly = new Set<ParsedTarget>()
  tasks.forEach((task, taskIndex) => {
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
        .filter((c) => c.score >= SAME_MEASURE && c.target.unit === found.unit)
        .sort((a, b) => Number(b.restated) - Number(a.restated) || b.score - a.score)
      const same = candidates.find((c) => sameFigure(found, c.target))
      if (same) {
        if (!same.target.taskIndexes.includes(taskIndex)) same.target.taskIndexes.push(taskIndex)
        continue
      }
      const { numberAt, ...figure } = found
      const own: ParsedTarget = {
        ...figure,
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
