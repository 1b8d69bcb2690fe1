// The index at /: the plans served with how much each holds, example requests that answer with
// records, and every entry point with a line on what it is; as an HTML page for a person in a
// browser and as JSON for a program.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { prefersHtml } from '../http/negotiation.js'
import { escapeHtml } from '../html.js'
import type { PlanSummaries, PlanSummary } from '../store/plan-summaries.js'
import type { Example } from './index-examples.js'

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

/** How many plans the page names; /v1/documents lists them all. */
export const PLANS_NAMED = 50

/** Nothing to run and nothing to load: the page is its own text. */
const INDEX_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const count = (n: number, path: string) => `<a href="${escapeHtml(path)}">${n}</a>`

function planRow(plan: PlanSummary): string {
  const of = (list: string) => `/v1/${list}?document=${encodeURIComponent(plan.id)}`
  return `        <tr>
          <td><a href="/v1/documents/${encodeURIComponent(plan.id)}">${escapeHtml(plan.number ?? '无文号')}</a></td>
          <td>${escapeHtml(plan.planTitle ?? plan.title ?? '')}</td>
          <td>${escapeHtml(plan.issuer ?? '')}</td>
          <td>${escapeHtml(plan.issuedOn ?? '')}</td>
          <td>${count(plan.sections, of('sections'))}</td>
          <td>${count(plan.tasks, of('tasks'))}</td>
          <td>${count(plan.targets, of('targets'))}</td>
          <td>${count(plan.findings, of('findings'))}</td>
        </tr>`
}

function plansTable({ total, plans }: PlanSummaries): string {
  if (total === 0) return '    <p>No plan is loaded yet.</p>'
  const shown =
    plans.length < total
      ? `The ${plans.length} most recently issued of ${total} plans; <a href="/v1/documents">/v1/documents</a> lists them all.`
      : `${total} ${total === 1 ? 'plan' : 'plans'}.`
  return `    <p>${shown} Each count links to its records.</p>
    <table>
      <thead>
        <tr><th>发文字号</th><th>Plan</th><th>Issuer</th><th>Issued</th><th>Sections</th><th>Tasks</th><th>Targets</th><th>Findings</th></tr>
      </thead>
      <tbody>
${plans.map(planRow).join('\n')}
      </tbody>
    </table>`
}

/** A path as a person reads it: percent-encoding and the + of a space undone. */
function readable(path: string): string {
  const [route, query] = path.split('?')
  if (query === undefined) return decodeURIComponent(route!)
  const params = [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).join('&')
  return `${decodeURIComponent(route!)}?${params}`
}

function entryItem(e: EntryPoint): string {
  const path = `<code>${escapeHtml(e.path)}</code>`
  return `      <li>${e.takesValue ? path : `<a href="${escapeHtml(e.path)}">${path}</a>`} ${escapeHtml(e.description)}</li>`
}

function indexPage(
  title: string,
  description: string,
  entries: EntryPoint[],
  { plans, examples }: IndexContent,
): string {
  const tries = examples
    .map(
      (e) =>
        `      <li><a href="${escapeHtml(e.path)}"><code>${escapeHtml(readable(e.path))}</code></a> ${escapeHtml(e.description)}</li>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(description)}</p>
    <h2>Plans served</h2>
${plansTable(plans)}
    <h2>Try</h2>
    <p>Each of these answers with records of the plans above. Links carry Chinese percent-encoded, as curl needs it (<code>curl -G --data-urlencode 'q=…'</code> encodes it for you).</p>
    <ul>
${tries}
    </ul>
    <h2>Entry points</h2>
    <ul>
${entries.map(entryItem).join('\n')}
    </ul>
  </body>
</html>
`
}

export const indexRoutes =
  (options: {
    title: string
    description: string
    entries: EntryPoint[]
    baseUrl: (request: FastifyRequest, reply: FastifyReply) => string
    /** The plans and examples of the data now, and a tag that changes when the data does. */
    content: () => IndexContent
    dataVersion: () => string
  }): FastifyPluginAsync =>
  async (app) => {
    let made: { version: string; content: IndexContent } | null = null
    const content = () => {
      const version = options.dataVersion()
      if (made?.version !== version) made = { version, content: options.content() }
      return made.content
    }
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      reply.header('vary', 'Accept')
      // Browsers ask for text/html first; anything else, or nothing, gets JSON.
      if (prefersHtml(request.headers)) {
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', INDEX_CSP)
          .send(indexPage(options.title, options.description, options.entries, content()))
      }
      const base = options.baseUrl(request, reply)
      const { plans, examples } = content()
      return {
        title: options.title,
        description: options.description,
        links: Object.fromEntries(options.entries.map((e) => [e.name, `${base}${e.path}`])),
        descriptions: Object.fromEntries(options.entries.map((e) => [e.name, e.description])),
        plans: {
          total: plans.total,
          latest: plans.plans.map((p) => ({ ...p, link: `${base}/v1/documents/${p.id}` })),
        },
        examples: examples.map((e) => ({ description: e.description, href: `${base}${e.path}` })),
      }
    })
  }
