// The index at /: the plans served with how much each holds, example requests that answer with
// records, and every entry point with a line on what it is; as JSON for a program, and for a
// person in a browser as the page src/pages/index-page.ts writes.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { prefersHtml } from '../http/negotiation.js'
import { indexPage, type EntryPoint, type IndexContent } from '../pages/index-page.js'
import { PAGE_CSP } from '../pages/layout.js'

/** How many plans the page names; /v1/documents lists them all. */
export const PLANS_NAMED = 50

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
          .header('content-security-policy', PAGE_CSP)
          .send(
            indexPage(options.title, options.description, options.entries, content()).toString(),
          )
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
