// What every route shares as HTTP: CORS for reads, a rate limit per client, Cache-Control on
// what is not a successful read, and 405 for a method a path does not serve. How a successful
// answer goes out (ETag, 304, coding) is fastify-reads.ts. Routes only produce their data.
import cors from '@fastify/cors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answerNotFound, problem, sendProblem } from './problem.js'
import { registerRateLimit, type ClientKey, type RateLimit } from './rate-limit.js'
import { READ_METHODS } from './read-head.js'

/** Headers a browser script on another origin may read. */
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Link',
  'Content-Disposition',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Request-Id',
]

/** What CORS adds to every answer to a request that is not a preflight (origin '*'). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
}

export async function registerHttp(app: FastifyInstance, limit: RateLimit, clientKey: ClientKey) {
  await app.register(cors, {
    origin: '*',
    // POST for GraphQL queries and progress reports, PUT for task statuses; writes carry a
    // bearer token, never a cookie, so an open origin lends a page no one's authority.
    methods: [...READ_METHODS, 'POST', 'PUT', 'OPTIONS'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 86400,
  })
  // Every request counts, paths no route serves too: otherwise probing for URLs would be free.
  registerRateLimit(app, limit, clientKey)
  app.setNotFoundHandler(answerNotFound)
  // Ajv coerces 1e400 to Infinity, which passes its range checks and reaches SQLite.
  app.addHook('preHandler', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const name = Object.keys(query).find(
      (k) => typeof query[k] === 'number' && !Number.isFinite(query[k]),
    )
    if (name === undefined) return
    return sendProblem(
      reply,
      problem(400, 'invalid-parameter', `${name} must be a finite number`, {
        instance: request.url,
        invalidParams: [{ name, reason: 'must be a finite number' }],
      }),
    )
  })
  // A successful read's Cache-Control is readHead's; everything else is not to be stored.
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const read = READ_METHODS.includes(request.method) && reply.statusCode === 200
    if (!read && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
}

/** The methods each path is served by, collected as routes are added; call before adding them. */
export function collectReadPaths(app: FastifyInstance): Map<string, Set<string>> {
  const paths = new Map<string, Set<string>>()
  app.addHook('onRoute', (route) => {
    const methods = paths.get(route.url) ?? new Set<string>()
    for (const method of [route.method].flat()) methods.add(method)
    paths.set(route.url, methods)
  })
  return paths
}

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE']

/**
 * Every routed path answers the methods it is not served by with 405 and the methods it allows
 * (POST /graphql is served, PUT /graphql refused; GET /v1/tasks/{id}/status refused, PUT served).
 */
export function refuseOtherMethods(app: FastifyInstance, paths: Map<string, Set<string>>): void {
  for (const [url, served] of [...paths]) {
    // A path known only by its HEAD route is another spelling of a GET path (a trailing /).
    if ([...served].every((m) => m === 'HEAD')) continue
    const reads = served.has('GET') ? READ_METHODS : []
    const refused = [...(reads.length ? [] : ['GET']), ...WRITE_METHODS].filter(
      (m) => !served.has(m),
    )
    if (refused.length === 0) continue
    const allow = [...reads, ...WRITE_METHODS.filter((m) => served.has(m)), 'OPTIONS']
    app.route({
      method: refused,
      url,
      schema: { hide: true },
      // A GET route adds HEAD; a path without GET refuses HEAD with its GET.
      exposeHeadRoute: true,
      handler: async (request, reply) =>
        sendProblem(
          reply.header('allow', allow.join(', ')),
          problem(405, 'method-not-allowed', `${request.method} is not allowed on ${url}`, {
            instance: request.url,
          }),
        ),
    })
  }
}
