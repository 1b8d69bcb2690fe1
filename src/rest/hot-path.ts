// Kept answers served in front of the framework. A GET whose answer is kept for this data
// version, URL and varying headers is written straight to the socket, with what every answer
// gets besides (request id, CORS, rate-limit figures), counted against the same rate limit and
// recorded in the same metrics. Everything else goes to Fastify, which applies every rule itself:
// a miss, HEAD, a token, a client over its limit, a compressible answer to a client that accepts
// compression, a process under pressure or closing, and every request while requests are logged.
// The framework's per-request work (routing, hooks, reply objects) is most of the cost of a small
// kept answer: served here, it costs about what a bare node:http server does (decision 0025).
import {
  boundConnectionsPerClient,
  serverTimeouts,
  type ConnectionLimits,
} from '../ops/connections.js'
import { refuseWithoutHost } from './client-errors.js'
import type { FastifyServerOptions } from 'fastify'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { noneMatchHolds } from '../etag.js'
import { clientAddress, type TrustProxy } from '../ops/client-address.js'
import type { ClientCounts } from '../ops/client-counts.js'
import { REQUEST_ID_HEADER } from '../ops/logging.js'
import type { Metrics } from '../ops/metrics.js'
import type { Store } from '../store/index.js'
import { COMPRESS_THRESHOLD, CORS_HEADERS, type RateLimitOptions } from './http.js'
import { answerKey, type AnswerCache } from './response-cache.js'

export interface HotPathOptions {
  store: Store
  cache: AnswerCache
  counts: ClientCounts
  limits: RateLimitOptions
  metrics: Metrics
  requestId: (request: IncomingMessage) => string
  /** Fastify's trustProxy option: whose X-Forwarded-For names the client. */
  trustProxy: TrustProxy
  /** True while the process sheds load: Fastify answers 503 and logs it. */
  underPressure: () => boolean
}

/** Whether a client that sent this Accept-Encoding would get an answer of this size compressed. */
function wouldCompress(request: IncomingMessage, bytes: number): boolean {
  const accepted = request.headers['accept-encoding']
  return bytes >= COMPRESS_THRESHOLD && accepted !== undefined && accepted !== 'identity'
}

export class HotPath {
  private closing = false
  private readonly addressOf: (request: IncomingMessage) => string

  constructor(private readonly options: HotPathOptions) {
    this.addressOf = clientAddress(options.trustProxy)
  }

  /** From now on every request goes to Fastify, which answers with Connection: close. */
  close(): void {
    this.closing = true
  }

  /** Answers the request when its answer is kept and nothing else applies; else returns false. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const started = performance.now()
    const { store, cache, counts, limits, metrics } = this.options
    if (this.closing || request.method !== 'GET' || request.headers.authorization !== undefined) {
      return false
    }
    const key = answerKey(store, request.url ?? '', request.headers)
    const answer = key === null ? undefined : cache.get(key)
    if (answer === undefined || wouldCompress(request, answer.body.length)) return false
    if (this.options.underPressure()) return false
    // The key @fastify/rate-limit gives a request without a token (rateLimitKey).
    const { current, ttl } = counts.count(`address:${this.addressOf(request)}`, limits.windowMs)
    // Over the limit: Fastify counts it once more and answers 429 in the problem format.
    if (current > limits.max) return false

    const ifNoneMatch = request.headers['if-none-match']
    const etag = answer.headers.etag
    const status =
      ifNoneMatch !== undefined && etag !== undefined && noneMatchHolds(ifNoneMatch, etag)
        ? 304
        : 200
    response.writeHead(status, {
      [REQUEST_ID_HEADER]: this.options.requestId(request),
      ...CORS_HEADERS,
      'x-ratelimit-limit': String(limits.max),
      'x-ratelimit-remaining': String(Math.max(0, limits.max - current)),
      'x-ratelimit-reset': String(Math.ceil(ttl / 1000)),
      ...answer.headers,
      ...(status === 200 ? { 'content-length': String(answer.body.length) } : {}),
    })
    response.end(status === 200 ? answer.body : undefined)
    metrics.observe('GET', answer.route, status, (performance.now() - started) / 1000)
    return true
  }
}

/**
 * The HTTP server Fastify would make (its timeouts as it sets them), asking the hot path first.
 * The hot path is given once the app is built; until then every request goes to Fastify.
 */
export function serverWithHotPath(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  options: FastifyServerOptions,
  hotPath: () => HotPath | null,
  limits: ConnectionLimits,
): Server {
  const server = createServer(
    // Host is checked below, so that its refusal is problem+json like every other.
    { ...serverTimeouts(limits), requireHostHeader: false },
    (request, response) => {
      if (refuseWithoutHost(request, response)) return
      if (!hotPath()?.serve(request, response)) handler(request, response)
    },
  )
  server.keepAliveTimeout = options.keepAliveTimeout!
  server.setTimeout(options.connectionTimeout!)
  boundConnectionsPerClient(server, limits.maxPerClient)
  return server
}
