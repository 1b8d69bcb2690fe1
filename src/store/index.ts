// The store as the interfaces see it: every read query over one open database. REST and GraphQL
// call these and write no SQL of their own.
import type { Database } from './database.js'
import { isMigrated } from './database.js'
import { getAgency, listAgencies, type AgencyFilter } from './agencies.js'
import { getDocument, listDocuments, type DocumentFilter } from './documents.js'
import type { PageRequest } from './paging.js'
import { getSection, listSections, type SectionFilter } from './sections.js'
import { getTask, listTasks, type TaskFilter } from './tasks.js'
import { getTarget, listTargets, type TargetFilter } from './targets.js'
import { getFinding, listFindings, type FindingFilter } from './findings.js'

export type { AgencyRecord } from './agencies.js'
export type { DocumentRecord } from './documents.js'
export type { SectionRecord } from './sections.js'
export type { TaskRecord } from './tasks.js'
export type { TargetRecord } from './targets.js'
export type { FindingRecord } from './findings.js'
export type { Page, PageRequest } from './paging.js'
export { InvalidCursorError } from './paging.js'

export class Store {
  constructor(readonly db: Database) {}

  listDocuments = (filter: DocumentFilter, page: PageRequest) =>
    listDocuments(this.db, filter, page)
  getDocument = (id: string) => getDocument(this.db, id)
  listSections = (filter: SectionFilter, page: PageRequest) => listSections(this.db, filter, page)
  getSection = (id: string) => getSection(this.db, id)
  listTasks = (filter: TaskFilter, page: PageRequest) => listTasks(this.db, filter, page)
  getTask = (id: string) => getTask(this.db, id)
  listAgencies = (filter: AgencyFilter, page: PageRequest) => listAgencies(this.db, filter, page)
  getAgency = (id: string) => getAgency(this.db, id)
  listTargets = (filter: TargetFilter, page: PageRequest) => listTargets(this.db, filter, page)
  getTarget = (id: string) => getTarget(this.db, id)
  listFindings = (filter: FindingFilter, page: PageRequest) => listFindings(this.db, filter, page)
  getFinding = (id: string) => getFinding(this.db, id)

  /** Open, migrated to the schema this program knows, and answering queries. */
  isReady(): boolean {
    try {
      return this.db.open && isMigrated(this.db)
    } catch {
      return false
    }
  }
}
