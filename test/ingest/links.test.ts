import t from 'tap'
import { itemMatcher } from '../../src/ingest/links.js'
import type { ParsedSection } from '../../src/ingest/types.js'

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
