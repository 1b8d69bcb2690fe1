// parsePlan: the bytes of one plan text in, a PlanDocument out. The regions of a document are
// found each on its own, each with its fallbacks: a portal's metadata box, the head (masthead,
// 发文字号, title, 主送机关), the notice and its signature, the plan's title and body, tables
// wherever they stand, the 版记. What a plan lacks becomes a finding; only a text with no outline
// and no task table at all is refused, as not a plan.
import { AgencyResolver, type AliasDictionary } from './agencies.js'
import { findSignatures, parseFooter, RELEASE_NOTE, type Signature } from './closing.js'
import { decodePlanText, isPageNumber, type Line } from './decode.js'
import {
  inferJurisdiction,
  jurisdictionOf,
  provinceOfNumber,
  type Jurisdiction,
} from './divisions.js'
import { PlanParseError } from './errors.js'
import {
  findCitations,
  isOrganLine,
  isTitleLike,
  issuedPlanTitle,
  jointlyIssuedTitles,
  normalizeDocumentNumber,
  readHead,
  isPlanKind,
  withPageTitle,
} from './header.js'
import { itemMatcher } from './links.js'
import { readPortalMetadata } from './metadata.js'
import { concatOutlines, parseOutline } from './outline.js'
import { collectTargets } from './plan-targets.js'
import { planPeriodEnd } from './plan-period.js'
import { MEDIA_TYPES, type SourceFormat } from './formats/types.js'
import { findQualityIssues } from './quality.js'
import { splitJoinedParagraphs } from './reflow.js'
import { findBodyTasks } from './responsibility.js'
import { parseTables } from './tables.js'
import { compact, repair, repairTitle, sha256Hex } from './text.js'
import type { Finding, NumberParts, ParsedTask, PlanDocument, SuppliedField } from './types.js'
import { FIRST_IS_LEAD } from './units.js'

/** What a user supplies beside a text that lacks it (npm run ingest -- --meta FILE.json). */
export interface SuppliedMetadata {
  number?: string
  issuer?: string
  issuedOn?: string
  sourceUrl?: string
}

export interface ParseOptions {
  /** The name recorded as the document's source file (a base name, not a path). */
  file: string
  aliases: AliasDictionary
  supplied?: SuppliedMetadata
  /**
   * The file the text was read from (a page, PDF or DOCX), when the bytes given are the text
   * extracted from it rather than the file itself.
   */
  extractedFrom?: {
    format: SourceFormat
    mediaType: string
    bytes: Uint8Array
    pageOfLine: number[] | null
  }
}

const ATTACHMENT_NOTE = /^附\s*件\s*\d*\s*[:：]\s*(.*)$/
const ATTACHMENT_MARK = /^附\s*件\s*\d*$/
/** Where the text of a title ends: its kind of document, or a period after it. */
const PERIOD_LINE = /^[（(][^（）()]{2,20}[）)]$/

/** A line that opens an outline: 一、, （一）, 第一章, 第一部分. */
const OUTLINE_START =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]+(?:章|部分))/

/** The plan a notice names as the document it issues: 《X》已经市政府同意，现印发给你们. */
function titleNamedByNotice(notice: Line[]): string | null {
  const text = notice.map((l) => repair(l.text)).join('')
  const m =
    /《([^《》]+)》(?:已经|已|经)[^。]{0,30}?(?:同意|通过|研究)/.exec(text) ??
    /(?:现将|现把|特将|将)《([^《》]+)》(?:[（(][^（）()]*号[）)])?(?:印发|转发)/.exec(text) ??
    /(?:制定|起草|修订)了?《([^《》]+)》[，,]?(?:现|特)?(?:印发|转发)/.exec(text)
  if (!m) return null
  // 现将《省政府办公厅关于印发X的通知》转发给你们: the plan is the X that notice issues.
  const named = repairTitle(m[1]!)
  const issued = issuedPlanTitle(named)
  return issued === null ? named : repairTitle(issued)
}

/** 附件：1．甲清单 / 2．乙表 : each attachment's title, without its number. */
function parseAttachmentNote(lines: Line[], index: number): { title: string }[] {
  const first = ATTACHMENT_NOTE.exec(lines[index]!.text.trim())
  if (!first) return []
  const titles = [first[1]!]
  for (let i = index + 1; i < lines.length; i++) {
    const text = lines[i]!.text.trim()
    if (text === '') continue
    if (!/^\d+\s*[.．、]/.test(text)) break
    titles.push(text)
  }
  return titles
    .map((t) => repairTitle(t.replace(/^\d+\s*[.．、]\s*/, '')))
    .filter((t) => t !== '')
    .map((title) => ({ title }))
}

/**
 * The plan's own title after a notice: the title the notice says it issues, written over one to
 * three lines (with its period on the next); for a 转发 notice, the title without its author.
 * Else the first title after the notice's signature.
 */
function findPlanTitle(
  lines: Line[],
  from: number,
  to: number,
  expected: string | null,
  skip: Set<number>,
  signatures: Signature[],
): { title: string; index: number } | null {
  const nonBlank: number[] = []
  for (let i = from; i < to; i++) {
    if (!skip.has(i) && lines[i]!.text.trim() !== '') nonBlank.push(i)
  }
  const withPeriod = (k: number, title: string) => {
    const next = nonBlank[k + 1]
    if (next !== undefined && PERIOD_LINE.test(compact(lines[next]!.text))) {
      return { title: repairTitle(title + lines[next]!.text.trim()), index: next }
    }
    return { title: repairTitle(title), index: nonBlank[k]! }
  }
  if (expected !== null) {
    const target = compact(expected)
    for (let k = 0; k < nonBlank.length; k++) {
      let joined = ''
      for (let span = 0; span < 3 && k + span < nonBlank.length; span++) {
        const text = lines[nonBlank[k + span]!]!.text.trim()
        joined += compact(text)
        // 转发: the notice names the author before the title (关于转发市商务局X的通知).
        // The author before it is an organ (市商务局X方案), not another document's title.
        const author = target.slice(0, target.length - joined.length).replace(/[《“]$/, '')
        const same =
          joined === target ||
          (joined.length >= 6 &&
            target.endsWith(joined) &&
            isTitleLike(joined) &&
            isOrganLine(author)) ||
          (joined.length >= 6 && compact(target.replace(/[（(][^（）()]*[）)]$/, '')) === joined)
        if (same)
          return withPeriod(
            k + span,
            nonBlank
              .slice(k, k + span + 1)
              .map((i) => lines[i]!.text.trim())
              .join(''),
          )
        if (!target.includes(joined)) break
      }
    }
  }
  // The first title under the notice's signature (附件 marks and release notes passed over).
  const signature = signatures.find((s) => s.last >= from && s.last < to)
  if (!signature) return null
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k]!
    if (i <= signature.last) continue
    const text = lines[i]!.text.trim()
    if (ATTACHMENT_MARK.test(compact(text)) || RELEASE_NOTE.test(compact(text))) continue
    if (!isTitleLike(text)) {
      // A title may run over two lines: 某区政府2023年重点工作 / 任务分解和责任分工方案.
      const next = nonBlank[k + 1]
      const two = next === undefined ? '' : text + lines[next]!.text.trim()
      if (next !== undefined && compact(text).length <= 30 && isTitleLike(two)) {
        return withPeriod(k + 1, two)
      }
      return null
    }
    return withPeriod(k, text)
  }
  return null
}

/** The issuer a notice's title names before 关于; joint issuers keep the space between them. */
function issuerOfTitle(title: string | null, raw: string | null): string | null {
  if (title === null) return null
  const m = /^(.+?)(?:关于|转发)/.exec(raw ?? title)
  if (!m) return null
  const parts = m[1]!.trim().split(/\s+/).map(repair)
  return parts.length > 1 && parts.every((p) => isOrganLine(p)) ? parts.join(' ') : compact(m[1]!)
}

function readSupplied(supplied: SuppliedMetadata, file: string) {
  let number: { number: string; parts: NumberParts } | null = null
  if (supplied.number !== undefined) {
    number = normalizeDocumentNumber(supplied.number)
    if (number === null) {
      throw new PlanParseError(file, null, `supplied number ${supplied.number} is not a 发文字号`)
    }
  }
  return number
}

/** The text as an editor shows it, byte-order mark aside: what a record's line refers to. */
function textOf(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export function parsePlan(bytes: Uint8Array, options: ParseOptions): PlanDocument {
  const { file } = options
  const supplied = options.supplied ?? {}
  // Page numbers are dropped but keep their line, so that every other line keeps its number.
  const lines = splitJoinedParagraphs(
    decodePlanText(bytes, file, options.extractedFrom !== undefined).map((l) =>
      isPageNumber(l.text) ? { n: l.n, text: '' } : l,
    ),
  )
  const original = options.extractedFrom ?? {
    format: 'text' as const,
    mediaType: MEDIA_TYPES.text,
    bytes,
    pageOfLine: null,
  }
  const sha256 = sha256Hex(original.bytes)
  const findings: Finding[] = []

  const box = readPortalMetadata(lines)
  // What stands above a metadata box is the page's own (site name, breadcrumbs).
  const head = withPageTitle(
    readHead(lines, box.lines.size > 0 ? Math.max(...box.lines) + 1 : 0, box.lines),
    lines,
    box.lines,
  )
  const footer = parseFooter(lines, head.bodyIndex)
  const firstIsLead = lines.some((l) => FIRST_IS_LEAD.test(compact(l.text)))
  const tables = parseTables(lines, head.bodyIndex, footer.startIndex, {
    firstIsLead,
    skip: box.lines,
  })
  const signatures = findSignatures(lines, head.bodyIndex, footer.startIndex).filter(
    (s) => !tables.lines.has(s.last),
  )
  const skip = new Set([...box.lines, ...tables.lines])
  for (const s of signatures) for (let i = s.first; i <= s.last; i++) skip.add(i)
  lines.forEach((l, i) => {
    if (RELEASE_NOTE.test(compact(l.text))) skip.add(i)
  })

  // A notice that issues the plan, or the plan itself. A signature before the first heading is
  // the notice's: the plan starts after it (under its own title, when it has one).
  const expected = head.title === null ? null : issuedPlanTitle(head.title)
  let tablesStart = footer.startIndex
  for (const i of tables.lines) if (i >= head.bodyIndex && i < tablesStart) tablesStart = i
  const firstHeading = lines.findIndex(
    (l, i) => i >= head.bodyIndex && !skip.has(i) && OUTLINE_START.test(repair(l.text.trim())),
  )
  const earlySignature = signatures.find(
    (s) => s.first >= head.bodyIndex && (firstHeading < 0 || s.last < firstHeading),
  )
  let bodyStart = head.bodyIndex
  let planTitle: string | null = expected === null ? head.title : repairTitle(expected)
  let noticeEnd = head.bodyIndex
  // 关于印发A和B的通知: both documents are read, one after the other; the plan is the one
  // whose kind is a plan's (B行动计划 beside A若干政策), else the first.
  const joint = expected === null ? null : jointlyIssuedTitles(expected)
  const firstDocument =
    joint && findPlanTitle(lines, head.bodyIndex, tablesStart, joint[0], skip, signatures)
  const secondDocument =
    joint &&
    firstDocument &&
    findPlanTitle(lines, firstDocument.index + 1, tablesStart, joint[1], skip, signatures)
  const found =
    secondDocument && firstDocument
      ? firstDocument
      : findPlanTitle(lines, head.bodyIndex, tablesStart, expected, skip, signatures)
  if (secondDocument && firstDocument) {
    planTitle =
      [firstDocument, secondDocument].find((d) => isPlanKind(d.title))?.title ?? firstDocument.title
    bodyStart = firstDocument.index + 1
    noticeEnd = bodyStart
  } else if (found && (expected !== null || earlySignature)) {
    planTitle = found.title
    bodyStart = found.index + 1
    noticeEnd = bodyStart
  } else if (earlySignature && earlySignature.last + 1 < tablesStart) {
    bodyStart = earlySignature.last + 1
    noticeEnd = bodyStart
  }
  // 现将《X》印发给你们: a notice without a title of its own still names the plan.
  // On a crawled page the notice runs straight into the plan's first heading.
  const noticeLines =
    noticeEnd > head.bodyIndex ? noticeEnd : Math.max(firstHeading, head.bodyIndex)
  const namedByNotice =
    planTitle === null && noticeLines > head.bodyIndex
      ? titleNamedByNotice(lines.slice(head.bodyIndex, noticeLines))
      : null
  planTitle ??= namedByNotice
  // A notice whose own title was not copied: its title is unknown, not the plan's.
  const untitledNotice =
    head.title === null && (noticeEnd > head.bodyIndex || namedByNotice !== null)
  const noticeSignature = signatures.find((s) => s.first >= head.bodyIndex && s.last < noticeEnd)

  // The body ends at the 附件 note or mark, the plan's own signature, or the 版记.
  let bodyEnd = footer.startIndex
  for (let i = bodyStart; i < footer.startIndex; i++) {
    const text = compact(lines[i]!.text)
    if (skip.has(i) && !signatures.some((s) => s.first === i)) continue
    if (ATTACHMENT_NOTE.test(text) || ATTACHMENT_MARK.test(text)) {
      bodyEnd = i
      break
    }
    if (signatures.some((s) => s.first === i && s.first > bodyStart && s.first > firstHeading)) {
      bodyEnd = i
      break
    }
  }
  const secondStart = secondDocument && secondDocument.index < bodyEnd ? secondDocument.index : null
  const outline =
    secondStart === null
      ? parseOutline(lines, bodyStart, bodyEnd, skip)
      : concatOutlines(
          parseOutline(lines, bodyStart, secondStart, skip),
          parseOutline(lines, secondStart + 1, bodyEnd, skip),
        )
  const planSignature = signatures.find((s) => s.first >= bodyEnd && s !== noticeSignature)

  // Who issued it, where, and when: the text's own elements first, then the metadata box.
  const titleIssuer = issuerOfTitle(head.title, head.titleRaw)
  const textIssuer =
    head.masthead ??
    titleIssuer ??
    noticeSignature?.organ ??
    footer.printer ??
    planSignature?.organ ??
    null
  const issuer = supplied.issuer ?? textIssuer ?? box.issuer
  const hints = lines
    .slice(0, 400)
    .map((l) => l.text)
    .join('')
  const suppliedNumber = readSupplied(supplied, file)
  const boxNumber = box.number ? normalizeDocumentNumber(box.number) : null
  const number = suppliedNumber ?? head.number ?? boxNumber
  // The issuer's place; a place the list of divisions knows wins over one guessed from a name's
  // ending (a copy that lost its first character: 海市人民政府办公厅).
  const candidates = [issuer, planTitle, head.title].map((name) =>
    name === null ? null : jurisdictionOf(name, hints),
  )
  const inferred =
    issuer === null && candidates.every((c) => c === null) ? inferJurisdiction(hints) : null
  const jurisdiction: Jurisdiction | null =
    candidates.find((c) => c !== null && c.known) ??
    (issuer && number ? provinceOfNumber(issuer, number.parts.agencyCode) : null) ??
    candidates.find((c) => c !== null) ??
    inferred
  if (inferred && jurisdiction === inferred) {
    findings.push({
      severity: 'info',
      code: 'jurisdiction-inferred',
      message: `No issuer is named; ${inferred.name} is inferred from how the text refers to itself.`,
      lines: [lines[0]!.n],
    })
  }
  const textDate =
    footer.issuedOn ??
    noticeSignature?.date ??
    planSignature?.date ??
    box.writtenOn ??
    box.publishedOn ??
    null
  const issuedOn = supplied.issuedOn ?? textDate
  const suppliedFields = (['number', 'issuer', 'issuedOn', 'sourceUrl'] as const).filter(
    (f): f is SuppliedField => supplied[f] !== undefined,
  )

  findings.push(
    ...suppliedDiffers(
      supplied,
      {
        number: (head.number ?? boxNumber)?.number ?? null,
        issuer: textIssuer ?? box.issuer,
        issuedOn: textDate,
      },
      lines[0]!.n,
    ),
  )

  if (outline.sections.length === 0 && tables.tasks.length === 0) {
    const at = lines[bodyStart]?.n ?? lines.length
    throw new PlanParseError(
      file,
      at,
      'not a plan: no outline (一、 （一） 1. 第一章 …) and no task table from here on',
    )
  }

  const attachments = lines.flatMap((l, i) =>
    i >= head.bodyIndex && i < footer.startIndex && ATTACHMENT_NOTE.test(l.text.trim())
      ? parseAttachmentNote(lines, i)
      : [],
  )

  const resolver = new AgencyResolver(jurisdiction, options.aliases)
  for (const row of tables.agencies) resolver.resolve(row.name, row)
  const matcher = itemMatcher(outline.sections)
  // Rows the matcher's bound left uncompared with the items: no finding says they restate none.
  const unlinked = new Set<ParsedTask>()
  const tableTasks: ParsedTask[] = tables.tasks.map((row) => {
    const unmatched = matcher.unmatched
    const task: ParsedTask = {
      number: row.number,
      text: row.text,
      units: row.units.map((u) => ({ ...u, agencyIndex: resolver.resolve(u.asWritten) })),
      itemIndexes: matcher.itemsOf(row.text),
      sectionIndex: null,
      due: row.due,
      line: row.line,
    }
    if (matcher.unmatched > unmatched) unlinked.add(task)
    return task
  })
  const firstUnlinked = [...unlinked][0]
  if (firstUnlinked) {
    findings.push({
      severity: 'warning',
      code: 'tasks-not-linked',
      message: `The task list and the body are too large to compare in full: ${unlinked.size} tasks were not compared with the items they may restate.`,
      lines: [firstUnlinked.line],
    })
  }
  const bodyTasks: ParsedTask[] = findBodyTasks(lines, outline, { firstIsLead }).map((t, i) => ({
    number: i + 1,
    text: t.text,
    units: t.units.map((u) => ({ ...u, agencyIndex: resolver.resolve(u.asWritten) })),
    itemIndexes: t.itemIndexes,
    sectionIndex: t.sectionIndex,
    due: t.due,
    line: t.line,
  }))
  const tasks = [...tableTasks, ...bodyTasks].sort((a, b) => a.line - b.line)

  const noticeParagraphs = lines
    .slice(head.bodyIndex, noticeEnd)
    .map((l) => ({ text: repair(l.text), line: l.n }))
  const citations = findCitations(
    [
      ...noticeParagraphs,
      ...outline.preamble.map((p) => ({ text: p.text, line: p.startLine })),
      ...outline.sections.map((s) => ({ text: s.text, line: s.startLine })),
      ...tasks.map((t) => ({ text: t.text, line: t.line })),
    ],
    [planTitle, expected, ...attachments.map((a) => a.title)],
  )

  const period = planPeriodEnd([planTitle, head.title], issuedOn)
  const targets = collectTargets(lines, outline, tasks, { periodEnd: period })
  const readFindings = [
    ...tables.findings,
    ...findQualityIssues({
      lines,
      sections: outline.sections,
      tasks,
      unlinked,
      agencyTable: tables.agencies,
      agencies: resolver.agencies,
    }),
    ...targets.findings,
    ...missingElements({
      number,
      issuer,
      jurisdiction,
      issuedOn,
      title: head.title ?? planTitle,
      tasks,
      firstLine: lines[0]!.n,
    }),
  ]
  // Appended one by one: a plan of a hundred thousand rows has as many findings, more than a
  // call takes arguments.
  for (const finding of readFindings) findings.push(finding)
  findings.sort((a, b) => a.lines[0]! - b.lines[0]! || a.code.localeCompare(b.code))

  return {
    source: {
      file,
      sha256,
      url: supplied.sourceUrl ?? null,
      format: original.format,
      mediaType: original.mediaType,
    },
    published: {
      bytes: original.bytes,
      text: textOf(bytes),
      pageOfLine: original.pageOfLine,
    },
    number: number?.number ?? null,
    numberParts: number?.parts ?? null,
    issuer,
    jurisdiction: jurisdiction?.name ?? null,
    jurisdictionLevel: jurisdiction?.level ?? null,
    title: head.title ?? box.title ?? (untitledNotice ? null : planTitle),
    planTitle,
    recipients: head.recipients.map(repair),
    issuedOn,
    printer: footer.printer,
    sponsor: footer.sponsor,
    cc: footer.cc.map(repair),
    attachments,
    citations,
    sections: outline.sections,
    tasks,
    agencyTable: tables.agencies,
    agencies: resolver.agencies,
    targets: targets.targets,
    findings,
    suppliedFields,
    lineCount: lines.length,
  }
}

/** What a plan does not say about itself: reported, so that a reader can supply it. */
function missingElements(found: {
  number: unknown
  issuer: string | null
  jurisdiction: Jurisdiction | null
  issuedOn: string | null
  title: string | null
  tasks: ParsedTask[]
  firstLine: number
}): Finding[] {
  const at = [found.firstLine]
  const findings: Finding[] = []
  const missing = (code: string, severity: Finding['severity'], message: string) =>
    findings.push({ severity, code, message, lines: at })
  if (found.number === null) {
    missing('no-document-number', 'info', 'The text gives no 发文字号; supply one with --meta.')
  }
  if (found.issuer === null) {
    missing('no-issuer', 'warning', 'The text names no issuer (发文机关); supply one with --meta.')
  }
  if (found.jurisdiction === null) {
    missing(
      'no-jurisdiction',
      'warning',
      'Nothing in the text says which government issued it; its agencies are kept to this document.',
    )
  }
  if (found.issuedOn === null) {
    missing('no-issue-date', 'info', 'The text gives no date of issue; supply one with --meta.')
  }
  if (found.title === null) missing('no-title', 'warning', 'The text has no title.')
  if (found.tasks.length === 0) {
    missing('no-responsible-units', 'info', 'The plan names no responsible unit for any task.')
  }
  return findings
}

/** Supplied metadata wins; where the text says otherwise, a reader should know. */
function suppliedDiffers(
  supplied: SuppliedMetadata,
  text: { number: string | null; issuer: string | null; issuedOn: string | null },
  line: number,
): Finding[] {
  const findings: Finding[] = []
  const check = (field: 'number' | 'issuer' | 'issuedOn', value: string | undefined) => {
    const own = text[field]
    const given =
      field === 'number' && value ? (normalizeDocumentNumber(value)?.number ?? value) : value
    if (given === undefined || own === null || compact(own) === compact(given)) return
    findings.push({
      severity: 'info',
      code: 'supplied-differs',
      message: `The supplied ${field} ${given} is used; the text gives ${own}.`,
      lines: [line],
    })
  }
  check('number', supplied.number)
  check('issuer', supplied.issuer)
  check('issuedOn', supplied.issuedOn)
  return findings
}
