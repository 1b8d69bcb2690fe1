// The index at /: every entry point with a line on what it is, as an HTML page for a person in
// a browser and as JSON for a program.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { prefersHtml } from '../http/negotiation.js'
import { escapeHtml } from '../html.js'

export interface EntryPoint {
  /** The key in the JSON index's links. */
  name: string
  path: string
  description: string
}

/** Nothing to run and nothing to load: the page is its own text. */
const INDEX_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

function indexPage(title: string, description: string, entries: EntryPoint[]): string {
  const items = entries
    .map(
      (e) =>
        `      <li><a href="${escapeHtml(e.path)}"><code>${escapeHtml(e.path)}</code></a> ${escapeHtml(e.description)}</li>`,
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
    <ul>
${items}
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
  }): FastifyPluginAsync =>
  async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      reply.header('vary', 'Accept')
      // Browsers ask for text/html first; anything else, or nothing, gets JSON.
      if (prefersHtml(request.headers)) {
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', INDEX_CSP)
          .send(indexPage(options.title, options.description, options.entries))
      }
      const base = options.baseUrl(request, reply)
      return {
        title: options.title,
        description: options.description,
        links: Object.fromEntries(options.entries.map((e) => [e.name, `${base}${e.path}`])),
        descriptions: Object.fromEntries(options.entries.map((e) => [e.name, e.description])),
      }
    })
  }
