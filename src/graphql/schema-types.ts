// Generated from schema.graphql by `npm run codegen`; do not edit.
import type { GraphQLResolveInfo } from 'graphql'
import type {
  DocumentRecord,
  SectionRecord,
  TaskRecord,
  TaskAgency as TaskAgencyRecord,
  AgencyRecord,
  TargetRecord,
  FindingRecord,
  SearchHit as SearchHitRecord,
  ObservationRecord,
  StatusChangeRecord,
} from '../store/index.js'
import type { Aggregate } from './aggregates.js'
import type { MercuriusContext } from 'mercurius'
export type Maybe<T> = T | null
export type InputMaybe<T> = Maybe<T>
export type Exact<T extends { [key: string]: unknown }> = {
  [K in keyof T]: T[K]
}
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & {
  [SubKey in K]?: Maybe<T[SubKey]>
}
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & {
  [SubKey in K]: Maybe<T[SubKey]>
}
export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>
export type RequireFields<T, K extends keyof T> = Omit<T, K> & {
  [P in K]-?: NonNullable<T[P]>
}
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: string
  String: string
  Boolean: boolean
  Int: number
  Float: number
  _FieldSet: any
}

/** A government document: the notice and the plan it issues. */
export type Document = Node & {
  __typename?: 'Document'
  /** Stable id, derived from the document number (or, without one, its issuer, title and date). */
  id: Scalars['ID']
  /** 发文字号, e.g. 某政办〔2024〕5号; null when neither the text nor supplied metadata gives one. */
  number: Maybe<Scalars['String']>
  /** The 发文字号 in its parts; null with it. */
  numberParts: Maybe<NumberParts>
  /** 发文机关; null when nothing names it. */
  issuer: Maybe<Scalars['String']>
  /** The government the issuer belongs to, e.g. 巩义市, 郑州市金水区, 全国; null when the text does not say. */
  jurisdiction: Maybe<Scalars['String']>
  /** The level of that government. */
  jurisdictionLevel: Maybe<JurisdictionLevel>
  /** The notice's title, or the plan's own where there is no notice. */
  title: Maybe<Scalars['String']>
  /** The title of the plan the notice issues. */
  planTitle: Maybe<Scalars['String']>
  /** 主送机关, each separately. */
  recipients: Array<Scalars['String']>
  /** 印发日期, else the signature's date, else a metadata line's, as an ISO date. */
  issuedOn: Maybe<Scalars['String']>
  /** 印发机关. */
  printedBy: Maybe<Scalars['String']>
  /** 主办. */
  sponsor: Maybe<Scalars['String']>
  /** 抄送机关, each separately. */
  cc: Array<Scalars['String']>
  /** 附件说明. */
  attachments: Array<Attachment>
  /** The documents this one cites, in order of first citation. */
  citations: Array<Citation>
  /** Ids of the documents that cite this one. */
  citedBy: Array<Scalars['ID']>
  /** The plan text this was ingested from. */
  source: DocumentSource
  /** The fields taken from metadata supplied with the text rather than from the text. */
  suppliedFields: Array<SuppliedField>
  /** The plan's parts, chapters and items in document order. */
  sections: SectionConnection
  /** The rows of its task list, in order. */
  tasks: TaskConnection
  /** The agencies it names, by name. */
  agencies: AgencyConnection
  /** The targets found in its text, in order of appearance. */
  targets: TargetConnection
  /** What a careful reader would flag in it. */
  findings: FindingConnection
}

/** A government document: the notice and the plan it issues. */
export type DocumentsectionsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<SectionFilter>
}

/** A government document: the notice and the plan it issues. */
export type DocumenttasksArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TaskFilter>
}

/** A government document: the notice and the plan it issues. */
export type DocumentagenciesArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<AgencyFilter>
}

/** A government document: the notice and the plan it issues. */
export type DocumenttargetsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TargetFilter>
}

/** A government document: the notice and the plan it issues. */
export type DocumentfindingsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<FindingFilter>
}

/** The parts of a 发文字号: 某政办〔2024〕5号 is agency code 某政办, year 2024, serial 5. */
export type NumberParts = {
  __typename?: 'NumberParts'
  /** 机关代字. */
  agencyCode: Scalars['String']
  /** The year in 〔〕. */
  year: Scalars['Int']
  /** The serial number (序号). */
  serial: Scalars['Int']
}

/** An attachment named in the 附件说明. */
export type Attachment = {
  __typename?: 'Attachment'
  /** The attachment's title. */
  title: Scalars['String']
}

/** A document cited as 《title》, with its 发文字号 where the text gives one. */
export type Citation = {
  __typename?: 'Citation'
  /** The cited document's title. */
  title: Scalars['String']
  /** The cited document's number, or null. */
  number: Maybe<Scalars['String']>
  /** The line of the source text where it is first cited. */
  line: Scalars['Int']
  /** The cited document, where it is loaded too: by 发文字号, or by title when the citation gives none. */
  documentId: Maybe<Scalars['ID']>
}

/** Where a document came from: the file as loaded, its text at /v1/documents/{id}/source. */
export type DocumentSource = {
  __typename?: 'DocumentSource'
  /** The file name as loaded. */
  file: Scalars['String']
  /** The sha256 of the file's bytes. */
  sha256: Scalars['String']
  /** Where it was published, when supplied. */
  url: Maybe<Scalars['String']>
  /** What the file was; null for a document loaded before files were kept. */
  format: Maybe<SourceFormat>
  /** The media type /v1/documents/{id}/original serves the file with. */
  mediaType: Maybe<Scalars['String']>
}

/** The form a plan file was published in. */
export type SourceFormat =
  /** A plain text. */
  | 'text'
  /** A saved web page. */
  | 'html'
  /** A PDF with a text layer. */
  | 'pdf'
  /** A Word document. */
  | 'docx'

/** The level of a government. */
export type JurisdictionLevel =
  /** 国务院 and its ministries. */
  | 'national'
  /** Provinces, autonomous regions and municipalities. */
  | 'provincial'
  /** Prefecture-level cities, autonomous prefectures, 地区 and 盟. */
  | 'city'
  /** Counties, county-level cities and districts (区). */
  | 'county'

/** A field of a document that can be supplied beside its text. */
export type SuppliedField = 'number' | 'issuer' | 'issuedOn' | 'sourceUrl'

/** The level of a section in the outline. */
export type SectionKind =
  /** 一、 */
  | 'part'
  /** （一） */
  | 'chapter'
  /** 1., numbered through the whole document */
  | 'item'

/** A part, chapter or action item of the plan's body. */
export type Section = Node & {
  __typename?: 'Section'
  /** Stable id, derived from the document and the section's position. */
  id: Scalars['ID']
  /** The document it belongs to. */
  documentId: Scalars['ID']
  /** part, chapter or item. */
  kind: SectionKind
  /** The label as printed: 二、, （一）, 5. */
  label: Scalars['String']
  /** The number as printed. */
  number: Scalars['Int']
  /** The heading; for an item, its first sentence. */
  heading: Scalars['String']
  /** The section's own text, repaired. */
  text: Scalars['String']
  /** The enclosing section, or null for a part. */
  parentId: Maybe<Scalars['ID']>
  /** The lines of the source text it spans. */
  source: LineRange
  /** The document it belongs to. */
  document: Document
  /** The enclosing section, or null for a part. */
  parent: Maybe<Section>
  /** The sections directly under it, in order. */
  children: SectionConnection
  /** Tasks that restate it or an item under it, in task list order. */
  tasks: TaskConnection
  /** Targets stated in it or in a section under it, in order of appearance. */
  targets: TargetConnection
}

/** A part, chapter or action item of the plan's body. */
export type SectionchildrenArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A part, chapter or action item of the plan's body. */
export type SectiontasksArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A part, chapter or action item of the plan's body. */
export type SectiontargetsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A span of lines in the source text, 1-based and inclusive. */
export type LineRange = {
  __typename?: 'LineRange'
  /** The first line. */
  startLine: Scalars['Int']
  /** The last line. */
  endLine: Scalars['Int']
  /** The PDF page of the first line; null for other formats. */
  page: Maybe<Scalars['Int']>
}

/** How far a task has come, as its responsible agencies report it. */
export type TaskStatus =
  /** Not begun, or not reported yet. */
  | 'not_started'
  /** Under way. */
  | 'in_progress'
  /** Finished. */
  | 'done'
  /** Under way, but the deadline or the outcome is in danger. */
  | 'at_risk'

/** A row of a task table (工作任务清单), or a clause of the body that names its responsible units. */
export type Task = Node & {
  __typename?: 'Task'
  /** Stable id, derived from the document and the task's position. */
  id: Scalars['ID']
  /** The document it belongs to. */
  documentId: Scalars['ID']
  /** 序号 as printed for a table row; a body task's place among the body's tasks. */
  number: Scalars['Int']
  /** The task's text. */
  text: Scalars['String']
  /** Responsible units (责任单位) in the order written, each with its role. */
  agencies: Array<TaskAgency>
  /** The id of the section of the body that states it; null for a table row. */
  sectionId: Maybe<Scalars['ID']>
  /** The section of the body that states it; null for a table row. */
  section: Maybe<Section>
  /** From a 完成时限 or a deadline in the clause; null when none. */
  due: Maybe<Due>
  /** The action items (sections of kind item) the task restates; REST gives their ids. */
  items: Array<Section>
  /** As the responsible agencies last reported it; not_started until they report. */
  status: TaskStatus
  /** The ETag of the task as it is now: setTaskStatus takes it as ifMatch. */
  etag: Scalars['String']
  /** The line of the source text. */
  source: LineRef
  /** The document it belongs to. */
  document: Document
  /** The targets it restates, in order of appearance. */
  targets: TargetConnection
  /** Its status changes, newest first. */
  statusHistory: StatusChangeConnection
}

/** A row of a task table (工作任务清单), or a clause of the body that names its responsible units. */
export type TasktargetsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A row of a task table (工作任务清单), or a clause of the body that names its responsible units. */
export type TaskstatusHistoryArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A responsible unit of a task: the agency and the name the row used for it. */
export type TaskAgency = {
  __typename?: 'TaskAgency'
  /** The agency's id. */
  id: Scalars['ID']
  /** The agency's canonical name. */
  name: Scalars['String']
  /** The name as the task writes it, without role words. */
  asWritten: Scalars['String']
  /** lead (牵头), support (配合, 参与, 支撑), or responsible where the text makes no distinction. */
  role: UnitRole
  /** The agency itself. */
  agency: Agency
}

/** A unit's part in a task. */
export type UnitRole = 'lead' | 'support' | 'responsible'

/** A task's deadline. */
export type Due = {
  __typename?: 'Due'
  /** As written: 2024年底前, 长期坚持. */
  text: Scalars['String']
  /** The last day it allows, as an ISO date; null when it is no calendar date. */
  date: Maybe<Scalars['String']>
}

/** One line of the source text. */
export type LineRef = {
  __typename?: 'LineRef'
  /** The line, 1-based. */
  line: Scalars['Int']
  /** The PDF page the line stands on; null for other formats. */
  page: Maybe<Scalars['Int']>
}

/** Whether an agency is one body or stands for many. */
export type AgencyKind =
  /** One government body. */
  | 'agency'
  /** Many bodies: 各乡镇（街道、管委会）, 各相关部门. */
  | 'collective'

/** A government body named by a plan, once per jurisdiction. */
export type Agency = Node & {
  __typename?: 'Agency'
  /** Stable id, derived from the jurisdiction and the canonical name. */
  id: Scalars['ID']
  /** The government it belongs to. */
  jurisdiction: Maybe<Scalars['String']>
  /** The canonical full name. */
  name: Scalars['String']
  /** Every other name it appears under. */
  aliases: Array<Scalars['String']>
  /** agency or collective. */
  kind: AgencyKind
  /** Duties from the agency table, or null. */
  duties: Maybe<Scalars['String']>
  /** 牵头领导 from the agency table, or null. */
  lead: Maybe<Scalars['String']>
  /** 联系电话 from the agency table, or null. */
  phone: Maybe<Scalars['String']>
  /** The number of tasks it is responsible for. */
  taskCount: Scalars['Int']
  /** Tasks it is a responsible unit of, in task list order. */
  tasks: TaskConnection
  /** Targets of the tasks it is responsible for, in order of appearance. */
  targets: TargetConnection
}

/** A government body named by a plan, once per jurisdiction. */
export type AgencytasksArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TaskFilter>
}

/** A government body named by a plan, once per jurisdiction. */
export type AgencytargetsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TargetFilter>
}

/** How a target's value is compared: 达到/不低于/以上 gte, 突破/超过 gt, 不超过/以内 lte, 低于 lt, 1—2 range, 左右 approx, a bare count eq. */
export type Comparator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'range' | 'approx'

/** perYear for 每年… and 年培训…, annualGrowth for 年均增长…, growthOver for growth over a base year (较2023年增长30%), else total. */
export type Basis = 'total' | 'perYear' | 'annualGrowth' | 'growthOver'

/** Where a deadline year was read. */
export type DeadlineFrom =
  /** The target's own sentence: 到2025年，… */
  | 'clause'
  /** A year opening its paragraph, which governs sentences that name none. */
  | 'paragraph'
  /** The plan period of the title or a heading, for targets of a goals section. */
  | 'title'

/** A quantitative commitment found in the text, such as a scale to reach by a deadline year. */
export type Target = Node & {
  __typename?: 'Target'
  /** Stable id, derived from the document and what the target measures. */
  id: Scalars['ID']
  /** The document it belongs to. */
  documentId: Scalars['ID']
  /** The section it stands in; null in the preamble or when only the task list states it. */
  sectionId: Maybe<Scalars['ID']>
  /** Ids of the tasks that restate it. */
  taskIds: Array<Scalars['ID']>
  /** Ids of targets of higher levels' plans over this plan's place with the same indicator and unit: those this target restates or refines. */
  restates: Array<Scalars['ID']>
  /** Ids of targets of lower levels' plans within this plan's place that restate or refine it. */
  restatedBy: Array<Scalars['ID']>
  /** What is measured, as the text names it. */
  indicator: Scalars['String']
  /** How the value is compared. */
  comparator: Comparator
  /** The value with multipliers expanded (2万人 is 20000); null for a relative target. */
  value: Maybe<Scalars['Float']>
  /** The upper bound of a range, else null. */
  valueMax: Maybe<Scalars['Float']>
  /** The unit as written: 人, 人次, 所, %, 元, PFlops. */
  unit: Maybe<Scalars['String']>
  /** The year its sentence sets (到2025年), else its paragraph's, else the plan period's; null when none. */
  deadlineYear: Maybe<Scalars['Int']>
  /** Where deadlineYear was read; null with it. */
  deadlineFrom: Maybe<DeadlineFrom>
  /** Whether the value is a total, per year, an annual growth rate or growth over a base year. */
  basis: Basis
  /** The base year of growthOver, else null. */
  baseYear: Maybe<Scalars['Int']>
  /** The measure a relative target is stated against (在校生数), else null. */
  relativeTo: Maybe<Scalars['String']>
  /** The clause it comes from, verbatim after repair. */
  quote: Scalars['String']
  /** No longer stated by the current text of its document; kept for its observations. */
  withdrawn: Scalars['Boolean']
  /** From the latest observation the agencies reported; null before the first. */
  progress: Maybe<Progress>
  /** The line of its number in the source text. */
  source: LineRef
  /** The document it belongs to. */
  document: Document
  /** The section it stands in; null in the preamble or when only the task list states it. */
  section: Maybe<Section>
  /** The tasks that restate it, in task list order. */
  tasks: TaskConnection
  /** The values the agencies reported, newest first by the date they hold for. */
  observations: ObservationConnection
}

/** A quantitative commitment found in the text, such as a scale to reach by a deadline year. */
export type TargettasksArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** A quantitative commitment found in the text, such as a scale to reach by a deadline year. */
export type TargetobservationsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** How much a reader should care about a finding. */
export type Severity = 'info' | 'warning' | 'error'

/** The lines of the source text a finding concerns. */
export type FindingSource = {
  __typename?: 'FindingSource'
  /** The line to look at first. */
  line: Scalars['Int']
  /** Every line the finding concerns. */
  lines: Array<Scalars['Int']>
  /** The PDF page of line; null for other formats. */
  page: Maybe<Scalars['Int']>
}

/** A data-quality finding: what a careful reader would flag in the text. Reported, never corrected. */
export type Finding = Node & {
  __typename?: 'Finding'
  /** Stable id, derived from the document and what the finding says. */
  id: Scalars['ID']
  /** The document it belongs to. */
  documentId: Scalars['ID']
  /** How much it matters. */
  severity: Severity
  /** Machine-readable kind, e.g. duplicate-row, shared-phone, list-differs, target-differs. */
  code: Scalars['String']
  /** What a reader should know, naming the lines. */
  message: Scalars['String']
  /** Where to look. */
  source: FindingSource
  /** The document it belongs to. */
  document: Document
}

/** Anything with a globally unique, stable id. node(id) fetches any of them again. */
export type Node = {
  /** Globally unique and stable across re-ingesting the same text; its prefix names the type. */
  id: Scalars['ID']
}

/** Where a page of a connection stands. */
export type PageInfo = {
  __typename?: 'PageInfo'
  /** Whether another page follows: ask again with after set to endCursor. */
  hasNextPage: Scalars['Boolean']
  /** Whether this page starts after a cursor, so that nodes come before it. */
  hasPreviousPage: Scalars['Boolean']
  /** The cursor of the first node, or null on an empty page. */
  startCursor: Maybe<Scalars['String']>
  /** The cursor of the last node, or null on an empty page. */
  endCursor: Maybe<Scalars['String']>
}

/** A page of documents, with the total that match. */
export type DocumentConnection = {
  __typename?: 'DocumentConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The documents of this page. */
  nodes: Array<Document>
  /** The documents of this page, each with its cursor. */
  edges: Array<DocumentEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of documents, with the cursor to continue after it. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The document. */
  node: Document
}

/** A page of sections, with the total that match. */
export type SectionConnection = {
  __typename?: 'SectionConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The sections of this page. */
  nodes: Array<Section>
  /** The sections of this page, each with its cursor. */
  edges: Array<SectionEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of sections, with the cursor to continue after it. */
export type SectionEdge = {
  __typename?: 'SectionEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The section. */
  node: Section
}

/** A page of tasks, with the total that match. */
export type TaskConnection = {
  __typename?: 'TaskConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The tasks of this page. */
  nodes: Array<Task>
  /** The tasks of this page, each with its cursor. */
  edges: Array<TaskEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of tasks, with the cursor to continue after it. */
export type TaskEdge = {
  __typename?: 'TaskEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The task. */
  node: Task
}

/** A page of agencies, with the total that match. */
export type AgencyConnection = {
  __typename?: 'AgencyConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The agencies of this page. */
  nodes: Array<Agency>
  /** The agencies of this page, each with its cursor. */
  edges: Array<AgencyEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of agencies, with the cursor to continue after it. */
export type AgencyEdge = {
  __typename?: 'AgencyEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The agency. */
  node: Agency
}

/** A page of targets, with the total that match. */
export type TargetConnection = {
  __typename?: 'TargetConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The targets of this page. */
  nodes: Array<Target>
  /** The targets of this page, each with its cursor. */
  edges: Array<TargetEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of targets, with the cursor to continue after it. */
export type TargetEdge = {
  __typename?: 'TargetEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The target. */
  node: Target
}

/** A page of findings, with the total that match. */
export type FindingConnection = {
  __typename?: 'FindingConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The findings of this page. */
  nodes: Array<Finding>
  /** The findings of this page, each with its cursor. */
  edges: Array<FindingEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of findings, with the cursor to continue after it. */
export type FindingEdge = {
  __typename?: 'FindingEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The finding. */
  node: Finding
}

/** A page of search hits, with the total that match. */
export type SearchHitConnection = {
  __typename?: 'SearchHitConnection'
  /** How many match, on every page together: exact up to the 1000 ranked, then 1000 (see totalCountIsLowerBound). */
  totalCount: Scalars['Int']
  /** Whether more than the 1000 most recently loaded records that match, which are ranked and paged, contain the text; narrow with type or document, or page through every matching task with tasks(filter: {search}). */
  totalCountIsLowerBound: Scalars['Boolean']
  /** The search hits of this page. */
  nodes: Array<SearchHit>
  /** The search hits of this page, each with its cursor. */
  edges: Array<SearchHitEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of search hits, with the cursor to continue after it. */
export type SearchHitEdge = {
  __typename?: 'SearchHitEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The hit. */
  node: SearchHit
}

/** Narrows documents; the names of the REST query parameters of /v1/documents. */
export type DocumentFilter = {
  /** 发文字号, exactly. */
  number?: InputMaybe<Scalars['String']>
}

/** Narrows sections; the names of the REST query parameters of /v1/sections. */
export type SectionFilter = {
  /** A document id or 发文字号. */
  document?: InputMaybe<Scalars['String']>
  /** part, chapter or item. */
  kind?: InputMaybe<SectionKind>
  /** The number as printed. */
  number?: InputMaybe<Scalars['Int']>
  /** The enclosing section's id. */
  parent?: InputMaybe<Scalars['ID']>
}

/** Narrows tasks; the names of the REST query parameters of /v1/tasks. */
export type TaskFilter = {
  /** A document id or 发文字号. */
  document?: InputMaybe<Scalars['String']>
  /** A responsible unit: agency id, canonical name or any name it appears under. */
  agency?: InputMaybe<Scalars['String']>
  /** An action item the task restates: its section id or its number. */
  item?: InputMaybe<Scalars['String']>
  /** Text the task contains, from one character; words separated by spaces are each required. */
  search?: InputMaybe<Scalars['String']>
  /** The REST name of search; give one of the two. */
  q?: InputMaybe<Scalars['String']>
  /** As the responsible agencies last reported it; not_started for the tasks never reported. */
  status?: InputMaybe<TaskStatus>
}

/** Narrows agencies; the names of the REST query parameters of /v1/agencies. */
export type AgencyFilter = {
  /** Agency id, canonical name or any name it appears under, in every jurisdiction. */
  name?: InputMaybe<Scalars['String']>
  /** agency or collective. */
  kind?: InputMaybe<AgencyKind>
  /** Agencies a document names: its id or 发文字号. */
  document?: InputMaybe<Scalars['String']>
}

/** Narrows targets; the names of the REST query parameters of /v1/targets. */
export type TargetFilter = {
  /** A document id or 发文字号. */
  document?: InputMaybe<Scalars['String']>
  /** The deadline year the text sets. */
  year?: InputMaybe<Scalars['Int']>
  /** The unit as written: 人, %, 所. */
  unit?: InputMaybe<Scalars['String']>
  /** A section id: targets in it or in any section under it. */
  section?: InputMaybe<Scalars['ID']>
  /** An agency id, canonical name or alias: targets of the tasks it is responsible for. */
  agency?: InputMaybe<Scalars['String']>
  /** true: the targets the current text no longer states. */
  withdrawn?: InputMaybe<Scalars['Boolean']>
  /** progress.onTrack as served: true or false as the latest observation judges it. Targets with no observation, or none that can be judged (onTrack null), match neither. */
  onTrack?: InputMaybe<Scalars['Boolean']>
}

/** Narrows findings; the names of the REST query parameters of /v1/findings. */
export type FindingFilter = {
  /** A document id or 发文字号. */
  document?: InputMaybe<Scalars['String']>
  /** info, warning or error. */
  severity?: InputMaybe<Severity>
  /** The finding's code, e.g. duplicate-row. */
  code?: InputMaybe<Scalars['String']>
}

/** Which way a field orders a list. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC'

/** The fields documents sort by: those of the REST sort parameter of /v1/documents. */
export type DocumentOrderField =
  /** 印发日期; documents without one last. */
  | 'ISSUED_ON'
  /** 发文字号. */
  | 'NUMBER'

/** One field to order documents by. */
export type DocumentOrder = {
  /** The field. */
  field: DocumentOrderField
  /** ASC unless given. */
  direction?: InputMaybe<OrderDirection>
}

/** The fields tasks sort by: those of the REST sort parameter of /v1/tasks. */
export type TaskOrderField =
  /** The number in the task list. */
  'NUMBER'

/** One field to order tasks by. */
export type TaskOrder = {
  /** The field. */
  field: TaskOrderField
  /** ASC unless given. */
  direction?: InputMaybe<OrderDirection>
}

/** The fields agencies sort by: those of the REST sort parameter of /v1/agencies. */
export type AgencyOrderField =
  /** The canonical name. */
  | 'NAME'
  /** How many tasks name it. */
  | 'TASK_COUNT'

/** One field to order agencies by. */
export type AgencyOrder = {
  /** The field. */
  field: AgencyOrderField
  /** ASC unless given. */
  direction?: InputMaybe<OrderDirection>
}

/** The fields targets sort by: those of the REST sort parameter of /v1/targets. */
export type TargetOrderField =
  /** The deadline year; targets without one last. */
  | 'DEADLINE_YEAR'
  /** The value; targets without one first. */
  | 'VALUE'

/** One field to order targets by. */
export type TargetOrder = {
  /** The field. */
  field: TargetOrderField
  /** ASC unless given. */
  direction?: InputMaybe<OrderDirection>
}

/** The fields findings sort by: those of the REST sort parameter of /v1/findings. */
export type FindingOrderField =
  /** error first, then warning, then info. */
  'SEVERITY'

/** One field to order findings by. */
export type FindingOrder = {
  /** The field. */
  field: FindingOrderField
  /** ASC unless given. */
  direction?: InputMaybe<OrderDirection>
}

/** The fields documents are counted by: those of the REST parameters facet and by of /v1/documents. */
export type DocumentFacetField =
  /** The level of government. */
  | 'JURISDICTION_LEVEL'
  /** 发文机关. */
  | 'ISSUER'
  /** The year of 印发日期. */
  | 'YEAR'

/** Counts of the documents that match a filter. */
export type DocumentAggregate = {
  __typename?: 'DocumentAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/documents/counts. */
  counts: Array<CountRow>
}

/** Counts of the documents that match a filter. */
export type DocumentAggregatefacetsArgs = {
  fields: Array<DocumentFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the documents that match a filter. */
export type DocumentAggregatecountsArgs = {
  by: Array<DocumentFacetField>
}

/** The fields sections are counted by: those of the REST parameters facet and by of /v1/sections. */
export type SectionFacetField =
  /** The document, by id; labelled with its title. */
  | 'DOCUMENT'
  /** part, chapter or item. */
  | 'KIND'

/** Counts of the sections that match a filter. */
export type SectionAggregate = {
  __typename?: 'SectionAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/sections/counts. */
  counts: Array<CountRow>
}

/** Counts of the sections that match a filter. */
export type SectionAggregatefacetsArgs = {
  fields: Array<SectionFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the sections that match a filter. */
export type SectionAggregatecountsArgs = {
  by: Array<SectionFacetField>
}

/** The fields tasks are counted by: those of the REST parameters facet and by of /v1/tasks. */
export type TaskFacetField =
  /** The document, by id; labelled with its title. */
  | 'DOCUMENT'
  /** A responsible agency, by id; labelled with its name. A record with several counts under each. */
  | 'AGENCY'
  /** The status as last reported. */
  | 'STATUS'
  /** An action item the task restates, by section id; labelled with its number and heading. */
  | 'ITEM'

/** Counts of the tasks that match a filter. */
export type TaskAggregate = {
  __typename?: 'TaskAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/tasks/counts. */
  counts: Array<CountRow>
}

/** Counts of the tasks that match a filter. */
export type TaskAggregatefacetsArgs = {
  fields: Array<TaskFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the tasks that match a filter. */
export type TaskAggregatecountsArgs = {
  by: Array<TaskFacetField>
}

/** The fields agencies are counted by: those of the REST parameters facet and by of /v1/agencies. */
export type AgencyFacetField =
  /** agency or collective. */
  | 'KIND'
  /** The government it belongs to. */
  | 'JURISDICTION'
  /** The document, by id; labelled with its title. */
  | 'DOCUMENT'

/** Counts of the agencies that match a filter. */
export type AgencyAggregate = {
  __typename?: 'AgencyAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/agencies/counts. */
  counts: Array<CountRow>
}

/** Counts of the agencies that match a filter. */
export type AgencyAggregatefacetsArgs = {
  fields: Array<AgencyFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the agencies that match a filter. */
export type AgencyAggregatecountsArgs = {
  by: Array<AgencyFacetField>
}

/** The fields targets are counted by: those of the REST parameters facet and by of /v1/targets. */
export type TargetFacetField =
  /** The document, by id; labelled with its title. */
  | 'DOCUMENT'
  /** The deadline year. */
  | 'YEAR'
  /** The unit as written. */
  | 'UNIT'
  /** A responsible agency, by id; labelled with its name. A record with several counts under each. */
  | 'AGENCY'
  /** progress.onTrack: true, false, or null (not observed, or not judged). */
  | 'ON_TRACK'
  /** Whether the current text no longer states it. */
  | 'WITHDRAWN'

/** Counts of the targets that match a filter. */
export type TargetAggregate = {
  __typename?: 'TargetAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/targets/counts. */
  counts: Array<CountRow>
}

/** Counts of the targets that match a filter. */
export type TargetAggregatefacetsArgs = {
  fields: Array<TargetFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the targets that match a filter. */
export type TargetAggregatecountsArgs = {
  by: Array<TargetFacetField>
}

/** The fields findings are counted by: those of the REST parameters facet and by of /v1/findings. */
export type FindingFacetField =
  /** The document, by id; labelled with its title. */
  | 'DOCUMENT'
  /** info, warning or error. */
  | 'SEVERITY'
  /** The finding's code. */
  | 'CODE'

/** Counts of the findings that match a filter. */
export type FindingAggregate = {
  __typename?: 'FindingAggregate'
  /** How many match. */
  totalCount: Scalars['Int']
  /** For each field, its most frequent values (30 unless size says) with their counts: REST's facet=. */
  facets: Array<Facet>
  /** One row per combination of the fields' values, with its count, in order of the values: REST's /v1/findings/counts. */
  counts: Array<CountRow>
}

/** Counts of the findings that match a filter. */
export type FindingAggregatefacetsArgs = {
  fields: Array<FindingFacetField>
  size?: InputMaybe<Scalars['Int']>
}

/** Counts of the findings that match a filter. */
export type FindingAggregatecountsArgs = {
  by: Array<FindingFacetField>
}

/** The values of a field over a filtered list, most frequent first, ties by value. */
export type Facet = {
  __typename?: 'Facet'
  /** The field, by its REST name: agency, onTrack. */
  field: Scalars['String']
  /** Its most frequent values. */
  values: Array<FacetCount>
  /** More values have records than are listed. */
  truncated: Scalars['Boolean']
}

/** A value of a field, and how many records of the filtered list have it. */
export type FacetCount = {
  __typename?: 'FacetCount'
  /** The value as text (a year 2025, true); null for the records without one. */
  value: Maybe<Scalars['String']>
  /** An id's readable name; else the value. */
  label: Maybe<Scalars['String']>
  /** How many records have it. */
  count: Scalars['Int']
}

/** A combination of values and how many records of the filtered list have it. */
export type CountRow = {
  __typename?: 'CountRow'
  /** The value of each field of by, in its order. */
  keys: Array<CountKey>
  /** How many records have these values. */
  count: Scalars['Int']
}

/** The value of one field in a CountRow. */
export type CountKey = {
  __typename?: 'CountKey'
  /** The field, by its REST name. */
  field: Scalars['String']
  /** The value as text; null for the records without one. */
  value: Maybe<Scalars['String']>
  /** An id's readable name; null for a value that is no id. */
  label: Maybe<Scalars['String']>
}

/** What kind of record a search hit is. */
export type SearchHitType =
  /** A part, chapter or item of the body. */
  | 'section'
  /** A row of the task list. */
  | 'task'
  /** A quantitative target. */
  | 'target'
  /** An agency, found by its canonical name or any alias. */
  | 'agency'
  /** A document, found by its 发文字号 (or part of it), title or plan title. */
  | 'document'

/** A record that contains every word of the searched text. */
export type SearchHit = {
  __typename?: 'SearchHit'
  /** section, task, target, agency or document. */
  type: SearchHitType
  /** The record's id. */
  id: Scalars['ID']
  /** The document it belongs to; for a document, itself; for an agency, the most recently issued document that names it. */
  documentId: Scalars['ID']
  /** A section's label and heading, a task's number, a target's indicator, an agency's jurisdiction and name, a document's 发文字号 and title. */
  title: Scalars['String']
  /** The text around the first match, HTML-escaped, every word in <mark>…</mark>. An agency's text is its names, a document's its 发文字号 and titles. */
  snippet: Scalars['String']
  /** Higher is better; comparable within one query only. */
  score: Scalars['Float']
  /** The record itself: a Section, Task, Target, Agency or Document. */
  node: Node
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type Query = {
  __typename?: 'Query'
  /** Documents in order of their 发文字号. */
  documents: DocumentConnection
  /** One document by id or 发文字号; null when none has it. */
  document: Maybe<Document>
  /** Sections of every document, in document order. */
  sections: SectionConnection
  /** Tasks of every document, in task list order. */
  tasks: TaskConnection
  /** Agencies of every jurisdiction, by jurisdiction and name. */
  agencies: AgencyConnection
  /** One agency by id, or by a name it appears under; a name shared by agencies of several jurisdictions is an error that lists them. */
  agency: Maybe<Agency>
  /** Targets of every document, in order of appearance. */
  targets: TargetConnection
  /** Data-quality findings of every document, in order. */
  findings: FindingConnection
  /** Sections, tasks, targets, agencies and documents that contain every word of q, best first; the same as /v1/search. */
  search: SearchHitConnection
  /** Any record by its id; null when none has it. */
  node: Maybe<Node>
  /** Counts of the documents that match the filter, by field: facets of the list, and grouped counts for tables. */
  documentsAggregate: DocumentAggregate
  /** Counts of the sections that match the filter, by field: facets of the list, and grouped counts for tables. */
  sectionsAggregate: SectionAggregate
  /** Counts of the tasks that match the filter, by field: facets of the list, and grouped counts for tables. */
  tasksAggregate: TaskAggregate
  /** Counts of the agencies that match the filter, by field: facets of the list, and grouped counts for tables. */
  agenciesAggregate: AgencyAggregate
  /** Counts of the targets that match the filter, by field: facets of the list, and grouped counts for tables. */
  targetsAggregate: TargetAggregate
  /** Counts of the findings that match the filter, by field: facets of the list, and grouped counts for tables. */
  findingsAggregate: FindingAggregate
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerydocumentsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<DocumentFilter>
  orderBy?: InputMaybe<Array<DocumentOrder>>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerydocumentArgs = {
  id?: InputMaybe<Scalars['ID']>
  number?: InputMaybe<Scalars['String']>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerysectionsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<SectionFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerytasksArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TaskFilter>
  orderBy?: InputMaybe<Array<TaskOrder>>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QueryagenciesArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<AgencyFilter>
  orderBy?: InputMaybe<Array<AgencyOrder>>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QueryagencyArgs = {
  id?: InputMaybe<Scalars['ID']>
  name?: InputMaybe<Scalars['String']>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerytargetsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<TargetFilter>
  orderBy?: InputMaybe<Array<TargetOrder>>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QueryfindingsArgs = {
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
  filter?: InputMaybe<FindingFilter>
  orderBy?: InputMaybe<Array<FindingOrder>>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerysearchArgs = {
  q: Scalars['String']
  type?: InputMaybe<SearchHitType>
  document?: InputMaybe<Scalars['String']>
  first?: InputMaybe<Scalars['Int']>
  after?: InputMaybe<Scalars['String']>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerynodeArgs = {
  id: Scalars['ID']
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerydocumentsAggregateArgs = {
  filter?: InputMaybe<DocumentFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerysectionsAggregateArgs = {
  filter?: InputMaybe<SectionFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerytasksAggregateArgs = {
  filter?: InputMaybe<TaskFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QueryagenciesAggregateArgs = {
  filter?: InputMaybe<AgencyFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QuerytargetsAggregateArgs = {
  filter?: InputMaybe<TargetFilter>
}

/** The entry points. Every list is a connection: first (20 unless given, at most 100) and after. */
export type QueryfindingsAggregateArgs = {
  filter?: InputMaybe<FindingFilter>
}

/** How far a target has come, from its latest observation. */
export type Progress = {
  __typename?: 'Progress'
  /** The latest value reported. */
  latestValue: Scalars['Float']
  /** The date it holds for, ISO. */
  observedOn: Scalars['String']
  /** The latest value as a share of the target, 1 when reached; null for a relative target. */
  share: Maybe<Scalars['Float']>
  /** Reached, or a total keeping up with the time gone to its deadline; null where the text gives no way to tell. */
  onTrack: Maybe<Scalars['Boolean']>
}

/** A value a responsible agency reported for a target, as of a date. */
export type Observation = {
  __typename?: 'Observation'
  /** Stable id. */
  id: Scalars['ID']
  /** The target it is a value of. */
  targetId: Scalars['ID']
  /** In the unit of the target. */
  value: Scalars['Float']
  /** The date the value holds for, ISO. */
  observedOn: Scalars['String']
  /** What the reporter adds. */
  note: Maybe<Scalars['String']>
  /** Where the value can be checked. */
  evidenceUrl: Maybe<Scalars['String']>
  /** The reporting agency's id, or admin. */
  reportedBy: Scalars['String']
  /** When it was recorded, ISO date and time. */
  recordedAt: Scalars['String']
  /** The target it is a value of. */
  target: Target
}

/** A change of a task's status. */
export type StatusChange = {
  __typename?: 'StatusChange'
  /** The task. */
  taskId: Scalars['ID']
  /** The status it was set to. */
  status: TaskStatus
  /** What the reporter adds. */
  note: Maybe<Scalars['String']>
  /** The agency's id, or admin. */
  setBy: Scalars['String']
  /** When, ISO date and time. */
  setAt: Scalars['String']
}

/** A page of observations, with the total that match. */
export type ObservationConnection = {
  __typename?: 'ObservationConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The observations of this page. */
  nodes: Array<Observation>
  /** The observations of this page, each with its cursor. */
  edges: Array<ObservationEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of observations, with the cursor to continue after it. */
export type ObservationEdge = {
  __typename?: 'ObservationEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The observation. */
  node: Observation
}

/** A page of status changes, with the total that match. */
export type StatusChangeConnection = {
  __typename?: 'StatusChangeConnection'
  /** How many match, on every page together. */
  totalCount: Scalars['Int']
  /** The status changes of this page. */
  nodes: Array<StatusChange>
  /** The status changes of this page, each with its cursor. */
  edges: Array<StatusChangeEdge>
  /** Where this page stands. */
  pageInfo: PageInfo
}

/** One of a page of status changes, with the cursor to continue after it. */
export type StatusChangeEdge = {
  __typename?: 'StatusChangeEdge'
  /** Pass as after to continue with the ones that follow this one. */
  cursor: Scalars['String']
  /** The status change. */
  node: StatusChange
}

/** A value to report for a target. */
export type ObservationInput = {
  /** In the unit of the target. */
  value: Scalars['Float']
  /** The date the value holds for, YYYY-MM-DD; not later than today. */
  observedOn: Scalars['String']
  /** What the reporter adds, at most 2,000 characters. */
  note?: InputMaybe<Scalars['String']>
  /** Where the value can be checked: an http or https URL. */
  evidenceUrl?: InputMaybe<Scalars['String']>
}

/** Writes, for the responsible agencies: Authorization: Bearer TOKEN, as for REST. */
export type Mutation = {
  __typename?: 'Mutation'
  /** Reports a value of a target; the token's agency must be a responsible unit of a task restating it. */
  reportObservation: Observation
  /** Sets a task's status, refused when the task changed since the ETag given. */
  setTaskStatus: Task
}

/** Writes, for the responsible agencies: Authorization: Bearer TOKEN, as for REST. */
export type MutationreportObservationArgs = {
  targetId: Scalars['ID']
  input: ObservationInput
}

/** Writes, for the responsible agencies: Authorization: Bearer TOKEN, as for REST. */
export type MutationsetTaskStatusArgs = {
  taskId: Scalars['ID']
  status: TaskStatus
  note?: InputMaybe<Scalars['String']>
  ifMatch: Scalars['String']
}

/** What is reported, as it is reported. */
export type ProgressKind =
  /** An observation of a target. */
  | 'observation'
  /** A change of a task's status. */
  | 'status'

/** A write, as subscribers see it the moment it is on disk. */
export type ProgressEvent = {
  __typename?: 'ProgressEvent'
  /** observation or status. */
  kind: ProgressKind
  /** The target an observation is of; null for a status change. */
  targetId: Maybe<Scalars['ID']>
  /** The task whose status changed; null for an observation. */
  taskId: Maybe<Scalars['ID']>
  /** The observation, for kind observation. */
  observation: Maybe<Observation>
  /** The status change, for kind status. */
  statusChange: Maybe<StatusChange>
}

/** Live updates over WebSocket at /graphql (graphql-transport-ws, as the graphql-ws client speaks it). */
export type Subscription = {
  __typename?: 'Subscription'
  /** Every observation and status change, REST's and GraphQL's, once each is on disk. */
  progressReported: ProgressEvent
}

export type ResolverTypeWrapper<T> = Promise<T> | T

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>
}
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> =
  | ResolverFn<TResult, TParent, TContext, TArgs>
  | ResolverWithResolve<TResult, TParent, TContext, TArgs>

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>

export interface SubscriptionSubscriberObject<
  TResult,
  TKey extends string,
  TParent,
  TContext,
  TArgs,
> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = {},
  TContext = {},
  TArgs = {},
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>

export type NextResolverFn<T> = () => Promise<T>

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Document: ResolverTypeWrapper<DocumentRecord>
  ID: ResolverTypeWrapper<Scalars['ID']>
  String: ResolverTypeWrapper<Scalars['String']>
  Int: ResolverTypeWrapper<Scalars['Int']>
  NumberParts: ResolverTypeWrapper<NumberParts>
  Attachment: ResolverTypeWrapper<Attachment>
  Citation: ResolverTypeWrapper<Citation>
  DocumentSource: ResolverTypeWrapper<DocumentSource>
  SourceFormat: SourceFormat
  JurisdictionLevel: JurisdictionLevel
  SuppliedField: SuppliedField
  SectionKind: SectionKind
  Section: ResolverTypeWrapper<SectionRecord>
  LineRange: ResolverTypeWrapper<LineRange>
  TaskStatus: TaskStatus
  Task: ResolverTypeWrapper<TaskRecord>
  TaskAgency: ResolverTypeWrapper<TaskAgencyRecord>
  UnitRole: UnitRole
  Due: ResolverTypeWrapper<Due>
  LineRef: ResolverTypeWrapper<LineRef>
  AgencyKind: AgencyKind
  Agency: ResolverTypeWrapper<AgencyRecord>
  Comparator: Comparator
  Basis: Basis
  DeadlineFrom: DeadlineFrom
  Target: ResolverTypeWrapper<TargetRecord>
  Float: ResolverTypeWrapper<Scalars['Float']>
  Boolean: ResolverTypeWrapper<Scalars['Boolean']>
  Severity: Severity
  FindingSource: ResolverTypeWrapper<FindingSource>
  Finding: ResolverTypeWrapper<FindingRecord>
  Node:
    | ResolversTypes['Document']
    | ResolversTypes['Section']
    | ResolversTypes['Task']
    | ResolversTypes['Agency']
    | ResolversTypes['Target']
    | ResolversTypes['Finding']
  PageInfo: ResolverTypeWrapper<PageInfo>
  DocumentConnection: ResolverTypeWrapper<
    Omit<DocumentConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Document']>
      edges: Array<ResolversTypes['DocumentEdge']>
    }
  >
  DocumentEdge: ResolverTypeWrapper<
    Omit<DocumentEdge, 'node'> & { node: ResolversTypes['Document'] }
  >
  SectionConnection: ResolverTypeWrapper<
    Omit<SectionConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Section']>
      edges: Array<ResolversTypes['SectionEdge']>
    }
  >
  SectionEdge: ResolverTypeWrapper<Omit<SectionEdge, 'node'> & { node: ResolversTypes['Section'] }>
  TaskConnection: ResolverTypeWrapper<
    Omit<TaskConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Task']>
      edges: Array<ResolversTypes['TaskEdge']>
    }
  >
  TaskEdge: ResolverTypeWrapper<Omit<TaskEdge, 'node'> & { node: ResolversTypes['Task'] }>
  AgencyConnection: ResolverTypeWrapper<
    Omit<AgencyConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Agency']>
      edges: Array<ResolversTypes['AgencyEdge']>
    }
  >
  AgencyEdge: ResolverTypeWrapper<Omit<AgencyEdge, 'node'> & { node: ResolversTypes['Agency'] }>
  TargetConnection: ResolverTypeWrapper<
    Omit<TargetConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Target']>
      edges: Array<ResolversTypes['TargetEdge']>
    }
  >
  TargetEdge: ResolverTypeWrapper<Omit<TargetEdge, 'node'> & { node: ResolversTypes['Target'] }>
  FindingConnection: ResolverTypeWrapper<
    Omit<FindingConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Finding']>
      edges: Array<ResolversTypes['FindingEdge']>
    }
  >
  FindingEdge: ResolverTypeWrapper<Omit<FindingEdge, 'node'> & { node: ResolversTypes['Finding'] }>
  SearchHitConnection: ResolverTypeWrapper<
    Omit<SearchHitConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['SearchHit']>
      edges: Array<ResolversTypes['SearchHitEdge']>
    }
  >
  SearchHitEdge: ResolverTypeWrapper<
    Omit<SearchHitEdge, 'node'> & { node: ResolversTypes['SearchHit'] }
  >
  DocumentFilter: DocumentFilter
  SectionFilter: SectionFilter
  TaskFilter: TaskFilter
  AgencyFilter: AgencyFilter
  TargetFilter: TargetFilter
  FindingFilter: FindingFilter
  OrderDirection: OrderDirection
  DocumentOrderField: DocumentOrderField
  DocumentOrder: DocumentOrder
  TaskOrderField: TaskOrderField
  TaskOrder: TaskOrder
  AgencyOrderField: AgencyOrderField
  AgencyOrder: AgencyOrder
  TargetOrderField: TargetOrderField
  TargetOrder: TargetOrder
  FindingOrderField: FindingOrderField
  FindingOrder: FindingOrder
  DocumentFacetField: DocumentFacetField
  DocumentAggregate: ResolverTypeWrapper<Aggregate>
  SectionFacetField: SectionFacetField
  SectionAggregate: ResolverTypeWrapper<Aggregate>
  TaskFacetField: TaskFacetField
  TaskAggregate: ResolverTypeWrapper<Aggregate>
  AgencyFacetField: AgencyFacetField
  AgencyAggregate: ResolverTypeWrapper<Aggregate>
  TargetFacetField: TargetFacetField
  TargetAggregate: ResolverTypeWrapper<Aggregate>
  FindingFacetField: FindingFacetField
  FindingAggregate: ResolverTypeWrapper<Aggregate>
  Facet: ResolverTypeWrapper<Facet>
  FacetCount: ResolverTypeWrapper<FacetCount>
  CountRow: ResolverTypeWrapper<CountRow>
  CountKey: ResolverTypeWrapper<CountKey>
  SearchHitType: SearchHitType
  SearchHit: ResolverTypeWrapper<SearchHitRecord>
  Query: ResolverTypeWrapper<{}>
  Progress: ResolverTypeWrapper<Progress>
  Observation: ResolverTypeWrapper<ObservationRecord>
  StatusChange: ResolverTypeWrapper<StatusChangeRecord>
  ObservationConnection: ResolverTypeWrapper<
    Omit<ObservationConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['Observation']>
      edges: Array<ResolversTypes['ObservationEdge']>
    }
  >
  ObservationEdge: ResolverTypeWrapper<
    Omit<ObservationEdge, 'node'> & { node: ResolversTypes['Observation'] }
  >
  StatusChangeConnection: ResolverTypeWrapper<
    Omit<StatusChangeConnection, 'nodes' | 'edges'> & {
      nodes: Array<ResolversTypes['StatusChange']>
      edges: Array<ResolversTypes['StatusChangeEdge']>
    }
  >
  StatusChangeEdge: ResolverTypeWrapper<
    Omit<StatusChangeEdge, 'node'> & { node: ResolversTypes['StatusChange'] }
  >
  ObservationInput: ObservationInput
  Mutation: ResolverTypeWrapper<{}>
  ProgressKind: ProgressKind
  ProgressEvent: ResolverTypeWrapper<
    Omit<ProgressEvent, 'observation' | 'statusChange'> & {
      observation: Maybe<ResolversTypes['Observation']>
      statusChange: Maybe<ResolversTypes['StatusChange']>
    }
  >
  Subscription: ResolverTypeWrapper<{}>
}

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Document: DocumentRecord
  ID: Scalars['ID']
  String: Scalars['String']
  Int: Scalars['Int']
  NumberParts: NumberParts
  Attachment: Attachment
  Citation: Citation
  DocumentSource: DocumentSource
  Section: SectionRecord
  LineRange: LineRange
  Task: TaskRecord
  TaskAgency: TaskAgencyRecord
  Due: Due
  LineRef: LineRef
  Agency: AgencyRecord
  Target: TargetRecord
  Float: Scalars['Float']
  Boolean: Scalars['Boolean']
  FindingSource: FindingSource
  Finding: FindingRecord
  Node:
    | ResolversParentTypes['Document']
    | ResolversParentTypes['Section']
    | ResolversParentTypes['Task']
    | ResolversParentTypes['Agency']
    | ResolversParentTypes['Target']
    | ResolversParentTypes['Finding']
  PageInfo: PageInfo
  DocumentConnection: Omit<DocumentConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Document']>
    edges: Array<ResolversParentTypes['DocumentEdge']>
  }
  DocumentEdge: Omit<DocumentEdge, 'node'> & {
    node: ResolversParentTypes['Document']
  }
  SectionConnection: Omit<SectionConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Section']>
    edges: Array<ResolversParentTypes['SectionEdge']>
  }
  SectionEdge: Omit<SectionEdge, 'node'> & {
    node: ResolversParentTypes['Section']
  }
  TaskConnection: Omit<TaskConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Task']>
    edges: Array<ResolversParentTypes['TaskEdge']>
  }
  TaskEdge: Omit<TaskEdge, 'node'> & { node: ResolversParentTypes['Task'] }
  AgencyConnection: Omit<AgencyConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Agency']>
    edges: Array<ResolversParentTypes['AgencyEdge']>
  }
  AgencyEdge: Omit<AgencyEdge, 'node'> & {
    node: ResolversParentTypes['Agency']
  }
  TargetConnection: Omit<TargetConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Target']>
    edges: Array<ResolversParentTypes['TargetEdge']>
  }
  TargetEdge: Omit<TargetEdge, 'node'> & {
    node: ResolversParentTypes['Target']
  }
  FindingConnection: Omit<FindingConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Finding']>
    edges: Array<ResolversParentTypes['FindingEdge']>
  }
  FindingEdge: Omit<FindingEdge, 'node'> & {
    node: ResolversParentTypes['Finding']
  }
  SearchHitConnection: Omit<SearchHitConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['SearchHit']>
    edges: Array<ResolversParentTypes['SearchHitEdge']>
  }
  SearchHitEdge: Omit<SearchHitEdge, 'node'> & {
    node: ResolversParentTypes['SearchHit']
  }
  DocumentFilter: DocumentFilter
  SectionFilter: SectionFilter
  TaskFilter: TaskFilter
  AgencyFilter: AgencyFilter
  TargetFilter: TargetFilter
  FindingFilter: FindingFilter
  DocumentOrder: DocumentOrder
  TaskOrder: TaskOrder
  AgencyOrder: AgencyOrder
  TargetOrder: TargetOrder
  FindingOrder: FindingOrder
  DocumentAggregate: Aggregate
  SectionAggregate: Aggregate
  TaskAggregate: Aggregate
  AgencyAggregate: Aggregate
  TargetAggregate: Aggregate
  FindingAggregate: Aggregate
  Facet: Facet
  FacetCount: FacetCount
  CountRow: CountRow
  CountKey: CountKey
  SearchHit: SearchHitRecord
  Query: {}
  Progress: Progress
  Observation: ObservationRecord
  StatusChange: StatusChangeRecord
  ObservationConnection: Omit<ObservationConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['Observation']>
    edges: Array<ResolversParentTypes['ObservationEdge']>
  }
  ObservationEdge: Omit<ObservationEdge, 'node'> & {
    node: ResolversParentTypes['Observation']
  }
  StatusChangeConnection: Omit<StatusChangeConnection, 'nodes' | 'edges'> & {
    nodes: Array<ResolversParentTypes['StatusChange']>
    edges: Array<ResolversParentTypes['StatusChangeEdge']>
  }
  StatusChangeEdge: Omit<StatusChangeEdge, 'node'> & {
    node: ResolversParentTypes['StatusChange']
  }
  ObservationInput: ObservationInput
  Mutation: {}
  ProgressEvent: Omit<ProgressEvent, 'observation' | 'statusChange'> & {
    observation: Maybe<ResolversParentTypes['Observation']>
    statusChange: Maybe<ResolversParentTypes['StatusChange']>
  }
  Subscription: {}
}

export type DocumentResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  numberParts?: Resolver<Maybe<ResolversTypes['NumberParts']>, ParentType, ContextType>
  issuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  jurisdiction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  jurisdictionLevel?: Resolver<Maybe<ResolversTypes['JurisdictionLevel']>, ParentType, ContextType>
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  planTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  recipients?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>
  issuedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  printedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  sponsor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  cc?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>
  citedBy?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>
  source?: Resolver<ResolversTypes['DocumentSource'], ParentType, ContextType>
  suppliedFields?: Resolver<Array<ResolversTypes['SuppliedField']>, ParentType, ContextType>
  sections?: Resolver<
    ResolversTypes['SectionConnection'],
    ParentType,
    ContextType,
    RequireFields<DocumentsectionsArgs, 'first'>
  >
  tasks?: Resolver<
    ResolversTypes['TaskConnection'],
    ParentType,
    ContextType,
    RequireFields<DocumenttasksArgs, 'first'>
  >
  agencies?: Resolver<
    ResolversTypes['AgencyConnection'],
    ParentType,
    ContextType,
    RequireFields<DocumentagenciesArgs, 'first'>
  >
  targets?: Resolver<
    ResolversTypes['TargetConnection'],
    ParentType,
    ContextType,
    RequireFields<DocumenttargetsArgs, 'first'>
  >
  findings?: Resolver<
    ResolversTypes['FindingConnection'],
    ParentType,
    ContextType,
    RequireFields<DocumentfindingsArgs, 'first'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type NumberPartsResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['NumberParts'] = ResolversParentTypes['NumberParts'],
> = {
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  serial?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type AttachmentResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment'],
> = {
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type CitationResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation'],
> = {
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  documentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type DocumentSourceResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['DocumentSource'] =
    ResolversParentTypes['DocumentSource'],
> = {
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  format?: Resolver<Maybe<ResolversTypes['SourceFormat']>, ParentType, ContextType>
  mediaType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Section'] = ResolversParentTypes['Section'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  kind?: Resolver<ResolversTypes['SectionKind'], ParentType, ContextType>
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  heading?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  source?: Resolver<ResolversTypes['LineRange'], ParentType, ContextType>
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>
  parent?: Resolver<Maybe<ResolversTypes['Section']>, ParentType, ContextType>
  children?: Resolver<
    ResolversTypes['SectionConnection'],
    ParentType,
    ContextType,
    RequireFields<SectionchildrenArgs, 'first'>
  >
  tasks?: Resolver<
    ResolversTypes['TaskConnection'],
    ParentType,
    ContextType,
    RequireFields<SectiontasksArgs, 'first'>
  >
  targets?: Resolver<
    ResolversTypes['TargetConnection'],
    ParentType,
    ContextType,
    RequireFields<SectiontargetsArgs, 'first'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type LineRangeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['LineRange'] = ResolversParentTypes['LineRange'],
> = {
  startLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  endLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TaskResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  agencies?: Resolver<Array<ResolversTypes['TaskAgency']>, ParentType, ContextType>
  sectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  section?: Resolver<Maybe<ResolversTypes['Section']>, ParentType, ContextType>
  due?: Resolver<Maybe<ResolversTypes['Due']>, ParentType, ContextType>
  items?: Resolver<Array<ResolversTypes['Section']>, ParentType, ContextType>
  status?: Resolver<ResolversTypes['TaskStatus'], ParentType, ContextType>
  etag?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  source?: Resolver<ResolversTypes['LineRef'], ParentType, ContextType>
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>
  targets?: Resolver<
    ResolversTypes['TargetConnection'],
    ParentType,
    ContextType,
    RequireFields<TasktargetsArgs, 'first'>
  >
  statusHistory?: Resolver<
    ResolversTypes['StatusChangeConnection'],
    ParentType,
    ContextType,
    RequireFields<TaskstatusHistoryArgs, 'first'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TaskAgencyResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TaskAgency'] = ResolversParentTypes['TaskAgency'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  asWritten?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  role?: Resolver<ResolversTypes['UnitRole'], ParentType, ContextType>
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type DueResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Due'] = ResolversParentTypes['Due'],
> = {
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type LineRefResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['LineRef'] = ResolversParentTypes['LineRef'],
> = {
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type AgencyResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  jurisdiction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>
  kind?: Resolver<ResolversTypes['AgencyKind'], ParentType, ContextType>
  duties?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  lead?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  taskCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  tasks?: Resolver<
    ResolversTypes['TaskConnection'],
    ParentType,
    ContextType,
    RequireFields<AgencytasksArgs, 'first'>
  >
  targets?: Resolver<
    ResolversTypes['TargetConnection'],
    ParentType,
    ContextType,
    RequireFields<AgencytargetsArgs, 'first'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TargetResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Target'] = ResolversParentTypes['Target'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  sectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  taskIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>
  restates?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>
  restatedBy?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>
  indicator?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  comparator?: Resolver<ResolversTypes['Comparator'], ParentType, ContextType>
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>
  valueMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  deadlineYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>
  deadlineFrom?: Resolver<Maybe<ResolversTypes['DeadlineFrom']>, ParentType, ContextType>
  basis?: Resolver<ResolversTypes['Basis'], ParentType, ContextType>
  baseYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>
  relativeTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  withdrawn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>
  progress?: Resolver<Maybe<ResolversTypes['Progress']>, ParentType, ContextType>
  source?: Resolver<ResolversTypes['LineRef'], ParentType, ContextType>
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>
  section?: Resolver<Maybe<ResolversTypes['Section']>, ParentType, ContextType>
  tasks?: Resolver<
    ResolversTypes['TaskConnection'],
    ParentType,
    ContextType,
    RequireFields<TargettasksArgs, 'first'>
  >
  observations?: Resolver<
    ResolversTypes['ObservationConnection'],
    ParentType,
    ContextType,
    RequireFields<TargetobservationsArgs, 'first'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FindingSourceResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['FindingSource'] = ResolversParentTypes['FindingSource'],
> = {
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  lines?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FindingResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  source?: Resolver<ResolversTypes['FindingSource'], ParentType, ContextType>
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type NodeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node'],
> = {
  resolveType: TypeResolveFn<
    'Document' | 'Section' | 'Task' | 'Agency' | 'Target' | 'Finding',
    ParentType,
    ContextType
  >
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
}

export type PageInfoResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type DocumentConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['DocumentConnection'] =
    ResolversParentTypes['DocumentConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type DocumentEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SectionConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SectionConnection'] =
    ResolversParentTypes['SectionConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Section']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['SectionEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SectionEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SectionEdge'] = ResolversParentTypes['SectionEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Section'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TaskConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TaskConnection'] =
    ResolversParentTypes['TaskConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['TaskEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TaskEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TaskEdge'] = ResolversParentTypes['TaskEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Task'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type AgencyConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['AgencyConnection'] =
    ResolversParentTypes['AgencyConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['AgencyEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type AgencyEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['AgencyEdge'] = ResolversParentTypes['AgencyEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TargetConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TargetConnection'] =
    ResolversParentTypes['TargetConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Target']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['TargetEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TargetEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TargetEdge'] = ResolversParentTypes['TargetEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Target'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FindingConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['FindingConnection'] =
    ResolversParentTypes['FindingConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['FindingEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FindingEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['FindingEdge'] = ResolversParentTypes['FindingEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Finding'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SearchHitConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SearchHitConnection'] =
    ResolversParentTypes['SearchHitConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  totalCountIsLowerBound?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['SearchHitEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SearchHitEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SearchHitEdge'] = ResolversParentTypes['SearchHitEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['SearchHit'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type DocumentAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['DocumentAggregate'] =
    ResolversParentTypes['DocumentAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<DocumentAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<DocumentAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SectionAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SectionAggregate'] =
    ResolversParentTypes['SectionAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<SectionAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<SectionAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TaskAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TaskAggregate'] = ResolversParentTypes['TaskAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<TaskAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<TaskAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type AgencyAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['AgencyAggregate'] =
    ResolversParentTypes['AgencyAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<AgencyAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<AgencyAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type TargetAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['TargetAggregate'] =
    ResolversParentTypes['TargetAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<TargetAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<TargetAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FindingAggregateResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['FindingAggregate'] =
    ResolversParentTypes['FindingAggregate'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  facets?: Resolver<
    Array<ResolversTypes['Facet']>,
    ParentType,
    ContextType,
    RequireFields<FindingAggregatefacetsArgs, 'fields' | 'size'>
  >
  counts?: Resolver<
    Array<ResolversTypes['CountRow']>,
    ParentType,
    ContextType,
    RequireFields<FindingAggregatecountsArgs, 'by'>
  >
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FacetResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Facet'] = ResolversParentTypes['Facet'],
> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  values?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type FacetCountResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount'],
> = {
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type CountRowResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['CountRow'] = ResolversParentTypes['CountRow'],
> = {
  keys?: Resolver<Array<ResolversTypes['CountKey']>, ParentType, ContextType>
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type CountKeyResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['CountKey'] = ResolversParentTypes['CountKey'],
> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SearchHitResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit'],
> = {
  type?: Resolver<ResolversTypes['SearchHitType'], ParentType, ContextType>
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  snippet?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type QueryResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  documents?: Resolver<
    ResolversTypes['DocumentConnection'],
    ParentType,
    ContextType,
    RequireFields<QuerydocumentsArgs, 'first'>
  >
  document?: Resolver<
    Maybe<ResolversTypes['Document']>,
    ParentType,
    ContextType,
    Partial<QuerydocumentArgs>
  >
  sections?: Resolver<
    ResolversTypes['SectionConnection'],
    ParentType,
    ContextType,
    RequireFields<QuerysectionsArgs, 'first'>
  >
  tasks?: Resolver<
    ResolversTypes['TaskConnection'],
    ParentType,
    ContextType,
    RequireFields<QuerytasksArgs, 'first'>
  >
  agencies?: Resolver<
    ResolversTypes['AgencyConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryagenciesArgs, 'first'>
  >
  agency?: Resolver<
    Maybe<ResolversTypes['Agency']>,
    ParentType,
    ContextType,
    Partial<QueryagencyArgs>
  >
  targets?: Resolver<
    ResolversTypes['TargetConnection'],
    ParentType,
    ContextType,
    RequireFields<QuerytargetsArgs, 'first'>
  >
  findings?: Resolver<
    ResolversTypes['FindingConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryfindingsArgs, 'first'>
  >
  search?: Resolver<
    ResolversTypes['SearchHitConnection'],
    ParentType,
    ContextType,
    RequireFields<QuerysearchArgs, 'q' | 'first'>
  >
  node?: Resolver<
    Maybe<ResolversTypes['Node']>,
    ParentType,
    ContextType,
    RequireFields<QuerynodeArgs, 'id'>
  >
  documentsAggregate?: Resolver<
    ResolversTypes['DocumentAggregate'],
    ParentType,
    ContextType,
    Partial<QuerydocumentsAggregateArgs>
  >
  sectionsAggregate?: Resolver<
    ResolversTypes['SectionAggregate'],
    ParentType,
    ContextType,
    Partial<QuerysectionsAggregateArgs>
  >
  tasksAggregate?: Resolver<
    ResolversTypes['TaskAggregate'],
    ParentType,
    ContextType,
    Partial<QuerytasksAggregateArgs>
  >
  agenciesAggregate?: Resolver<
    ResolversTypes['AgencyAggregate'],
    ParentType,
    ContextType,
    Partial<QueryagenciesAggregateArgs>
  >
  targetsAggregate?: Resolver<
    ResolversTypes['TargetAggregate'],
    ParentType,
    ContextType,
    Partial<QuerytargetsAggregateArgs>
  >
  findingsAggregate?: Resolver<
    ResolversTypes['FindingAggregate'],
    ParentType,
    ContextType,
    Partial<QueryfindingsAggregateArgs>
  >
}

export type ProgressResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Progress'] = ResolversParentTypes['Progress'],
> = {
  latestValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>
  observedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  share?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>
  onTrack?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type ObservationResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Observation'] = ResolversParentTypes['Observation'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>
  observedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  evidenceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  reportedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  recordedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  target?: Resolver<ResolversTypes['Target'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type StatusChangeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['StatusChange'] = ResolversParentTypes['StatusChange'],
> = {
  taskId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>
  status?: Resolver<ResolversTypes['TaskStatus'], ParentType, ContextType>
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>
  setBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  setAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type ObservationConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['ObservationConnection'] =
    ResolversParentTypes['ObservationConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['Observation']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['ObservationEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type ObservationEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['ObservationEdge'] =
    ResolversParentTypes['ObservationEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['Observation'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type StatusChangeConnectionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['StatusChangeConnection'] =
    ResolversParentTypes['StatusChangeConnection'],
> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>
  nodes?: Resolver<Array<ResolversTypes['StatusChange']>, ParentType, ContextType>
  edges?: Resolver<Array<ResolversTypes['StatusChangeEdge']>, ParentType, ContextType>
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type StatusChangeEdgeResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['StatusChangeEdge'] =
    ResolversParentTypes['StatusChangeEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>
  node?: Resolver<ResolversTypes['StatusChange'], ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type MutationResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  reportObservation?: Resolver<
    ResolversTypes['Observation'],
    ParentType,
    ContextType,
    RequireFields<MutationreportObservationArgs, 'targetId' | 'input'>
  >
  setTaskStatus?: Resolver<
    ResolversTypes['Task'],
    ParentType,
    ContextType,
    RequireFields<MutationsetTaskStatusArgs, 'taskId' | 'status' | 'ifMatch'>
  >
}

export type ProgressEventResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['ProgressEvent'] = ResolversParentTypes['ProgressEvent'],
> = {
  kind?: Resolver<ResolversTypes['ProgressKind'], ParentType, ContextType>
  targetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  taskId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>
  observation?: Resolver<Maybe<ResolversTypes['Observation']>, ParentType, ContextType>
  statusChange?: Resolver<Maybe<ResolversTypes['StatusChange']>, ParentType, ContextType>
  isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>
}

export type SubscriptionResolvers<
  ContextType = MercuriusContext,
  ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription'],
> = {
  progressReported?: SubscriptionResolver<
    ResolversTypes['ProgressEvent'],
    'progressReported',
    ParentType,
    ContextType
  >
}

export type Resolvers<ContextType = MercuriusContext> = {
  Document?: DocumentResolvers<ContextType>
  NumberParts?: NumberPartsResolvers<ContextType>
  Attachment?: AttachmentResolvers<ContextType>
  Citation?: CitationResolvers<ContextType>
  DocumentSource?: DocumentSourceResolvers<ContextType>
  Section?: SectionResolvers<ContextType>
  LineRange?: LineRangeResolvers<ContextType>
  Task?: TaskResolvers<ContextType>
  TaskAgency?: TaskAgencyResolvers<ContextType>
  Due?: DueResolvers<ContextType>
  LineRef?: LineRefResolvers<ContextType>
  Agency?: AgencyResolvers<ContextType>
  Target?: TargetResolvers<ContextType>
  FindingSource?: FindingSourceResolvers<ContextType>
  Finding?: FindingResolvers<ContextType>
  Node?: NodeResolvers<ContextType>
  PageInfo?: PageInfoResolvers<ContextType>
  DocumentConnection?: DocumentConnectionResolvers<ContextType>
  DocumentEdge?: DocumentEdgeResolvers<ContextType>
  SectionConnection?: SectionConnectionResolvers<ContextType>
  SectionEdge?: SectionEdgeResolvers<ContextType>
  TaskConnection?: TaskConnectionResolvers<ContextType>
  TaskEdge?: TaskEdgeResolvers<ContextType>
  AgencyConnection?: AgencyConnectionResolvers<ContextType>
  AgencyEdge?: AgencyEdgeResolvers<ContextType>
  TargetConnection?: TargetConnectionResolvers<ContextType>
  TargetEdge?: TargetEdgeResolvers<ContextType>
  FindingConnection?: FindingConnectionResolvers<ContextType>
  FindingEdge?: FindingEdgeResolvers<ContextType>
  SearchHitConnection?: SearchHitConnectionResolvers<ContextType>
  SearchHitEdge?: SearchHitEdgeResolvers<ContextType>
  DocumentAggregate?: DocumentAggregateResolvers<ContextType>
  SectionAggregate?: SectionAggregateResolvers<ContextType>
  TaskAggregate?: TaskAggregateResolvers<ContextType>
  AgencyAggregate?: AgencyAggregateResolvers<ContextType>
  TargetAggregate?: TargetAggregateResolvers<ContextType>
  FindingAggregate?: FindingAggregateResolvers<ContextType>
  Facet?: FacetResolvers<ContextType>
  FacetCount?: FacetCountResolvers<ContextType>
  CountRow?: CountRowResolvers<ContextType>
  CountKey?: CountKeyResolvers<ContextType>
  SearchHit?: SearchHitResolvers<ContextType>
  Query?: QueryResolvers<ContextType>
  Progress?: ProgressResolvers<ContextType>
  Observation?: ObservationResolvers<ContextType>
  StatusChange?: StatusChangeResolvers<ContextType>
  ObservationConnection?: ObservationConnectionResolvers<ContextType>
  ObservationEdge?: ObservationEdgeResolvers<ContextType>
  StatusChangeConnection?: StatusChangeConnectionResolvers<ContextType>
  StatusChangeEdge?: StatusChangeEdgeResolvers<ContextType>
  Mutation?: MutationResolvers<ContextType>
  ProgressEvent?: ProgressEventResolvers<ContextType>
  Subscription?: SubscriptionResolvers<ContextType>
}

export type Loader<TReturn, TObj, TParams, TContext> = (
  queries: Array<{
    obj: TObj
    params: TParams
  }>,
  context: TContext & {
    reply: import('fastify').FastifyReply
  },
) => Promise<Array<import('mercurius-codegen').DeepPartial<TReturn>>>
export type LoaderResolver<TReturn, TObj, TParams, TContext> =
  | Loader<TReturn, TObj, TParams, TContext>
  | {
      loader: Loader<TReturn, TObj, TParams, TContext>
      opts?: {
        cache?: boolean
      }
    }
export interface Loaders<
  TContext = import('mercurius').MercuriusContext & {
    reply: import('fastify').FastifyReply
  },
> {
  Document?: {
    id?: LoaderResolver<Scalars['ID'], DocumentRecord, {}, TContext>
    number?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    numberParts?: LoaderResolver<Maybe<NumberParts>, DocumentRecord, {}, TContext>
    issuer?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    jurisdiction?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    jurisdictionLevel?: LoaderResolver<Maybe<JurisdictionLevel>, DocumentRecord, {}, TContext>
    title?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    planTitle?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    recipients?: LoaderResolver<Array<Scalars['String']>, DocumentRecord, {}, TContext>
    issuedOn?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    printedBy?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    sponsor?: LoaderResolver<Maybe<Scalars['String']>, DocumentRecord, {}, TContext>
    cc?: LoaderResolver<Array<Scalars['String']>, DocumentRecord, {}, TContext>
    attachments?: LoaderResolver<Array<Attachment>, DocumentRecord, {}, TContext>
    citations?: LoaderResolver<Array<Citation>, DocumentRecord, {}, TContext>
    citedBy?: LoaderResolver<Array<Scalars['ID']>, DocumentRecord, {}, TContext>
    source?: LoaderResolver<DocumentSource, DocumentRecord, {}, TContext>
    suppliedFields?: LoaderResolver<Array<SuppliedField>, DocumentRecord, {}, TContext>
    sections?: LoaderResolver<SectionConnection, DocumentRecord, DocumentsectionsArgs, TContext>
    tasks?: LoaderResolver<TaskConnection, DocumentRecord, DocumenttasksArgs, TContext>
    agencies?: LoaderResolver<AgencyConnection, DocumentRecord, DocumentagenciesArgs, TContext>
    targets?: LoaderResolver<TargetConnection, DocumentRecord, DocumenttargetsArgs, TContext>
    findings?: LoaderResolver<FindingConnection, DocumentRecord, DocumentfindingsArgs, TContext>
  }

  NumberParts?: {
    agencyCode?: LoaderResolver<Scalars['String'], NumberParts, {}, TContext>
    year?: LoaderResolver<Scalars['Int'], NumberParts, {}, TContext>
    serial?: LoaderResolver<Scalars['Int'], NumberParts, {}, TContext>
  }

  Attachment?: {
    title?: LoaderResolver<Scalars['String'], Attachment, {}, TContext>
  }

  Citation?: {
    title?: LoaderResolver<Scalars['String'], Citation, {}, TContext>
    number?: LoaderResolver<Maybe<Scalars['String']>, Citation, {}, TContext>
    line?: LoaderResolver<Scalars['Int'], Citation, {}, TContext>
    documentId?: LoaderResolver<Maybe<Scalars['ID']>, Citation, {}, TContext>
  }

  DocumentSource?: {
    file?: LoaderResolver<Scalars['String'], DocumentSource, {}, TContext>
    sha256?: LoaderResolver<Scalars['String'], DocumentSource, {}, TContext>
    url?: LoaderResolver<Maybe<Scalars['String']>, DocumentSource, {}, TContext>
    format?: LoaderResolver<Maybe<SourceFormat>, DocumentSource, {}, TContext>
    mediaType?: LoaderResolver<Maybe<Scalars['String']>, DocumentSource, {}, TContext>
  }

  Section?: {
    id?: LoaderResolver<Scalars['ID'], SectionRecord, {}, TContext>
    documentId?: LoaderResolver<Scalars['ID'], SectionRecord, {}, TContext>
    kind?: LoaderResolver<SectionKind, SectionRecord, {}, TContext>
    label?: LoaderResolver<Scalars['String'], SectionRecord, {}, TContext>
    number?: LoaderResolver<Scalars['Int'], SectionRecord, {}, TContext>
    heading?: LoaderResolver<Scalars['String'], SectionRecord, {}, TContext>
    text?: LoaderResolver<Scalars['String'], SectionRecord, {}, TContext>
    parentId?: LoaderResolver<Maybe<Scalars['ID']>, SectionRecord, {}, TContext>
    source?: LoaderResolver<LineRange, SectionRecord, {}, TContext>
    document?: LoaderResolver<Document, SectionRecord, {}, TContext>
    parent?: LoaderResolver<Maybe<Section>, SectionRecord, {}, TContext>
    children?: LoaderResolver<SectionConnection, SectionRecord, SectionchildrenArgs, TContext>
    tasks?: LoaderResolver<TaskConnection, SectionRecord, SectiontasksArgs, TContext>
    targets?: LoaderResolver<TargetConnection, SectionRecord, SectiontargetsArgs, TContext>
  }

  LineRange?: {
    startLine?: LoaderResolver<Scalars['Int'], LineRange, {}, TContext>
    endLine?: LoaderResolver<Scalars['Int'], LineRange, {}, TContext>
    page?: LoaderResolver<Maybe<Scalars['Int']>, LineRange, {}, TContext>
  }

  Task?: {
    id?: LoaderResolver<Scalars['ID'], TaskRecord, {}, TContext>
    documentId?: LoaderResolver<Scalars['ID'], TaskRecord, {}, TContext>
    number?: LoaderResolver<Scalars['Int'], TaskRecord, {}, TContext>
    text?: LoaderResolver<Scalars['String'], TaskRecord, {}, TContext>
    agencies?: LoaderResolver<Array<TaskAgency>, TaskRecord, {}, TContext>
    sectionId?: LoaderResolver<Maybe<Scalars['ID']>, TaskRecord, {}, TContext>
    section?: LoaderResolver<Maybe<Section>, TaskRecord, {}, TContext>
    due?: LoaderResolver<Maybe<Due>, TaskRecord, {}, TContext>
    items?: LoaderResolver<Array<Section>, TaskRecord, {}, TContext>
    status?: LoaderResolver<TaskStatus, TaskRecord, {}, TContext>
    etag?: LoaderResolver<Scalars['String'], TaskRecord, {}, TContext>
    source?: LoaderResolver<LineRef, TaskRecord, {}, TContext>
    document?: LoaderResolver<Document, TaskRecord, {}, TContext>
    targets?: LoaderResolver<TargetConnection, TaskRecord, TasktargetsArgs, TContext>
    statusHistory?: LoaderResolver<
      StatusChangeConnection,
      TaskRecord,
      TaskstatusHistoryArgs,
      TContext
    >
  }

  TaskAgency?: {
    id?: LoaderResolver<Scalars['ID'], TaskAgencyRecord, {}, TContext>
    name?: LoaderResolver<Scalars['String'], TaskAgencyRecord, {}, TContext>
    asWritten?: LoaderResolver<Scalars['String'], TaskAgencyRecord, {}, TContext>
    role?: LoaderResolver<UnitRole, TaskAgencyRecord, {}, TContext>
    agency?: LoaderResolver<Agency, TaskAgencyRecord, {}, TContext>
  }

  Due?: {
    text?: LoaderResolver<Scalars['String'], Due, {}, TContext>
    date?: LoaderResolver<Maybe<Scalars['String']>, Due, {}, TContext>
  }

  LineRef?: {
    line?: LoaderResolver<Scalars['Int'], LineRef, {}, TContext>
    page?: LoaderResolver<Maybe<Scalars['Int']>, LineRef, {}, TContext>
  }

  Agency?: {
    id?: LoaderResolver<Scalars['ID'], AgencyRecord, {}, TContext>
    jurisdiction?: LoaderResolver<Maybe<Scalars['String']>, AgencyRecord, {}, TContext>
    name?: LoaderResolver<Scalars['String'], AgencyRecord, {}, TContext>
    aliases?: LoaderResolver<Array<Scalars['String']>, AgencyRecord, {}, TContext>
    kind?: LoaderResolver<AgencyKind, AgencyRecord, {}, TContext>
    duties?: LoaderResolver<Maybe<Scalars['String']>, AgencyRecord, {}, TContext>
    lead?: LoaderResolver<Maybe<Scalars['String']>, AgencyRecord, {}, TContext>
    phone?: LoaderResolver<Maybe<Scalars['String']>, AgencyRecord, {}, TContext>
    taskCount?: LoaderResolver<Scalars['Int'], AgencyRecord, {}, TContext>
    tasks?: LoaderResolver<TaskConnection, AgencyRecord, AgencytasksArgs, TContext>
    targets?: LoaderResolver<TargetConnection, AgencyRecord, AgencytargetsArgs, TContext>
  }

  Target?: {
    id?: LoaderResolver<Scalars['ID'], TargetRecord, {}, TContext>
    documentId?: LoaderResolver<Scalars['ID'], TargetRecord, {}, TContext>
    sectionId?: LoaderResolver<Maybe<Scalars['ID']>, TargetRecord, {}, TContext>
    taskIds?: LoaderResolver<Array<Scalars['ID']>, TargetRecord, {}, TContext>
    restates?: LoaderResolver<Array<Scalars['ID']>, TargetRecord, {}, TContext>
    restatedBy?: LoaderResolver<Array<Scalars['ID']>, TargetRecord, {}, TContext>
    indicator?: LoaderResolver<Scalars['String'], TargetRecord, {}, TContext>
    comparator?: LoaderResolver<Comparator, TargetRecord, {}, TContext>
    value?: LoaderResolver<Maybe<Scalars['Float']>, TargetRecord, {}, TContext>
    valueMax?: LoaderResolver<Maybe<Scalars['Float']>, TargetRecord, {}, TContext>
    unit?: LoaderResolver<Maybe<Scalars['String']>, TargetRecord, {}, TContext>
    deadlineYear?: LoaderResolver<Maybe<Scalars['Int']>, TargetRecord, {}, TContext>
    deadlineFrom?: LoaderResolver<Maybe<DeadlineFrom>, TargetRecord, {}, TContext>
    basis?: LoaderResolver<Basis, TargetRecord, {}, TContext>
    baseYear?: LoaderResolver<Maybe<Scalars['Int']>, TargetRecord, {}, TContext>
    relativeTo?: LoaderResolver<Maybe<Scalars['String']>, TargetRecord, {}, TContext>
    quote?: LoaderResolver<Scalars['String'], TargetRecord, {}, TContext>
    withdrawn?: LoaderResolver<Scalars['Boolean'], TargetRecord, {}, TContext>
    progress?: LoaderResolver<Maybe<Progress>, TargetRecord, {}, TContext>
    source?: LoaderResolver<LineRef, TargetRecord, {}, TContext>
    document?: LoaderResolver<Document, TargetRecord, {}, TContext>
    section?: LoaderResolver<Maybe<Section>, TargetRecord, {}, TContext>
    tasks?: LoaderResolver<TaskConnection, TargetRecord, TargettasksArgs, TContext>
    observations?: LoaderResolver<
      ObservationConnection,
      TargetRecord,
      TargetobservationsArgs,
      TContext
    >
  }

  FindingSource?: {
    line?: LoaderResolver<Scalars['Int'], FindingSource, {}, TContext>
    lines?: LoaderResolver<Array<Scalars['Int']>, FindingSource, {}, TContext>
    page?: LoaderResolver<Maybe<Scalars['Int']>, FindingSource, {}, TContext>
  }

  Finding?: {
    id?: LoaderResolver<Scalars['ID'], FindingRecord, {}, TContext>
    documentId?: LoaderResolver<Scalars['ID'], FindingRecord, {}, TContext>
    severity?: LoaderResolver<Severity, FindingRecord, {}, TContext>
    code?: LoaderResolver<Scalars['String'], FindingRecord, {}, TContext>
    message?: LoaderResolver<Scalars['String'], FindingRecord, {}, TContext>
    source?: LoaderResolver<FindingSource, FindingRecord, {}, TContext>
    document?: LoaderResolver<Document, FindingRecord, {}, TContext>
  }

  PageInfo?: {
    hasNextPage?: LoaderResolver<Scalars['Boolean'], PageInfo, {}, TContext>
    hasPreviousPage?: LoaderResolver<Scalars['Boolean'], PageInfo, {}, TContext>
    startCursor?: LoaderResolver<Maybe<Scalars['String']>, PageInfo, {}, TContext>
    endCursor?: LoaderResolver<Maybe<Scalars['String']>, PageInfo, {}, TContext>
  }

  DocumentConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], DocumentConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Document>, DocumentConnection, {}, TContext>
    edges?: LoaderResolver<Array<DocumentEdge>, DocumentConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, DocumentConnection, {}, TContext>
  }

  DocumentEdge?: {
    cursor?: LoaderResolver<Scalars['String'], DocumentEdge, {}, TContext>
    node?: LoaderResolver<Document, DocumentEdge, {}, TContext>
  }

  SectionConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], SectionConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Section>, SectionConnection, {}, TContext>
    edges?: LoaderResolver<Array<SectionEdge>, SectionConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, SectionConnection, {}, TContext>
  }

  SectionEdge?: {
    cursor?: LoaderResolver<Scalars['String'], SectionEdge, {}, TContext>
    node?: LoaderResolver<Section, SectionEdge, {}, TContext>
  }

  TaskConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], TaskConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Task>, TaskConnection, {}, TContext>
    edges?: LoaderResolver<Array<TaskEdge>, TaskConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, TaskConnection, {}, TContext>
  }

  TaskEdge?: {
    cursor?: LoaderResolver<Scalars['String'], TaskEdge, {}, TContext>
    node?: LoaderResolver<Task, TaskEdge, {}, TContext>
  }

  AgencyConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], AgencyConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Agency>, AgencyConnection, {}, TContext>
    edges?: LoaderResolver<Array<AgencyEdge>, AgencyConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, AgencyConnection, {}, TContext>
  }

  AgencyEdge?: {
    cursor?: LoaderResolver<Scalars['String'], AgencyEdge, {}, TContext>
    node?: LoaderResolver<Agency, AgencyEdge, {}, TContext>
  }

  TargetConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], TargetConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Target>, TargetConnection, {}, TContext>
    edges?: LoaderResolver<Array<TargetEdge>, TargetConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, TargetConnection, {}, TContext>
  }

  TargetEdge?: {
    cursor?: LoaderResolver<Scalars['String'], TargetEdge, {}, TContext>
    node?: LoaderResolver<Target, TargetEdge, {}, TContext>
  }

  FindingConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], FindingConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Finding>, FindingConnection, {}, TContext>
    edges?: LoaderResolver<Array<FindingEdge>, FindingConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, FindingConnection, {}, TContext>
  }

  FindingEdge?: {
    cursor?: LoaderResolver<Scalars['String'], FindingEdge, {}, TContext>
    node?: LoaderResolver<Finding, FindingEdge, {}, TContext>
  }

  SearchHitConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], SearchHitConnection, {}, TContext>
    totalCountIsLowerBound?: LoaderResolver<Scalars['Boolean'], SearchHitConnection, {}, TContext>
    nodes?: LoaderResolver<Array<SearchHit>, SearchHitConnection, {}, TContext>
    edges?: LoaderResolver<Array<SearchHitEdge>, SearchHitConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, SearchHitConnection, {}, TContext>
  }

  SearchHitEdge?: {
    cursor?: LoaderResolver<Scalars['String'], SearchHitEdge, {}, TContext>
    node?: LoaderResolver<SearchHit, SearchHitEdge, {}, TContext>
  }

  DocumentAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], DocumentAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, DocumentAggregate, DocumentAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<
      Array<CountRow>,
      DocumentAggregate,
      DocumentAggregatecountsArgs,
      TContext
    >
  }

  SectionAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], SectionAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, SectionAggregate, SectionAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<Array<CountRow>, SectionAggregate, SectionAggregatecountsArgs, TContext>
  }

  TaskAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], TaskAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, TaskAggregate, TaskAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<Array<CountRow>, TaskAggregate, TaskAggregatecountsArgs, TContext>
  }

  AgencyAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], AgencyAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, AgencyAggregate, AgencyAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<Array<CountRow>, AgencyAggregate, AgencyAggregatecountsArgs, TContext>
  }

  TargetAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], TargetAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, TargetAggregate, TargetAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<Array<CountRow>, TargetAggregate, TargetAggregatecountsArgs, TContext>
  }

  FindingAggregate?: {
    totalCount?: LoaderResolver<Scalars['Int'], FindingAggregate, {}, TContext>
    facets?: LoaderResolver<Array<Facet>, FindingAggregate, FindingAggregatefacetsArgs, TContext>
    counts?: LoaderResolver<Array<CountRow>, FindingAggregate, FindingAggregatecountsArgs, TContext>
  }

  Facet?: {
    field?: LoaderResolver<Scalars['String'], Facet, {}, TContext>
    values?: LoaderResolver<Array<FacetCount>, Facet, {}, TContext>
    truncated?: LoaderResolver<Scalars['Boolean'], Facet, {}, TContext>
  }

  FacetCount?: {
    value?: LoaderResolver<Maybe<Scalars['String']>, FacetCount, {}, TContext>
    label?: LoaderResolver<Maybe<Scalars['String']>, FacetCount, {}, TContext>
    count?: LoaderResolver<Scalars['Int'], FacetCount, {}, TContext>
  }

  CountRow?: {
    keys?: LoaderResolver<Array<CountKey>, CountRow, {}, TContext>
    count?: LoaderResolver<Scalars['Int'], CountRow, {}, TContext>
  }

  CountKey?: {
    field?: LoaderResolver<Scalars['String'], CountKey, {}, TContext>
    value?: LoaderResolver<Maybe<Scalars['String']>, CountKey, {}, TContext>
    label?: LoaderResolver<Maybe<Scalars['String']>, CountKey, {}, TContext>
  }

  SearchHit?: {
    type?: LoaderResolver<SearchHitType, SearchHitRecord, {}, TContext>
    id?: LoaderResolver<Scalars['ID'], SearchHitRecord, {}, TContext>
    documentId?: LoaderResolver<Scalars['ID'], SearchHitRecord, {}, TContext>
    title?: LoaderResolver<Scalars['String'], SearchHitRecord, {}, TContext>
    snippet?: LoaderResolver<Scalars['String'], SearchHitRecord, {}, TContext>
    score?: LoaderResolver<Scalars['Float'], SearchHitRecord, {}, TContext>
    node?: LoaderResolver<Node, SearchHitRecord, {}, TContext>
  }

  Progress?: {
    latestValue?: LoaderResolver<Scalars['Float'], Progress, {}, TContext>
    observedOn?: LoaderResolver<Scalars['String'], Progress, {}, TContext>
    share?: LoaderResolver<Maybe<Scalars['Float']>, Progress, {}, TContext>
    onTrack?: LoaderResolver<Maybe<Scalars['Boolean']>, Progress, {}, TContext>
  }

  Observation?: {
    id?: LoaderResolver<Scalars['ID'], ObservationRecord, {}, TContext>
    targetId?: LoaderResolver<Scalars['ID'], ObservationRecord, {}, TContext>
    value?: LoaderResolver<Scalars['Float'], ObservationRecord, {}, TContext>
    observedOn?: LoaderResolver<Scalars['String'], ObservationRecord, {}, TContext>
    note?: LoaderResolver<Maybe<Scalars['String']>, ObservationRecord, {}, TContext>
    evidenceUrl?: LoaderResolver<Maybe<Scalars['String']>, ObservationRecord, {}, TContext>
    reportedBy?: LoaderResolver<Scalars['String'], ObservationRecord, {}, TContext>
    recordedAt?: LoaderResolver<Scalars['String'], ObservationRecord, {}, TContext>
    target?: LoaderResolver<Target, ObservationRecord, {}, TContext>
  }

  StatusChange?: {
    taskId?: LoaderResolver<Scalars['ID'], StatusChangeRecord, {}, TContext>
    status?: LoaderResolver<TaskStatus, StatusChangeRecord, {}, TContext>
    note?: LoaderResolver<Maybe<Scalars['String']>, StatusChangeRecord, {}, TContext>
    setBy?: LoaderResolver<Scalars['String'], StatusChangeRecord, {}, TContext>
    setAt?: LoaderResolver<Scalars['String'], StatusChangeRecord, {}, TContext>
  }

  ObservationConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], ObservationConnection, {}, TContext>
    nodes?: LoaderResolver<Array<Observation>, ObservationConnection, {}, TContext>
    edges?: LoaderResolver<Array<ObservationEdge>, ObservationConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, ObservationConnection, {}, TContext>
  }

  ObservationEdge?: {
    cursor?: LoaderResolver<Scalars['String'], ObservationEdge, {}, TContext>
    node?: LoaderResolver<Observation, ObservationEdge, {}, TContext>
  }

  StatusChangeConnection?: {
    totalCount?: LoaderResolver<Scalars['Int'], StatusChangeConnection, {}, TContext>
    nodes?: LoaderResolver<Array<StatusChange>, StatusChangeConnection, {}, TContext>
    edges?: LoaderResolver<Array<StatusChangeEdge>, StatusChangeConnection, {}, TContext>
    pageInfo?: LoaderResolver<PageInfo, StatusChangeConnection, {}, TContext>
  }

  StatusChangeEdge?: {
    cursor?: LoaderResolver<Scalars['String'], StatusChangeEdge, {}, TContext>
    node?: LoaderResolver<StatusChange, StatusChangeEdge, {}, TContext>
  }

  ProgressEvent?: {
    kind?: LoaderResolver<ProgressKind, ProgressEvent, {}, TContext>
    targetId?: LoaderResolver<Maybe<Scalars['ID']>, ProgressEvent, {}, TContext>
    taskId?: LoaderResolver<Maybe<Scalars['ID']>, ProgressEvent, {}, TContext>
    observation?: LoaderResolver<Maybe<Observation>, ProgressEvent, {}, TContext>
    statusChange?: LoaderResolver<Maybe<StatusChange>, ProgressEvent, {}, TContext>
  }
}
declare module 'mercurius' {
  interface IResolvers extends Resolvers<import('mercurius').MercuriusContext> {}
  interface MercuriusLoaders extends Loaders {}
}
