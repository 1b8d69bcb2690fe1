// The plans a server holds, newest first, each with how much it holds: what the index page
// names, so that a person opening the service sees which plans it serves before any route.
import type { Database } from './database.js'
import { prepared } from './query.js'

export interface PlanSummary {
  id: string
  number: string | null
  /** Null, each of them, where neither the text nor supplied metadata gives it. */
  title: string | null
  planTitle: string | null
  issuer: string | null
  issuedOn: string | null
  sections: number
  tasks: number
  targets: number
  /** Findings of warning or error severity: what a reader should look at. */
  findings: number
}

export interface PlanSummaries {
  total: number
  plans: PlanSummary[]
}

/** Counted per document by the document_id indexes of each table, for the shown plans alone. */
const SUMMARIES = `
  SELECT d.id, d.number, d.title, d.plan_title AS planTitle, d.issuer, d.issued_on AS issuedOn,
    (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS sections,
    (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks,
    (SELECT count(*) FROM targets g WHERE g.document_id = d.id) AS targets,
    (SELECT count(*) FROM findings f
      WHERE f.document_id = d.id AND f.severity IN ('warning', 'error')) AS findings
  FROM documents d
  ORDER BY d.issued_on IS NULL, d.issued_on DESC, d.id
  LIMIT ?`

/** The `limit` most recently issued plans (undated last) and how many there are in all. */
export function planSummaries(db: Database, limit: number): PlanSummaries {
  const { total } = prepared(db, 'SELECT count(*) AS total FROM documents').get() as {
    total: number
  }
  const plans = prepared(db, SUMMARIES).all(limit) as PlanSummary[]
  return { total, plans }
}
