// npm run bench:ingest: how long ingesting takes, for the bundled plan and for 100 generated
// plans of the same genre, parse and load measured apart. Run by hand; figures vary by machine.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { readAliasDictionary } from '../src/ingest/read.js'
import { parsePlan } from '../src/ingest/parse.js'
import { collectTargets } from '../src/ingest/plan-targets.js'
import { findQualityIssues } from '../src/ingest/quality.js'
import { decodePlanText } from '../src/ingest/decode.js'
import type { PlanDocument } from '../src/ingest/types.js'
import { aliasDictionaryPath, sourcesDir } from '../src/paths.js'
import { openDatabase } from '../src/store/database.js'
import { loadDocuments } from '../src/store/load.js'
import { generatePlan } from './generate-plans.js'

const aliases = readAliasDictionary(aliasDictionaryPath)
const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'))

function time<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now()
  const result = work()
  return { result, ms: performance.now() - start }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function ingestInto(name: string, texts: { file: string; bytes: Buffer }[]) {
  const path = join(dir, `${name}.db`)
  const parsed = time(() =>
    texts.map((t): PlanDocument => parsePlan(t.bytes, { file: t.file, aliases })),
  )
  const db = openDatabase(path)
  const loaded = time(() => loadDocuments(db, parsed.result))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const tasks = parsed.result.reduce((n, p) => n + p.tasks.length, 0)
  return { parseMs: parsed.ms, loadMs: loaded.ms, tasks, bytes: statSync(path).size }
}

const bundled = [
  { file: 'bundled.txt', bytes: readFileSync(join(sourcesDir, '000_c064bf4d175dcab6.txt')) },
]
// Warm up the JIT and SQLite's page cache, then take the median of several runs.
for (let i = 0; i < 3; i++) ingestInto(`warm-${i}`, bundled)
const runs = Array.from({ length: 9 }, (_, i) => ingestInto(`bundled-${i}`, bundled))
const generated = Array.from({ length: 100 }, (_, i) => ({
  file: `plan-${i}.txt`,
  bytes: Buffer.from(generatePlan(i + 1), 'utf8'),
}))
const many = ingestInto('generated', generated)

const ms = (n: number) => `${n.toFixed(1)} ms`
console.log('ingest benchmark (parse = text to PlanDocument, load = one SQLite transaction)')
console.log(
  `bundled plan, median of ${runs.length}: parse ${ms(median(runs.map((r) => r.parseMs)))}, ` +
    `load ${ms(median(runs.map((r) => r.loadMs)))}, ${runs[0]!.tasks} tasks, ` +
    `database ${(runs[0]!.bytes / 1024).toFixed(0)} KiB`,
)
console.log(
  `100 generated plans: parse ${ms(many.parseMs)}, load ${ms(many.loadMs)}, ` +
    `${many.tasks} tasks, ${((many.parseMs + many.loadMs) / 100).toFixed(1)} ms a plan, ` +
    `database ${(many.bytes / 1024 / 1024).toFixed(1)} MiB`,
)
rmSync(dir, { recursive: true, force: true })

// The share of parsing spent on targets and findings, measured on the bundled plan in this run.
const lines = decodePlanText(bundled[0]!.bytes, 'bundled.txt')
const plan = parsePlan(bundled[0]!.bytes, { file: 'bundled.txt', aliases })
const stage = (work: () => unknown) => median(Array.from({ length: 15 }, () => time(work).ms))
const outline = {
  preamble: [],
  sections: plan.sections,
  paragraphs: plan.sections.map((s) => [
    { text: s.text, startLine: s.startLine, endLine: s.endLine },
  ]),
}
const targetsMs = stage(() => collectTargets(lines, outline, plan.tasks, { periodEnd: null }))
const findingsMs = stage(() =>
  findQualityIssues({
    lines,
    sections: plan.sections,
    tasks: plan.tasks,
    agencyTable: plan.agencyTable,
    agencies: plan.agencies,
  }),
)
const parseMs = stage(() => parsePlan(bundled[0]!.bytes, { file: 'bundled.txt', aliases }))
console.log(
  `bundled plan, median of 15: parse ${ms(parseMs)}, of which targets ${ms(targetsMs)} ` +
    `(${((100 * targetsMs) / parseMs).toFixed(0)}%) and findings ${ms(findingsMs)} ` +
    `(${((100 * findingsMs) / parseMs).toFixed(0)}%)`,
)
