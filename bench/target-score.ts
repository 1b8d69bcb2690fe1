// Scores the targets the parser finds in a plan against the list a reader wrote by hand
// (test/fixtures/targets/expected.json): precision, recall, and each disagreement spelled out.
import type { ParsedTarget, PlanDocument } from '../src/ingest/types.js'

export interface ExpectedTarget {
  line: number
  indicator: string
  comparator: string
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
  basis: string
  relativeTo: string | null
  taskNumbers: number[]
}

export interface ExpectedTaskOnly {
  taskNumber: number
  line: number
  comparator: string
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
}

export interface ExpectedPlan {
  targets: ExpectedTarget[]
  taskOnly: ExpectedTaskOnly[]
}

export interface Score {
  expected: number
  found: number
  matched: number
  precision: number
  recall: number
  /** One line per disagreement: a target missed, one found that the reader did not list, … */
  differences: string[]
}

interface Figure {
  comparator: string
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
  basis?: string
  relativeTo?: string | null
}

function figure(t: Figure): string {
  const range = t.valueMax === null ? `${t.value}` : `${t.value}–${t.valueMax}`
  const extra = [
    t.basis && t.basis !== 'total' ? t.basis : '',
    t.relativeTo ? `vs ${t.relativeTo}` : '',
  ]
  return `${t.comparator} ${range} ${t.unit ?? '∅'} ${t.deadlineYear ?? '-'} ${extra.join(' ')}`.trim()
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b
}

/** A found target matches an expected one when line and every figure agree; indicators are prose. */
export function scoreTargets(doc: PlanDocument, expected: ExpectedPlan): Score {
  const taskLines = new Set(doc.tasks.map((t) => t.line))
  const body = doc.targets.filter((t) => !taskLines.has(t.line))
  const taskOnly = doc.targets.filter((t) => taskLines.has(t.line))
  const differences: string[] = []
  const used = new Set<ParsedTarget>()
  let matched = 0
  const want = [
    ...expected.targets.map((e) => ({
      ...e,
      key: figure(e),
      tasks: e.taskNumbers,
      inTaskList: false,
      what: e.indicator,
    })),
    // The reader's task-only rows carry no basis: the figure is compared without it.
    ...expected.taskOnly.map((e) => ({
      ...e,
      key: figure(e),
      tasks: [e.taskNumber],
      inTaskList: true,
      what: `task ${e.taskNumber}`,
    })),
  ]
  for (const e of want) {
    const pool = e.inTaskList ? taskOnly : body
    const hit = pool.find((t) => {
      const key = e.inTaskList ? figure({ ...t, basis: 'total', relativeTo: null }) : figure(t)
      return !used.has(t) && t.line === e.line && key === e.key
    })
    if (!hit) {
      differences.push(`missed   line ${e.line}: ${e.key} (${e.what})`)
      continue
    }
    used.add(hit)
    matched++
    const tasks = hit.taskIndexes.map((i) => doc.tasks[i]!.number).sort((a, b) => a - b)
    const wanted = [...e.tasks].sort((a, b) => a - b)
    if (tasks.join() !== wanted.join()) {
      differences.push(`tasks    line ${e.line}: ${e.key}: found [${tasks}] expected [${wanted}]`)
    }
  }
  for (const t of doc.targets) {
    if (!used.has(t)) differences.push(`extra    line ${t.line}: ${figure(t)} (${t.indicator})`)
  }
  return {
    expected: want.length,
    found: doc.targets.length,
    matched,
    precision: ratio(matched, doc.targets.length),
    recall: ratio(matched, want.length),
    differences,
  }
}
