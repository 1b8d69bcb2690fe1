// Prometheus metrics at /metrics: requests and their latency by route and status, GraphQL
// operations and errors, the database's size and the documents it holds, and Node's own process
// figures. In cluster mode any worker answers for the whole machine (see cluster.ts).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Store } from '../store/index.js'
import { problem, sendProblem } from '../http/problem.js'
import type { MetricsExposition } from './metrics-exposition.js'

import { METRICS_PATH } from './operator-routes.js'

/** Seconds; from a cached answer (about a millisecond) to a slow export. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * A request no route matched is counted under one label: the paths a client makes up must not
 * each become a time series.
 */
const UNMATCHED_ROUTE = 'unmatched'

export class Metrics {
  readonly registry = new Registry()

  private readonly requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer; _count is the number of requests.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })

  private readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations run, by type (not the results served from the cache).',
    labelNames: ['type'] as const,
    registers: [this.registry],
  })

  private readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code (refusals before running included).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  })

  private readonly payloads = new Counter({
    name: 'graphql_subscription_payloads_total',
    help: 'Subscription payloads computed: one per distinct selection per write, however many subscribe.',
    registers: [this.registry],
  })

  private readonly dropped = new Counter({
    name: 'graphql_subscribers_dropped_total',
    help: 'Subscribers whose connection was closed for falling too far behind.',
    registers: [this.registry],
  })

  /** What the subscription gauges read when scraped; nothing until subscriptions are served. */
  private subscriptionFigures: () => { subscriptions: number; selections: number } = () => ({
    subscriptions: 0,
    selections: 0,
  })

  constructor(store: Store) {
    collectDefaultMetrics({ register: this.registry })
    // Every worker of a machine reads the same file: the figures are the same, not to be summed.
    new Gauge({
      name: 'plan_documents_loaded',
      help: 'Plan documents in the database.',
      registers: [this.registry],
      aggregator: 'max',
      collect() {
        this.set(store.stats().documents)
      },
    })
    const figures = () => this.subscriptionFigures()
    new Gauge({
      name: 'graphql_subscriptions_active',
      help: 'Subscriptions open on this process.',
      registers: [this.registry],
      collect() {
        this.set(figures().subscriptions)
      },
    })
    new Gauge({
      name: 'graphql_subscription_selections',
      help: 'Distinct selections computed for each write (subscriptions alike share one).',
      registers: [this.registry],
      collect() {
        this.set(figures().selections)
      },
    })
    new Gauge({
      name: 'plan_database_bytes',
      help: 'Size on disk of the SQLite database, by file (main, wal).',
      labelNames: ['file'] as const,
      registers: [this.registry],
      aggregator: 'max',
      collect() {
        const stats = store.stats()
        this.set({ file: 'main' }, stats.fileBytes)
        this.set({ file: 'wal' }, stats.walBytes)
      },
    })
  }

  watchSubscriptions(figures: () => { subscriptions: number; selections: number }): void {
    this.subscriptionFigures = figures
  }

  subscriptionPayload(): void {
    this.payloads.inc()
  }

  subscriberDropped(): void {
    this.dropped.inc()
  }

  observeRequest(request: FastifyRequest, reply: FastifyReply): void {
    this.observe(
      request.method,
      request.routeOptions.url ?? UNMATCHED_ROUTE,
      reply.statusCode,
      reply.elapsedTime / 1000,
    )
  }

  /** A request answered, however it was: by a route or by the hot path. */
  observe(method: string, route: string, statusCode: number, seconds: number): void {
    this.requests.observe({ method, route, status_code: String(statusCode) }, seconds)
  }

  graphqlOperation(type: string): void {
    this.operations.inc({ type })
  }

  graphqlError(code: string): void {
    this.errors.inc({ code })
  }
}

/**
 * How /metrics gets its text: this process's registry, or, in a cluster worker, the whole
 * machine's as the primary aggregates it.
 */
export type MetricsSource = (metrics: Metrics) => Promise<string>

export const ownMetrics: MetricsSource = (metrics) => metrics.registry.metrics()

/**
 * Counts every request of the app (call on the root instance, before routes). Serves /metrics on
 * the public port only when a token is configured, and only to requests that carry it: the
 * operator port (metrics-listener.ts) is where monitoring reads it otherwise.
 */
export function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  behindToken: { token: string; exposition: MetricsExposition } | null,
): void {
  app.addHook('onResponse', async (request, reply) => metrics.observeRequest(request, reply))
  if (behindToken === null) return
  const { token, exposition } = behindToken
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return sendProblem(
        reply.header('www-authenticate', 'Bearer realm="metrics"'),
        problem(401, 'unauthorized', 'send the operators’ METRICS_TOKEN as Authorization: Bearer'),
      )
    }
    const scrape = exposition.scrape(request.ip)
    if (!scrape.allowed) {
      reply.header('retry-after', String(scrape.retryAfterSeconds))
      return sendProblem(reply, problem(429, 'too-many-requests', scrape.detail))
    }
    const text = await scrape.text()
    return reply.header('cache-control', 'no-store').type(exposition.contentType).send(text)
  })
}

/** Compares digests, in constant time: the time of a refusal tells nothing of the token. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]
  if (sent === undefined) return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(sent), digest(token))
}
