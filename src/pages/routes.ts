// The pages for people: server-rendered HTML that needs no script and loads nothing from
// elsewhere but its stylesheet. Hidden from the OpenAPI document, which describes the data API.
// A page judges targets against today, so it is made for each request rather than kept with the
// data version's answers (a kept dashboard would not turn a target overdue at the new year).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { answerWith, forget } from '../http/fastify-reads.js'
import { notFound } from '../http/problem.js'
import type { Store } from '../store/index.js'
import { agencyPage, readAgency } from './agency-page.js'
import type { SafeHtml } from './html.js'
import { PAGE_CSP, readStylesheet, STYLESHEET } from './layout.js'
import { planPage, readPlan } from './plan-page.js'
import { readDashboard, targetsPage } from './targets-page.js'

export interface PageOptions {
  store: Store
  /** The day targets are judged on, YYYY-MM-DD (China's date by default). */
  today: () => string
}

/** Sends a page made for this request only. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: SafeHtml) {
  forget(request)
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-cache')
    .send(page.toString())
}

export const pageRoutes =
  ({ store, today }: PageOptions): FastifyPluginAsync =>
  async (app) => {
    const hidden = { schema: { hide: true } }
    app.get(STYLESHEET.url, hidden, async (request, reply) =>
      answerWith(request, reply, readStylesheet()),
    )
    app.get<{ Params: { id: string } }>('/plans/:id', hidden, async (request, reply) => {
      const plan = readPlan(store, request.params.id, today())
      if (plan === null) return notFound(request, reply, 'plan', request.params.id)
      return sendPage(request, reply, planPage(plan))
    })
    app.get<{ Params: { id: string } }>('/plans/:id/targets', hidden, async (request, reply) => {
      const dashboard = readDashboard(store, request.params.id, today())
      if (dashboard === null) return notFound(request, reply, 'plan', request.params.id)
      return sendPage(request, reply, targetsPage(dashboard))
    })
    app.get<{ Params: { id: string } }>('/agencies/:id', hidden, async (request, reply) => {
      const view = readAgency(store, request.params.id, today())
      if (view === null) return notFound(request, reply, 'agency', request.params.id)
      return sendPage(request, reply, agencyPage(view))
    })
  }
