// Property tests of the ingest: whatever text arrives, built from the genre's pieces or not, the
// parser reads it or refuses it with a PlanParseError of one line, never another exception, and
// the lines its records give are lines of the text. Texts shaped to make it slow (a line of
// 4.9 MB, 100k table rows, brackets 100k deep, 100k labels) are read within generous bounds of
// processor time and memory: a guard against work that grows faster than the text, not a speed
// test.
import { execFile } from 'node:child_process'
import { exitWithParent, TEST_PROCESS_MARK } from '../processes.js'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import t from 'tap'
import { MAX_PLAN_BYTES } from '../../src/ingest/decode.js'
import { PlanParseError } from '../../src/ingest/errors.js'
import { parsePublished } from '../../src/ingest/read.js'
import { projectRoot } from '../../src/paths.js'
import { aliases } from '../helper.js'
import {
  REAL_PLANS,
  SHAPES,
  type Measure,
  type Reading,
  type ShapeName,
} from './adversarial-plans.js'
import { problemsOf, readPlan } from './plan-outcome.js'
import { fuzzRuns } from './runs.js'

const HEAD =
  '某市人民政府办公室关于印发某市某方案的通知\n某政办〔2024〕1号\n各区人民政府：\n某市某方案\n'

const cjk = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
})

/** The pieces plans are made of, and the debris converters and crawlers leave in them. */
const piece = fc.oneof(
  fc.constantFrom(
    '一、',
    '二、',
    '（一）',
    '（二）',
    '1.',
    '2．',
    '3、',
    '①',
    '②',
    '第一章',
    '第二条',
  ),
  fc.constantFrom('（1）', '一是', '二是', '11.121', '附件', '附件1：', '抄送：', '主办：', '印发'),
  fc.constantFrom('责任单位：', '牵头单位：', '配合单位：', '（责任单位：市财政局、市民政局）'),
  fc.constantFrom(
    '市发展改革委牵头，市财政局配合',
    '各区人民政府',
    '市财政局',
    '省公安厅等有关部门',
  ),
  fc.constantFrom('\t', '序号\t工作任务\t责任单位\t完成时限', '序号', '工作任务', '责任单位', '\n'),
  fc.constantFrom(
    '（',
    '）',
    '(',
    ')',
    '《',
    '》',
    '“',
    '”',
    '【',
    '】',
    '〔2024〕',
    '[',
    ']',
    '"',
  ),
  fc.constantFrom('2024年12月底前', '到2025年', '2023—2025年', '长期坚持', '2024-06-30', '12月'),
  fc.constantFrom('3万人', '1—2所', '80%', '不低于95%', '达到1000个', '翻一番', '10,000', '12345'),
  fc.constantFrom(
    '某市人民政府办公室关于印发某市某方案的通知',
    '某政办〔2024〕1号',
    '各县（市、区）：',
  ),
  fc.constantFrom('某市人民政府办公室\n2024年1月2日', '索引号：', '发文机关：', '— 3 —', '第 2 页'),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\f', '\r', '\r\n', '\u00a0', '\u3000', '\u200b'),
  fc.constantFrom(
    '\ufeff',
    '&nbsp;',
    '&#x4e00;',
    '**',
    '# ',
    '[链接](http://x)',
    '  ',
    '，',
    '。',
    '；',
  ),
  cjk,
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.integer({ min: 0, max: 9_999_999 }).map(String),
)

/** A piece repeated into a long line: the shape of a plan a crawler joined. */
const longRun = fc
  .tuple(piece, fc.integer({ min: 500, max: 5_000 }))
  .map(([p, times]) => p.repeat(times))

/** A line: a label, or a table row's number, then pieces. */
const line = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('', '一、', '二、', '（一）', '（二）', '1.', '2.', '3.', '①', '第一章'),
      fc.integer({ min: 1, max: 120_000 }).map((n) => `${n}\t`),
    ),
    fc.array(fc.oneof({ weight: 30, arbitrary: piece }, { weight: 1, arbitrary: longRun }), {
      maxLength: 12,
    }),
  )
  .map(([label, pieces]) => label + pieces.join(''))

/** A text of such lines, under a plan's head or not; now and then bytes of any kind. */
const bytes = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.boolean(), fc.array(line, { maxLength: 60 }))
      .map(([headed, lines]) => Buffer.from((headed ? HEAD : '') + lines.join('\n'), 'utf8')),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
)

t.test('any text is parsed or refused with one line, its records on its lines', async (t) => {
  let parsed = 0
  let refused = 0
  fc.assert(
    fc.property(bytes, (input) => {
      const outcome = readPlan(input)
      if (outcome instanceof PlanParseError) refused++
      else parsed++
      const problems = problemsOf(input, outcome)
      if (problems.length > 0) throw new Error(problems.join('; '))
    }),
    {
      ...fuzzRuns(400),
      interruptAfterTimeLimit: 30_000,
    },
  )
  t.ok(parsed > 0 && refused > 0, `${parsed} texts parsed, ${refused} refused`)
})

/**
 * Bounds of the shapes. Time is processor time, which a machine busy with other work does not
 * stretch, and is counted in what reading as many bytes of real plans takes on the same machine:
 * the shapes take from a tenth of that to twice it; work growing with the square of the text
 * would take thousands of times. A guard against such work, not a speed test. The bound of peak
 * memory is three times the most a shape takes.
 */
const TIMES_REAL_PLANS = 20
const PEAK_RSS = 1.5 * 1024 * 1024 * 1024
/** A reading still going after this long (wall time) is stopped, and fails. */
const GIVE_UP_SECONDS = 600

// The readings take a minute or two, more on a busy machine: more than a test file is given.
t.setTimeout(30 * 60 * 1000)

/** Reads a shape in a process of its own, so that what it took is its own; null if stopped. */
async function readInItsOwnProcess<T extends Measure>(name: string): Promise<T | null> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        ...exitWithParent,
        '--import',
        'tsx',
        join(projectRoot, 'test/fuzz/adversarial-plans.ts'),
        name,
      ],
      {
        cwd: projectRoot,
        timeout: GIVE_UP_SECONDS * 1000,
        maxBuffer: 1024 * 1024,
        env: { ...process.env, [TEST_PROCESS_MARK]: projectRoot },
      },
    )
    return JSON.parse(stdout) as T
  } catch (err) {
    if ((err as { killed?: boolean }).killed) return null
    throw err
  }
}

const expected: Record<ShapeName, (reading: Reading) => boolean> = {
  'one line of 4.9 MB': (r) => r.tasks > 50_000 && r.targets > 50_000,
  '100k table rows': (r) => r.tasks > 100_000 && r.lastTaskNumber === r.tasks,
  'brackets 100k deep': (r) => r.refused === null,
  '100k labels': (r) => r.sections >= 99 * 1000 && r.targets > 98_000,
  // Past the bounds of comparing the two, findings say what was left uncompared.
  'a task list and a body alike': (r) =>
    r.tasks === 20_000 &&
    ['tasks-not-linked', 'targets-not-compared'].every((code) => r.findingCodes.includes(code)),
}

const cpu = (m: Measure) => `${m.cpuSeconds.toFixed(1)} s of processor time`

t.test('texts shaped to be slow are read in bounded time and memory', async (t) => {
  const real = await readInItsOwnProcess<Measure>(REAL_PLANS)
  if (real === null) return t.fail(`real plans not read in ${GIVE_UP_SECONDS} s`)
  t.comment(`${real.megabytes.toFixed(1)} MB of real plans: ${cpu(real)}`)
  for (const name of Object.keys(SHAPES) as ShapeName[]) {
    await t.test(name, async (t) => {
      const reading = await readInItsOwnProcess<Reading>(name)
      if (reading === null) return t.fail(`not read in ${GIVE_UP_SECONDS} s`)
      const { megabytes, cpuSeconds, peakRss, problems } = reading
      t.ok(megabytes < MAX_PLAN_BYTES / 1024 / 1024, `${megabytes.toFixed(1)} MB, under the limit`)
      t.same(problems, [], reading.refused ?? 'parsed')
      t.ok(expected[name](reading), 'read as such a text is', reading)
      const times = cpuSeconds / real.cpuSeconds
      t.ok(
        times < TIMES_REAL_PLANS,
        `${cpu(reading)}, ${times.toFixed(1)} times what as many bytes of real plans take`,
      )
      t.ok(peakRss < PEAK_RSS, `peak rss ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
    })
  }
})

t.test('a text over the limit is refused at once with one line, however it came', async (t) => {
  const over = Buffer.alloc(MAX_PLAN_BYTES + 1, 'a')
  const start = performance.now()
  const refused = readPlan(over)
  t.type(refused, PlanParseError)
  t.equal(
    (refused as PlanParseError).message,
    'fuzz.txt: the file has 5.0 MB; a plan text has at most 5 MB',
  )
  t.ok(performance.now() - start < 1000, 'before reading any of it')

  // A page well under the file limit whose text passes the plan text's limit.
  const page = Buffer.from(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市某方案</title></head><body>' +
      `<div class="article"><p>一、重点任务</p><p>${'建设设施，完善布局。'.repeat(190_000)}</p></div>` +
      '</body></html>',
  )
  await t.rejects(
    parsePublished(page, { file: 'big.html', aliases, claim: { format: null, as: 'a test' } }),
    {
      name: 'PlanParseError',
      message:
        /^big\.html: the text read from the file has 5\.\d MB; a plan text has at most 5 MB$/,
    },
  )
})
