// Public ids. They are derived from what identifies a record in the text (the document number,
// a position in it, an agency's jurisdiction and name), so re-ingesting the same text, on this
// machine or a replica, gives the same ids. A type prefix keeps them unique across resources.
import { createHash } from 'node:crypto'
import type { ParsedSection } from '../ingest/types.js'

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

export function documentKey(number: string): string {
  return shortHash(number)
}

export function documentId(number: string): string {
  return `doc-${documentKey(number)}`
}

/**
 * Parts by their order in the document, chapters by their order in the part, items by their
 * order in the whole document: sec-…-p2, sec-…-p2-c1, sec-…-i5.
 */
export function sectionIds(number: string, sections: ParsedSection[]): string[] {
  const key = documentKey(number)
  const ids: string[] = []
  const childCount = new Map<number, number>()
  let parts = 0
  let items = 0
  for (const s of sections) {
    if (s.kind === 'part') ids.push(`sec-${key}-p${++parts}`)
    else if (s.kind === 'item') ids.push(`sec-${key}-i${++items}`)
    else {
      const parent = s.parentIndex!
      const n = (childCount.get(parent) ?? 0) + 1
      childCount.set(parent, n)
      ids.push(`${ids[parent]}-c${n}`)
    }
  }
  return ids
}

export function taskId(number: string, position: number): string {
  return `task-${documentKey(number)}-${position}`
}

export function agencyId(jurisdiction: string, name: string): string {
  return `agency-${shortHash(`${jurisdiction}\n${name}`)}`
}
