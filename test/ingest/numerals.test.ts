import t from 'tap'
import { parseChineseNumber } from '../../src/ingest/numerals.js'

t.test('parseChineseNumber reads headings, dates and amounts', async (t) => {
  const cases: [string, number | null][] = [
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['一百零八', 108],
    ['两千', 2000],
    ['三万', 30000],
    ['一亿二千万', 120000000],
    ['二〇二三', 2023],
    ['2025', 2025],
    ['1.2', null],
    ['', null],
    ['十x', null],
  ]
  for (const [input, expected] of cases) t.equal(parseChineseNumber(input), expected, input)
})
