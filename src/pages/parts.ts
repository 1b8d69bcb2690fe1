// The pieces the pages share: a link to a fact's source line, a table, a target's figure as the
// plan commits to it, and the words for a task's status, a unit's role and a target's standing.
import type { Standing } from '../progress/standing.js'
import { STANDING_LABEL } from '../progress/standing.js'
import type { TargetRecord } from '../store/targets.js'
import type { TaskRecord } from '../store/tasks.js'
import { html, type SafeHtml } from './html.js'

/** The line of the text as the parser read it, where the fact can be checked. */
export const sourceLink = (documentId: string, line: number) =>
  html`<a class="source" href="/v1/documents/${documentId}/source#L${line}">第${line}行</a>`

export const STATUS: Record<TaskRecord['status'], string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  at_risk: '有风险',
}

export const ROLE: Record<string, string> = { lead: '牵头', support: '配合', responsible: '负责' }

export const standingMark = (standing: Standing) =>
  html`<span class="standing standing-${standing}">${STANDING_LABEL[standing]}</span>`

/**
 * A table in a box that scrolls sideways on a narrow screen, reachable by keyboard to scroll it
 * and named for a screen reader by its caption or headers; `numeric` columns align right.
 */
export function table(
  headers: string[],
  rows: SafeHtml[],
  options: { caption?: string; numeric?: number[] } = {},
): SafeHtml {
  const numeric = new Set(options.numeric ?? [])
  const name = options.caption ?? headers.join('、')
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${name}">
    <table>
      ${
        options.caption
          ? html`<caption>
              ${options.caption}
            </caption>`
          : ''
      }
      <thead>
        <tr>
          ${headers.map((h, i) => html`<th scope="col" class="${numeric.has(i) ? 'number' : ''}">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}

const COMPARATOR: Record<string, string> = {
  eq: '',
  gte: '≥ ',
  gt: '> ',
  lte: '≤ ',
  lt: '< ',
  approx: '约 ',
}

/** How a target with no figure of its own stands to the figure it names (全省平均水平). */
const RELATIVE: Record<string, string> = {
  eq: '达到',
  approx: '达到',
  range: '达到',
  gte: '不低于',
  gt: '高于',
  lte: '不高于',
  lt: '低于',
}

/** The figure as the plan commits to it: ≥ 95 %, 1–2 所, or what it is relative to. */
export function figureOf(target: TargetRecord): string {
  const unit = target.unit ?? ''
  if (target.value === null) {
    return target.relativeTo ? `${RELATIVE[target.comparator] ?? ''}${target.relativeTo}` : '—'
  }
  if (target.comparator === 'range' && target.valueMax !== null) {
    return `${target.value}–${target.valueMax} ${unit}`.trim()
  }
  return `${COMPARATOR[target.comparator] ?? ''}${target.value} ${unit}`.trim()
}

/** The latest reported value with its date, or that none is reported yet. */
export function latestOf(target: TargetRecord): string {
  const progress = target.progress
  if (progress === null) return '未报告'
  return `${progress.latestValue} ${target.unit ?? ''}`.trim() + `（${progress.observedOn}）`
}

/** A plan's name as people say it: the plan's own title, else the notice's, else its number. */
export function planTitleOf(document: {
  id: string
  planTitle: string | null
  title: string | null
  number: string | null
}): string {
  return document.planTitle ?? document.title ?? document.number ?? document.id
}
