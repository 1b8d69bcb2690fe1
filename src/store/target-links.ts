// Links between the targets of plans of different levels (migration 0012): a city's plan that
// states a target of its province's plan with the same indicator and unit restates or refines
// it. Made when a plan loads, in both directions: the plan's targets against those of the
// plans above it and below it.
import { isWithin } from '../ingest/divisions.js'
import type { Database } from './database.js'
import { prepared } from './query.js'

const RANK: Record<string, number> = { national: 0, provincial: 1, city: 2, county: 3 }

interface Placed {
  id: string
  indicator: string
  unit: string | null
  jurisdiction: string | null
  level: string | null
}

const PLACED = `SELECT g.id, g.indicator, g.unit, d.jurisdiction, d.jurisdiction_level AS level
  FROM targets g JOIN documents d ON d.id = g.document_id WHERE g.withdrawn = 0`

/** Whether `lower` restates `higher`: a higher level's plan, over the lower one's place. */
function restates(lower: Placed, higher: Placed): boolean {
  if (lower.level === null || higher.level === null) return false
  if (lower.jurisdiction === null || higher.jurisdiction === null) return false
  return (
    RANK[higher.level]! < RANK[lower.level]! && isWithin(lower.jurisdiction, higher.jurisdiction)
  )
}

/**
 * Links the document's targets to the targets of other plans they restate or that restate them;
 * returns the other plans' targets linked, whose records now say so.
 */
export function linkTargets(db: Database, documentId: string): string[] {
  const own = prepared(db, `${PLACED} AND g.document_id = ?`).all(documentId) as Placed[]
  const alike = prepared(db, `${PLACED} AND g.indicator = ? AND g.unit IS ? AND g.document_id != ?`)
  const link = prepared(
    db,
    'INSERT OR IGNORE INTO target_links (target_id, restates) VALUES (?, ?)',
  )
  const others = new Set<string>()
  for (const target of own) {
    for (const other of alike.all(target.indicator, target.unit, documentId) as Placed[]) {
      if (restates(target, other)) link.run(target.id, other.id)
      else if (restates(other, target)) link.run(other.id, target.id)
      else continue
      others.add(other.id)
    }
  }
  return [...others]
}

/** The targets of other documents linked to this document's targets now. */
export function linkedElsewhere(db: Database, documentId: string): string[] {
  return (
    prepared(
      db,
      `SELECT l.restates AS id FROM target_links l JOIN targets g ON g.id = l.target_id
         WHERE g.document_id = ?
       UNION SELECT l.target_id FROM target_links l JOIN targets g ON g.id = l.restates
         WHERE g.document_id = ?`,
    ).all(documentId, documentId) as { id: string }[]
  ).map((r) => r.id)
}
