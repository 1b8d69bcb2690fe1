import fc from 'fast-check'
import t from 'tap'
import { bigrams, containment, splitSentences } from '../../src/ingest/compare.js'
import { itemMatcher } from '../../src/ingest/links.js'
import type { ParsedSection } from '../../src/ingest/types.js'
import { fuzzRuns } from '../fuzz/runs.js'

const item = (number: number, text: string): ParsedSection => ({
  kind: 'item',
  label: `${number}.`,
  number,
  heading: text.slice(0, text.indexOf('。')),
  text,
  parentIndex: null,
  startLine: number,
  endLine: number,
})

const sections = [
  item(
    1,
    '健全养老制度。制定发布基本养老服务清单，明确服务对象、服务内容和服务标准。各县（市、区）结合实际制定具体实施清单。',
  ),
  item(2, '精准识别对象。建立老年人能力综合评估制度，统一评估标准，评估结果在全市范围内互认。'),
  item(3, '发展智慧养老。建设全市统一的智慧养老服务平台，汇聚老年人基础信息和服务需求。'),
]

t.test('a task links to the items whose sentences it copies', async (t) => {
  const m = itemMatcher(sections)
  t.same(m.itemsOf('建立老年人能力综合评估制度，统一评估标准，评估结果在全市范围内互认。'), [1])
  t.same(
    m.itemsOf(
      '制定发布基本养老服务清单，明确服务对象、服务内容和服务标准。建设全市统一的智慧养老服务平台。',
    ),
    [0, 2],
    'one task restating two items links both, in document order',
  )
  t.same(
    m.itemsOf('建立老年人能力评估制度，评估结果全市互认。'),
    [1],
    'a shortened sentence still matches',
  )
  t.same(
    m.itemsOf('组织开展全民健身运动会，丰富群众文化生活。'),
    [],
    'a sentence from nowhere links nothing',
  )
  t.same(m.itemsOf(''), [])
})

t.test(
  'the items matched by the rarest bigrams are those every item compared would give',
  async (t) => {
    // Every item compared with every sentence, as the matcher did before it kept an index.
    const matchedByAll = (items: ParsedSection[], task: string) => {
      const found = new Set<number>()
      for (const sentence of splitSentences(task)) {
        const grams = bigrams(sentence)
        let best: { index: number; score: number } | null = null
        items.forEach((s, index) => {
          const score = containment(grams, bigrams(s.text))
          if (!best || score > best.score) best = { index, score }
        })
        const chosen = best as { index: number; score: number } | null
        if (chosen && chosen.score >= 0.6) found.add(chosen.index)
      }
      return [...found].sort((a, b) => a - b)
    }
    // Few characters, so that texts share many bigrams and ties are common.
    const text = fc.string({
      unit: fc.constantFrom(...'建设平台服务体系。'),
      minLength: 6,
      maxLength: 30,
    })
    const plan = fc.record({
      items: fc.array(text, { minLength: 1, maxLength: 8 }),
      task: text,
    })
    let checked = 0
    fc.assert(
      fc.property(plan, ({ items, task }) => {
        const sections = items.map((s, i) => item(i + 1, s))
        const indexed = itemMatcher(sections).itemsOf(task)
        const compared = matchedByAll(sections, task)
        if (JSON.stringify(indexed) !== JSON.stringify(compared)) {
          throw new Error(`${JSON.stringify({ items, task })}: ${indexed} where ${compared}`)
        }
        checked++
      }),
      fuzzRuns(500),
    )
    t.ok(checked > 0, `${checked} plans`)
  },
)
