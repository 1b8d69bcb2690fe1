// Read answers are built once per data version and kept as bytes with their headers and ETag
// (and, once asked for, their compressed copies), so that a repeated read costs a lookup instead
// of queries, serialization, hashing and compression. The data version is part of the key: an
// ingest or a progress write changes it, and older answers are never served again; they age out
// of the bounded cache.
import type { IncomingHttpHeaders } from 'node:http'
import type { Store } from '../store/index.js'
import type { Representation } from './representation.js'

/** Request headers that change an answer: the format asked for, and the host links name. */
const VARYING_HEADERS = ['accept', 'host', 'x-forwarded-host', 'x-forwarded-proto']

/** The largest answer kept by default: a full CSV export of many plans is sent, not kept. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

/** The options of a cache of `maxBytes` in all (RESPONSE_CACHE_MB); false for none. */
export function cacheOfSize(maxBytes: number): ResponseCacheOptions | false {
  return maxBytes > 0 ? { maxBytes, maxAnswerBytes: Math.min(MAX_ANSWER_BYTES, maxBytes) } : false
}

export interface ResponseCacheOptions {
  /** All answers kept together, with their compressed copies, in bytes. */
  maxBytes: number
  /** An answer larger than this is sent, not kept (a full CSV export of many plans). */
  maxAnswerBytes: number
}

/** A map in least-recently-used order, bounded by the bytes of its answers and their copies. */
export class AnswerCache {
  private readonly answers = new Map<string, Representation>()
  private bytes = 0

  constructor(readonly options: ResponseCacheOptions) {}

  get(key: string): Representation | undefined {
    const answer = this.answers.get(key)
    if (answer) {
      this.answers.delete(key)
      this.answers.set(key, answer)
    }
    return answer
  }

  set(key: string, answer: Representation): void {
    if (answer.body.length > this.options.maxAnswerBytes) return
    const old = this.answers.get(key)
    if (old === answer) return
    if (old) this.forget(key, old)
    this.answers.set(key, answer)
    this.bytes += answer.size
    // A copy compressed later counts while the answer is still here.
    answer.onGrow = (added) => {
      if (this.answers.get(key) !== answer) return
      this.bytes += added
      this.evict()
    }
    this.evict()
  }

  private forget(key: string, answer: Representation): void {
    this.answers.delete(key)
    this.bytes -= answer.size
    answer.onGrow = () => {}
  }

  private evict(): void {
    for (const [oldest, answer] of this.answers) {
      if (this.bytes <= this.options.maxBytes) break
      this.forget(oldest, answer)
    }
  }

  get size(): { answers: number; bytes: number } {
    return { answers: this.answers.size, bytes: this.bytes }
  }
}

/**
 * The key of a shareable GET's answer: the data version, the URL and the request headers answers
 * vary by (Accept-Encoding is not one: every coding of an answer is kept under one key). Null
 * when the data version cannot be read (the route answers, or fails, by itself).
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
