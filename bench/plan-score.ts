// Scores what the parser reads from a plan against what a reader wrote down by hand
// (test/fixtures/genre/*/expected.json): whether it loads, how many structure facts hold
// (header, outline, tasks), and strict target precision and recall. Every disagreement is
// spelled out so that a failing figure says where to look.
import { PlanParseError } from '../src/ingest/errors.js'
import type { ParsedSection, PlanDocument } from '../src/ingest/types.js'
import { compact } from '../src/ingest/text.js'
import type { ExpectedTarget } from './target-score.js'

export interface ExpectedTask {
  line: number
  number: number | null
  section: number | null
  units: [string, string][]
  due: { text: string; date: string | null } | null
}

/** A target as the genre corpus lists it: the targets corpus's, with where its year came from. */
export interface ExpectedGenreTarget extends Omit<ExpectedTarget, 'relativeTo' | 'taskNumbers'> {
  deadlineFrom: string | null
  baseYear: number | null
}

export interface ExpectedGenrePlan {
  families: string[]
  refused: { reason: string; line: number | null } | null
  document?: Record<string, string | null>
  sections?: [string, string, string][]
  tasks?: ExpectedTask[]
  targets?: ExpectedGenreTarget[]
}

export interface PlanScore {
  loaded: boolean
  /** Whether the outcome (loaded, or refused as expected) is the expected one. */
  asExpected: boolean
  facts: number
  held: number
  targetsExpected: number
  targetsFound: number
  targetsMatched: number
  differences: string[]
}

const HEADER_FIELDS = [
  'number',
  'issuer',
  'jurisdiction',
  'jurisdictionLevel',
  'title',
  'planTitle',
  'issuedOn',
] as const

/** Spelling that never makes a different fact: spaces, bracket width, a trailing colon. */
function same(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    s === null || s === undefined ? null : compact(s).replace(/[：:。]$/, '')
  return norm(a) === norm(b)
}

type Triple = [string, string, string]

function sectionTriple(s: ParsedSection): Triple {
  return [s.kind, s.label, s.heading]
}

function sameSection(a: Triple, b: Triple): boolean {
  return a[0] === b[0] && same(a[1], b[1]) && same(a[2], b[2])
}

/** The pairs of a longest common subsequence of two section lists. */
function alignSections(expected: Triple[], found: Triple[]): [number, number][] {
  const n = expected.length
  const m = found.length
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = sameSection(expected[i]!, found[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  for (let i = 0, j = 0; i < n && j < m;) {
    if (sameSection(expected[i]!, found[j]!)) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

function figure(t: {
  comparator: string
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
}): string {
  const range = t.valueMax === null ? `${t.value}` : `${t.value}–${t.valueMax}`
  return `${t.comparator} ${range} ${t.unit ?? '∅'} ${t.deadlineYear ?? '-'}`
}

export function scorePlan(parse: () => PlanDocument, expected: ExpectedGenrePlan): PlanScore {
  const score: PlanScore = {
    loaded: false,
    asExpected: false,
    facts: 0,
    held: 0,
    targetsExpected: expected.targets?.length ?? 0,
    targetsFound: 0,
    targetsMatched: 0,
    differences: [],
  }
  let plan: PlanDocument
  try {
    plan = parse()
  } catch (err) {
    if (!(err instanceof PlanParseError)) throw err
    score.asExpected = expected.refused !== null && err.reason.includes(expected.refused.reason)
    if (!score.asExpected) score.differences.push(`refused  ${err.message}`)
    return score
  }
  score.loaded = true
  if (expected.refused !== null) {
    score.differences.push(`loaded   a file that should be refused (${expected.refused.reason})`)
    return score
  }
  score.asExpected = true
  const fact = (held: boolean, what: string) => {
    score.facts++
    if (held) score.held++
    else score.differences.push(what)
  }

  for (const field of HEADER_FIELDS) {
    const want = expected.document?.[field] ?? null
    const got = (plan as unknown as Record<string, string | null>)[field] ?? null
    fact(same(want, got), `header   ${field}: found ${got} expected ${want}`)
  }

  const wantSections = (expected.sections ?? []) as Triple[]
  const gotSections = plan.sections.map(sectionTriple)
  const pairs = alignSections(wantSections, gotSections)
  const matchedWant = new Set(pairs.map(([i]) => i))
  const matchedGot = new Set(pairs.map(([, j]) => j))
  const sectionOfFound = new Map(pairs.map(([i, j]) => [j, i]))
  for (let i = 0; i < wantSections.length; i++) {
    fact(matchedWant.has(i), `outline  missed ${wantSections[i]!.join(' ')}`)
  }
  gotSections.forEach((s, j) => {
    if (!matchedGot.has(j))
      fact(false, `outline  extra ${s.join(' ')} (line ${plan.sections[j]!.startLine})`)
  })

  const usedTasks = new Set<number>()
  for (const want of expected.tasks ?? []) {
    const k = plan.tasks.findIndex((t, index) => !usedTasks.has(index) && t.line === want.line)
    const label = `task line ${want.line}`
    if (k < 0) {
      fact(false, `tasks    missed ${label}: ${want.units.map((u) => u.join(':')).join('、')}`)
      continue
    }
    usedTasks.add(k)
    const task = plan.tasks[k]!
    fact(true, label)
    const names = task.units.map((u) => compact(u.asWritten))
    const wantNames = want.units.map(([name]) => compact(name))
    fact(
      names.join('、') === wantNames.join('、'),
      `tasks    ${label} units: found ${names.join('、')} expected ${wantNames.join('、')}`,
    )
    const roles = task.units.map((u) => u.role).join()
    const wantRoles = want.units.map(([, role]) => role).join()
    fact(roles === wantRoles, `tasks    ${label} roles: found ${roles} expected ${wantRoles}`)
    if (want.due !== null || task.due !== null) {
      fact(
        (want.due === null) === (task.due === null) && want.due?.date === task.due?.date,
        `tasks    ${label} due: found ${task.due?.text ?? null}/${task.due?.date ?? null} expected ${want.due?.text ?? null}/${want.due?.date ?? null}`,
      )
    }
    const foundSection =
      task.sectionIndex === null ? null : (sectionOfFound.get(task.sectionIndex) ?? -1)
    fact(
      foundSection === want.section,
      `tasks    ${label} section: found ${task.sectionIndex === null ? null : gotSections[task.sectionIndex]!.join(' ')} expected ${want.section === null ? null : wantSections[want.section]?.join(' ')}`,
    )
  }
  plan.tasks.forEach((task, k) => {
    if (!usedTasks.has(k)) {
      fact(
        false,
        `tasks    extra task line ${task.line}: ${task.units.map((u) => `${u.asWritten}:${u.role}`).join('、')}`,
      )
    }
  })

  const usedTargets = new Set<number>()
  score.targetsFound = plan.targets.length
  for (const want of expected.targets ?? []) {
    const key = figure(want)
    const k = plan.targets.findIndex(
      (t, index) => !usedTargets.has(index) && t.line === want.line && figure(t) === key,
    )
    if (k < 0) {
      score.differences.push(`targets  missed line ${want.line}: ${key} (${want.indicator})`)
      continue
    }
    usedTargets.add(k)
    score.targetsMatched++
    const got = plan.targets[k]!
    if (got.deadlineFrom !== want.deadlineFrom || got.basis !== want.basis) {
      score.differences.push(
        `targets  line ${want.line} ${key}: from/basis ${got.deadlineFrom}/${got.basis} expected ${want.deadlineFrom}/${want.basis}`,
      )
    }
  }
  plan.targets.forEach((t, k) => {
    if (!usedTargets.has(k)) {
      score.differences.push(`targets  extra line ${t.line}: ${figure(t)} (${t.indicator})`)
    }
  })
  return score
}
