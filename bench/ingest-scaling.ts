// npm run bench:ingest-scaling: parse time as texts grow, for the shapes that once made the ingest
// quadratic (a task row continued over thousands of lines, a paragraph cut over as many, a plan
// crawled onto one line) and a plain long plan. Each size doubles the last: a linear ingest
// doubles its time too (ratio near 2); a quadratic one quadruples it. Run by hand.
import { performance } from 'node:perf_hooks'
import { parsePlan } from '../src/ingest/parse.js'
import { readAliasDictionary } from '../src/ingest/read.js'
import { aliasDictionaryPath } from '../src/paths.js'

const aliases = readAliasDictionary(aliasDictionaryPath)
const HEAD =
  '某市人民政府办公室关于印发某市某方案的通知\n某政办〔2024〕1号\n各区人民政府：\n现印发给你们。\n某市人民政府办公室\n2024年1月2日\n某市某方案\n'
const ITEM = (i: number) =>
  `${i}．建设第${i}批设施。新建设施${(i % 50) + 2}个，改造网点不少于${(i % 30) + 5}个，覆盖率达到${(i % 40) + 50}%。（责任单位：市发展改革委、市财政局）`

const SHAPES: Record<string, (n: number) => string> = {
  'a task row continued over n lines': (n) =>
    `${HEAD}一、重点任务\n1．建设设施。新建设施5个。\n\n序号\t工作任务\t责任单位\n1\t建设设施，\t市财政局\n${'配套建设冷链仓储和配送网点，完善乡镇服务站点布局，\n'.repeat(n)}2\t收尾工作。\t市商务局\n`,
  'a paragraph cut over n lines': (n) =>
    `${HEAD}一、重点任务\n1．建设设施。${'新建设施，完善乡镇服务站点布局，推动农产品出村进城，\n'.repeat(n)}新建设施5个。\n`,
  'a plan of n items': (n) =>
    `${HEAD}一、重点任务\n${Array.from({ length: n }, (_, i) => ITEM(i + 1)).join('\n')}\n`,
  'a plan of n items crawled onto one line': (n) =>
    `${HEAD}一、重点任务\u3000\u3000${Array.from({ length: n }, (_, i) => ITEM(i + 1)).join('\u3000\u3000')}\n`,
}

function parseMs(text: string): number {
  const bytes = Buffer.from(text, 'utf8')
  parsePlan(bytes, { file: 'scaling.txt', aliases })
  const runs = [0, 1, 2].map(() => {
    const start = performance.now()
    parsePlan(bytes, { file: 'scaling.txt', aliases })
    return performance.now() - start
  })
  return runs.sort((a, b) => a - b)[1]!
}

console.log('ingest scaling: median of 3 parses per size; ratio = time / time of half the size')
for (const [name, make] of Object.entries(SHAPES)) {
  console.log(`\n${name}`)
  let previous: number | null = null
  for (const n of [500, 1000, 2000, 4000, 8000]) {
    const text = make(n)
    const kb = Buffer.byteLength(text) / 1024
    if (kb > 5 * 1024) break
    const ms = parseMs(text)
    const ratio = previous === null ? '' : `  ratio ${(ms / previous).toFixed(2)}`
    console.log(
      `  n=${String(n).padStart(5)}  ${kb.toFixed(0).padStart(6)} KB  ${ms.toFixed(1).padStart(9)} ms${ratio}`,
    )
    previous = ms
  }
}
const heap = process.memoryUsage()
console.log(
  `\npeak RSS ${(heap.rss / 1024 / 1024).toFixed(0)} MB, heap ${(heap.heapUsed / 1024 / 1024).toFixed(0)} MB`,
)
