// The Node interface: any record by its id. An id's prefix names its kind, so a mixed list of ids
// (search hits, node(id)) is read with one statement per kind.
import {
  kindOfId,
  type AgencyRecord,
  type DocumentRecord,
  type FindingRecord,
  type RecordKind,
  type SectionRecord,
  type Store,
  type TargetRecord,
  type TaskRecord,
} from '../store/index.js'

export type NodeRecord =
  DocumentRecord | SectionRecord | TaskRecord | AgencyRecord | TargetRecord | FindingRecord

const TYPE_NAME = {
  document: 'Document',
  section: 'Section',
  task: 'Task',
  agency: 'Agency',
  target: 'Target',
  finding: 'Finding',
} as const satisfies Record<RecordKind, string>

/** The GraphQL type of the record an id names. */
export function typeNameOf(record: { id: string }) {
  const kind = kindOfId(record.id)
  return kind === null ? null : TYPE_NAME[kind]
}

const BY_IDS: Record<RecordKind, (store: Store, ids: string[]) => NodeRecord[]> = {
  document: (store, ids) => store.documentsByIds(ids),
  section: (store, ids) => store.sectionsByIds(ids),
  task: (store, ids) => store.tasksByIds(ids),
  agency: (store, ids) => store.agenciesByIds(ids),
  target: (store, ids) => store.targetsByIds(ids),
  finding: (store, ids) => store.findingsByIds(ids),
}

/** The records of these ids, whatever their kinds; ids that name none are left out. */
export function nodesByIds(store: Store, ids: string[]): Map<string, NodeRecord> {
  const byKind = new Map<RecordKind, string[]>()
  for (const id of ids) {
    const kind = kindOfId(id)
    if (kind === null) continue
    byKind.set(kind, [...(byKind.get(kind) ?? []), id])
  }
  const found = new Map<string, NodeRecord>()
  for (const [kind, kindIds] of byKind) {
    for (const record of BY_IDS[kind](store, kindIds)) found.set(record.id, record)
  }
  return found
}
