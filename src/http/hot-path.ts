// Kept answers served in front of the framework. A GET whose answer is kept for this data
// version, URL and varying headers is written straight to the socket, with what every answer
// gets besides (request id, CORS, rate-limit figures), counted against the same rate limit and
// recorded in the same metrics. Status and headers are readHead's, as in the framework. Everything
// else goes to Fastify: a miss, HEAD, a token, a client over its limit, a coding not yet made, a
// process under pressure or closing, and every request while requests are logged.
// The framework's per-request work (routing, hooks, reply objects) is most of the cost of a small
// kept answer: served here, it costs about what a bare node:http server does (decision 0025).
import { refuseWithoutHost } from './client-errors.js'
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { clientAddress, type TrustProxy } from './client-address.js'
import type { ClientCounts } from './client-counts.js'
import { REQUEST_ID_HEADER } from '../ops/logging.js'
import type { Metrics } from '../ops/metrics.js'
import type { Store } from '../store/index.js'
import { CORS_HEADERS, type RateLimitOptions } from './fastify-hooks.js'
import { readHead } from './read-head.js'
import { answerKey, type AnswerCache } from './answer-cache.js'

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
    if (answer === undefined) return false
    const coding = answer.codingFor(request)
    // A copy not made yet is made by the framework's path, which waits for it.
    const bytes = answer.bytesNow(coding)
    if (bytes === undefined || this.options.underPressure()) return false
    // The key @fastify/rate-limit gives a request without a token (rateLimitKey).
    const { current, ttl } = counts.count(`address:${this.addressOf(request)}`, limits.windowMs)
    // Over the limit: Fastify counts it once more and answers 429 in the problem format.
    if (current > limits.max) return false

    const head = readHead(request, answer, coding, bytes.length)
    response.writeHead(head.status, {
      [REQUEST_ID_HEADER]: this.options.requestId(request),
      ...CORS_HEADERS,
      'x-ratelimit-limit': String(limits.max),
      'x-ratelimit-remaining': String(Math.max(0, limits.max - current)),
      'x-ratelimit-reset': String(Math.ceil(ttl / 1000)),
      ...head.headers,
    })
    response.end(head.status === 200 ? bytes : undefined)
    metrics.observe('GET', answer.route, head.status, (performance.now() - started) / 1000)
    return true
  }
}

/**
 * Puts the hot path in front of the framework on the server Fastify made: its own request
 * listener is called when the hot path does not answer. A request without Host is refused
 * before either sees it, as problem+json.
 */
export function serveFirst(server: Server, hotPath: () => HotPath | null): void {
  const listeners = server.listeners('request') as RequestListener[]
  if (listeners.length !== 1)
    throw new Error(`expected one request listener, found ${listeners.length}`)
  const framework = listeners[0]!
  server.removeAllListeners('request')
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (refuseWithoutHost(request, response)) return
    if (!hotPath()?.serve(request, response)) framework(request, response)
  })
}
