// The pages for people: server-rendered HTML that needs no script and loads nothing from
// elsewhere. Hidden from the OpenAPI document, which describes the data API.
import type { FastifyPluginAsync } from 'fastify'
import { notFound } from '../http/problem.js'
import type { Store } from '../store/index.js'
import { planPage, readPlan } from './plan-page.js'

/** Nothing to run and nothing from elsewhere: the page is its own text. */
const PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const pageRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { id: string } }>(
      '/plans/:id',
      { schema: { hide: true } },
      async (request, reply) => {
        const plan = readPlan(store, request.params.id)
        if (plan === null) return notFound(request, reply, 'plan', request.params.id)
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', PAGE_CSP)
          .send(planPage(plan).toString())
      },
    )
  }
