// The charts as the pages embed them: SVG that a strict CSP accepts (no style attribute, no
// <style>), named for screen readers by its own title and description, its figures as text.
import t from 'tap'
import { observationsChart, standingsChart, withoutInlineStyles } from '../../src/pages/charts.js'
import { all, attributeOf, parsePage, textOf } from './dom.js'

const texts = (svg: string) => all(parsePage(svg), 'text').map(textOf)

t.test('styles become presentation attributes; the hover rules go', async (t) => {
  const svg =
    '<svg><style><![CDATA[.zr0-cls-1:hover{fill:red}]]></style><text class="zr0-cls-1" style="font-size:12px;font-family:\'Noto Sans CJK SC\', sans-serif;" x="1">值</text></svg>'
  t.equal(
    withoutInlineStyles(svg),
    '<svg><text font-size="12px" font-family="\'Noto Sans CJK SC\', sans-serif" x="1">值</text></svg>',
  )
})

t.test('a target’s reports: each value written on its point, the target on its line', async (t) => {
  const svg = observationsChart(
    'chart-a',
    '高职就业率',
    '%',
    [
      { observedOn: '2023-12-31', value: 91.5 },
      { observedOn: '2024-12-31', value: 93.25 },
    ],
    { label: '目标 ≥ 95 %', value: 95 },
  ).toString()
  t.notMatch(svg, /\sstyle="/, 'no style attribute')
  t.notMatch(svg, /<style/, 'no style element')
  const root = all(parsePage(svg), 'svg')[0]!
  t.equal(attributeOf(root, 'role'), 'img')
  t.equal(attributeOf(root, 'aria-labelledby'), 'chart-a-title chart-a-desc')
  t.equal(textOf(all(root, 'title')[0]!), '高职就业率：报告值')
  t.equal(textOf(all(root, 'desc')[0]!), '2023-12-31 91.5%；2024-12-31 93.25%。目标 ≥ 95 %')
  const shown = texts(svg)
  for (const figure of ['91.5', '93.25', '2023-12-31', '2024-12-31', '目标 ≥ 95 %']) {
    t.ok(shown.includes(figure), `${figure} is written on the chart`)
  }
  // The axis reaches the target though every value is below it.
  t.ok(shown.includes('95'), 'the axis reaches the target')
})

t.test('standings: a bar per group, each count written on its part', async (t) => {
  const none = { reached: 0, on_track: 0, at_risk: 0, overdue: 0, unreported: 0, unjudged: 0 }
  const svg = standingsChart(
    'chart-s',
    [
      { label: '2025年', counts: { ...none, overdue: 3, reached: 7 } },
      { label: '未定期限', counts: { ...none, unjudged: 2 } },
    ],
    ['overdue', 'at_risk', 'unreported', 'unjudged', 'on_track', 'reached'],
  ).toString()
  t.notMatch(svg, /\sstyle="|<style/)
  const shown = texts(svg)
  for (const word of ['2025年', '未定期限', '逾期', '无法判断', '已达成', '3', '7', '2']) {
    t.ok(shown.includes(word), `${word} is written`)
  }
  t.notOk(shown.includes('有风险'), 'a standing no target has is not in the legend')
  t.match(textOf(all(parsePage(svg), 'desc')[0]!), '2025年：逾期3项，无法判断0项，已达成7项')
})

t.test('a plan’s text on a chart stays text, whatever it holds', async (t) => {
  const said = `<script>alert(1)</script> $& $' "quoted"`
  const svg = observationsChart('chart-x', said, said, [{ observedOn: '2024-12-31', value: 1 }], {
    label: said,
    value: 2,
  }).toString()
  t.notMatch(svg, /<script/, 'no element made of it')
  const root = all(parsePage(svg), 'svg')[0]!
  t.equal(textOf(all(root, 'title')[0]!), `${said}：报告值`, 'the title says it as written')
  t.ok(all(root, 'text').map(textOf).includes(said), 'and so does the target’s line')
  t.equal(attributeOf(root, 'role'), 'img', 'the opening tag is whole')
})
