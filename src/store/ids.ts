// Public ids. They are derived from what identifies a record in the text (the document number,
// a position in it, an agency's jurisdiction and name), so re-ingesting the same text, on this
// machine or a replica, gives the same ids. A type prefix keeps them unique across resources.
import { createHash } from 'node:crypto'
import type { Finding, ParsedSection, ParsedTarget, PlanDocument } from '../ingest/types.js'

/** The prefix of each kind of record's ids. */
const PREFIX = {
  document: 'doc',
  section: 'sec',
  task: 'task',
  agency: 'agency',
  target: 'target',
  finding: 'finding',
} as const

export type RecordKind = keyof typeof PREFIX

const KIND_OF_PREFIX = new Map<string, RecordKind>(
  Object.entries(PREFIX).map(([kind, prefix]) => [prefix, kind as RecordKind]),
)

/** The kind of record an id names, read from its prefix; null for a string no id starts with. */
export function kindOfId(id: string): RecordKind | null {
  return KIND_OF_PREFIX.get(id.slice(0, id.indexOf('-'))) ?? null
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

/**
 * What identifies a document: its 发文字号; without one, its issuer, title and date; without a
 * title, its text. A document loaded with a number before keeps the id it had.
 */
export function documentIdentity(
  plan: Pick<PlanDocument, 'number' | 'issuer' | 'title' | 'planTitle' | 'issuedOn' | 'source'>,
): string {
  if (plan.number !== null) return plan.number
  const title = plan.title ?? plan.planTitle
  if (title !== null) return `${plan.issuer ?? ''}\n${title}\n${plan.issuedOn ?? ''}`
  return `sha256:${plan.source.sha256}`
}

export function documentKey(identity: string): string {
  return shortHash(identity)
}

export function documentId(number: string): string {
  return `${PREFIX.document}-${documentKey(number)}`
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
    if (s.kind === 'part') ids.push(`${PREFIX.section}-${key}-p${++parts}`)
    else if (s.kind === 'item') ids.push(`${PREFIX.section}-${key}-i${++items}`)
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
  return `${PREFIX.task}-${documentKey(number)}-${position}`
}

/**
 * An agency by its jurisdiction and canonical name; an agency of a document whose government the
 * text does not name belongs to that document alone (`scope` is the document's identity).
 */
export function agencyId(jurisdiction: string | null, name: string, scope: string): string {
  const owner = jurisdiction ?? `document ${scope}`
  return `${PREFIX.agency}-${shortHash(`${owner}\n${name}`)}`
}

/**
 * Targets and findings by what they say, not where they stand, so that an amended text that adds
 * a target elsewhere keeps the ids of the others: target-…-<hash of indicator, unit, basis and
 * deadline year>, finding-…-<hash of code and message without line numbers>. A repeat of the
 * same key takes a suffix -2, -3, ….
 */
function contentIds(prefix: (typeof PREFIX)[RecordKind], number: string, keys: string[]): string[] {
  const documentPart = documentKey(number)
  const seen = new Map<string, number>()
  return keys.map((key) => {
    const base = `${prefix}-${documentPart}-${shortHash(key)}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  })
}

export function targetIds(
  number: string,
  targets: Pick<ParsedTarget, 'indicator' | 'unit' | 'basis' | 'deadlineYear'>[],
): string[] {
  return contentIds(
    PREFIX.target,
    number,
    targets.map((t) => `${t.indicator}\n${t.unit ?? ''}\n${t.basis}\n${t.deadlineYear ?? ''}`),
  )
}

export function findingIds(
  number: string,
  findings: Pick<Finding, 'code' | 'message'>[],
): string[] {
  return contentIds(
    PREFIX.finding,
    number,
    // Line numbers are left out: a blank line added above must not change what a finding is.
    findings.map((f) => `${f.code}\n${f.message.replace(/\blines? \d+(?: and \d+)?/g, 'line')}`),
  )
}
