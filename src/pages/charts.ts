// Charts for the pages, drawn by ECharts on the server as SVG: a page shows them without script,
// prints them as vectors, and every figure on them is text a reader (or a test) can select.
// ECharts' SVG needs three mends before it goes into a page under the pages' CSP and for screen
// readers: its fonts are written as style attributes and its hover effects as a <style> block,
// both of which the CSP refuses (with a console error each), so they become presentation
// attributes; and its `aria` option does nothing without a DOM, so the title and description are
// written here.
import { createRequire } from 'node:module'
import type * as ECharts from 'echarts'
import { escapeHtml } from '../html.js'
import { STANDING_LABEL, type Standing } from '../progress/standing.js'
import { unescaped, type SafeHtml } from './html.js'

// The CommonJS bundle loads in about 80 ms; the ES modules, hundreds of files, in about 470.
const echarts = createRequire(import.meta.url)('echarts') as typeof ECharts

/** Single quotes only: the font list is written into an attribute without escaping. */
const FONT =
  "system-ui, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

/**
 * As the stylesheet's standings (static/pages/pages.css), so that a chart and the words beside it
 * agree; each dark enough for the white count written on its bar (WCAG AA, 4.5:1).
 */
export const STANDING_COLOR: Record<Standing, string> = {
  overdue: '#b42318',
  at_risk: '#9a6700',
  unreported: '#57606a',
  unjudged: '#6e7781',
  on_track: '#1a7f37',
  reached: '#116329',
}

const LINE_COLOR = '#0b57b0'
const TARGET_COLOR = '#b42318'

/** Style attributes as presentation attributes; the <style> block and its classes dropped. */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_whole, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.trim())
        .filter((declaration) => declaration.includes(':'))
        .map((declaration) => {
          const colon = declaration.indexOf(':')
          const name = declaration.slice(0, colon).trim()
          const value = declaration.slice(colon + 1).trim()
          return ` ${name}="${value.replace(/"/g, "'")}"`
        })
        .join(''),
    )
    .replace(/ class="zr\d+-cls-\d+"/g, '')
}

interface Described {
  /** Unique in the page: the ids of the chart's title and description derive from it. */
  id: string
  title: string
  /** Every figure of the chart in words: what a screen reader says for it. */
  description: string
  width: number
  height: number
}

/** Renders an option to an inline <svg role="img"> named by its own <title> and <desc>. */
function render(option: ECharts.EChartsOption, chart: Described): SafeHtml {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  })
  try {
    instance.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option })
    const svg = withoutInlineStyles(instance.renderToSVGString())
    const named = `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`
    // Replaced by functions: a plan's text in a replacement string could hold $& or $'.
    const opening = `<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" data-chart="${chart.id}"`
    return unescaped(
      svg
        .replace(/^<svg width="\d+" height="\d+"/, () => opening)
        .replace(/^(<svg[^>]*>)/, (tag: string) => `${tag}${named}`),
    )
  } finally {
    instance.dispose()
  }
}

/** Charts drawn lately, by what they were drawn from: at 3–5 ms a chart, a dashboard of 20 is
 * drawn once per change of its reports, not once per request. Bounded, the oldest forgotten. */
const drawn = new Map<string, SafeHtml>()
const KEPT_CHARTS = 2000

function remembered(key: string, draw: () => SafeHtml): SafeHtml {
  const kept = drawn.get(key)
  if (kept !== undefined) {
    drawn.delete(key)
    drawn.set(key, kept)
    return kept
  }
  const chart = draw()
  drawn.set(key, chart)
  if (drawn.size > KEPT_CHARTS) drawn.delete(drawn.keys().next().value!)
  return chart
}

export interface Observed {
  observedOn: string
  value: number
}

export interface TargetLine {
  /** What the line at the target says, e.g. "目标 ≥ 95 %". */
  label: string
  value: number
}

/**
 * A target's observations over time, oldest first, each labelled with its value, and the target
 * as a horizontal line; the axis reaches the target even while the values are far from it.
 */
export function observationsChart(
  id: string,
  indicator: string,
  unit: string | null,
  observations: Observed[],
  target: TargetLine | null,
): SafeHtml {
  const key = JSON.stringify(['observations', id, indicator, unit, observations, target])
  return remembered(key, () => drawObservations(id, indicator, unit, observations, target))
}

function drawObservations(
  id: string,
  indicator: string,
  unit: string | null,
  observations: Observed[],
  target: TargetLine | null,
): SafeHtml {
  const values = observations.map((o) => o.value)
  const reach = target === null ? values : [...values, target.value]
  const unitText = unit ?? ''
  return render(
    {
      grid: { left: 56, right: 24, top: 36, bottom: 40 },
      xAxis: {
        type: 'category',
        data: observations.map((o) => o.observedOn),
        axisLabel: { fontSize: 13 },
      },
      yAxis: {
        type: 'value',
        scale: true,
        min: Math.min(...reach),
        max: Math.max(...reach),
        axisLabel: { fontSize: 13 },
        name: unitText,
        nameTextStyle: { fontSize: 13 },
      },
      series: [
        {
          name: indicator,
          type: 'line',
          data: values,
          color: LINE_COLOR,
          symbolSize: 8,
          label: { show: true, fontSize: 14, color: '#1f2328' },
          ...(target
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: TARGET_COLOR, type: 'dashed' },
                  label: { formatter: target.label, fontSize: 13, color: TARGET_COLOR },
                  data: [{ yAxis: target.value }],
                },
              }
            : {}),
        },
      ],
    },
    {
      id,
      title: `${indicator}：报告值`,
      description: [
        observations.map((o) => `${o.observedOn} ${o.value}${unitText}`).join('；'),
        target ? target.label : '',
      ]
        .filter(Boolean)
        .join('。'),
      width: 480,
      height: 260,
    },
  )
}

export interface StandingGroup {
  label: string
  counts: Record<Standing, number>
}

/** How many targets of each group stand where: one stacked bar per group, counts written on it. */
export function standingsChart(
  id: string,
  groups: StandingGroup[],
  standings: readonly Standing[],
): SafeHtml {
  const key = JSON.stringify(['standings', id, groups, standings])
  return remembered(key, () => drawStandings(id, groups, standings))
}

function drawStandings(
  id: string,
  groups: StandingGroup[],
  standings: readonly Standing[],
): SafeHtml {
  const shown = standings.filter((s) => groups.some((g) => g.counts[s] > 0))
  return render(
    {
      legend: { top: 0, textStyle: { fontSize: 14 } },
      grid: { left: 88, right: 16, top: 44, bottom: 28 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 13 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((g) => g.label),
        axisLabel: { fontSize: 14 },
      },
      series: shown.map((standing) => ({
        name: STANDING_LABEL[standing],
        type: 'bar',
        stack: 'targets',
        color: STANDING_COLOR[standing],
        barMaxWidth: 28,
        label: {
          show: true,
          fontSize: 14,
          color: '#fff',
          formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
        },
        data: groups.map((g) => g.counts[standing]),
      })),
    },
    {
      id,
      title: '目标进展分布',
      description: groups
        .map(
          (g) =>
            `${g.label}：${shown.map((s) => `${STANDING_LABEL[s]}${g.counts[s]}项`).join('，')}`,
        )
        .join('；'),
      width: 480,
      height: 80 + groups.length * 44,
    },
  )
}
