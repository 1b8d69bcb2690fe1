import fc from 'fast-check'
import t from 'tap'
import { PlanParseError } from '../../src/ingest/errors.js'
import { decodePlanText, isPageNumber } from '../../src/ingest/decode.js'
import { compact, endsSentence, pairedSpans, repair, repairTitle } from '../../src/ingest/text.js'
import { fuzzRuns } from '../fuzz/runs.js'

const bytes = (s: string) => Buffer.from(s, 'utf8')

t.test('decodePlanText refuses what cannot be a plan text, naming file and line', async (t) => {
  const refused = (input: Uint8Array) => {
    try {
      decodePlanText(input, 'in.txt')
    } catch (err) {
      t.type(err, PlanParseError)
      return (err as PlanParseError).message
    }
    return t.fail('accepted') as never
  }
  t.equal(refused(new Uint8Array()), 'in.txt: the file is empty')
  t.equal(refused(bytes('\n  \n\n')), 'in.txt: the file holds only blank lines')
  t.equal(
    refused(Buffer.concat([bytes('第一行\n第二行\n'), Buffer.from([0xe4, 0xb8]), bytes('\n')])),
    'in.txt:3: the text is not valid UTF-8',
  )
  t.equal(
    refused(bytes('正文\n\u0000\u0001\u0002')),
    'in.txt:2: binary data (control characters) in a text file',
  )
})

t.test('decodePlanText numbers lines from 1 and drops a BOM and CR', async (t) => {
  const lines = decodePlanText(bytes('\ufeff甲\r\n乙\r\n'), 'f')
  t.same(lines.slice(0, 2), [
    { n: 1, text: '甲' },
    { n: 2, text: '乙' },
  ])
})

t.test('repair undoes what PDF conversion does to Chinese text', async (t) => {
  const cases: [string, string][] = [
    ['到 2025 年，在校生规模达到 3 万人', '到2025年，在校生规模达到3万人'],
    ['保持在 95%以上', '保持在95%以上'],
    ['不低于 50% 的比例', '不低于50%的比例'],
    ['吸引境外机构来新郑合作办学,按“一校一策”方式', '吸引境外机构来新郑合作办学，按“一校一策”方式'],
    ['各乡镇(街道、管委会)', '各乡镇（街道、管委会）'],
    ['附件:新郑市任务清单', '附件：新郑市任务清单'],
    ['到２０２５年', '到2025年'],
    ['“3+2”分段和“1+X”证书', '“3+2”分段和“1+X”证书'],
    ['建成 1.2 万户', '建成1.2万户'],
    ['Python 3 课程', 'Python 3课程'],
    [
      '《中共中央办公厅 国务院办公厅关于深化改革的意见》',
      '《中共中央办公厅 国务院办公厅关于深化改革的意见》',
    ],
    ['"文明风采"活动', '“文明风采”活动'],
  ]
  for (const [input, expected] of cases) t.equal(repair(input), expected, input)
})

t.test('repairTitle joins a title broken by the conversion', async (t) => {
  t.equal(
    repairTitle('新郑市人民政府办公室 关于印发新郑市职业教育高质量创新发展高地 建设实施方案的通知'),
    '新郑市人民政府办公室关于印发新郑市职业教育高质量创新发展高地建设实施方案的通知',
  )
  t.equal(compact('某某 市 教育局'), '某某市教育局')
})

t.test('endsSentence knows the marks that close a paragraph', async (t) => {
  for (const s of ['好。', '如下：', '一是；', '吗？', '“好。”']) t.ok(endsSentence(s), s)
  for (const s of ['为新', '培养 20 名', '技术、', '一、总体要求']) t.notOk(endsSentence(s), s)
})

t.test(
  'page numbers left by the converter are recognised; a space in 《》 only between issuers',
  async (t) => {
    for (const s of ['— 5 —', '- 12 -', '－3－', ' — 27 — ']) t.ok(isPageNumber(s), s)
    for (const s of ['5', '2025年', '—', '一、总体要求']) t.notOk(isPageNumber(s), s)
    t.equal(
      repair('依据《郑州市城市市容和 环境卫生管理条例》'),
      '依据《郑州市城市市容和环境卫生管理条例》',
    )
    t.equal(
      repair('《教育部 河南省人民政府关于推进的意见》'),
      '《教育部 河南省人民政府关于推进的意见》',
    )
  },
)

t.test('pairedSpans finds what /《[^》]*》|“[^”]*”/g finds, in one pass', async (t) => {
  const pairs = { '《': '》', '“': '”', '"': '"' }
  const text = fc.string({
    unit: fc.constantFrom('《', '》', '“', '”', '"', '甲', '，'),
    maxLength: 40,
  })
  let checked = 0
  fc.assert(
    fc.property(text, (s) => {
      const byExpression = [...s.matchAll(/《[^》]*》|“[^”]*”|"[^"]*"/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      }))
      if (JSON.stringify(pairedSpans(s, pairs)) !== JSON.stringify(byExpression)) {
        throw new Error(`${s}: ${JSON.stringify(pairedSpans(s, pairs))}`)
      }
      checked++
    }),
    fuzzRuns(500),
  )
  t.ok(checked > 0, `${checked} texts`)
  // Thousands of marks left open cost no more than reading them once.
  const open = '《'.repeat(200_000) + '“'.repeat(200_000)
  const start = performance.now()
  t.same(pairedSpans(open, pairs), [])
  t.ok(performance.now() - start < 1000, 'unclosed marks are passed in linear time')
})
