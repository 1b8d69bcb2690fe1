// Content codings: which one a client's Accept-Encoding chooses, and how bytes are compressed in
// it. Brotli is preferred when a client accepts both (browsers say "gzip, deflate, br" with
// equal weights): on this API's Chinese JSON it is about a fifth smaller than gzip.
import { Transform } from 'node:stream'
import { promisify } from 'node:util'
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createGzip,
  gzip,
  type BrotliOptions,
} from 'node:zlib'

export type Coding = 'br' | 'gzip' | 'identity'

/** The codings this server makes, best first. */
const CODINGS: Coding[] = ['br', 'gzip']

/** Answers shorter than this are sent as they are; compressing them gains little. */
export const COMPRESS_THRESHOLD = 1024

/** Media types worth compressing: text of every kind, JSON (JSON Lines too) and XML in all their flavours. */
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|x-ndjson|xml|javascript|graphql)\b)/i

export function compressibleType(contentType: string | undefined): boolean {
  return contentType !== undefined && COMPRESSIBLE.test(contentType)
}

/** Each coding's weight (q) in an Accept-Encoding header; `*` stands for those not named. */
function weights(acceptEncoding: string): Map<string, number> {
  const named = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    named.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0)
  }
  return named
}

/** Clients send few distinct Accept-Encoding values; each is read once (a bounded memo). */
const chosen = new Map<string, Coding>()
const MAX_REMEMBERED = 256

/**
 * The coding to answer in: the accepted one with the highest weight, brotli on a tie; identity
 * when the client names none this server makes (or refuses them all with q=0).
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding {
  if (acceptEncoding === undefined) return 'identity'
  let coding = chosen.get(acceptEncoding)
  if (coding === undefined) {
    coding = codingOf(acceptEncoding)
    if (chosen.size >= MAX_REMEMBERED) chosen.clear()
    chosen.set(acceptEncoding, coding)
  }
  return coding
}

/** The coding a request gets an answer in: identity for what is not worth compressing. */
export function codingFor(
  request: { headers: { 'accept-encoding'?: string } },
  compressible: boolean,
): Coding {
  return compressible ? chooseCoding(request.headers['accept-encoding']) : 'identity'
}

function codingOf(acceptEncoding: string): Coding {
  if (acceptEncoding.trim() === '') return 'identity'
  const named = weights(acceptEncoding)
  let best: Coding = 'identity'
  let bestWeight = 0
  for (const coding of CODINGS) {
    const weight = named.get(coding) ?? named.get('*') ?? 0
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}

/**
 * How hard to compress. An answer kept for a data version is compressed once and sent many
 * times, so it is worth brotli's slower, smaller levels; an answer made for one request (a large
 * export streamed) uses the fast level that still beats gzip.
 */
export type Effort = 'kept' | 'once'

const BROTLI_QUALITY: Record<Effort, number> = { kept: 9, once: 4 }
const GZIP_LEVEL: Record<Effort, number> = { kept: 9, once: 6 }

function brotliOptions(effort: Effort, size?: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      ...(size === undefined ? {} : { [constants.BROTLI_PARAM_SIZE_HINT]: size }),
    },
  }
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The bytes in a coding, compressed on libuv's thread pool: the event loop goes on meanwhile. */
export async function encode(body: Buffer, coding: Coding, effort: Effort): Promise<Buffer> {
  if (coding === 'br') return brotliAsync(body, brotliOptions(effort, body.length))
  if (coding === 'gzip') return gzipAsync(body, { level: GZIP_LEVEL[effort] })
  return body
}

/** A stream compressing what passes through it: an answer too large to keep, or an export. */
export function encoder(coding: Exclude<Coding, 'identity'>, effort: Effort = 'once'): Transform {
  return coding === 'br'
    ? createBrotliCompress(brotliOptions(effort))
    : createGzip({ level: GZIP_LEVEL[effort] })
}
