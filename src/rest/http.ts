// What every route shares as HTTP: caching (strong ETags, 304, Cache-Control), CORS for reads,
// compression, a rate limit per client, and 405 for a method a path does not serve. Routes
// only produce their data.
import compress from '@fastify/compress'
import cors from '@fastify/cors'
import { CODING_SUFFIX, noneMatchHolds, strongEtag } from '../etag.js'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { answerNotFound, problem, sendProblem } from './problem.js'
import type { ClientCounts } from '../ops/client-counts.js'
import { OPERATOR_ROUTES } from '../ops/operator-routes.js'

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  max: number
  windowMs: number
}

/**
 * Data changes only when a plan is re-ingested, and every answer carries a strong ETag: clients
 * keep answers for a few minutes, then revalidate cheaply with If-None-Match.
 */
export const READ_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60'

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

const READ_METHODS = ['GET', 'HEAD']

/** What CORS adds to every answer to a request that is not a preflight (origin '*'). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
}

/** Answers shorter than this are sent as they are; compressing them gains little. */
export const COMPRESS_THRESHOLD = 1024

/** Whom a request counts against: its token when valid, else its address. */
export type ClientKey = (request: FastifyRequest) => string

export async function registerHttp(
  app: FastifyInstance,
  limits: RateLimitOptions,
  clientKey: ClientKey,
  counts: ClientCounts,
) {
  await app.register(cors, {
    origin: '*',
    // POST for GraphQL queries and progress reports, PUT for task statuses; writes carry a
    // bearer token, never a cookie, so an open origin lends a page no one's authority.
    methods: [...READ_METHODS, 'POST', 'PUT', 'OPTIONS'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 86400,
  })
  await app.register(rateLimit, {
    max: limits.max,
    timeWindow: limits.windowMs,
    keyGenerator: clientKey,
    // Shared with the hot path, which counts the kept answers it serves.
    store: counts.asStore(),
    allowList: (request: FastifyRequest) => OPERATOR_ROUTES.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `more than ${context.max} requests in ${context.after}; retry after ${context.after}`,
    }),
  })
  // Paths no route serves count too: otherwise probing for URLs would be free.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, answerNotFound)
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
  // The ETag is computed on the uncompressed answer, so its hook comes before compression's.
  app.addHook('onSend', conditionalGet)
  await app.register(compress, { threshold: COMPRESS_THRESHOLD })
  // Compression runs as each route's own onSend hook, after the application's: the coding is
  // only known once it has run, so tagging goes on the route too, after it.
  app.addHook('onRoute', (route) => {
    route.onSend = [...[route.onSend ?? []].flat(), tagCoding]
  })

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (reply.hasHeader('cache-control')) return payload
    const cacheable =
      READ_METHODS.includes(request.method) &&
      (reply.statusCode === 200 || reply.statusCode === 304)
    reply.header('cache-control', cacheable ? READ_CACHE_CONTROL : 'no-store')
    return payload
  })
}

function etagOf(payload: unknown): string | null {
  return typeof payload === 'string' || Buffer.isBuffer(payload) ? strongEtag(payload) : null
}

/** After compression: the tag of a compressed answer differs from the uncompressed one's. */
async function tagCoding(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const tag = reply.getHeader('etag')
  const coding = reply.getHeader('content-encoding')
  if (typeof tag === 'string' && typeof coding === 'string' && !CODING_SUFFIX.test(tag)) {
    reply.header('etag', tag.replace(/"$/, `-${coding}"`))
  }
  return payload
}

/** ETags on successful reads, and 304 for a client that holds the current one. */
async function conditionalGet(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (!READ_METHODS.includes(request.method) || reply.statusCode !== 200) return payload
  const tag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload)
  if (tag === null) return payload
  reply.header('etag', tag)
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch === undefined || !noneMatchHolds(ifNoneMatch, tag)) return payload
  reply.code(304)
  return ''
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
