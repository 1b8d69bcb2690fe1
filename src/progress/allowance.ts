// One allowance of writes per token (per address without one), shared by every way to write:
// REST's observation POSTs and status PUTs, uploads, and GraphQL mutations. A limit per route
// would give a token one allowance per route. Counted by @fastify/rate-limit's createRateLimit,
// so windows and headers are those of the read limit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Store } from '../store/index.js'
import { rateLimitKey } from './writes.js'

export interface WriteLimits {
  /** Writes one token may make per window. */
  max: number
  windowMs: number
}

export type WriteGrant =
  { granted: true } | { granted: false; max: number; retryAfterSeconds: number }

/**
 * Counts one write of the request's client, sets X-RateLimit-* to the write allowance (and
 * Retry-After once it is spent), and says whether the write may go on.
 */
export type WriteAllowance = (request: FastifyRequest, reply: FastifyReply) => Promise<WriteGrant>

/** Needs @fastify/rate-limit registered on `app` (src/http/fastify-hooks.ts). */
export function writeAllowance(
  app: FastifyInstance,
  store: Store,
  limits: WriteLimits,
): WriteAllowance {
  const count = app.createRateLimit({
    max: limits.max,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => rateLimitKey(store, request.headers.authorization, request.ip),
  })
  return async (request, reply) => {
    const counted = await count(request)
    // isAllowed means "on the allow list", which no write is.
    if (counted.isAllowed) return { granted: true }
    reply.header('x-ratelimit-limit', counted.max)
    reply.header('x-ratelimit-remaining', counted.remaining)
    reply.header('x-ratelimit-reset', counted.ttlInSeconds)
    if (!counted.isExceeded) return { granted: true }
    reply.header('retry-after', counted.ttlInSeconds)
    return { granted: false, max: counted.max, retryAfterSeconds: counted.ttlInSeconds }
  }
}

/** The detail of a write refused for its allowance, in REST's problem and GraphQL's error alike. */
export function allowanceSpent(grant: { max: number; retryAfterSeconds: number }): string {
  return `more than ${grant.max} writes with this token in one window (REST and GraphQL together); retry after ${grant.retryAfterSeconds} s`
}
