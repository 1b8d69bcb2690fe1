// Saved portal pages: the article found among a page's furniture, its tables with merged cells
// resolved, the metadata box and the page title written before it, in the charset declared.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import t from 'tap'
import { PlanParseError } from '../../../src/ingest/errors.js'
import { extractHtml } from '../../../src/ingest/formats/html.js'
import { tableRows } from '../../../src/ingest/formats/html-tables.js'
import { parsePublished } from '../../../src/ingest/read.js'
import { projectRoot } from '../../../src/paths.js'
import { parseDocument } from 'htmlparser2'
import { isTag, type AnyNode, type Element } from 'domhandler'
import { aliases, readPlan, secondPlanPath } from '../../helper.js'

const formats = join(projectRoot, 'test', 'fixtures', 'formats')

const linesOf = (html: string | Buffer) =>
  extractHtml(Buffer.from(html), 'page.html').text.split('\n')

function firstTable(html: string): Element {
  const find = (node: AnyNode): Element | null => {
    if (isTag(node) && node.name === 'table') return node
    for (const child of 'children' in node ? node.children : []) {
      const found = find(child)
      if (found) return found
    }
    return null
  }
  return find(parseDocument(html))!
}

const cellText = (cell: Element) =>
  cell.children.map((c) => ('data' in c ? String(c.data) : '')).join('')

t.test(
  'merged cells: a rowspan repeats into each row, a colspan keeps its first column',
  async (t) => {
    const table = firstTable(`<table>
    <tr><td colspan="3">附件 重点任务清单</td></tr>
    <tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
    <tr><td>1</td><td>建设甲</td><td rowspan="3">市商务局</td></tr>
    <tr><td>2</td><td>建设乙</td></tr>
    <tr><td rowspan="2">3</td><td>建设丙</td></tr>
    <tr><td>建设丁</td><td>市水利局</td></tr>
  </table>`)
    t.same(tableRows(table, cellText), [
      '附件 重点任务清单',
      '序号\t任务\t责任单位',
      '1\t建设甲\t市商务局',
      '2\t建设乙\t市商务局',
      '3\t建设丙\t市商务局',
      '3\t建设丁\t市水利局',
    ])
  },
)

t.test('a table that lays out a page is read as the blocks it holds', async (t) => {
  const lines = linesOf(`<html><body><table><tr><td>
    <p>一、总体要求</p><p>到2025年，建成示范点10个。</p>
    </td></tr><tr><td><p>二、保障措施</p></td></tr></table></body></html>`)
  t.same(lines, ['一、总体要求', '到2025年，建成示范点10个。', '二、保障措施'])
})

t.test('the article, not the menu, the share bar, the related links or the footer', async (t) => {
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) => `<p>${i + 1}．推进第${i + 1}项工作，到2026年完成建设任务，形成长效机制。</p>`,
  ).join('')
  const lines = linesOf(`<!doctype html><html><head><title>关于印发某方案的通知_某市人民政府</title>
    <script>var x = "<p>不是正文</p>";</script><style>p { color: red }</style></head><body>
    <div class="top-nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">办事服务</a></div>
    <div class="main"><div class="article">${paragraphs}</div>
    <div class="bdshare"><a>微信</a><a>微博</a></div>
    <ul class="list"><li><a href="/1">相关文件一</a></li><li><a href="/2">相关文件二</a></li>
      <li><a href="/3">相关文件三</a></li></ul></div>
    <div id="footer">主办单位：某市人民政府办公室 备案号：某ICP备00000000号</div></body></html>`)
  t.equal(lines.length, 13, 'the title, then twelve paragraphs')
  t.equal(lines[0], '关于印发某方案的通知', 'the page title without its site')
  t.match(lines[1], /^1．推进第1项工作/)
  t.notOk(lines.some((l) => /首页|微信|相关文件|备案号|不是正文|color/.test(l)))
})

t.test(
  'the metadata box: one field a line before the title, whichever cell holds the label',
  async (t) => {
    const lines = linesOf(`<html><body>
    <table class="info"><tr><th>索 引 号：</th><td>11410000/2024-00012</td><th>主题分类</th><td>民政</td></tr>
    <tr><th>发文机关：</th><td>甲市人民政府办公室</td><th>成文日期：</th><td>2024年03月15日</td></tr>
    <tr><th>发文字号：</th><td>甲政办〔2024〕9号</td><th>发布日期：</th><td>2024年03月20日</td></tr></table>
    <h1>甲市人民政府办公室关于印发甲市养老服务提升方案的通知</h1>
    <div class="content"><p>各县（市、区）人民政府：</p><p>现将《甲市养老服务提升方案》印发给你们。</p>
    <p>一、工作目标</p><p>到2025年，养老床位达到1.2万张。</p><p>二、重点任务</p>
    <p>（一）完善设施。新建社区养老服务中心20个。</p></div></body></html>`)
    t.same(lines.slice(0, 7), [
      '索 引 号：11410000/2024-00012',
      '主题分类：民政',
      '发文机关：甲市人民政府办公室',
      '成文日期：2024年03月15日',
      '发文字号：甲政办〔2024〕9号',
      '发布日期：2024年03月20日',
      '甲市人民政府办公室关于印发甲市养老服务提升方案的通知',
    ])
    t.equal(lines[7], '各县（市、区）人民政府：')
  },
)

t.test('charsets: declared GB2312, GBK or GB18030, or none', async (t) => {
  const body = '<p>一、总体要求</p><p>到2025年，培训㐀人次。</p>'
  for (const declared of ['gb2312', 'GBK', 'gb18030']) {
    const page = iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${declared}"></head><body>${body}</body></html>`,
      'gb18030',
    )
    t.same(linesOf(page), ['一、总体要求', '到2025年，培训㐀人次。'], declared)
  }
  const undeclared = iconv.encode(`<html><body>${body}</body></html>`, 'gbk')
  t.match(linesOf(undeclared)[0], '一、总体要求', 'no charset, not UTF-8: the GB family')
  t.same(
    linesOf(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`)[0],
    '一、总体要求',
  )
  t.throws(
    () =>
      extractHtml(Buffer.from('<html><head><meta charset="x-nonsense"></head></html>'), 'a.html'),
    new PlanParseError('a.html', null, 'the page declares charset x-nonsense, unknown here'),
  )
})

t.test('the portal pages of our plans read as the texts they were made from', async (t) => {
  const second = await parsePublished(readFileSync(join(formats, 'second-plan.html')), {
    file: 'second-plan.html',
    aliases,
    claim: { format: 'html', as: 'the name second-plan.html' },
  })
  const text = readPlan(secondPlanPath)
  // The article leaves out the masthead, the number and the signature: the box gives them.
  t.equal(second.number, text.number)
  t.equal(second.issuer, text.issuer)
  t.equal(second.issuedOn, text.issuedOn)
  t.equal(second.source.format, 'html')
  t.same(
    second.tasks.map((task) => [task.number, task.text, task.units.map((u) => u.asWritten)]),
    text.tasks.map((task) => [task.number, task.text, task.units.map((u) => u.asWritten)]),
  )
  await t.rejects(
    parsePublished(readFileSync(join(formats, 'not-a-plan.html')), {
      file: 'not-a-plan.html',
      aliases,
      claim: { format: 'html', as: 'the name not-a-plan.html' },
    }),
    /^not-a-plan\.html(:\d+)?: /,
  )
})

t.test('a box of bare labels, in a table inside a division or in blocks', async (t) => {
  const article = '<div class="content"><p>一、工作目标</p><p>到2025年，建成示范点10个。</p></div>'
  const inTable = linesOf(`<html><body><div class="xxgk"><table>
    <tr><td>索引号</td><td>0001/2023-01</td><td>文号</td><td>乙政发〔2023〕30号</td></tr>
    <tr><td>发布机构</td><td>乙市人民政府</td><td>成文日期</td><td>2023-11-02</td></tr>
    </table></div>${article}</body></html>`)
  t.same(inTable.slice(0, 4), [
    '索引号：0001/2023-01',
    '文号：乙政发〔2023〕30号',
    '发布机构：乙市人民政府',
    '成文日期：2023-11-02',
  ])
  const inBlocks = linesOf(`<html><body><dl class="meta"><dt>索引号</dt><dd>0001/2023-01</dd>
    <dt>发文机关</dt><dd>乙市人民政府</dd><dt>发文字号</dt><dd>乙政发〔2023〕30号</dd></dl>
    ${article}</body></html>`)
  t.same(inBlocks.slice(0, 3), [
    '索引号：0001/2023-01',
    '发文机关：乙市人民政府',
    '发文字号：乙政发〔2023〕30号',
  ])
})

t.test('a page its scripts unhide is read as it shows once loaded', async (t) => {
  const lines = linesOf(`<html><body style="visibility: hidden">
    <div class="content"><p>一、工作目标</p><p>到2025年，建成示范点10个。</p>
    <p style="display:none">隐藏的段落</p></div></body></html>`)
  t.same(lines, ['一、工作目标', '到2025年，建成示范点10个。'])
})
