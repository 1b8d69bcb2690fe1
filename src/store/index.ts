// The store as the interfaces see it: every read query over one open database. REST and GraphQL
// call these and write no SQL of their own.
import type { Database } from './database.js'
import { isMigrated } from './database.js'
import { getAgency, agencyQuery, type AgencyFilter } from './agencies.js'
import { getDocument, documentQuery, type DocumentFilter } from './documents.js'
import type { PageRequest, SortRequest } from './paging.js'
import { catalogFacts, dataFingerprint } from './catalog.js'
import { listAll, listPage } from './query.js'
import { search, type SearchQuery } from './search.js'
import { getSection, sectionQuery, type SectionFilter } from './sections.js'
import { getTask, taskQuery, type TaskFilter } from './tasks.js'
import { getTarget, targetQuery, type TargetFilter } from './targets.js'
import { getFinding, findingQuery, type FindingFilter } from './findings.js'

export type { AgencyRecord } from './agencies.js'
export type { DocumentRecord } from './documents.js'
export type { SectionRecord } from './sections.js'
export type { TaskRecord } from './tasks.js'
export type { TargetRecord } from './targets.js'
export type { FindingRecord } from './findings.js'
export type { Page, PageRequest, SortRequest } from './paging.js'
export type { SearchHit } from './search.js'
export type { CatalogFacts } from './catalog.js'
export { InvalidCursorError } from './paging.js'

export class Store {
  constructor(readonly db: Database) {}

  listDocuments = (filter: DocumentFilter, page: PageRequest) =>
    listPage(this.db, ...documentQuery(filter), page)
  getDocument = (id: string) => getDocument(this.db, id)
  eachDocument = (filter: DocumentFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...documentQuery(filter), sort)
  listSections = (filter: SectionFilter, page: PageRequest) =>
    listPage(this.db, ...sectionQuery(filter), page)
  getSection = (id: string) => getSection(this.db, id)
  eachSection = (filter: SectionFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...sectionQuery(filter), sort)
  listTasks = (filter: TaskFilter, page: PageRequest) =>
    listPage(this.db, ...taskQuery(filter), page)
  getTask = (id: string) => getTask(this.db, id)
  eachTask = (filter: TaskFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...taskQuery(filter), sort)
  listAgencies = (filter: AgencyFilter, page: PageRequest) =>
    listPage(this.db, ...agencyQuery(filter), page)
  getAgency = (id: string) => getAgency(this.db, id)
  eachAgency = (filter: AgencyFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...agencyQuery(filter), sort)
  listTargets = (filter: TargetFilter, page: PageRequest) =>
    listPage(this.db, ...targetQuery(filter), page)
  getTarget = (id: string) => getTarget(this.db, id)
  eachTarget = (filter: TargetFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...targetQuery(filter), sort)
  listFindings = (filter: FindingFilter, page: PageRequest) =>
    listPage(this.db, ...findingQuery(filter), page)
  getFinding = (id: string) => getFinding(this.db, id)
  search = (query: SearchQuery, page: PageRequest) => search(this.db, query, page)
  eachFinding = (filter: FindingFilter, sort?: SortRequest[]) =>
    listAll(this.db, ...findingQuery(filter), sort)

  private version: { counter: number; tag: string } | null = null

  /**
   * A fingerprint of the data, re-read only after another connection commits (SQLite's
   * data_version counts those), so a re-ingest by another process changes it at once.
   */
  dataVersion(): string {
    const counter = this.db.pragma('data_version', { simple: true }) as number
    if (this.version?.counter !== counter) this.version = { counter, tag: dataFingerprint(this.db) }
    return this.version.tag
  }

  catalogFacts = () => catalogFacts(this.db)

  /** Open, migrated to the schema this program knows, and answering queries. */
  isReady(): boolean {
    try {
      return this.db.open && isMigrated(this.db)
    } catch {
      return false
    }
  }
}
