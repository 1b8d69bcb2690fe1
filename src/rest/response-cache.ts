// Read answers are built once per data version and kept as bytes with their headers (ETag
// included), so that a repeated read costs a lookup instead of queries, serialization and
// hashing. The data version is part of the key: an ingest or a progress write changes it, and
// older answers are never served again; they age out of the bounded cache.
import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Store } from '../store/index.js'
import { OPERATOR_ROUTES } from '../ops/operator-routes.js'

/**
 * Headers set for each request, not by the route: a kept answer gets them anew. Every other
 * header the route set (type, ETag, Link, Content-Security-Policy …) is kept with the body.
 */
const PER_REQUEST_HEADERS = new Set([
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
])

/** Request headers that change an answer: the format asked for, and the host links name. */
const VARYING_HEADERS = ['accept', 'host', 'x-forwarded-host', 'x-forwarded-proto']

export interface Answer {
  headers: Record<string, string>
  body: Buffer
  /** The route that made it, as metrics name it. */
  route: string
}

/** The largest answer kept by default: a full CSV export of many plans is sent, not kept. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

/** The options of a cache of `maxBytes` in all (RESPONSE_CACHE_MB); false for none. */
export function cacheOfSize(maxBytes: number): ResponseCacheOptions | false {
  return maxBytes > 0 ? { maxBytes, maxAnswerBytes: Math.min(MAX_ANSWER_BYTES, maxBytes) } : false
}

export interface ResponseCacheOptions {
  /** All answers kept together, in bytes. */
  maxBytes: number
  /** An answer larger than this is sent, not kept (a full CSV export of many plans). */
  maxAnswerBytes: number
}

/** A map in least-recently-used order, bounded by the bytes of its answers. */
export class AnswerCache {
  private readonly answers = new Map<string, Answer>()
  private bytes = 0

  constructor(readonly options: ResponseCacheOptions) {}

  get(key: string): Answer | undefined {
    const answer = this.answers.get(key)
    if (answer) {
      this.answers.delete(key)
      this.answers.set(key, answer)
    }
    return answer
  }

  set(key: string, answer: Answer): void {
    if (answer.body.length > this.options.maxAnswerBytes) return
    const old = this.answers.get(key)
    if (old) this.bytes -= old.body.length
    this.answers.delete(key)
    this.answers.set(key, answer)
    this.bytes += answer.body.length
    for (const [oldest, evicted] of this.answers) {
      if (this.bytes <= this.options.maxBytes) break
      this.answers.delete(oldest)
      this.bytes -= evicted.body.length
    }
  }

  get size(): { answers: number; bytes: number } {
    return { answers: this.answers.size, bytes: this.bytes }
  }
}

/**
 * The key of a shareable GET's answer: the data version, the URL and the request headers answers
 * vary by. Null when the data version cannot be read (the route answers, or fails, by itself).
 */
export function answerKey(store: Store, url: string, headers: IncomingHttpHeaders): string | null {
  let dataVersion: string
  try {
    dataVersion = store.dataVersion()
  } catch {
    return null
  }
  const varying = VARYING_HEADERS.map((name) => headers[name] ?? '')
  return [dataVersion, url, ...varying].join('\n')
}

/** Which cache entry a request would use, or null when its answer must not be shared. */
function keyOf(request: FastifyRequest, store: Store): string | null {
  // An authenticated read (the audit log) is the token's own; only GET has a body to keep;
  // operators' routes say how the process is now.
  if (request.method !== 'GET' || request.headers.authorization !== undefined) return null
  if (OPERATOR_ROUTES.has(request.routeOptions.url ?? '')) return null
  return answerKey(store, request.url, request.headers)
}

/**
 * Answers a request from the cache when its key is there; otherwise notes the key, so that the
 * onSend hook keeps the answer the route makes. Returns the reply when it answered.
 */
export function answerOrNote(
  cache: AnswerCache,
  key: string | null,
  request: FastifyRequest,
  reply: FastifyReply,
  noted: WeakMap<FastifyRequest, string>,
): FastifyReply | undefined {
  if (key === null) return undefined
  const answer = cache.get(key)
  if (answer) return reply.headers(answer.headers).send(answer.body)
  noted.set(request, key)
  return undefined
}

const cacheKeys = new WeakMap<FastifyRequest, string>()

/** Reads a stream whole; gives up (handing back an equivalent stream) past `limit` bytes. */
async function readUpTo(stream: Readable, limit: number): Promise<Buffer | Readable> {
  const chunks: Buffer[] = []
  let length = 0
  const iterator = stream[Symbol.asyncIterator]()
  for (;;) {
    const { value, done } = (await iterator.next()) as { value: unknown; done: boolean }
    if (done) return Buffer.concat(chunks)
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(String(value))
    chunks.push(chunk)
    length += chunk.length
    if (length > limit) {
      return Readable.from(
        (async function* () {
          yield* chunks
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            yield next.value as Buffer
          }
        })(),
      )
    }
  }
}

/**
 * Serves GET answers from the cache (before the route runs, after its rate limit)
 * and keeps public 200 answers. Register after the app's caching headers are set.
 */
export function registerResponseCache(
  app: FastifyInstance,
  store: Store,
  cache: AnswerCache,
): void {
  const lookUp = async (request: FastifyRequest, reply: FastifyReply) =>
    answerOrNote(cache, keyOf(request, store), request, reply, cacheKeys)
  // The route's last onRequest hook, after its rate limit: a kept answer is served before the
  // body is read or the parameters validated (it was kept for this very URL, valid then).
  app.addHook('onRoute', (route) => {
    route.onRequest = [...[route.onRequest ?? []].flat(), lookUp]
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const key = cacheKeys.get(request)
    if (key === undefined || reply.statusCode !== 200) return payload
    if (!String(reply.getHeader('cache-control') ?? '').startsWith('public')) return payload
    let body: Buffer
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      body = Buffer.from(payload)
    } else if (payload instanceof Readable) {
      const read = await readUpTo(payload, cache.options.maxAnswerBytes)
      if (!Buffer.isBuffer(read)) return read
      body = read
    } else {
      return payload
    }
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !PER_REQUEST_HEADERS.has(name)) headers[name] = String(value)
    }
    cache.set(key, { headers, body, route: request.routeOptions.url ?? '' })
    return body
  })
}
