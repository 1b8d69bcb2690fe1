// Kept answers served in front of the framework. A GET whose answer is kept for this data
// version, URL and varying headers, or a GraphQL POST whose result is kept for its query and
// variables, is written straight to the socket, with what every answer gets besides (request id,
// CORS, rate-limit figures), counted against the same rate limit and recorded in the same
// metrics. Status and headers are readHead's, as in the framework. Everything
// else goes to Fastify: a miss, HEAD, a token, a client over its limit, a coding not yet made, a
// process under pressure or closing, and every request while requests are logged.
// The framework's per-request work (routing, hooks, reply objects) is most of the cost of a small
// kept answer: served here, it costs about what a bare node:http server does (decision 0025).
import { refuseWithoutHost } from './client-errors.js'
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { FastifyRequest } from 'fastify'
import { performance } from 'node:perf_hooks'
import { clientAddress, type TrustProxy } from './client-address.js'
import { REQUEST_ID_HEADER } from '../ops/logging.js'
import type { Metrics } from '../ops/metrics.js'
import type { Store } from '../store/index.js'
import { CORS_HEADERS } from './fastify-hooks.js'
import type { Counted, RateLimit } from './rate-limit.js'
import { readHead, type ReadHead } from './read-head.js'
import { answerKey, type AnswerCache } from './answer-cache.js'

export interface HotPathOptions {
  store: Store
  cache: AnswerCache
  /** The app's read limit: a kept answer counts as any answer does. */
  limit: RateLimit
  metrics: Metrics
  requestId: (request: IncomingMessage) => string
  /** Fastify's trustProxy option: whose X-Forwarded-For names the client. */
  trustProxy: TrustProxy
  /** True while the process sheds load: Fastify answers 503 and logs it. */
  underPressure: () => boolean
  /** POSTs to this path whose JSON body names a kept result (GraphQL), and how it is keyed. */
  post?: { path: string; keyOf: (body: Buffer) => string | null; maxBytes: number }
}

/** Bodies read here and handed on: the framework parses them from this copy (replayBody). */
const bodiesRead = new WeakMap<IncomingMessage, Buffer>()

/** Fastify's preParsing hook: a body the hot path read is parsed from what it read. */
export async function replayBody(request: FastifyRequest, _reply: unknown, payload: Readable) {
  const body = bodiesRead.get(request.raw)
  return body === undefined ? payload : Readable.from([body])
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

  /**
   * Answers the request when its answer is kept and nothing else applies; else calls `next`
   * (the framework) with it. A POST's body is read first; the framework then parses that copy.
   */
  serve(
    request: IncomingMessage,
    response: ServerResponse,
    next: (request: IncomingMessage, response: ServerResponse) => void,
  ): void {
    const started = performance.now()
    if (this.closing || request.headers.authorization !== undefined) return next(request, response)
    if (request.method === 'GET') {
      const key = answerKey(this.options.store, request.url ?? '', request.headers)
      if (!this.sendKept(request, response, key, started)) next(request, response)
      return
    }
    const post = this.options.post
    const length = Number(request.headers['content-length'])
    const eligible =
      post !== undefined &&
      request.method === 'POST' &&
      request.url === post.path &&
      /^application\/json\b/i.test(request.headers['content-type'] ?? '') &&
      Number.isInteger(length) &&
      length <= post.maxBytes
    if (!eligible) return next(request, response)
    const chunks: Buffer[] = []
    // A client gone mid-body: its socket closes, and nothing is left to answer.
    request.on('error', () => {})
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const key = post.keyOf(body)
      if (this.sendKept(request, response, key, started)) return
      bodiesRead.set(request, body)
      next(request, response)
    })
  }

  /** Writes the answer kept under `key` when one is, in a coding made already; else false. */
  private sendKept(
    request: IncomingMessage,
    response: ServerResponse,
    key: string | null,
    started: number,
  ): boolean {
    const { cache, limit } = this.options
    const answer = key === null ? undefined : cache.get(key)
    if (answer === undefined) return false
    const coding = answer.codingFor(request)
    // A copy not made yet is made by the framework's path, which waits for it.
    const bytes = answer.bytesNow(coding)
    if (bytes === undefined || this.options.underPressure()) return false
    // The key the framework gives a request without a token (rateLimitKey).
    const counted = limit.count(`address:${this.addressOf(request)}`)
    // Over the limit: the framework counts it once more and answers 429 in the problem format.
    if (counted.exceeded) return false
    this.write(request, response, readHead(request, answer, coding, bytes.length), bytes, counted)
    this.options.metrics.observe(
      request.method!,
      answer.route,
      response.statusCode,
      (performance.now() - started) / 1000,
    )
    return true
  }

  /** The one place this path answers: per-request headers, then readHead's, then the bytes. */
  write(
    request: IncomingMessage,
    response: ServerResponse,
    head: ReadHead,
    bytes: Buffer,
    counted: Counted,
  ): void {
    response.writeHead(head.status, {
      [REQUEST_ID_HEADER]: this.options.requestId(request),
      ...CORS_HEADERS,
      ...counted.headers,
      ...head.headers,
    })
    response.end(head.status === 200 ? bytes : undefined)
  }
}

/**
 * Puts the hot path in front of the framework on the server Fastify made: its own request
 * listener is called when the hot path does not answer. A request without Host is refused
 * before either sees it, as problem+json.
 */
export function serveFirst(server: Server, hotPath: () => HotPath | null): void {
  const listeners = server.listeners('request') as RequestListener[]
  if (listeners.length !== 1) {
    throw new Error(`expected one request listener, found ${listeners.length}`)
  }
  const framework = listeners[0]!
  server.removeAllListeners('request')
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (refuseWithoutHost(request, response)) return
    const hot = hotPath()
    if (hot === null) framework(request, response)
    else hot.serve(request, response, framework)
  })
}
