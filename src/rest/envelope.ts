// The list and item envelopes of API.md, with the next page's link in the body and in a Link
// header, so that a client can page by following links without building URLs.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Page } from '../store/index.js'

function withCursor(url: string, cursor: string): string {
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const params = new URLSearchParams(query)
  params.set('cursor', cursor)
  return `${path}?${params.toString()}`
}

export function listEnvelope<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Page<T>,
  limit: number,
  meta: Record<string, unknown> = {},
) {
  const next = page.next === null ? null : withCursor(request.url, page.next)
  if (next !== null) reply.header('link', `<${next}>; rel="next"`)
  return {
    data: page.items,
    meta: { total: page.total, limit, ...meta },
    links: { self: request.url, next },
  }
}

export function itemEnvelope<T>(request: FastifyRequest, data: T, self: string = request.url) {
  return { data, links: { self } }
}
