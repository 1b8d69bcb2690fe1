// Requests per client in fixed windows, and how the figures are told: X-RateLimit-Limit,
// -Remaining and -Reset (seconds), and Retry-After once spent. The read limit (every route, the
// paths no route serves, and the hot path) and the write allowance are each a RateLimit, so the
// figures are written one way wherever an answer comes from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { OPERATOR_ROUTES } from '../ops/operator-routes.js'
import { ClientCounts } from './client-counts.js'
import { problem, sendProblem } from './problem.js'

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  max: number
  windowMs: number
}

export interface Counted {
  /** What the client is told of its allowance (with Retry-After once it is spent). */
  headers: Record<string, string>
  exceeded: boolean
  retryAfterSeconds: number
}

export class RateLimit {
  constructor(
    readonly options: RateLimitOptions,
    private readonly counts = new ClientCounts(),
  ) {}

  /** Counts one request of this client. */
  count(key: string): Counted {
    const { current, ttl } = this.counts.count(key, this.options.windowMs)
    const resetSeconds = Math.ceil(ttl / 1000)
    const exceeded = current > this.options.max
    return {
      headers: {
        'x-ratelimit-limit': String(this.options.max),
        'x-ratelimit-remaining': String(Math.max(0, this.options.max - current)),
        'x-ratelimit-reset': String(resetSeconds),
        ...(exceeded ? { 'retry-after': String(resetSeconds) } : {}),
      },
      exceeded,
      retryAfterSeconds: resetSeconds,
    }
  }
}

/** Whom a request counts against: its token when valid, else its address. */
export type ClientKey = (request: FastifyRequest) => string

/**
 * Counts every request but the operators' probes, routed or not, in the app's first hooks after
 * CORS (a browser must be able to read a 429), and answers 429 in the problem format.
 */
export function registerRateLimit(app: FastifyInstance, limit: RateLimit, clientKey: ClientKey) {
  const { max, windowMs } = limit.options
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (OPERATOR_ROUTES.has(request.routeOptions.url ?? '')) return
    const counted = limit.count(clientKey(request))
    reply.headers(counted.headers)
    if (!counted.exceeded) return
    return sendProblem(
      reply,
      problem(
        429,
        'too-many-requests',
        `more than ${max} requests in ${windowMs / 1000} s; retry after ${counted.retryAfterSeconds} s`,
        { instance: request.url },
      ),
    )
  })
}
