// Layouts of the genre that differ from the fixtures, made by editing a fixture the way real
// documents and PDF extractions differ.
import t from 'tap'
import { parseText, readText, thirdPlanPath } from '../helper.js'

const base = readText(thirdPlanPath)
const summary = (text: string) => {
  const plan = parseText(text)
  const count = (kind: string) => plan.sections.filter((s) => s.kind === kind).length
  return {
    parts: count('part'),
    chapters: count('chapter'),
    items: count('item'),
    tasks: plan.tasks.length,
    plan,
  }
}

t.test('the plan printed as the notice’s attachment, after the notice is signed', async (t) => {
  const planTitle = '金水区 2022 年背街小巷环境整治提升 工作方案'
  t.ok(base.includes(planTitle), 'the fixture has the expected title line')
  const text = base.replace(
    planTitle,
    `附件：金水区2022年背街小巷环境整治提升工作方案\n\n郑州市金水区人民政府办公室\n\n2022年5月10日\n\n附件\n\n${planTitle}`,
  )
  const { parts, chapters, items, tasks, plan } = summary(text)
  t.same({ parts, chapters, items, tasks }, { parts: 3, chapters: 3, items: 7, tasks: 6 })
  t.equal(plan.planTitle, '金水区2022年背街小巷环境整治提升工作方案')
  t.equal(plan.attachments[0]!.title, '金水区2022年背街小巷环境整治提升工作方案')
})

t.test('page numbers between paragraphs, inside a cut sentence and after the 版记', async (t) => {
  const lines = base.split('\n')
  const cut = lines.findIndex((l) => /^\d\. /.test(l) && !/[。；：]$/.test(l))
  t.ok(cut > 0, 'the fixture has an item cut by a page break')
  lines.splice(cut + 1, 0, '', '— 3 —')
  const text = `${lines.join('\n')}\n\n- 4 -\n`
  const { items, plan } = summary(text)
  t.equal(items, 7)
  t.notMatch(plan.sections.map((s) => s.text).join('\n'), /\d\s*[—-]|[—-]\s*\d/)
  t.equal(plan.issuedOn, '2022-05-16')
})
