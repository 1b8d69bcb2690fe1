// The value the parser produces from one plan text: everything the store loads, with the line
// numbers each fact came from. Nothing here knows about ids or the database.

import type { Due } from './dates.js'
import type { JurisdictionLevel } from './divisions.js'
import type { SourceFormat } from './formats/types.js'
import type { UnitRole } from './units.js'

export type { Due, JurisdictionLevel, UnitRole }

export interface SourceRef {
  file: string
  /** Of the file as loaded: the page, PDF or DOCX where the plan was read from one. */
  sha256: string
  /** Where the text was published, when supplied with it. */
  url: string | null
  format: SourceFormat
  mediaType: string
}

/** The file a plan was read from, as loaded, and the text the parser read from it. */
export interface PublishedFile {
  bytes: Uint8Array
  /** Every line number a record gives is a line of this text. */
  text: string
  /** For a PDF, the page (1-based) of each line of `text`, by index; null otherwise. */
  pageOfLine: number[] | null
}

export interface NumberParts {
  agencyCode: string
  year: number
  serial: number
}

export interface Citation {
  title: string
  number: string | null
  line: number
}

export type SectionKind = 'part' | 'chapter' | 'item'

export interface ParsedSection {
  kind: SectionKind
  label: string
  /** As printed: 一、 is 1, （三） is 3, 5. is 5. */
  number: number
  heading: string
  text: string
  /** Index into PlanDocument.sections of the parent, or null for a part. */
  parentIndex: number | null
  startLine: number
  endLine: number
}

export interface UnitMention {
  /** The name as printed, without role words (市商务局牵头 → 市商务局). */
  asWritten: string
  /** Index into PlanDocument.agencies of the agency this name resolves to. */
  agencyIndex: number
  role: UnitRole
  line: number
}

/** A row of a task table, or a clause of the body that names responsible units. */
export interface ParsedTask {
  /** 序号 of a table row; a body task's place among the body's tasks. */
  number: number
  text: string
  units: UnitMention[]
  /** Indexes into PlanDocument.sections of the items this task restates. */
  itemIndexes: number[]
  /** The section that states it; null for a table row. */
  sectionIndex: number | null
  due: Due | null
  line: number
}

export interface AgencyTableRow {
  name: string
  duties: string | null
  lead: string | null
  phone: string | null
  line: number
}

export type AgencyKind = 'agency' | 'collective'

export interface ParsedAgency {
  /** Canonical full name within the document's jurisdiction, e.g. 市卫生健康委员会. */
  name: string
  kind: AgencyKind
  /** Every other spelling this document uses for it, sorted. */
  aliases: string[]
  /** From the agency table, when the document has one that lists this agency. */
  profile: AgencyTableRow | null
}

export type Comparator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'range' | 'approx'
export type Basis = 'total' | 'perYear' | 'annualGrowth' | 'growthOver'
/** Where a target's deadline year was read: its own sentence, its paragraph, the plan's title. */
export type DeadlineFrom = 'clause' | 'paragraph' | 'title'

/** A quantitative commitment, found in the body or, failing that, in the task list. */
export interface ParsedTarget {
  indicator: string
  comparator: Comparator
  value: number | null
  valueMax: number | null
  unit: string | null
  deadlineYear: number | null
  deadlineFrom: DeadlineFrom | null
  basis: Basis
  /** The year growth is measured from (较2023年增长30%), for basis growthOver. */
  baseYear: number | null
  relativeTo: string | null
  quote: string
  /** Index into PlanDocument.sections, or null for the preamble and the task list. */
  sectionIndex: number | null
  /** Indexes into PlanDocument.tasks of the tasks that restate this target. */
  taskIndexes: number[]
  /** The line where its number is printed. */
  line: number
}

export type Severity = 'info' | 'warning' | 'error'

/** What a careful reader would flag in the text; reported, never corrected. */
export interface Finding {
  severity: Severity
  /** Stable and machine-readable: duplicate-row, shared-phone, target-differs, … */
  code: string
  message: string
  /** Every line the finding is about, the first being the one to look at first. */
  lines: number[]
}

/** Fields a user supplied beside the text (npm run ingest -- --meta), which win over the text. */
export type SuppliedField = 'number' | 'issuer' | 'issuedOn' | 'sourceUrl'

export interface PlanDocument {
  source: SourceRef
  published: PublishedFile
  /** 发文字号; null when neither the text nor supplied metadata gives one. */
  number: string | null
  numberParts: NumberParts | null
  issuer: string | null
  /** The government the issuer belongs to; null when nothing in the text names it. */
  jurisdiction: string | null
  jurisdictionLevel: JurisdictionLevel | null
  /** The notice's title, or the plan's own where there is no notice. */
  title: string | null
  planTitle: string | null
  recipients: string[]
  issuedOn: string | null
  /** 印发机关: the office that printed and issued the document. */
  printer: string | null
  sponsor: string | null
  cc: string[]
  attachments: { title: string }[]
  citations: Citation[]
  sections: ParsedSection[]
  tasks: ParsedTask[]
  agencyTable: AgencyTableRow[]
  agencies: ParsedAgency[]
  targets: ParsedTarget[]
  findings: Finding[]
  suppliedFields: SuppliedField[]
  /** The number of the first line of the document (1) and the last, for provenance checks. */
  lineCount: number
}
