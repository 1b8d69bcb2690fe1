// How the framework sends a successful answer: each route's last onSend hook turns the payload
// into a representation (or takes the kept one), has readHead decide status and headers, sends
// the bytes in the chosen coding, and keeps the representation when its key was noted. Answers
// too large to keep are streamed, compressed on the way at the fast level.
import { pipeline, Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { OPERATOR_ROUTES } from '../ops/operator-routes.js'
import type { Store } from '../store/index.js'
import { answerKey, type AnswerCache } from './answer-cache.js'
import { codingFor, compressibleType, encoder } from './codings.js'
import { strongEtag } from './etag.js'
import { readHead, READ_METHODS } from './read-head.js'
import { contentHeaders, Representation } from './representation.js'

/** Representations already made for a request: a kept answer, or one the GraphQL cache made. */
const given = new WeakMap<FastifyRequest, Representation>()
/** The cache key under which a request's answer is to be kept. */
const noted = new WeakMap<FastifyRequest, string>()

/** Answers with a kept representation; the last hook sends it in the client's coding. */
export function answerWith(
  request: FastifyRequest,
  reply: FastifyReply,
  representation: Representation,
): FastifyReply {
  given.set(request, representation)
  return reply.headers(representation.headers).send(representation.body)
}

/** Answers a request whose status and headers its route decided with readHead already. */
const asIs = new WeakSet<FastifyRequest>()

/** Sends `payload` as it is: the route called readHead itself (a kept export's file). */
export function sentAsIs(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  asIs.add(request)
  return reply.send(payload)
}

/** The answer this request gets is to be kept under `key` (unless forgotten before it is sent). */
export function keepUnder(request: FastifyRequest, key: string): void {
  noted.set(request, key)
}

/** The answer is not to be kept after all (a GraphQL result naming errors). */
export function forget(request: FastifyRequest): void {
  noted.delete(request)
}

/** Which cache entry a GET would use, or null when its answer must not be shared. */
function keyOf(request: FastifyRequest, store: Store): string | null {
  // An authenticated read (the audit log) is the token's own; only GET has a body to keep;
  // operators' routes say how the process is now.
  if (request.method !== 'GET' || request.headers.authorization !== undefined) return null
  if (OPERATOR_ROUTES.has(request.routeOptions.url ?? '')) return null
  return answerKey(store, request.url, request.headers)
}

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

/** A stream too large to keep: the same rules, no length, compressed as it goes. */
function sendStream(request: FastifyRequest, reply: FastifyReply, stream: Readable) {
  const headers = contentHeaders(reply.getHeaders())
  const etag = reply.getHeader('etag')
  const compressible = compressibleType(headers['content-type'])
  const coding = codingFor(request, compressible)
  const head = readHead(
    request,
    { headers, etag: typeof etag === 'string' ? etag : undefined, compressible },
    coding,
    undefined,
  )
  reply.code(head.status).headers(head.headers)
  if (head.status === 304) {
    stream.destroy()
    return ''
  }
  if (coding === 'identity') return stream
  // pipeline ends the compressor with the source's error, so a failed read is a cut answer.
  return pipeline(stream, encoder(coding), () => {})
}

async function sendRead(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  cache: AnswerCache | null,
) {
  // Errors, 204s and redirects go as they are; so does a HEAD route's emptied payload.
  if (payload === null || payload === undefined || reply.statusCode !== 200) return payload
  if (asIs.has(request)) return payload
  const read = READ_METHODS.includes(request.method)
  let representation = given.get(request)
  const key = noted.get(request)
  if (representation === undefined) {
    let body: Buffer
    if (typeof payload === 'string') body = Buffer.from(payload)
    else if (Buffer.isBuffer(payload)) body = payload
    else if (payload instanceof Readable) {
      const whole =
        key === undefined || cache === null
          ? payload
          : await readUpTo(payload, cache.options.maxAnswerBytes)
      if (!Buffer.isBuffer(whole)) return sendStream(request, reply, whole)
      body = whole
    } else return payload
    const etag = reply.getHeader('etag')
    representation = new Representation({
      headers: contentHeaders(reply.getHeaders()),
      body,
      etag: read ? (typeof etag === 'string' ? etag : strongEtag(body)) : undefined,
      route: request.routeOptions.url ?? '',
      effort: key === undefined ? 'once' : 'kept',
    })
  }
  const coding = representation.codingFor(request)
  const bytes = await representation.bytes(coding)
  const head = readHead(request, representation, coding, bytes.length)
  // A GET's answer is shared only when public; a POST's was noted by the GraphQL result cache.
  const shareable = request.method !== 'GET' || head.headers['cache-control']!.startsWith('public')
  if (key !== undefined && shareable) {
    cache?.set(key, representation)
  }
  reply.code(head.status).headers(head.headers)
  return head.status === 304 ? '' : bytes
}

/**
 * Every route sends its 200s through sendRead, last of its onSend hooks. With a cache, a GET
 * whose answer is kept is answered after the route's rate limit, before its body is read or its
 * parameters validated (it was kept for this very URL, valid then); other GETs note their key.
 */
export function registerReads(app: FastifyInstance, store: Store, cache: AnswerCache | null) {
  const send = (request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    sendRead(request, reply, payload, cache)
  const lookUp = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = keyOf(request, store)
    if (key === null) return undefined
    const kept = cache!.get(key)
    if (kept) return answerWith(request, reply, kept)
    keepUnder(request, key)
    return undefined
  }
  app.addHook('onRoute', (route) => {
    // A HEAD route is made from its GET route's options, these hooks included already.
    const onSend = [route.onSend ?? []].flat()
    if (!onSend.includes(send)) route.onSend = [...onSend, send]
    const onRequest = [route.onRequest ?? []].flat()
    if (cache && !onRequest.includes(lookUp)) route.onRequest = [...onRequest, lookUp]
  })
}
