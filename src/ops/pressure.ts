// Load shedding: while the event loop stalls or memory runs high, requests are answered at once
// with 503 and Retry-After instead of queueing until the process falls over. A load balancer
// sees /readyz fail too and sends traffic elsewhere; /healthz and /metrics still answer, so the
// process is not restarted for being busy and operators can see why.
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import { problem, sendProblem } from '../http/problem.js'
import { NEVER_SHED_ROUTES } from './operator-routes.js'

export interface PressureOptions {
  /** Mean event-loop delay over a sample, in milliseconds, above which requests are shed. */
  maxEventLoopDelayMs: number
  /** Heap in use, in bytes; 0 turns the check off. */
  maxHeapUsedBytes: number
  /** Resident set size, in bytes; 0 turns the check off. */
  maxRssBytes: number
  /** Seconds a shed client is asked to wait. */
  retryAfterSeconds: number
  /** How often the figures are sampled, in milliseconds (1,000 by default). */
  sampleIntervalMs?: number
}

/** under-pressure's own default. */
const DEFAULT_SAMPLE_MS = 1000

/** Why the process is under pressure, or null when it is not; a threshold of 0 is off. */
function pressureOf(app: FastifyInstance, options: PressureOptions): string | null {
  const now = app.memoryUsage()
  const over = (value: number, limit: number) => limit > 0 && value > limit
  if (over(now.eventLoopDelay, options.maxEventLoopDelayMs)) return 'the event loop is stalled'
  if (over(now.heapUsed, options.maxHeapUsedBytes)) return 'the heap is nearly full'
  if (over(now.rssBytes, options.maxRssBytes)) return 'memory use is too high'
  return null
}

/** Sheds requests under pressure; returns whether the process is under pressure now. */
export async function registerPressure(
  app: FastifyInstance,
  options: PressureOptions,
): Promise<() => boolean> {
  // Only its sampling is used (event-loop delay, heap, RSS): given no thresholds it sheds
  // nothing itself, and the hook below answers in the app's problem format, GraphQL's route too
  // (whose own error handler would turn a thrown 503 into a 500).
  const sampleMs = options.sampleIntervalMs ?? DEFAULT_SAMPLE_MS
  await app.register(underPressure, { sampleInterval: sampleMs })
  // Starting up (compiling the schema, building routes) stalls the loop too, and the first
  // sample after the start still holds that stall: nothing is shed until two samples have
  // passed, or every new process or cluster worker would refuse its first requests.
  let armedAt = Infinity
  app.addHook('onReady', async () => {
    armedAt = Date.now() + 2 * sampleMs
  })
  // One line when shedding starts and one when it ends, not one per refused request: logging
  // must not add work to a process that is already overloaded.
  let shedding = false
  const reasonNow = () => (Date.now() < armedAt ? null : pressureOf(app, options))
  app.addHook('onRequest', async (request, reply) => {
    if (NEVER_SHED_ROUTES.has(request.routeOptions.url ?? '')) return
    const reason = reasonNow()
    if (reason === null) {
      if (shedding) app.log.info({ usage: app.memoryUsage() }, 'pressure relieved')
      shedding = false
      return
    }
    if (!shedding) app.log.warn({ reason, usage: app.memoryUsage() }, 'under pressure: shedding')
    shedding = true
    return sendProblem(
      reply.header('retry-after', String(options.retryAfterSeconds)),
      problem(503, 'under-pressure', `${reason}; retry later`, { instance: request.url }),
    )
  })
  return () => reasonNow() !== null
}
