// parsePlan: the bytes of one plan text in, a PlanDocument out. It finds the regions of a
// GB/T 9704 document (版头, notice, plan body, 附件 tables, 版记) and hands each to its parser.
import { AgencyResolver, type AliasDictionary } from './agencies.js'
import { PlanParseError } from './errors.js'
import {
  findCitations,
  findDocumentNumber,
  issuedPlanTitle,
  issuerFromMasthead,
  jurisdictionOf,
  parseFooter,
  parseIssueDate,
  parseNoticeHead,
} from './header.js'
import { itemMatcher } from './links.js'
import { parseOutline } from './outline.js'
import { collectTargets } from './plan-targets.js'
import { findQualityIssues } from './quality.js'
import { parseTables } from './tables.js'
import {
  compact,
  decodePlanText,
  endsSentence,
  isPageNumber,
  repair,
  repairTitle,
  sha256Hex,
  type Line,
} from './text.js'
import type { PlanDocument } from './types.js'

export interface ParseOptions {
  /** The name recorded as the document's source file (a base name, not a path). */
  file: string
  aliases: AliasDictionary
}

const ATTACHMENT_NOTE = /^附\s*件\s*[:：]\s*(.*)$/
const ATTACHMENT_MARK = /^附\s*件\s*\d*$/
const PART_HEADING = /^[一二三四五六七八九十]{1,3}\s*、/

function isTableRow(text: string): boolean {
  return text.includes('\t')
}

/** Where the body ends: the 附件说明, the 附件 mark, the first table, or the 版记. */
function findBodyEnd(lines: Line[], from: number, footerStart: number): number {
  for (let i = from; i < footerStart; i++) {
    const text = lines[i]!.text.trim()
    if (ATTACHMENT_NOTE.test(text) || ATTACHMENT_MARK.test(text) || isTableRow(text)) return i
  }
  return footerStart
}

/**
 * The plan's own title line(s) after the notice: the title the notice says it issues, written
 * over one or two lines; else the first line that is not a sentence and comes before the body.
 */
function findPlanTitle(
  lines: Line[],
  from: number,
  to: number,
  expected: string | null,
  issuer: string | null,
): { title: string; index: number } | null {
  const nonBlank: number[] = []
  for (let i = from; i < to; i++) if (lines[i]!.text.trim() !== '') nonBlank.push(i)
  if (expected !== null) {
    const target = compact(expected)
    for (let k = 0; k < nonBlank.length; k++) {
      let joined = ''
      for (let span = 0; span < 3 && k + span < nonBlank.length; span++) {
        joined += compact(lines[nonBlank[k + span]!]!.text)
        if (joined === target) return { title: repairTitle(expected), index: nonBlank[k + span]! }
        if (!target.startsWith(joined)) break
      }
    }
  }
  for (const i of nonBlank) {
    const text = lines[i]!.text.trim()
    if (PART_HEADING.test(text)) return null
    if (endsSentence(text) || parseIssueDate(text) !== null || compact(text) === issuer) continue
    if (ATTACHMENT_NOTE.test(text) || ATTACHMENT_MARK.test(text)) continue
    if (compact(text).length <= 80) return { title: repairTitle(text), index: i }
  }
  return null
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

export function parsePlan(bytes: Uint8Array, options: ParseOptions): PlanDocument {
  const { file } = options
  // Page numbers are dropped but keep their line, so that every other line keeps its number.
  const lines = decodePlanText(bytes, file).map((l) =>
    isPageNumber(l.text) ? { n: l.n, text: '' } : l,
  )
  const sha256 = sha256Hex(bytes)

  const docNumber = findDocumentNumber(lines, file)
  const head = parseNoticeHead(lines, docNumber.index, file)
  const footer = parseFooter(lines, head.bodyIndex)
  const firstTable = lines.findIndex((l, i) => i >= head.bodyIndex && isTableRow(l.text))
  const tablesStart =
    firstTable < 0 || firstTable > footer.startIndex ? footer.startIndex : firstTable

  const titleIssuer = /^(.+?)关于/.exec(head.title)?.[1] ?? null
  const issuer = issuerFromMasthead(lines, docNumber.index) ?? footer.printer ?? titleIssuer
  if (issuer === null) {
    throw new PlanParseError(file, docNumber.line, 'no 发文机关 (issuer) above the 发文字号')
  }
  const expectedTitle = issuedPlanTitle(head.title)
  // The plan may follow the notice directly, or as its attachment after a 附件 note and the
  // notice's signature: it is looked for up to the first table.
  const planTitle = findPlanTitle(lines, head.bodyIndex, tablesStart, expectedTitle, issuer)
  const jurisdiction =
    jurisdictionOf(issuer) ?? (planTitle ? jurisdictionOf(planTitle.title) : null)
  if (jurisdiction === null) {
    throw new PlanParseError(
      file,
      docNumber.line - 1 > 0 ? docNumber.line - 1 : docNumber.line,
      `cannot tell which government the issuer ${issuer} belongs to`,
    )
  }

  const bodyStart = planTitle ? planTitle.index + 1 : head.bodyIndex
  const bodyEnd = findBodyEnd(lines, bodyStart, footer.startIndex)
  const outline = parseOutline(lines, bodyStart, bodyEnd)
  const tables = parseTables(lines, bodyEnd, footer.startIndex)
  const attachments = lines.flatMap((l, i) =>
    i >= head.bodyIndex && i < footer.startIndex && ATTACHMENT_NOTE.test(l.text.trim())
      ? parseAttachmentNote(lines, i)
      : [],
  )

  const resolver = new AgencyResolver(jurisdiction, options.aliases)
  for (const row of tables.agencies) resolver.resolve(row.name, row)
  const matcher = itemMatcher(outline.sections)
  const tasks = tables.tasks.map((row) => ({
    number: row.number,
    text: row.text,
    units: row.units.map((u) => ({ ...u, agencyIndex: resolver.resolve(u.asWritten) })),
    itemIndexes: matcher.itemsOf(row.text),
    line: row.line,
  }))

  const noticeParagraphs = lines
    .slice(head.bodyIndex, bodyStart)
    .map((l) => ({ text: repair(l.text), line: l.n }))
  const citations = findCitations(
    [
      ...noticeParagraphs,
      ...outline.preamble.map((p) => ({ text: p.text, line: p.startLine })),
      ...outline.sections.map((s) => ({ text: s.text, line: s.startLine })),
      ...tasks.map((t) => ({ text: t.text, line: t.line })),
    ],
    [planTitle?.title ?? expectedTitle, ...attachments.map((a) => a.title)],
  )

  const targets = collectTargets(lines, outline.preamble, outline.sections, tasks)
  const findings = [
    ...findQualityIssues({
      lines,
      sections: outline.sections,
      tasks,
      agencyTable: tables.agencies,
      agencies: resolver.agencies,
    }),
    ...targets.findings,
  ].sort((a, b) => a.lines[0]! - b.lines[0]! || a.code.localeCompare(b.code))

  return {
    source: { file, sha256 },
    number: docNumber.number,
    numberParts: docNumber.parts,
    issuer,
    jurisdiction,
    title: head.title,
    planTitle: planTitle?.title ?? expectedTitle,
    recipients: head.recipients.map(repair),
    issuedOn: footer.issuedOn,
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
    lineCount: lines.length,
  }
}
