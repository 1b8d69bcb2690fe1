// Files are read in a thread of their own with a time and a memory limit: past either, the file
// is refused with one line and the thread replaced, and the next file is read as usual.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { PlanParseError } from '../../../src/ingest/errors.js'
import { ReaderThread } from '../../../src/ingest/formats/reader-thread.js'
import { projectRoot } from '../../../src/paths.js'

const formats = join(projectRoot, 'test', 'fixtures', 'formats')
const pdf = readFileSync(join(formats, 'second-plan.pdf'))

t.test('a file over the time limit is refused, and the thread replaced', async (t) => {
  const reader = new ReaderThread({ timeMs: 1, memoryMb: 512 })
  t.teardown(() => reader.close())
  await t.rejects(
    reader.read(pdf, 'slow.pdf', 'pdf'),
    new PlanParseError('slow.pdf', null, 'reading the file takes longer than 0.001 s'),
  )
})

t.test('a file over the memory limit is refused; the next file is read', async (t) => {
  const reader = new ReaderThread({ timeMs: 120_000, memoryMb: 4 })
  t.teardown(() => reader.close())
  await t.rejects(reader.read(pdf, 'big.pdf', 'pdf'), {
    message: /^big\.pdf: reading the file needs more than 4 MB of memory$/,
  })
})

t.test('refusals and texts come back in order, one file at a time', async (t) => {
  const reader = new ReaderThread()
  t.teardown(() => reader.close())
  const [text, refused, again] = await Promise.allSettled([
    reader.read(pdf, 'a.pdf', 'pdf'),
    reader.read(readFileSync(join(formats, 'scanned.pdf')), 'scan.pdf', 'pdf'),
    reader.read(readFileSync(join(formats, 'second-plan.docx')), 'b.docx', 'docx'),
  ])
  t.equal(text.status, 'fulfilled')
  t.match(text.status === 'fulfilled' && text.value, { format: 'pdf', text: /洛政办〔2024〕5/ })
  t.equal(refused.status, 'rejected')
  t.match(refused.status === 'rejected' && refused.reason, { file: 'scan.pdf', line: null })
  t.match(again.status === 'fulfilled' && again.value, { format: 'docx' })
})
