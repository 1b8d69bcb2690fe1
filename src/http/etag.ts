// Entity tags, for every room that makes or compares them: reads (If-None-Match), the GraphiQL
// assets, and writes that name the state they saw (If-Match).
import { createHash } from 'node:crypto'

/** A strong ETag naming this content: of a read's bytes, or of what a stream is made from. */
export function strongEtag(content: string | Buffer): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`
}

/** A compressed answer's tag names its coding: "tag-gzip" (RFC 9110, 8.8.3.3). */
export const CODING_SUFFIX = /-(?:gzip|br|deflate)"$/

/** The tag without its coding: a tag held for a compressed copy names the same content. */
function sameContent(tag: string): string {
  return tag.trim().replace(CODING_SUFFIX, '"')
}

/** If-None-Match holds the tag: one of a list, weak or not (weak comparison), or *. */
export function noneMatchHolds(ifNoneMatch: string, tag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (t: string) => sameContent(t.trim().replace(/^W\//, ''))
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(tag))
}

/** If-Match holds the tag: one of a list, or *; weak tags never match (strong comparison). */
export function ifMatchHolds(ifMatch: string, tag: string): boolean {
  if (ifMatch.trim() === '*') return true
  return ifMatch
    .split(',')
    .some((t) => !t.trim().startsWith('W/') && sameContent(t) === sameContent(tag))
}
