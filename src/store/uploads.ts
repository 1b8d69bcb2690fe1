// A plan file loaded through the API by an administrator: loaded as the command line loads it
// (replacing the document of the same 发文字号), and recorded in the audit log in the same
// transaction, so that who loaded what, and what it replaced, is on record with the data.
import type { PlanDocument } from '../ingest/types.js'
import type { Database } from './database.js'
import { getDocument, type DocumentRecord } from './documents.js'
import { documentId, documentIdentity } from './ids.js'
import { loadDocuments, removeDocument, type LoadResult } from './load.js'
import { audit } from './progress.js'
import type { Principal } from './tokens.js'

/** What the audit log keeps of a document: enough to tell versions apart, not the text. */
function summary(document: DocumentRecord) {
  return {
    id: document.id,
    number: document.number,
    title: document.title,
    source: document.source,
  }
}

export function loadUploadedDocument(
  db: Database,
  principal: Principal,
  plan: PlanDocument,
  now = new Date(),
): LoadResult {
  const write = db.transaction(() => {
    const before = getDocument(db, documentId(documentIdentity(plan)))
    const [result] = loadDocuments(db, [plan])
    const after = getDocument(db, result!.documentId)!
    audit(db, principal, {
      at: now.toISOString(),
      action: result!.replaced ? 'document.replace' : 'document.create',
      resource: result!.documentId,
      before: before === null ? null : summary(before),
      after: summary(after),
    })
    return result!
  })
  return write.immediate()
}

/** A document removed by an administrator, on record in the audit log in the same transaction. */
export function removeUploadedDocument(
  db: Database,
  principal: Principal,
  id: string,
  now = new Date(),
): boolean {
  const write = db.transaction(() => {
    const before = getDocument(db, id)
    if (before === null) return false
    removeDocument(db, id, now)
    audit(db, principal, {
      at: now.toISOString(),
      action: 'document.remove',
      resource: id,
      before: summary(before),
      after: null,
    })
    return true
  })
  return write.immediate()
}
