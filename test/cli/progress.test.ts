// The ingest's progress: a bar redrawn in place on a terminal, a line per file elsewhere.
import t from 'tap'
import { barLine, fileProgress } from '../../src/cli/progress.js'

function recorder(isTTY: boolean, columns?: number) {
  const written: string[] = []
  return { written, stream: { isTTY, columns, write: (text: string) => written.push(text) } }
}

t.test('on a terminal, one line redrawn: the bar fills as files are read', async (t) => {
  const { written, stream } = recorder(true, 60)
  const progress = fileProgress(stream, 4)
  progress.reading('a.pdf')
  progress.read('a.pdf', 12)
  progress.reading('b.docx')
  progress.read('b.docx', 30)
  progress.loading()
  progress.done()
  t.ok(
    written.every((text) => text.startsWith('\r\x1b[2K') && !text.includes('\n')),
    'each draw returns to the line start and clears it, never a new line',
  )
  const shown = written.map((text) => text.slice('\r\x1b[2K'.length))
  t.same(shown, [
    `[${'.'.repeat(24)}] 0/4 a.pdf`,
    `[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 a.pdf`,
    `[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 b.docx`,
    `[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 b.docx`,
    `[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 loading into the database…`,
    '',
  ])
})

t.test('the bar is cut to the terminal, so that it never wraps', async (t) => {
  const line = barLine(1, 2, '新郑市职业教育改革发展实施方案（2023—2025年）.pdf', 40)
  t.equal([...line].length, 39)
  t.equal(barLine(0, 0, 'x', 80), `[${'#'.repeat(24)}] 0/0 x`, 'nothing to read is full')
})

t.test('off a terminal, a line per file read, with its time', async (t) => {
  const { written, stream } = recorder(false)
  const progress = fileProgress(stream, 2)
  progress.reading('a.txt')
  progress.read('a.txt', 12.4)
  progress.read('b.txt', 7)
  progress.loading()
  progress.done()
  t.same(written, ['read 1/2 a.txt (12 ms)\n', 'read 2/2 b.txt (7 ms)\n', 'loading 2 plans\n'])
})
