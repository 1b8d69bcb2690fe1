// One allowance of writes per token (per address without one), shared by every way to write:
// REST's observation POSTs and status PUTs, uploads, and GraphQL mutations. A limit per route
// would give a token one allowance per route. A RateLimit of its own, so windows and headers
// are those of the read limit.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { RateLimit } from '../http/rate-limit.js'
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

export function writeAllowance(store: Store, limits: WriteLimits): WriteAllowance {
  const limit = new RateLimit(limits)
  return async (request, reply) => {
    const counted = limit.count(rateLimitKey(store, request.headers.authorization, request.ip))
    reply.headers(counted.headers)
    if (!counted.exceeded) return { granted: true }
    return { granted: false, max: limits.max, retryAfterSeconds: counted.retryAfterSeconds }
  }
}

/** The detail of a write refused for its allowance, in REST's problem and GraphQL's error alike. */
export function allowanceSpent(grant: { max: number; retryAfterSeconds: number }): string {
  return `more than ${grant.max} writes with this token in one window (REST and GraphQL together); retry after ${grant.retryAfterSeconds} s`
}
