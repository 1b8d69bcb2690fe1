// CSV formula injection: a cell Excel would run as a formula (=HYPERLINK(…), +, -, @, a tab or
// CR first) goes out with a leading ', from plan texts and from an agency's note alike, while
// numbers stay numbers. A spreadsheet reader (csv-parse) sees the neutralized text.
import { parse as parseCsv } from 'csv-parse/sync'
import t from 'tap'
import { csvStream, type CsvColumn } from '../../src/http/csv.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { parseText, tempDatabase, buildTestApp } from '../helper.js'
import { loadDocuments } from '../../src/store/load.js'

async function csvText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  return text
}

t.test('text cells that start a formula are quoted; numbers are not', async (t) => {
  const column = (name: string, type: CsvColumn['type'], list = false): CsvColumn => ({
    name,
    type,
    format: undefined,
    description: undefined,
    list,
    value: (r) => (r as Record<string, unknown>)[name],
  })
  const columns = [
    column('text', 'string'),
    column('value', 'number'),
    column('names', 'string', true),
  ]
  const rows = [
    { text: '=HYPERLINK("http://x.example/","点击")', value: -5, names: ['@SUM(A1)', '市商务局'] },
    { text: '+1 公里', value: 3.5, names: [] },
    { text: '-年度任务', value: null, names: ['\t=1+1'] },
    { text: '\r=1', value: 0, names: ['市水利局'] },
    { text: '建成 = 目标', value: 1, names: ['市住建局'] },
  ]
  const parsed = parseCsv((await csvText(csvStream(columns, rows))).replace(/^\uFEFF/, ''), {
    columns: true,
  }) as Record<string, string>[]
  t.same(
    parsed.map((r) => [r.text, r.value, r.names]),
    [
      [`'=HYPERLINK("http://x.example/","点击")`, '-5', `'@SUM(A1); 市商务局`],
      ["'+1 公里", '3.5', ''],
      ["'-年度任务", '', "'\t=1+1"],
      ["'\r=1", '0', '市水利局'],
      ['建成 = 目标', '1', '市住建局'],
    ],
  )
})

t.test('an agency’s note and a plan’s text go out neutralized in the exports', async (t) => {
  const { db } = tempDatabase(t)
  const plan = parseText(
    [
      '戊市人民政府办公室关于印发戊市数据工作方案的通知',
      '戊政办〔2024〕2号',
      '一、重点任务',
      '1.建设数据平台。到2025年，建成数据平台3个。',
      '附件',
      '重点任务清单',
      '序号\t工作任务\t责任单位',
      '1\t=HYPERLINK("http://x.example/","建设数据平台")\t市数据局',
    ].join('\n'),
  )
  loadDocuments(db, [plan])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })

  const tasks = await app.inject('/v1/tasks.csv')
  const rows = parseCsv(tasks.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
    string,
    string
  >[]
  t.ok(rows.length > 0)
  t.ok(
    rows.some((r) => r.text!.startsWith("'=HYPERLINK")),
    'the task text is quoted',
  )
  t.notOk(
    rows.some((r) => /^[=+\-@\t\r]/.test(r.text!)),
    'no cell starts a formula',
  )

  const target = [...store.eachTarget({})][0]!
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const reported = await app.inject({
    method: 'POST',
    url: `/v1/targets/${target.id}/observations`,
    headers: { authorization: `Bearer ${admin}` },
    payload: { value: 2, observedOn: '2024-06-30', note: '@cmd|/c calc!A0' },
  })
  t.equal(reported.statusCode, 201)
  t.equal(reported.json().data.note, '@cmd|/c calc!A0', 'JSON keeps the note as written')
  const observations = await app.inject(`/v1/targets/${target.id}/observations.csv`)
  const [row] = parseCsv(observations.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
    string,
    string
  >[]
  t.equal(row!.note, "'@cmd|/c calc!A0")
  t.equal(row!.value, '2')
})
