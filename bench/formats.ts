// npm run bench:formats: how long reading a plan takes in each form it is published in (the
// fixtures of test/fixtures/formats), from the file's bytes to the parsed plan, with the text
// version as the baseline measured in the same run: median of several runs after a warm-up (the
// first PDF also pays for loading pdfjs, printed apart). Run by hand; figures vary by machine.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { formatOfName } from '../src/ingest/formats/detect.js'
import { parsePublished, readAliasDictionary } from '../src/ingest/read.js'
import { aliasDictionaryPath, projectRoot, sourcesDir } from '../src/paths.js'

const aliases = readAliasDictionary(aliasDictionaryPath)
const formats = join(projectRoot, 'test', 'fixtures', 'formats')
const RUNS = Number(process.env.RUNS ?? 7)

const files: [string, string][] = [
  ['xinzheng.txt', join(sourcesDir, '000_c064bf4d175dcab6.txt')],
  ['xinzheng.html', join(formats, 'xinzheng.html')],
  ['xinzheng.docx', join(formats, 'xinzheng.docx')],
  ['xinzheng.pdf', join(formats, 'xinzheng.pdf')],
  ['second-plan.txt', join(projectRoot, 'test', 'fixtures', 'plans', 'second-plan.txt')],
  ['second-plan.html', join(formats, 'second-plan.html')],
  ['second-plan.docx', join(formats, 'second-plan.docx')],
  ['second-plan.pdf', join(formats, 'second-plan.pdf')],
]

const read = (name: string, bytes: Buffer) =>
  parsePublished(bytes, { file: name, aliases, claim: { format: formatOfName(name), as: name } })

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const coldStart = performance.now()
await read('second-plan.pdf', readFileSync(join(formats, 'second-plan.pdf')))
console.log(`first PDF, with loading pdfjs: ${(performance.now() - coldStart).toFixed(0)} ms`)

console.log(`file               KB  pages   median ms  ms/page  × text`)
const baseline = new Map<string, number>()
for (const [name, path] of files) {
  const bytes = readFileSync(path)
  const plan = await read(name, bytes)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await read(name, bytes)
    times.push(performance.now() - start)
  }
  const ms = median(times)
  const stem = name.replace(/\.\w+$/, '')
  if (name.endsWith('.txt')) baseline.set(stem, ms)
  const pages = plan.published.pageOfLine ? Math.max(...plan.published.pageOfLine) : null
  console.log(
    [
      name.padEnd(17),
      String(Math.round(bytes.length / 1024)).padStart(4),
      String(pages ?? '-').padStart(6),
      ms.toFixed(1).padStart(11),
      (pages ? (ms / pages).toFixed(1) : '-').padStart(8),
      (ms / baseline.get(stem)!).toFixed(1).padStart(7),
    ].join(' '),
  )
}
