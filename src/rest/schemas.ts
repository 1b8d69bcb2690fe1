// TypeBox schemas of the REST resources and envelopes. Fastify validates requests and serializes
// responses with them, and the OpenAPI document is generated from them.
import { Type, type TProperties, type TSchema } from '@sinclair/typebox'
import { RECORD_TYPES } from '../store/changes.js'
import { SEARCH_WINDOW } from '../store/search.js'

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** A string of a fixed set: one JSON Schema enum, so an error lists the allowed values. */
export const StringEnum = <T extends string[]>(values: [...T], description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: values, description })

/** Text a client searches for: any characters but control characters (NUL breaks FTS5). */
/** Search text: no control characters but the tab, which separates words as a space does. */
export const SearchText = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[^\\u0000-\\u0008\\u000a-\\u001f]+$',
    description,
  })

export const Id = Type.String({ minLength: 1, maxLength: 200, description: 'A stable id.' })

export const JurisdictionLevel = StringEnum(
  ['national', 'provincial', 'city', 'county'],
  'The level of government: national (国务院 and ministries), provincial, city (地级市, 自治州) or county (县, 县级市, 市辖区).',
)

export const SuppliedField = StringEnum(
  ['number', 'issuer', 'issuedOn', 'sourceUrl'],
  'A field taken from metadata supplied with the text rather than from the text.',
)

export const Document = Type.Object(
  {
    id: Type.String(),
    number: nullable(
      Type.String({ description: '发文字号, e.g. 某政办〔2024〕1号; null when none is given.' }),
    ),
    numberParts: nullable(
      Type.Object({
        agencyCode: Type.String(),
        year: Type.Integer(),
        serial: Type.Integer(),
      }),
    ),
    issuer: nullable(Type.String({ description: '发文机关' })),
    jurisdiction: nullable(
      Type.String({ description: 'The government the issuer belongs to, e.g. 巩义市, 全国.' }),
    ),
    jurisdictionLevel: nullable(JurisdictionLevel),
    title: nullable(Type.String({ description: "The notice's title, or the plan's own." })),
    planTitle: nullable(Type.String({ description: 'The title of the plan the notice issues.' })),
    recipients: Type.Array(Type.String(), { description: '主送机关' }),
    issuedOn: nullable(
      Type.String({
        format: 'date',
        description: "印发日期, else the signature's date, else a metadata line's.",
      }),
    ),
    printedBy: nullable(Type.String({ description: '印发机关' })),
    sponsor: nullable(Type.String({ description: '主办' })),
    cc: Type.Array(Type.String(), { description: '抄送机关' }),
    attachments: Type.Array(Type.Object({ title: Type.String() })),
    citations: Type.Array(
      Type.Object({
        title: Type.String(),
        number: nullable(Type.String()),
        line: Type.Integer({ description: 'Line of the source text where it is first cited.' }),
        documentId: nullable(
          Type.String({
            description:
              'The cited document, where it is loaded too: by 发文字号, or by title when the citation gives none.',
          }),
        ),
      }),
    ),
    citedBy: Type.Array(Type.String(), { description: 'Ids of the documents that cite this one.' }),
    source: Type.Object(
      {
        file: Type.String(),
        sha256: Type.String(),
        url: nullable(Type.String({ description: 'Where it was published, when supplied.' })),
        format: nullable(
          StringEnum(
            ['text', 'html', 'pdf', 'docx'],
            'What the file was: a plain text, a saved web page, a PDF, a DOCX.',
          ),
        ),
        mediaType: nullable(
          Type.String({ description: 'The media type /original serves the file with.' }),
        ),
      },
      { description: 'The file as loaded; its text is at /v1/documents/{id}/source.' },
    ),
    suppliedFields: Type.Array(SuppliedField, {
      description: 'The fields taken from supplied metadata rather than from the text.',
    }),
  },
  { $id: 'Document' },
)

export const SectionKind = StringEnum(
  ['part', 'chapter', 'item'],
  'part 一、 / chapter （一） / item 1.',
)

export const Section = Type.Object(
  {
    id: Type.String(),
    documentId: Type.String(),
    kind: SectionKind,
    label: Type.String({ description: 'As printed: 二、, （一）, 5.' }),
    number: Type.Integer(),
    heading: Type.String(),
    text: Type.String({ description: "The section's own text, repaired." }),
    parentId: nullable(Type.String()),
    source: Type.Object({
      startLine: Type.Integer(),
      endLine: Type.Integer(),
      page: nullable(
        Type.Integer({ description: 'The PDF page of startLine; null for other formats.' }),
      ),
    }),
  },
  { $id: 'Section' },
)

const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'at_risk'] as const

export const TaskStatus = StringEnum(
  [...TASK_STATUSES],
  'As the responsible agencies last reported it; not_started until they report.',
)

/** The status filter of task lists. */
export const TaskStatusFilter = StringEnum(
  [...TASK_STATUSES],
  'As the responsible agencies last reported it; not_started for the tasks never reported.',
)

export const UnitRole = StringEnum(
  ['lead', 'support', 'responsible'],
  'lead (牵头), support (配合, 参与, 支撑), or responsible where the text makes no distinction.',
)

export const Task = Type.Object(
  {
    id: Type.String(),
    documentId: Type.String(),
    number: Type.Integer({
      description: "序号 as printed for a table row; a body task's place among the body's tasks.",
    }),
    text: Type.String(),
    agencies: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        asWritten: Type.String(),
        role: UnitRole,
      }),
      { description: 'Responsible units (责任单位) in the order written.' },
    ),
    sectionId: nullable(
      Type.String({ description: 'The section of the body that states it; null for a table row.' }),
    ),
    items: Type.Array(Type.String(), { description: 'Ids of the action items the task restates.' }),
    due: nullable(
      Type.Object(
        {
          text: Type.String({ description: 'As written: 2024年底前, 长期坚持.' }),
          date: nullable(
            Type.String({ format: 'date', description: 'The last day it allows, if a date.' }),
          ),
        },
        { description: 'From a 完成时限 or a deadline in the clause; null when none.' },
      ),
    ),
    status: TaskStatus,
    source: Type.Object({
      line: Type.Integer(),
      page: nullable(
        Type.Integer({
          description: 'The page of the PDF the line stands on; null for other formats.',
        }),
      ),
    }),
  },
  { $id: 'Task' },
)

export const AgencyKind = StringEnum(
  ['agency', 'collective'],
  'collective for units that stand for many bodies: 各乡镇（街道）, 各相关部门',
)

export const Agency = Type.Object(
  {
    id: Type.String(),
    jurisdiction: nullable(
      Type.String({ description: 'Null where the text does not name its government.' }),
    ),
    name: Type.String({ description: 'Canonical full name.' }),
    aliases: Type.Array(Type.String()),
    kind: AgencyKind,
    duties: nullable(Type.String()),
    lead: nullable(Type.String()),
    phone: nullable(Type.String()),
    taskCount: Type.Integer(),
  },
  { $id: 'Agency' },
)

export const Comparator = StringEnum(
  ['eq', 'gte', 'gt', 'lte', 'lt', 'range', 'approx'],
  'From the wording: 达到/不低于/以上 gte, 突破/超过 gt, 不超过/以内 lte, 低于 lt, 1—2 range, 左右 approx, a bare count eq.',
)

export const Basis = StringEnum(
  ['total', 'perYear', 'annualGrowth', 'growthOver'],
  'perYear for 每年… and 年培训…, annualGrowth for 年均增长…, growthOver for growth over a base year (较2023年增长30%), else total.',
)

export const DeadlineFrom = StringEnum(
  ['clause', 'paragraph', 'title'],
  'Where the deadline year was read: its own sentence, a year opening its paragraph, or the plan period of the title or heading.',
)

export const Target = Type.Object(
  {
    id: Type.String(),
    documentId: Type.String(),
    sectionId: nullable(
      Type.String({ description: 'The section it stands in; null in the preamble or task list.' }),
    ),
    taskIds: Type.Array(Type.String(), { description: 'Ids of the tasks that restate it.' }),
    restates: Type.Array(Type.String(), {
      description:
        'Ids of targets of plans of higher levels over this plan’s place (a province’s for a city’s) with the same indicator and unit: those this target restates or refines.',
    }),
    restatedBy: Type.Array(Type.String(), {
      description:
        'Ids of targets of plans of lower levels within this plan’s place that restate or refine it.',
    }),
    indicator: Type.String({ description: 'What is measured, as the text names it.' }),
    comparator: Comparator,
    value: nullable(
      Type.Number({ description: 'Multipliers expanded: 5万人 is 50000. Null when relative.' }),
    ),
    valueMax: nullable(Type.Number({ description: 'The upper bound of a range, else null.' })),
    unit: nullable(Type.String({ description: 'As written: 人, 人次, 所, %, 元, PFlops.' })),
    deadlineYear: nullable(
      Type.Integer({
        description:
          'The year its sentence sets (到2025年), else the year opening its paragraph, else the plan period of a goals section; null when none.',
      }),
    ),
    deadlineFrom: nullable(DeadlineFrom),
    basis: Basis,
    baseYear: nullable(
      Type.Integer({ description: 'The base year of growthOver (较2023年增长30%), else null.' }),
    ),
    relativeTo: nullable(
      Type.String({ description: 'The measure it is stated against (在校生数), else null.' }),
    ),
    quote: Type.String({ description: 'The clause it comes from, verbatim after repair.' }),
    withdrawn: Type.Boolean({
      description:
        'No longer stated by the current text of its document; kept for its observations.',
    }),
    progress: nullable(
      Type.Object(
        {
          latestValue: Type.Number({ description: 'The latest value reported.' }),
          observedOn: Type.String({ format: 'date', description: 'The date it holds for.' }),
          share: nullable(Type.Number({ description: 'Of the target; 1 is reached.' })),
          onTrack: nullable(
            Type.Boolean({ description: 'Reached, or keeping up with the time gone.' }),
          ),
        },
        { description: 'From the latest observation; null before the first.' },
      ),
    ),
    source: Type.Object({
      line: Type.Integer({ description: 'The line of its number.' }),
      page: nullable(
        Type.Integer({
          description: 'The page of the PDF the line stands on; null for other formats.',
        }),
      ),
    }),
  },
  { $id: 'Target' },
)

export const Severity = StringEnum(['info', 'warning', 'error'], 'How much a reader should care.')

export const Finding = Type.Object(
  {
    id: Type.String(),
    documentId: Type.String(),
    severity: Severity,
    code: Type.String({
      description:
        'duplicate-row, shared-phone, unit-not-in-agency-table, unit-spelled-differently, agency-without-task, task-numbering, task-without-unit, task-without-item, item-without-task, list-differs, wording-differs, target-differs, target-only-in-task-list.',
    }),
    message: Type.String(),
    source: Type.Object({
      line: Type.Integer({ description: 'The line to look at first.' }),
      lines: Type.Array(Type.Integer(), { description: 'Every line the finding concerns.' }),
      page: nullable(
        Type.Integer({ description: 'The PDF page of line; null for other formats.' }),
      ),
    }),
  },
  { $id: 'Finding' },
)

/** A value a list is counted by: an id, a name, a year, true or false; null where a record has none. */
export const FacetValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])

export const FacetCounts = Type.Record(
  Type.String(),
  Type.Object({
    values: Type.Array(
      Type.Object({
        value: FacetValue,
        label: nullable(Type.String({ description: "An id's readable name; else the value." })),
        count: Type.Integer({ description: 'Records of the filtered list with this value.' }),
      }),
    ),
    truncated: Type.Boolean({ description: 'More values have records than are listed.' }),
  }),
  {
    description:
      'For each field of facet=, its most frequent values over the whole filtered list, most frequent first, ties by value.',
  },
)

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Page size.' }),
  cursor: Type.String({ minLength: 1, maxLength: 500, description: 'Opaque; from links.next.' }),
}

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    invalidParams: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
    ),
  },
  { $id: 'Problem' },
)

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })

/** An error answer in the OpenAPI document and for Fastify's serializer. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: Type.Ref(Problem) } } }
}

export const Observation = Type.Object(
  {
    id: Type.String(),
    targetId: Type.String(),
    value: Type.Number({ description: 'In the unit of the target.' }),
    observedOn: Type.String({ format: 'date', description: 'The date the value holds for.' }),
    note: nullable(Type.String()),
    evidenceUrl: nullable(Type.String({ description: 'Where the value can be checked.' })),
    reportedBy: Type.String({ description: 'The reporting agency’s id, or admin.' }),
    recordedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Observation' },
)

export const StatusChange = Type.Object(
  {
    taskId: Type.String(),
    status: TaskStatus,
    note: nullable(Type.String()),
    setBy: Type.String({ description: 'The agency’s id, or admin.' }),
    setAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StatusChange' },
)

export const AuditEntry = Type.Object(
  {
    seq: Type.Integer({ description: 'Order of writing.' }),
    at: Type.String({ format: 'date-time' }),
    tokenId: Type.String(),
    actor: Type.String({ description: 'The agency’s id, or admin.' }),
    action: Type.String({ description: 'observation.create or task.status.' }),
    resource: Type.String({ description: 'The id written to.' }),
    before: Type.Unknown({ description: 'The state before, or null.' }),
    after: Type.Unknown({ description: 'What was written.' }),
  },
  { $id: 'AuditEntry' },
)

export const HIT_TYPES = ['section', 'task', 'target', 'agency', 'document'] as const

export const HitType = StringEnum([...HIT_TYPES], 'What kind of record the hit is.')

export const SearchHit = Type.Object(
  {
    type: HitType,
    id: Type.String(),
    documentId: Type.String({
      description:
        'The document it belongs to; for a document, itself; for an agency, the most recently issued document that names it.',
    }),
    title: Type.String({
      description:
        "A section's label and heading, a task's number, a target's indicator, an agency's jurisdiction and name, a document's 发文字号 and title.",
    }),
    snippet: Type.String({
      description:
        "The text around the first match, HTML-escaped, every word of q in <mark>…</mark>. An agency's text is its names, a document's its 发文字号 and titles.",
    }),
    score: Type.Number({ description: 'Higher is better; comparable within one query only.' }),
    link: Type.String({ description: 'The record in the REST API.' }),
  },
  { $id: 'SearchHit' },
)

export const Change = Type.Object(
  {
    seq: Type.Integer({
      description: 'The order of the change, never reused: since=seq asks for what came after it.',
    }),
    at: Type.String({ format: 'date-time', description: 'When the change was made (UTC).' }),
    kind: Type.String({
      description:
        'TYPE.loaded or TYPE.replaced (documents), TYPE.added, TYPE.changed, TYPE.withdrawn (targets the text no longer states) or TYPE.removed (by a load), observation.added, task.status_changed.',
    }),
    documentId: Type.String({ description: 'The document the record belongs to.' }),
    record: Type.Object({
      type: StringEnum([...RECORD_TYPES], 'The type of the record changed.'),
      id: Type.String(),
      link: nullable(
        Type.String({
          description:
            'Where the record is now (a 404 once removed); null for an observation, whose target has a change of its own.',
        }),
      ),
    }),
  },
  { $id: 'Change' },
)

export const Version = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: '1, 2, … in the order loaded.' }),
    loadedAt: Type.String({ format: 'date-time' }),
    sourceFile: Type.String(),
    sourceSha256: Type.String(),
    lineCount: Type.Integer(),
    current: Type.Boolean({ description: 'Whether this is the version served now.' }),
  },
  { $id: 'Version' },
)

const FieldChange = Type.Object({
  field: Type.String(),
  from: Type.Unknown({ description: 'The value in the earlier version; null when absent.' }),
  to: Type.Unknown({ description: 'The value in the later version; null when absent.' }),
})

const AnyRecord = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The record as the API served it in that version.',
})

const ListDiff = Type.Object({
  added: Type.Array(AnyRecord),
  removed: Type.Array(AnyRecord),
  changed: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(FieldChange) })),
})

export const VersionDiff = Type.Object(
  {
    from: Type.Integer(),
    to: Type.Integer(),
    document: Type.Array(FieldChange, { description: 'The fields of the document that changed.' }),
    sections: ListDiff,
    tasks: ListDiff,
    targets: ListDiff,
  },
  {
    $id: 'VersionDiff',
    description:
      'Records added, removed and changed (by id: a target whose figure changed keeps its id, and so its observations), field by field. Where a record sits in the text (source) and what agencies report (progress, status) are not compared.',
  },
)

// The envelopes of API.md, one per record type and named for it (TaskList, TaskItem): each is a
// component of the OpenAPI document, so that a client generated from it has a type of that name.

/** A record schema's name: its $id, which every schema of SHARED_SCHEMAS has. */
function nameOf(record: TSchema): string {
  if (record.$id === undefined) throw new Error('a record schema has no $id to name it by')
  return record.$id
}

function listSchema(record: TSchema, meta: TProperties = {}) {
  return Type.Object(
    {
      data: Type.Array(Type.Ref(record)),
      meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), ...meta }),
      links: Type.Object({
        self: Type.String(),
        next: nullable(Type.String({ description: 'The next page; null on the last.' })),
      }),
    },
    { $id: `${nameOf(record)}List`, description: `A page of ${nameOf(record)} records.` },
  )
}

function itemSchema(record: TSchema) {
  return Type.Object(
    { data: Type.Ref(record), links: Type.Object({ self: Type.String() }) },
    { $id: `${nameOf(record)}Item`, description: `One ${nameOf(record)} record.` },
  )
}

const ENVELOPES = [
  // The lists of the resources count by their fields when asked (facet=).
  ...[Document, Section, Task, Agency, Target, Finding].flatMap((record) => [
    listSchema(record, { facets: Type.Optional(FacetCounts) }),
    itemSchema(record),
  ]),
  listSchema(Observation),
  itemSchema(Observation),
  listSchema(StatusChange),
  listSchema(AuditEntry),
  listSchema(Version),
  itemSchema(VersionDiff),
  listSchema(Change, {
    latest: Type.Integer({
      description:
        'The seq of the latest change of all, whatever the filters: where the feed is now.',
    }),
  }),
  listSchema(SearchHit, {
    totalIsLowerBound: Type.Boolean({
      description: `Whether more than the ${SEARCH_WINDOW} records ranked contain q; total is then ${SEARCH_WINDOW}.`,
    }),
  }),
]

/** A response's reference to the list envelope of these records (TaskList). */
export const listOf = (record: TSchema) => Type.Ref(`${nameOf(record)}List`)

/** A response's reference to the item envelope of this record (TaskItem). */
export const itemOf = (record: TSchema) => Type.Ref(`${nameOf(record)}Item`)

/** Shared schemas, added to Fastify once: routes refer to them, OpenAPI lists them by name. */
export const SHARED_SCHEMAS = [
  Document,
  Section,
  Task,
  Agency,
  Target,
  Finding,
  Observation,
  StatusChange,
  AuditEntry,
  Version,
  VersionDiff,
  Change,
  SearchHit,
  Problem,
  ...ENVELOPES,
]

export const CsvText = Type.String({
  description:
    'UTF-8 (with a byte order mark only when asked: bom=true), RFC 4180, a header row; lists joined by "; ".',
})

export const XlsxFile = Type.String({
  format: 'binary',
  description:
    "An Excel workbook (Office Open XML): one sheet named after the list, a bold frozen header row of the CSV's column names, then one row per record.",
})

export const JsonLinesText = Type.String({
  description:
    'UTF-8, one JSON record per line (each as the JSON pages hold it), lines ended by \\n.',
})

/** The security scheme of writes, defined in openapi.ts: `Authorization: Bearer TOKEN`. */
export const TOKEN_SCHEME = 'token'

/** The security of an operation that needs a token: /docs sends the one given to Authorize. */
export const NEEDS_TOKEN = [{ [TOKEN_SCHEME]: [] }]

/** The answer every read may get when its client is over the rate limit. */
export const TOO_MANY_REQUESTS = problemResponse(
  'Over the rate limit of this client; Retry-After says when to try again.',
)
