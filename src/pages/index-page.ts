// The index at / as a page: the plans served, each linked to its page and its dashboard with how
// much it holds (each count links to its records), example requests that answer with records,
// and every entry point with a line on what it is.
import type { PlanSummaries, PlanSummary } from '../store/plan-summaries.js'
import type { Example } from '../rest/index-examples.js'
import { html, type SafeHtml } from './html.js'
import { pageDocument } from './layout.js'
import { table } from './parts.js'

export interface EntryPoint {
  /** The key in the JSON index's links. */
  name: string
  path: string
  description: string
  /** The path ends in a parameter to fill in (/v1/search?q=): shown, not linked, on the page. */
  takesValue?: boolean
}

/** What the page says of the data, made once per data version. */
export interface IndexContent {
  plans: PlanSummaries
  examples: Example[]
}

const count = (n: number, path: string) => html`<a href="${path}">${n}</a>`

function planRow(plan: PlanSummary): SafeHtml {
  const id = encodeURIComponent(plan.id)
  const of = (list: string) => `/v1/${list}?document=${id}`
  return html`<tr>
    <td><a href="/plans/${id}">${plan.planTitle ?? plan.title ?? plan.number ?? plan.id}</a></td>
    <td>${plan.number ?? '无文号'}</td>
    <td>${plan.issuer ?? ''}</td>
    <td>${plan.issuedOn ?? ''}</td>
    <td class="number">${count(plan.sections, of('sections'))}</td>
    <td class="number">${count(plan.tasks, of('tasks'))}</td>
    <td class="number">
      ${count(plan.targets, of('targets'))} <a href="/plans/${id}/targets">看板</a>
    </td>
    <td class="number">${count(plan.findings, of('findings'))}</td>
  </tr>`
}

function plansTable({ total, plans }: PlanSummaries): SafeHtml {
  if (total === 0) return html`<p lang="en">No plan is loaded yet.</p>`
  const shown =
    plans.length < total
      ? html`The ${plans.length} most recently issued of ${total} plans;
          <a href="/v1/documents">/v1/documents</a> lists them all.`
      : `${total} ${total === 1 ? 'plan' : 'plans'}.`
  return html`<p lang="en">${shown} Each count links to its records.</p>
    ${table(
      ['规划', '发文字号', '发文机关', '印发日期', '章节', '任务', '目标', '数据质量'],
      plans.map(planRow),
      { numeric: [4, 5, 6, 7] },
    )}`
}

/** A path as a person reads it: percent-encoding and the + of a space undone. */
function readable(path: string): string {
  const [route, query] = path.split('?')
  if (query === undefined) return decodeURIComponent(route!)
  const params = [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).join('&')
  return `${decodeURIComponent(route!)}?${params}`
}

function entryItem(e: EntryPoint): SafeHtml {
  const path = html`<code>${e.path}</code>`
  return html`<li>
    ${e.takesValue ? path : html`<a href="${e.path}">${path}</a>`} ${e.description}
  </li>`
}

export function indexPage(
  title: string,
  description: string,
  entries: EntryPoint[],
  { plans, examples }: IndexContent,
): SafeHtml {
  return pageDocument({
    title,
    json: '/v1/documents',
    main: html`<p lang="en">${description}</p>
      <h2>规划 <span lang="en">Plans served</span></h2>
      ${plansTable(plans)}
      <h2 lang="en">Try</h2>
      <p lang="en">
        Each of these answers with records of the plans above. Links carry Chinese percent-encoded,
        as curl needs it (<code>curl -G --data-urlencode 'q=…'</code> encodes it for you).
      </p>
      <ul lang="en">
        ${examples.map(
          (e) =>
            html`<li>
              <a href="${e.path}"><code>${readable(e.path)}</code></a> ${e.description}
            </li>`,
        )}
      </ul>
      <h2 lang="en">Entry points</h2>
      <ul lang="en">
        ${entries.map(entryItem)}
      </ul>`,
  })
}
