// /plans/{id}: a plan as a person reads it. Its header, its outline with anchors, each action
// item with the tasks that restate it, the task list with its units (lead first) and status, the
// targets with figure, deadline and progress, and the findings. Every fact links to the line of
// the source text it comes from, and the page links the JSON it is made of.
import type { DocumentRecord } from '../store/documents.js'
import type { FindingRecord } from '../store/findings.js'
import type { Store } from '../store/index.js'
import type { SectionRecord } from '../store/sections.js'
import type { TargetRecord } from '../store/targets.js'
import type { TaskRecord } from '../store/tasks.js'
import { html, type SafeHtml } from './html.js'

interface Plan {
  document: DocumentRecord
  sections: SectionRecord[]
  tasks: TaskRecord[]
  targets: TargetRecord[]
  findings: FindingRecord[]
}

/** The plan's records, read by the document's id (the lists' own filter), or null. */
export function readPlan(store: Store, id: string): Plan | null {
  const document = store.getDocument(id)
  if (document === null) return null
  const filter = { document: document.id }
  return {
    document,
    sections: [...store.eachSection(filter)],
    tasks: [...store.eachTask(filter)],
    targets: [...store.eachTarget(filter)],
    findings: [...store.eachFinding(filter)],
  }
}

const sourceLink = (documentId: string, line: number) =>
  html`<a class="source" href="/v1/documents/${documentId}/source#L${line}">第${line}行</a>`

const STATUS: Record<TaskRecord['status'], string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  at_risk: '有风险',
}

const ROLE: Record<string, string> = { lead: '牵头', support: '配合', responsible: '负责' }

/** Lead units first, then the others in the order written. */
function agenciesOf(task: TaskRecord): SafeHtml[] {
  const ordered = [...task.agencies].sort(
    (a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'),
  )
  return ordered.map(
    (a) =>
      html`<li>
        <a href="/v1/agencies/${a.id}">${a.name}</a> <small>${ROLE[a.role] ?? a.role}</small>
      </li>`,
  )
}

const COMPARATOR: Record<string, string> = {
  eq: '',
  gte: '≥ ',
  gt: '> ',
  lte: '≤ ',
  lt: '< ',
  approx: '约 ',
}

/** The figure as the plan commits to it: ≥ 95 %, 1–2 所, or what it is relative to. */
function figureOf(target: TargetRecord): string {
  const unit = target.unit ?? ''
  if (target.value === null) return target.relativeTo ? `不低于${target.relativeTo}` : '—'
  if (target.comparator === 'range' && target.valueMax !== null) {
    return `${target.value}–${target.valueMax} ${unit}`.trim()
  }
  return `${COMPARATOR[target.comparator] ?? ''}${target.value} ${unit}`.trim()
}

function progressOf(target: TargetRecord): SafeHtml {
  const progress = target.progress
  if (progress === null || progress.latestValue === null) return html`<span>未报告</span>`
  const judged = progress.onTrack === null ? '' : progress.onTrack ? '（按计划）' : '（落后）'
  return html`<span
    >${progress.latestValue} ${target.unit ?? ''}，${progress.observedOn}${judged}</span
  >`
}

function taskRow(task: TaskRecord): SafeHtml {
  return html`<tr id="task-${task.id}">
    <td>${task.number}</td>
    <td>${task.text}</td>
    <td>
      <ul class="units">
        ${agenciesOf(task)}
      </ul>
    </td>
    <td>${STATUS[task.status]}</td>
    <td>${task.due?.text ?? ''}</td>
    <td>${sourceLink(task.documentId, task.source.line)}</td>
  </tr>`
}

function targetRow(target: TargetRecord): SafeHtml {
  return html`<tr id="target-${target.id}">
    <td>${target.indicator}${target.withdrawn ? html` <small>（已撤回）</small>` : ''}</td>
    <td>${figureOf(target)}</td>
    <td>${target.deadlineYear ?? ''}</td>
    <td>${progressOf(target)}</td>
    <td>${sourceLink(target.documentId, target.source.line)}</td>
  </tr>`
}

/** The outline, each section with its children, an item with the tasks that restate it. */
function outline(plan: Plan): SafeHtml {
  const children = new Map<string | null, SectionRecord[]>()
  for (const section of plan.sections) {
    children.set(section.parentId, [...(children.get(section.parentId) ?? []), section])
  }
  const restating = new Map<string, TaskRecord[]>()
  for (const task of plan.tasks) {
    for (const item of task.items) restating.set(item, [...(restating.get(item) ?? []), task])
  }
  const render = (section: SectionRecord): SafeHtml => {
    const tasks = restating.get(section.id) ?? []
    return html`<li id="sec-${section.id}">
      <p>
        <strong>${section.label}${section.heading}</strong>
        ${sourceLink(section.documentId, section.source.startLine)}
      </p>
      ${tasks.length > 0 ? html`<p class="restated">任务清单：${tasks.map((t, i) => html`${i > 0 ? '、' : ''}<a href="#task-${t.id}">第${t.number}项</a>`)}</p>` : ''}
      ${
        children.has(section.id)
          ? html`<ol>
              ${children.get(section.id)!.map(render)}
            </ol>`
          : ''
      }
    </li>`
  }
  return html`<ol class="outline">
    ${(children.get(null) ?? []).map(render)}
  </ol>`
}

function table(headers: string[], rows: SafeHtml[]): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        ${headers.map((header) => html`<th>${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`
}

export function planPage(plan: Plan): SafeHtml {
  const { document: d } = plan
  const title = d.planTitle ?? d.title ?? d.number ?? d.id
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        <link rel="alternate" type="application/json" href="/v1/documents/${d.id}" />
      </head>
      <body>
        <header>
          <p><a href="/">全部规划</a></p>
          <h1>${title}</h1>
          <dl>
            <dt>发文字号</dt>
            <dd>${d.number ?? '无'}</dd>
            <dt>发文机关</dt>
            <dd>${d.issuer ?? '未载明'}</dd>
            <dt>印发日期</dt>
            <dd>${d.issuedOn ?? '未载明'}</dd>
            <dt>通知</dt>
            <dd>${d.title ?? ''}</dd>
          </dl>
          <p>
            数据：<a href="/v1/documents/${d.id}">JSON</a> ·
            <a href="/v1/tasks.xlsx?document=${d.id}">任务 XLSX</a> ·
            <a href="/v1/targets.csv?document=${d.id}">目标 CSV</a> ·
            <a href="/v1/documents/${d.id}/source">原文</a>
          </p>
        </header>
        <main>
          <section aria-labelledby="outline-heading">
            <h2 id="outline-heading">目录与重点任务（${plan.sections.length}）</h2>
            ${outline(plan)}
          </section>
          <section aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">工作任务（${plan.tasks.length}）</h2>
            ${table(['序号', '任务', '责任单位', '状态', '完成时限', '出处'], plan.tasks.map(taskRow))}
          </section>
          <section aria-labelledby="targets-heading">
            <h2 id="targets-heading">目标指标（${plan.targets.length}）</h2>
            ${table(['指标', '目标值', '期限', '最新进展', '出处'], plan.targets.map(targetRow))}
          </section>
          <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">数据质量（${plan.findings.length}）</h2>
            <ul>
              ${plan.findings.map((f) => html`<li id="finding-${f.id}">${f.severity} ${f.code}：${f.message} ${sourceLink(f.documentId, f.source.line)}</li>`)}
            </ul>
          </section>
        </main>
      </body>
    </html> `
}
