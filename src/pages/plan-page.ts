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
import { standingOf } from '../progress/standing.js'
import { html, type SafeHtml } from './html.js'
import { pageDocument } from './layout.js'
import {
  figureOf,
  latestOf,
  planTitleOf,
  ROLE,
  sourceLink,
  standingMark,
  STATUS,
  table,
} from './parts.js'

interface Plan {
  /** The day targets are judged on (YYYY-MM-DD): a deadline past it is overdue. */
  today: string
  document: DocumentRecord
  sections: SectionRecord[]
  tasks: TaskRecord[]
  targets: TargetRecord[]
  findings: FindingRecord[]
}

/** The plan's records, read by the document's id (the lists' own filter), or null. */
export function readPlan(store: Store, id: string, today: string): Plan | null {
  const document = store.getDocument(id)
  if (document === null) return null
  const filter = { document: document.id }
  return {
    today,
    document,
    sections: [...store.eachSection(filter)],
    tasks: [...store.eachTask(filter)],
    targets: [...store.eachTarget(filter)],
    findings: [...store.eachFinding(filter)],
  }
}

/** Lead units first, then the others in the order written. */
function agenciesOf(task: TaskRecord): SafeHtml[] {
  const ordered = [...task.agencies].sort(
    (a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'),
  )
  return ordered.map(
    (a) =>
      html`<li>
        <a href="/agencies/${a.id}">${a.name}</a> <small>${ROLE[a.role] ?? a.role}</small>
      </li>`,
  )
}

/** The latest report and where the target stands; a withdrawn target stands nowhere. */
function progressOf(target: TargetRecord, today: string): SafeHtml {
  if (target.withdrawn) return html`${latestOf(target)}`
  return html`${latestOf(target)} ${standingMark(standingOf(target, today))}`
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

function targetRow(target: TargetRecord, today: string): SafeHtml {
  return html`<tr id="target-${target.id}">
    <td>${target.indicator}${target.withdrawn ? html` <small>（已撤回）</small>` : ''}</td>
    <td>${figureOf(target)}</td>
    <td>${target.deadlineYear ?? ''}</td>
    <td>${progressOf(target, today)}</td>
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

export function planPage(plan: Plan): SafeHtml {
  const { document: d } = plan
  return pageDocument({
    title: planTitleOf(d),
    json: `/v1/documents/${d.id}.json`,
    main: html`<dl class="facts">
        <dt>发文字号</dt>
        <dd>${d.number ?? '无'}</dd>
        <dt>发文机关</dt>
        <dd>${d.issuer ?? '未载明'}</dd>
        <dt>印发日期</dt>
        <dd>${d.issuedOn ?? '未载明'}</dd>
        <dt>通知</dt>
        <dd>${d.title ?? ''}</dd>
      </dl>
      <p class="data-links">
        <a href="/plans/${d.id}/targets">目标进展看板</a> ·
        <a href="/v1/documents/${d.id}/source">原文</a> · 数据：<a href="/v1/documents/${d.id}.json"
          >JSON</a
        >
        · <a href="/v1/tasks.xlsx?document=${d.id}">任务 XLSX</a> ·
        <a href="/v1/targets.csv?document=${d.id}">目标 CSV</a>
      </p>
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
        ${table(
          ['指标', '目标值', '期限', '最新进展', '出处'],
          plan.targets.map((target) => targetRow(target, plan.today)),
        )}
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">数据质量（${plan.findings.length}）</h2>
        <ul>
          ${plan.findings.map((f) => html`<li id="finding-${f.id}">${f.severity} ${f.code}：${f.message} ${sourceLink(f.documentId, f.source.line)}</li>`)}
        </ul>
      </section>`,
  })
}
