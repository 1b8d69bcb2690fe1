// The store as the interfaces see it: every read query over one open database. REST and GraphQL
// call these and write no SQL of their own.
import { createHash } from 'node:crypto'
import type { Database } from './database.js'
import { isMigrated } from './database.js'
import { getAgency, agencyQuery, type AgencyFilter } from './agencies.js'
import { getDocument, documentQuery, type DocumentFilter } from './documents.js'
import type { PageRequest, SortRequest } from './paging.js'
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
export { InvalidCursorError } from './paging.js'

const RESOURCE_TABLES = [
  'documents',
  'sections',
  'tasks',
  'agencies',
  'targets',
  'findings',
] as const

export interface CatalogFacts {
  issuers: string[]
  jurisdictions: string[]
  /** ISO dates of the earliest and latest 印发日期. */
  firstIssued: string | null
  lastIssued: string | null
  counts: Record<(typeof RESOURCE_TABLES)[number], number>
}

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
   * A fingerprint of the data: which texts are loaded, by which parser. It changes when a plan is
   * (re)ingested, also by another process: SQLite's data_version counts other connections'
   * commits, so the documents are only read again after one.
   */
  dataVersion(): string {
    const counter = this.db.pragma('data_version', { simple: true }) as number
    if (this.version?.counter !== counter) {
      const rows = this.db
        .prepare('SELECT id, source_sha256, parser_version FROM documents ORDER BY id')
        .raw()
        .all()
      const tag = createHash('sha256').update(JSON.stringify(rows)).digest('base64url').slice(0, 27)
      this.version = { counter, tag }
    }
    return this.version.tag
  }

  /** What the data portal's metadata says of the data: who issued it, where, when, how much. */
  catalogFacts(): CatalogFacts {
    const documents = this.db
      .prepare('SELECT issuer, jurisdiction, issued_on FROM documents ORDER BY issued_on, id')
      .all() as { issuer: string; jurisdiction: string; issued_on: string | null }[]
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const dates = documents.flatMap((d) => (d.issued_on ? [d.issued_on] : []))
    return {
      issuers: [...new Set(documents.map((d) => d.issuer))],
      jurisdictions: [...new Set(documents.map((d) => d.jurisdiction))],
      firstIssued: dates[0] ?? null,
      lastIssued: dates[dates.length - 1] ?? null,
      counts: Object.fromEntries(
        RESOURCE_TABLES.map((t) => [t, count(t)]),
      ) as CatalogFacts['counts'],
    }
  }

  /** Open, migrated to the schema this program knows, and answering queries. */
  isReady(): boolean {
    try {
      return this.db.open && isMigrated(this.db)
    } catch {
      return false
    }
  }
}
