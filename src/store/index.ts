// The store as the interfaces see it: every read query over one open database. REST and GraphQL
// call these and write no SQL of their own.
import type { Database } from './database.js'
import { isMigrated } from './database.js'
import { getAgency, agencyQuery, agencyRelations, type AgencyFilter } from './agencies.js'
import { getDocument, getDocumentFile, documentQuery, type DocumentFilter } from './documents.js'
import { loadUploadedDocument, removeUploadedDocument } from './uploads.js'
import type { PlanDocument } from '../ingest/types.js'
import type { PageRequest, SortRequest } from './paging.js'
import { catalogFacts, dataFingerprint } from './catalog.js'
import { changeQuery, recentChanges } from './changes.js'
import { diffVersions, listVersions } from './versions.js'
import { planSummaries } from './plan-summaries.js'
import { listAll, listByIds, listPage, pagesByParent, prepared } from './query.js'
import type { Conditions } from './paging.js'
import { search, type SearchQuery } from './search.js'
import { databaseStats } from './stats.js'
import {
  addObservation,
  auditQuery,
  lastWrite,
  isResponsibleForTarget,
  isResponsibleForTask,
  observationQuery,
  observationRelations,
  setTaskStatus,
  statusChangeQuery,
  statusChangeRelations,
  type ObservationInput,
  type TaskStatus,
} from './progress.js'
import { principalOf, type Principal } from './tokens.js'
import { getSection, sectionQuery, sectionRelations, type SectionFilter } from './sections.js'
import { getTask, taskQuery, taskRelations, type TaskFilter } from './tasks.js'
import { getTarget, targetQuery, targetRelations, type TargetFilter } from './targets.js'
import { Writability } from './writability.js'
import { countOf, groupCounts, type CountedList, type GroupRequest } from './facets.js'
import type { ResourceName } from '../resources.js'
import { getFinding, findingQuery, findingRelations, type FindingFilter } from './findings.js'

export type { AgencyRecord } from './agencies.js'
export type { DocumentFile, DocumentRecord } from './documents.js'
export type { SectionRecord } from './sections.js'
export type { TaskAgency, TaskRecord } from './tasks.js'
export type { TargetRecord } from './targets.js'
export type { FindingRecord } from './findings.js'
export type { Page, PageRequest, SortRequest } from './paging.js'
export type { Facet, FacetValue, Group, GroupKey, GroupRequest } from './facets.js'
export { facetsOf } from './facets.js'
export type { SearchHit, SearchPage } from './search.js'
export { SEARCH_WINDOW } from './search.js'
export { InvalidSearchError, MAX_WORDS, searchWords } from './search-words.js'
export type { CatalogFacts } from './catalog.js'
export { InvalidCursorError } from './paging.js'
export { StoreNotWritableError, type WriteFailureKind } from './write-failure.js'
export type { Principal, Role, TokenRecord } from './tokens.js'
export type {
  AuditRecord,
  ObservationInput,
  ObservationRecord,
  StatusChangeRecord,
  TaskStatus,
} from './progress.js'
export { kindOfId, type RecordKind } from './ids.js'
export type { AgencyFilter, DocumentFilter, SectionFilter, TaskFilter, TargetFilter, FindingFilter }

type Parents = readonly string[]

/** Each resource's filter, and the query that reads its list. */
export interface FilterOf {
  documents: DocumentFilter
  sections: SectionFilter
  tasks: TaskFilter
  agencies: AgencyFilter
  targets: TargetFilter
  findings: FindingFilter
}

const QUERIES: {
  [R in ResourceName]: (filter: FilterOf[R]) => [CountedList, Conditions]
} = {
  documents: documentQuery,
  sections: sectionQuery,
  tasks: taskQuery,
  agencies: agencyQuery,
  targets: targetQuery,
  findings: findingQuery,
}

export class Store {
  /** Whether SQLite can write here: failed writes are remembered, the connection is probed. */
  private readonly writability: Writability

  constructor(readonly db: Database) {
    this.writability = new Writability(db)
  }

  listDocuments = (filter: DocumentFilter, page: PageRequest) =>
    listPage(this.db, ...documentQuery(filter), page)
  getDocument = (id: string) => getDocument(this.db, id)
  getDocumentFile = (id: string) => getDocumentFile(this.db, id)
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

  /** The counts of a filtered list grouped by some of its facets (src/resources.ts). */
  groups = <R extends ResourceName>(resource: R, filter: FilterOf[R], request: GroupRequest) => {
    const [spec, conditions] = QUERIES[resource](filter)
    return groupCounts(this.db, spec, conditions, request)
  }

  /** How many records of a resource the filter selects. */
  total = <R extends ResourceName>(resource: R, filter: FilterOf[R]) => {
    const [spec, conditions] = QUERIES[resource](filter)
    return countOf(this.db, spec, conditions)
  }

  // Batched reads for GraphQL: the records of many ids, and one page of a linked list for each
  // of many parents, each in a constant number of statements.
  documentsByIds = (ids: Parents) => listByIds(this.db, documentQuery({})[0], ids)
  sectionsByIds = (ids: Parents) => listByIds(this.db, sectionQuery({})[0], ids)
  tasksByIds = (ids: Parents) => listByIds(this.db, taskQuery({})[0], ids)
  agenciesByIds = (ids: Parents) => listByIds(this.db, agencyQuery({})[0], ids)
  targetsByIds = (ids: Parents) => listByIds(this.db, targetQuery({})[0], ids)
  findingsByIds = (ids: Parents) => listByIds(this.db, findingQuery({})[0], ids)

  sectionsOf = (
    relation: keyof typeof sectionRelations,
    parents: Parents,
    filter: SectionFilter,
    page: PageRequest,
  ) => pagesByParent(this.db, ...sectionQuery(filter), sectionRelations[relation], parents, page)
  tasksOf = (
    relation: keyof typeof taskRelations,
    parents: Parents,
    filter: TaskFilter,
    page: PageRequest,
  ) => pagesByParent(this.db, ...taskQuery(filter), taskRelations[relation], parents, page)
  agenciesOf = (
    relation: keyof typeof agencyRelations,
    parents: Parents,
    filter: AgencyFilter,
    page: PageRequest,
  ) => pagesByParent(this.db, ...agencyQuery(filter), agencyRelations[relation], parents, page)
  targetsOf = (
    relation: keyof typeof targetRelations,
    parents: Parents,
    filter: TargetFilter,
    page: PageRequest,
  ) => pagesByParent(this.db, ...targetQuery(filter), targetRelations[relation], parents, page)
  findingsOf = (
    relation: keyof typeof findingRelations,
    parents: Parents,
    filter: FindingFilter,
    page: PageRequest,
  ) => pagesByParent(this.db, ...findingQuery(filter), findingRelations[relation], parents, page)

  // Progress: tokens, and the writes agencies report.
  principalOf = (secret: string) => principalOf(this.db, secret)
  isResponsibleForTask = (agencyId: string, taskId: string) =>
    isResponsibleForTask(this.db, agencyId, taskId)
  isResponsibleForTarget = (agencyId: string, targetId: string) =>
    isResponsibleForTarget(this.db, agencyId, targetId)
  addObservation = (principal: Principal, targetId: string, input: ObservationInput, now?: Date) =>
    this.counted(() => addObservation(this.db, principal, targetId, input, now))
  setTaskStatus = (
    principal: Principal,
    taskId: string,
    change: { status: TaskStatus; note?: string | null | undefined },
    check: () => void,
    now?: Date,
  ) => this.counted(() => setTaskStatus(this.db, principal, taskId, change, check, now))
  getObservation = (id: string) => listByIds(this.db, observationQuery({})[0], [id])[0] ?? null
  listObservations = (targetId: string, page: PageRequest) =>
    listPage(this.db, ...observationQuery({ target: targetId }), page)
  eachObservation = (targetId: string) =>
    listAll(this.db, ...observationQuery({ target: targetId }))
  listStatusChanges = (taskId: string, page: PageRequest) =>
    listPage(this.db, ...statusChangeQuery({ task: taskId }), page)
  eachStatusChange = (taskId: string) => listAll(this.db, ...statusChangeQuery({ task: taskId }))
  listAudit = (page: PageRequest) => listPage(this.db, ...auditQuery(), page)

  // The versions of documents (migration 0011).
  listVersions = (documentId: string) => listVersions(this.db, documentId)
  diffVersions = (documentId: string, from: number, to: number) =>
    diffVersions(this.db, documentId, from, to)

  // The change feed (migration 0010).
  /**
   * A page of the feed and the seq of its latest change, read in one transaction: a change
   * committed between the two reads would otherwise be behind `latest` and never on a page.
   */
  listChanges = (
    filter: { since?: number | undefined; document?: string | undefined },
    page: PageRequest,
  ) =>
    this.db.transaction(() => ({
      page: listPage(this.db, ...changeQuery(filter), page),
      latest: this.latestChange(),
    }))()
  /** The seq of the latest change, 0 before any. */
  latestChange = () =>
    (prepared(this.db, 'SELECT coalesce(max(seq), 0) AS seq FROM changes').get() as { seq: number })
      .seq
  /** The latest `limit` changes, newest first. */
  recentChanges = (limit: number) => recentChanges(this.db, limit)
  observationsOf = (parents: Parents, page: PageRequest) =>
    pagesByParent(this.db, ...observationQuery({}), observationRelations.target, parents, page)
  statusChangesOf = (parents: Parents, page: PageRequest) =>
    pagesByParent(this.db, ...statusChangeQuery({}), statusChangeRelations.task, parents, page)

  /** Progress writes through this connection, which SQLite's data_version does not count. */
  private writes = 0

  /** Counts a write; one SQLite cannot take is thrown as a StoreNotWritableError. */
  private counted<T>(write: () => T): T {
    try {
      return this.writability.guard(write)
    } finally {
      this.writes += 1
    }
  }

  private version: { counter: number; writes: number; tag: string; lastWrite: number } | null = null

  /** The version as read in this turn of the event loop, with this Store's writes then. */
  private versionThisTurn: { text: string; writes: number } | null = null

  /**
   * A fingerprint of the data: of the documents, and of the progress written (the audit log's
   * last line). Both are read again only when something may have changed: another connection
   * committed (SQLite's data_version counts those, so a re-ingest or a write by another process
   * shows) or this one wrote progress.
   *
   * Asking SQLite costs a pragma with two file locks and an fstat (about 5 µs, a fifth of a
   * cached read), so it is asked once per turn of the event loop. That loses no commit a client
   * can know of: every request handled in a turn was received before the turn began, so a commit
   * after the first ask cannot have been answered to a client before it sent one of them.
   * Writes through this Store show at once all the same.
   */
  dataVersion(): string {
    const memo = this.versionThisTurn
    if (memo !== null && memo.writes === this.writes) return memo.text
    const counter = (prepared(this.db, 'PRAGMA data_version').get() as { data_version: number })
      .data_version
    const known = this.version
    if (known?.counter !== counter || known.writes !== this.writes) {
      this.version = {
        counter,
        writes: this.writes,
        tag: known?.counter === counter ? known.tag : dataFingerprint(this.db),
        lastWrite: lastWrite(this.db),
      }
    }
    const text = `${this.version!.tag}.${this.version!.lastWrite}`
    if (memo === null) setImmediate(() => (this.versionThisTurn = null))
    this.versionThisTurn = { text, writes: this.writes }
    return text
  }

  /** Loads a parsed plan file for an administrator, replacing the document of its number. */
  loadDocument = (principal: Principal, plan: PlanDocument) =>
    this.counted(() => loadUploadedDocument(this.db, principal, plan))
  /** Removes a document for an administrator; false when no document has the id. */
  removeDocument = (principal: Principal, id: string) =>
    this.counted(() => removeUploadedDocument(this.db, principal, id))

  catalogFacts = () => catalogFacts(this.db)
  planSummaries = (limit: number) => planSummaries(this.db, limit)
  stats = () => databaseStats(this.db)

  /** Opened read-only: a replica that follows a primary. */
  isReadOnly = () => this.db.readonly

  /**
   * Why a store not read-only by configuration cannot take a write now (its file is read-only,
   * its disk full…), or null. Cheap: the connection is asked at most once a second.
   */
  reasonNotWritable = () => (this.isReadOnly() ? null : this.writability.reasonNotWritable())

  /** Open, migrated to the schema this program knows, and answering queries. */
  isReady(): boolean {
    try {
      return this.db.open && isMigrated(this.db)
    } catch {
      return false
    }
  }
}
