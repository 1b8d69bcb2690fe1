// Plan texts shaped to make a parser slow, each under the size limit: one line of 4.9 MB, a task
// table of 100k rows, brackets 100k deep, 100k labels. Run with a shape's name, this reads that
// shape in a process of its own and prints what it took (time, peak memory) as JSON, so that
// the memory one shape takes is not counted against another. Run without one (as the test
// runner does when given the folder), it does nothing.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { PlanParseError } from '../../src/ingest/errors.js'
import { projectRoot } from '../../src/paths.js'
import { problemsOf, readPlan } from './plan-outcome.js'

/** Just under the limit, so that every shape is read rather than refused for its size. */
const SIZE = 4.9 * 1024 * 1024

const HEAD = [
  '某市人民政府办公室关于印发某市某方案的通知',
  '某政办〔2024〕1号',
  '各区人民政府：',
  '现印发给你们，请认真贯彻执行。',
  '某市人民政府办公室',
  '2024年1月2日',
  '某市某方案',
  '一、重点任务',
].join('\n')

/** The head, then pieces made by `make` until the text would pass SIZE. */
function filled(head: string, make: (i: number) => string): string {
  const pieces = [head]
  let size = Buffer.byteLength(head)
  for (let i = 1; ; i++) {
    const piece = make(i)
    size += Buffer.byteLength(piece)
    if (size > SIZE) return pieces.join('')
    pieces.push(piece)
  }
}

/** 一、 … 九十九、: the most parts the genre's labels count to. */
function partLabel(n: number): string {
  const digits = '一二三四五六七八九'
  const tens = n >= 20 ? digits[Math.floor(n / 10) - 1]! : ''
  return `${tens}${n >= 10 ? '十' : ''}${digits[(n % 10) - 1] ?? ''}、`
}

export const SHAPES = {
  /** A plan a crawler joined onto one line: items, figures and units, no line break. */
  'one line of 4.9 MB': () =>
    filled(
      HEAD,
      (i) => `${i}．建设第${i}批设施，新建网点${(i % 50) + 2}个（责任单位：市商务局、市财政局）。`,
    ),
  /** A task list of more rows than any plan has, numbered past 9,999. */
  '100k table rows': () =>
    filled(`${HEAD}\n序号\t工作任务\t责任单位\n`, (i) => `${i}\t建设${i}。\t市第${i % 40}局\n`),
  /** Brackets nested 100k deep, and 100k of four kinds left open, line after line. */
  'brackets 100k deep': () => {
    const deep = 100_000
    const nested = `${'（'.repeat(deep)}责任单位：市财政局${'）'.repeat(deep)}\n`
    const open = `建设${'（《“【'.repeat(deep)}\n`
    return filled(`${HEAD}\n`, (i) => (i % 2 === 1 ? nested : open))
  },
  /** 99 parts of 999 items each, and labels of other styles out of their order among them. */
  '100k labels': () => {
    const stray = ['（一）', '①', '第一条', '（1）', '一是']
    const lines: string[] = []
    for (let part = 1; part <= 99; part++) {
      lines.push(`${partLabel(part)}重点任务`)
      for (let item = 1; item <= 999; item++) {
        const i = lines.length
        lines.push(`${item}．建设设施${i}，达到${(i % 90) + 10}个。`)
        if (i % 97 === 0) lines.push(`${stray[i % stray.length]}建设`)
      }
    }
    return lines.join('\n')
  },
  /** A body and a task list of 20k rows each, worded alike: every row is like every item. */
  'a task list and a body alike': () => {
    const words = '建设完善推进提升加强优化健全实施发展服务保障管理创新改革体系机制平台项目设施网络'
    // The same few words in a different order for each i: rows share most bigrams with all items.
    const sentence = (i: number) =>
      Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join('')
    const items: string[] = []
    const rows: string[] = []
    for (let i = 1; i <= 20_000; i++) {
      if (i % 999 === 1) items.push(`${partLabel(Math.ceil(i / 999))}重点任务`)
      items.push(`${((i - 1) % 999) + 1}．${sentence(i)}，新建设施${i}个。`)
      rows.push(`${i}\t${sentence(i)}，新建设施${i}个。\t市财政局`)
    }
    return `${HEAD}\n${items.join('\n')}\n序号\t工作任务\t责任单位\n${rows.join('\n')}`
  },
}

export type ShapeName = keyof typeof SHAPES

/** The yardstick of the shapes' time: as many bytes of real plans, read one after another. */
export const REAL_PLANS = 'real plans'

/** What reading took: time, processor time and peak memory. */
export interface Measure {
  megabytes: number
  seconds: number
  /** The processor time the parse took, in seconds: what a busy machine does not stretch. */
  cpuSeconds: number
  /** The process's peak resident memory, in bytes. */
  peakRss: number
}

/** What reading one shape took, and what it came to. */
export interface Reading extends Measure {
  refused: string | null
  problems: string[]
  sections: number
  tasks: number
  lastTaskNumber: number | null
  targets: number
  /** The codes of its findings, each once. */
  findingCodes: string[]
}

function measured<T>(
  megabytes: number,
  work: () => T,
): { result: T; measure: Omit<Measure, 'peakRss'> } {
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const result = work()
  const cpu = process.cpuUsage(cpuStart)
  const seconds = (performance.now() - start) / 1000
  return { result, measure: { megabytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 } }
}

const peakRss = () => process.resourceUsage().maxRSS * 1024

function readShape(name: ShapeName): Reading {
  const input = Buffer.from(SHAPES[name](), 'utf8')
  const { result: outcome, measure } = measured(input.length / 1024 / 1024, () => readPlan(input))
  const plan = outcome instanceof PlanParseError ? null : outcome
  return {
    ...measure,
    peakRss: peakRss(),
    refused: plan ? null : (outcome as PlanParseError).message,
    problems: problemsOf(input, outcome),
    sections: plan?.sections.length ?? 0,
    tasks: plan?.tasks.length ?? 0,
    lastTaskNumber: plan?.tasks.at(-1)?.number ?? null,
    targets: plan?.targets.length ?? 0,
    findingCodes: [...new Set(plan?.findings.map((f) => f.code))].sort(),
  }
}

/**
 * The plans of the genre corpus (test/fixtures/genre), read in turn until as many bytes as a
 * shape's have been read: what the parser ordinarily takes for that much text, on this machine.
 */
function readRealPlans(): Measure {
  const corpus = join(projectRoot, 'test', 'fixtures', 'genre')
  const plans = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.txt'))
    .sort()
    .map((path) => readFileSync(join(corpus, path)))
  const { result: bytes, measure } = measured(SIZE / 1024 / 1024, () => {
    let read = 0
    for (let i = 0; read < SIZE; i++) {
      const plan = plans[i % plans.length]!
      if (readPlan(plan) instanceof PlanParseError) throw new Error(`plan ${i} refused`)
      read += plan.length
    }
    return read
  })
  return { ...measure, megabytes: bytes / 1024 / 1024, peakRss: peakRss() }
}

const name = process.argv[2]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && name !== undefined) {
  if (name === REAL_PLANS) console.log(JSON.stringify(readRealPlans()))
  else if (Object.hasOwn(SHAPES, name)) console.log(JSON.stringify(readShape(name as ShapeName)))
  else {
    console.error(`no shape ${name}: ${[REAL_PLANS, ...Object.keys(SHAPES)].join(', ')}`)
    process.exitCode = 2
  }
}
