// One answer's bytes as the route made them, the headers that belong to them, and its
// compressed copies. A copy is made the first time a client asks for that coding and kept with
// the answer: a kept answer is compressed once per data version, however often it is sent.
import type { IncomingMessage } from 'node:http'
import {
  codingFor,
  COMPRESS_THRESHOLD,
  compressibleType,
  encode,
  type Coding,
  type Effort,
} from './codings.js'

/**
 * Headers set for each request, not by the route: a kept answer gets them anew, and the coding's
 * own (length, encoding, ETag) are derived when it is sent. Every other header the route set
 * (type, Link, Content-Security-Policy, Cache-Control …) belongs to the representation.
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
  'etag',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
])

/** The headers of a reply that belong to its content, as plain strings. */
export function contentHeaders(
  headers: Record<string, number | string | string[] | undefined>,
): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !PER_REQUEST_HEADERS.has(name)) kept[name] = String(value)
  }
  return kept
}

export interface RepresentationInit {
  /** Its content headers (contentHeaders of the reply). */
  headers: Record<string, string>
  body: Buffer
  /** Its strong ETag when it is a read's; a coded copy's tag is derived from it. */
  etag?: string
  /** The route that made it, as metrics name it. */
  route: string
  effort: Effort
  /** Copies compressed beforehand (assets compressed when the project is built). */
  coded?: Partial<Record<Exclude<Coding, 'identity'>, Buffer>>
}

export class Representation {
  readonly headers: Record<string, string>
  readonly body: Buffer
  readonly etag: string | undefined
  readonly route: string
  /** Whether a client's Accept-Encoding changes which bytes it gets. */
  readonly compressible: boolean
  private readonly effort: Effort
  private readonly coded = new Map<Coding, Buffer>()
  private readonly making = new Map<Coding, Promise<Buffer>>()
  /** Told how many bytes a new copy adds: the cache holding this one counts them. */
  onGrow: (bytes: number) => void = () => {}

  constructor(init: RepresentationInit) {
    this.headers = init.headers
    this.body = init.body
    this.etag = init.etag
    this.route = init.route
    this.effort = init.effort
    this.compressible =
      init.body.length >= COMPRESS_THRESHOLD && compressibleType(init.headers['content-type'])
    this.coded.set('identity', init.body)
    for (const [coding, bytes] of Object.entries(init.coded ?? {})) {
      this.coded.set(coding as Coding, bytes)
    }
  }

  /** The coding a request gets this representation in. */
  codingFor(request: Pick<IncomingMessage, 'headers'>): Coding {
    return codingFor(request, this.compressible)
  }

  /** The bytes in this coding if they are made already. */
  bytesNow(coding: Coding): Buffer | undefined {
    return this.coded.get(coding)
  }

  /** The bytes in this coding, made once: requests for it meanwhile wait for the same work. */
  bytes(coding: Coding): Promise<Buffer> {
    const made = this.coded.get(coding)
    if (made !== undefined) return Promise.resolve(made)
    let making = this.making.get(coding)
    if (making === undefined) {
      making = encode(this.body, coding, this.effort).then((bytes) => {
        this.coded.set(coding, bytes)
        this.making.delete(coding)
        this.onGrow(bytes.length)
        return bytes
      })
      this.making.set(coding, making)
    }
    return making
  }

  /** The bytes held: the answer and its copies. */
  get size(): number {
    let size = 0
    for (const bytes of this.coded.values()) size += bytes.length
    return size
  }
}
