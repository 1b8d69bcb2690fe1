// /agencies/{id}: what one agency answers for across the plans served, for the agency itself and
// the office that follows up on 责任单位: its contact facts, its tasks plan by plan with its role
// and their status, and the targets of those tasks with where they stand.
import { standingOf } from '../progress/standing.js'
import type { AgencyRecord } from '../store/agencies.js'
import type { DocumentRecord } from '../store/documents.js'
import type { Store } from '../store/index.js'
import type { TargetRecord } from '../store/targets.js'
import type { TaskRecord } from '../store/tasks.js'
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

/** Rows shown of each list; the rest are a link away, in every format the API has. */
export const AGENCY_PAGE_ROWS = 500

export interface AgencyView {
  today: string
  agency: AgencyRecord
  /** The documents of the tasks and targets shown, by id. */
  documents: Map<string, DocumentRecord>
  tasks: TaskRecord[]
  taskTotal: number
  targets: TargetRecord[]
  targetTotal: number
}

export function readAgency(
  store: Store,
  id: string,
  today: string,
  rows: number = AGENCY_PAGE_ROWS,
): AgencyView | null {
  const agency = store.getAgency(id)
  if (agency === null) return null
  // One page of each list, whose count gives the total: an agency of many plans costs no more.
  const tasks = store.listTasks({ agency: agency.id }, { limit: rows })
  const targets = store.listTargets({ agency: agency.id, withdrawn: false }, { limit: rows })
  const documents = new Map<string, DocumentRecord>()
  for (const { documentId } of [...tasks.items, ...targets.items]) {
    if (!documents.has(documentId)) documents.set(documentId, store.getDocument(documentId)!)
  }
  return {
    today,
    agency,
    documents,
    tasks: tasks.items,
    taskTotal: tasks.total,
    targets: targets.items,
    targetTotal: targets.total,
  }
}

function more(shown: number, total: number, list: string, agencyId: string): SafeHtml | '' {
  if (shown >= total) return ''
  const query = `agency=${encodeURIComponent(agencyId)}`
  return html`<p>
    另有 ${total - shown} 项未列出：<a href="/v1/${list}.csv?${query}">CSV</a> ·
    <a href="/v1/${list}.xlsx?${query}">XLSX</a> · <a href="/v1/${list}?${query}">JSON</a>
  </p>`
}

function taskRow(task: TaskRecord, agencyId: string): SafeHtml {
  const role = task.agencies.find((a) => a.id === agencyId)?.role
  const others = task.agencies.filter((a) => a.id !== agencyId)
  return html`<tr id="task-${task.id}">
    <td class="number"><a href="/plans/${task.documentId}#task-${task.id}">${task.number}</a></td>
    <td>${task.text}</td>
    <td>${role ? (ROLE[role] ?? role) : ''}</td>
    <td>
      ${others.map((a, i) => html`${i > 0 ? '、' : ''}<a href="/agencies/${a.id}">${a.name}</a>`)}
    </td>
    <td>${STATUS[task.status]}</td>
    <td>${task.due?.text ?? ''}</td>
    <td>${sourceLink(task.documentId, task.source.line)}</td>
  </tr>`
}

/** The tasks plan by plan, in the order the list gives them. */
function tasksByPlan(view: AgencyView): SafeHtml[] {
  const byPlan = new Map<string, TaskRecord[]>()
  for (const task of view.tasks) {
    byPlan.set(task.documentId, [...(byPlan.get(task.documentId) ?? []), task])
  }
  return [...byPlan].map(([documentId, tasks]) => {
    const document = view.documents.get(documentId)!
    return html`<h3><a href="/plans/${documentId}">${planTitleOf(document)}</a></h3>
      ${table(
        ['序号', '任务', '本单位', '其他责任单位', '状态', '完成时限', '出处'],
        tasks.map((task) => taskRow(task, view.agency.id)),
        { numeric: [0] },
      )}`
  })
}

function targetRow(target: TargetRecord, view: AgencyView): SafeHtml {
  const document = view.documents.get(target.documentId)!
  return html`<tr id="target-${target.id}">
    <td>
      <a href="/plans/${target.documentId}/targets#target-${target.id}">${target.indicator}</a>
    </td>
    <td>${figureOf(target)}</td>
    <td>${target.deadlineYear ?? ''}</td>
    <td>${latestOf(target)}</td>
    <td>${standingMark(standingOf(target, view.today))}</td>
    <td><a href="/plans/${target.documentId}">${planTitleOf(document)}</a></td>
  </tr>`
}

export function agencyPage(view: AgencyView): SafeHtml {
  const { agency: a } = view
  const counts = new Map<string, number>()
  for (const task of view.tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1)
  return pageDocument({
    title: a.name,
    json: `/v1/agencies/${a.id}.json`,
    main: html`<dl class="facts">
        <dt>所属</dt>
        <dd>${a.jurisdiction ?? '未载明'}</dd>
        ${
          a.aliases.length > 0
            ? html`<dt>又称</dt>
                <dd>${a.aliases.join('、')}</dd>`
            : ''
        }
        ${
          a.duties
            ? html`<dt>职责</dt>
                <dd>${a.duties}</dd>`
            : ''
        }
        ${
          a.lead
            ? html`<dt>负责人</dt>
                <dd>${a.lead}</dd>`
            : ''
        }
        ${
          a.phone
            ? html`<dt>电话</dt>
                <dd>${a.phone}</dd>`
            : ''
        }
        <dt>任务</dt>
        <dd>
          ${view.taskTotal}
          项${
            view.tasks.length > 0 && view.tasks.length === view.taskTotal
              ? html`（${[...counts].map(([s, n], i) => html`${i > 0 ? '，' : ''}${STATUS[s as TaskRecord['status']]} ${n}`)}）`
              : ''
          }
        </dd>
      </dl>
      <p class="data-links">
        数据：<a href="/v1/agencies/${a.id}.json">JSON</a> ·
        <a href="/v1/tasks.xlsx?agency=${a.id}">任务 XLSX</a> ·
        <a href="/v1/targets.csv?agency=${a.id}">目标 CSV</a>
      </p>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">承担的任务（${view.taskTotal}）</h2>
        ${view.tasks.length === 0 ? html`<p>没有列出本单位的任务。</p>` : tasksByPlan(view)}
        ${more(view.tasks.length, view.taskTotal, 'tasks', a.id)}
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">相关目标（${view.targetTotal}）</h2>
        ${
          view.targets.length === 0
            ? html`<p>本单位的任务没有关联可量化的目标。</p>`
            : table(
                ['指标', '目标值', '期限', '最新进展', '状态', '规划'],
                view.targets.map((t) => targetRow(t, view)),
                { caption: `截至 ${view.today}` },
              )
        }
        ${more(view.targets.length, view.targetTotal, 'targets', a.id)}
      </section>`,
  })
}
