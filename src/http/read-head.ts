// The one place that decides how a read's answer goes out: its status (200, or 304 for a
// client holding it), its coding and the headers that follow from them (ETag of the coded
// bytes, Content-Encoding, Vary, Content-Length, Cache-Control). The framework's last hook and
// the hot path in front of it both call it, so a rule written here holds on both.
import type { IncomingHttpHeaders } from 'node:http'
import type { Coding } from './codings.js'
import { noneMatchHolds } from './etag.js'

/**
 * Data changes only when a plan is re-ingested, and every answer carries a strong ETag: clients
 * keep answers for a few minutes, then revalidate cheaply with If-None-Match.
 */
export const READ_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60'

export const READ_METHODS = ['GET', 'HEAD']

export interface ReadRequest {
  method?: string
  headers: IncomingHttpHeaders
}

export interface ReadHead {
  status: 200 | 304
  /** The content's headers with those of its coding; per-request headers are the caller's. */
  headers: Record<string, string>
}

/** A compressed answer's tag names its coding: "tag-gzip" (RFC 9110, 8.8.3.3). */
export function codedTag(etag: string, coding: Coding): string {
  return coding === 'identity' ? etag : etag.replace(/"$/, `-${coding}"`)
}

/** Adds a request header to Vary, once. */
export function withVary(vary: string | undefined, name: string): string {
  if (vary === undefined || vary.trim() === '') return name
  const names = vary.split(',').map((n) => n.trim().toLowerCase())
  return names.includes(name.toLowerCase()) || names.includes('*') ? vary : `${vary}, ${name}`
}

export interface ReadContent {
  /** The content's own headers (type, Link, Cache-Control when the route set one …). */
  headers: Record<string, string>
  /** Its strong ETag, for a read; none for a POST's answer. */
  etag: string | undefined
  /** Whether the answer depends on Accept-Encoding. */
  compressible: boolean
}

/**
 * The headers of a content in a coding, made once per content, coding and length: a kept answer
 * is sent many times, and these are the same each time. Shared: callers copy, never change them.
 */
const made = new WeakMap<ReadContent, Map<string, Record<string, string>>>()

function headersOf(
  content: ReadContent,
  read: boolean,
  coding: Coding,
  length: number | undefined,
): Record<string, string> {
  let byCoding = made.get(content)
  if (byCoding === undefined) made.set(content, (byCoding = new Map()))
  const key = `${read}|${coding}|${length ?? ''}`
  let headers = byCoding.get(key)
  if (headers === undefined) {
    headers = { ...content.headers }
    if (read) headers['cache-control'] ??= READ_CACHE_CONTROL
    if (content.compressible) headers.vary = withVary(headers.vary, 'Accept-Encoding')
    if (coding !== 'identity') headers['content-encoding'] = coding
    if (read && content.etag !== undefined) headers.etag = codedTag(content.etag, coding)
    if (length !== undefined) headers['content-length'] = String(length)
    byCoding.set(key, Object.freeze(headers))
  }
  return headers
}

/**
 * Status and headers of a read's answer in `coding`, `length` bytes long (undefined when
 * streamed). A GET or HEAD naming the coded tag (or the plain one) in If-None-Match gets 304.
 */
export function readHead(
  request: ReadRequest,
  content: ReadContent,
  coding: Coding,
  length: number | undefined,
): ReadHead {
  const read = READ_METHODS.includes(request.method ?? 'GET')
  const headers = headersOf(content, read, coding, length)
  const ifNoneMatch = request.headers['if-none-match']
  if (
    headers.etag !== undefined &&
    ifNoneMatch !== undefined &&
    noneMatchHolds(ifNoneMatch, headers.etag)
  ) {
    // A 304 has no body, so no length of one.
    const { 'content-length': _length, ...notModified } = headers
    return { status: 304, headers: notModified }
  }
  return { status: 200, headers }
}
