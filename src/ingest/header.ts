// The head of a plan document: the 版头 (issuer's masthead and 发文字号), the title and the 主送机关.
// Published plans put them in every order: the number above the title (GB/T 9704), the title above
// the number (national and provincial portals), the title twice (the portal's heading, then the
// document's), no number at all, no masthead, or no notice at all, the plan's own title first.
// Each element is looked for on its own, so that one missing does not hide the others.
import type { Line } from './decode.js'
import { parseDate } from './dates.js'
import { compact, endsSentence, repair, repairTitle, splitList } from './text.js'
import type { Citation, NumberParts } from './types.js'

/** 发文字号: agency code, year in 〔〕 (or a bracket a converter put in its place), serial, 号. */
const DOCUMENT_NUMBER =
  /^([\u4e00-\u9fff][\u4e00-\u9fff\w]{0,19}?)\s*[〔[［【（(﹝]\s*((?:19|20)\d{2})\s*[〕\]］】）)﹞]\s*第?\s*(\d{1,5})\s*号/

/** The canonical spelling of a 发文字号: 〔〕 around the year, no leading zeros, no spaces. */
export function normalizeDocumentNumber(
  text: string,
): { number: string; parts: NumberParts; rest: string } | null {
  const repaired = repair(text)
  const m = DOCUMENT_NUMBER.exec(repaired)
  if (!m) return null
  const [, agencyCode, year, serial] = m as unknown as [string, string, string, string]
  return {
    number: `${agencyCode}〔${year}〕${Number(serial)}号`,
    parts: { agencyCode, year: Number(year), serial: Number(serial) },
    rest: repaired.slice(m[0].length).trim(),
  }
}

/** A line that is a 发文字号, alone or followed by 签发人 (or by the title, on portal headings). */
function numberOnLine(text: string): { number: string; parts: NumberParts; rest: string } | null {
  // （皖政办秘〔2021〕82号）: a database export prints it in brackets under the title.
  const bare = text.trim().replace(/^[（(](.+号)[）)]$/, '$1')
  const found = normalizeDocumentNumber(bare)
  if (!found) return null
  const rest = found.rest.replace(/^签发人[:：].*$/, '')
  return { ...found, rest }
}

/** The kinds of document a title ends with (GB/T 9704 文种), before a period in brackets. */
const KIND_OF_DOCUMENT =
  '(?:通知|意见|方案|决定|办法|规定|通报|报告|批复|函|纪要|公告|通告|规划|计划|细则|要点|纲要|措施|指引|指南|清单|标准|条例|实施意见|若干措施)'
// （2021—2025年）, （试行）; a bracketed 发文字号 (（某府办〔2021〕8号）) is not one.
const PERIOD = '(?:[（(](?![^（）()]*号[）)])[^（）()]{2,20}[）)])'
const TITLE_END = new RegExp(`${KIND_OF_DOCUMENT}${PERIOD}?$`)
/** （2023—2025年） or （试行） on a line of its own under a title. */
const PERIOD_LINE = new RegExp(`^${PERIOD}$`)

/** A line that may be (part of) a title: short, no sentence, naming a kind of document or 关于. */
export function isTitleLike(text: string): boolean {
  const t = compact(text)
  if (t.length < 4 || t.length > 120) return false
  if (/[。；;]/.test(t) || /[：:，,]$/.test(t) || parseDate(t) !== null) return false
  if (
    /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、]|第[一二三四五六七八九十]+[章条节])/.test(
      t,
    )
  ) {
    return false
  }
  return t.includes('关于') || TITLE_END.test(t)
}

/** The organ that signs a notice: short, no sentence, ending as organs' names end. */
const ORGAN_END =
  /(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|领导小组|指挥部|局|厅|委|部|院|署|中心|办|处|会|联|社)$/

export function isOrganLine(text: string): boolean {
  const t = repair(text).trim()
  if (t.length < 2 || t.length > 60 || endsSentence(t) || /[，,、。：:>＞|/\dA-Za-z]/.test(t)) {
    return false
  }
  return t
    .split(/\s+/)
    .every((part) => ORGAN_END.test(part) && !/^[一二三四五六七八九十\d（(]/.test(part))
}

export interface Head {
  number: { number: string; parts: NumberParts; line: number } | null
  /** The issuer as its masthead prints it (joint issuers joined by a space), if it has one. */
  masthead: string | null
  /** The notice's title, or the plan's own where there is no notice. */
  title: string | null
  /** The title as printed, spaces kept: they separate joint issuers before 关于. */
  titleRaw: string | null
  titleLine: number | null
  recipients: string[]
  /** Index of the first line after the head. */
  bodyIndex: number
}

/** How many lines of text (not counting blank ones) the head may take at most. */
const HEAD_LINES = 16

/**
 * Reads the head from `from` on, skipping the lines of a metadata box. The head ends after the
 * 主送机关, or after the title and number where there is none.
 */
export function readHead(lines: Line[], from: number, skip: Set<number>): Head {
  const candidates: number[] = []
  for (let i = from; i < lines.length && candidates.length < HEAD_LINES; i++) {
    if (!skip.has(i) && lines[i]!.text.trim() !== '') candidates.push(i)
  }
  const text = (i: number) => lines[i]!.text.trim()
  let number: Head['number'] = null
  let masthead: string | null = null as string | null
  let title: string | null = null
  let titleRaw: string | null = null
  let titleLine: number | null = null
  let recipients: string[] = []
  let last = -1
  const mastheadParts: string[] = []
  let sawMasthead = false

  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!
    const t = text(i)
    const found = numberOnLine(t)
    if (found && number === null) {
      number = { number: found.number, parts: found.parts, line: lines[i]!.n }
      last = i
      // A portal heading: 晋政办发〔2017〕55号 山西省人民政府办公厅关于印发…的通知
      if (found.rest !== '' && title === null && isTitleLike(found.rest)) {
        title = titleWithIssuers(found.rest)
        titleRaw = found.rest
        titleLine = lines[i]!.n
      }
      continue
    }
    // The masthead: 某市人民政府办公室文件, or issuers stacked over a 文件 of their own.
    // A breadcrumb (当前位置：首页 > 政策文件 > 州政府办文件) ends in 文件 too: only organs count.
    const mastheadName = repair(t)
      .replace(/\s*文件$/, '')
      .trim()
    if (
      title === null &&
      number === null &&
      /文件$/.test(compact(t)) &&
      compact(t).length <= 40 &&
      (mastheadName === '' || isOrganLine(mastheadName))
    ) {
      const name = mastheadName
      if (name !== '') mastheadParts.push(name)
      sawMasthead = true
      last = i
      continue
    }
    const beforeTitle =
      k + 1 < candidates.length && /^(?:关于|转发)/.test(compact(lines[candidates[k + 1]!]!.text))
    if (title === null && number === null && isOrganLine(t) && !isTitleLike(t) && !beforeTitle) {
      mastheadParts.push(repair(t).replace(/\s+/g, ' '))
      last = i
      continue
    }
    // A title may start with its issuer on a line of its own: 某市人民政府办公室 / 关于印发…
    const next = candidates[k + 1]
    const issuerLine =
      isOrganLine(t) && next !== undefined && /^(?:关于|转发)/.test(compact(lines[next]!.text))
    if (isTitleLike(t) || issuerLine) {
      const joined = joinTitle(lines, candidates, k)
      if (title === null) {
        title = joined.title
        titleRaw = joined.raw
        titleLine = lines[i]!.n
        last = candidates[joined.end]!
        k = joined.end
        continue
      }
      // The same title again (a portal's heading over the document's own), or the plan's title
      // straight after a notice title with no number between: only a repeat belongs to the head,
      // and the document's own printing, the later, is kept.
      if (sameTitle(joined.title, title)) {
        title = joined.title
        titleRaw = joined.raw
        last = candidates[joined.end]!
        k = joined.end
        continue
      }
      break
    }
    // Before the title, a portal's breadcrumbs and buttons (首页 > 政策, 打印本页) are passed
    // over; a sentence means the text has no head at all.
    if (title === null && number === null) {
      if (endsSentence(t) || compact(t).length > 60) break
      continue
    }
    // 主送机关 end with a colon, on this line or, wrapped, on one of the next few.
    const wrapped = readRecipients(lines, candidates, k)
    if (wrapped) {
      recipients = wrapped.recipients
      last = candidates[wrapped.end]!
    }
    break
  }
  // Issuers stacked one a line, with 文件 beside one of them or under them all.
  if (mastheadParts.length > 0 && (sawMasthead || number !== null || title !== null)) {
    masthead = mastheadParts.join(' ')
  }
  const bodyIndex = last < 0 ? (candidates[0] ?? from) : last + 1
  return { number, masthead, title, titleRaw, titleLine, recipients, bodyIndex }
}

/** Two printings of one title: dashes and brackets of either width. */
function sameTitle(a: string, b: string): boolean {
  const norm = (t: string) =>
    compact(t)
      .replace(/[—–\-－~～]+/g, '-')
      .replace(/[《》]/g, '')
  return norm(a) === norm(b)
}

/** A title ends with its kind of document, outside any 《》 (《…方案 / （2024—2025年）》的通知). */
function complete(title: string): boolean {
  const t = compact(title)
  return TITLE_END.test(t) && (t.match(/《/g) ?? []).length === (t.match(/》/g) ?? []).length
}

/** A title over up to four lines (one blank line between parts is a converter's). */
function joinTitle(
  lines: Line[],
  candidates: number[],
  k: number,
): { title: string; raw: string; end: number } {
  let joined = lines[candidates[k]!]!.text.trim()
  let end = k
  for (let next = k + 1; next < candidates.length && next <= k + 3; next++) {
    const i = candidates[next]!
    const t = lines[i]!.text.trim()
    // Farther than one blank line away, the next line is something else.
    if (i - candidates[next - 1]! > 2) break
    if (PERIOD_LINE.test(compact(t))) {
      joined += t
      end = next
      break
    }
    if (complete(joined) || numberOnLine(t) || /[：:]$/.test(t)) break
    if (endsSentence(t) || compact(t).length > 60 || parseDate(t) !== null) break
    joined += t
    end = next
    if (complete(joined)) {
      // （2023—2025年） on the line below belongs to the title too.
      const after = candidates[next + 1]
      if (after !== undefined && PERIOD_LINE.test(compact(lines[after]!.text))) {
        joined += lines[after]!.text.trim()
        end = next + 1
      }
      break
    }
  }
  return { title: titleWithIssuers(joined), raw: joined, end }
}

/** A title as printed, repaired; joint issuers before 关于 keep the space between them. */
function titleWithIssuers(raw: string): string {
  const m = /^(.+?)(关于.*)$/.exec(raw)
  if (m) {
    const issuers = m[1]!.trim().split(/\s+/).map(repair)
    if (issuers.length > 1 && issuers.every(isOrganLine)) {
      return `${issuers.join(' ')}${repairTitle(m[2]!)}`
    }
  }
  return repairTitle(raw)
}

function readRecipients(
  lines: Line[],
  candidates: number[],
  k: number,
): { recipients: string[]; end: number } | null {
  let joined = ''
  for (let next = k; next < candidates.length && next < k + 6; next++) {
    const t = lines[candidates[next]!]!.text.trim()
    joined += t
    if (/[：:]$/.test(t)) {
      const list = joined.replace(/[：:]$/, '')
      // 主送机关 name organs: no figure, no sentence. 现将有关事项通知如下： is not one.
      if (/[。\d]/.test(list) || /如下|通知|要求|意见/.test(list) || list.length > 200) return null
      return { recipients: splitList(repair(list)), end: next }
    }
    if (endsSentence(t)) return null
  }
  return null
}

/**
 * The title of the plan a notice issues: 关于印发《X》的通知 → X. A 转发 notice names the author
 * before the plan (关于转发市商务局X的通知); the author is kept, since only the body shows where
 * its name ends.
 */
export function issuedPlanTitle(noticeTitle: string): string | null {
  // 某办公厅转发省医保局省卫健委关于某三年行动计划的通知: the forwarded plan.
  const forwarded = /^.+?转发.+?关于(?:印发)?《?(.+?)》?(?:的)?通知$/.exec(noticeTitle)
  if (forwarded && TITLE_END.test(forwarded[1]!.replace(/》$/, ''))) {
    return forwarded[1]!.replace(/^《|》$/g, '')
  }
  const m = /关于(?:印发|转发|发布|颁布|下发|公布)《?(.+?)》?(?:的)?通知$/.exec(noticeTitle)
  return m ? m[1]!.replace(/^《|》$/g, '') : null
}

/**
 * 关于印发A和B的通知: a notice that issues two documents names both, each a whole title
 * (若干政策 counts as one here: it names a document only beside another).
 */
export function jointlyIssuedTitles(issued: string): [string, string] | null {
  const t = compact(issued)
  for (const m of t.matchAll(/》?(?:和|及|与|、)《?/g)) {
    const first = t.slice(0, m.index).replace(/[《》]/g, '')
    const second = t.slice(m.index + m[0].length).replace(/[《》]/g, '')
    const whole = (title: string) =>
      !/[。；;，,：:]/.test(title) && (complete(title) || /政策$/.test(title))
    if (first.length >= 6 && second.length >= 6 && whole(first) && whole(second)) {
      return [first, second]
    }
  }
  return null
}

/**
 * A notice's title printed above the metadata box and nowhere below it (a crawler's copy of a
 * page: # 关于印发…的通知, then the box, then the number): the head has no title of its own.
 */
export function withPageTitle(head: Head, lines: Line[], boxLines: Set<number>): Head {
  if (head.title !== null || boxLines.size === 0) return head
  let i = Math.min(...boxLines) - 1
  while (i >= 0 && lines[i]!.text.trim() === '') i--
  if (i < 0) return head
  const raw = lines[i]!.text.trim()
  const title = compact(raw)
  if (!isTitleLike(title) || issuedPlanTitle(title) === null) return head
  return { ...head, title, titleRaw: raw, titleLine: lines[i]!.n }
}

/** A plan's kind of document, as opposed to a policy printed beside it (若干政策, 办法). */
const PLAN_KIND = new RegExp(`(?:方案|计划|规划|要点|纲要)${PERIOD}?$`)

export function isPlanKind(title: string): boolean {
  return PLAN_KIND.test(compact(title))
}

/** Whether a title is a notice that issues another document rather than the plan itself. */
export function issuesAnotherDocument(title: string): boolean {
  return issuedPlanTitle(title) !== null
}

const CITED =
  /《([^《》]+)》(?:\s*[（(]([^（）()]*?[〔[［]\s*\d{4}\s*[〕\]］][^（）()]*?号)[）)])?/g

/** Every document cited as 《title》, with its 发文字号 when one follows in brackets. */
export function findCitations(
  paragraphs: { text: string; line: number }[],
  exclude: (string | null)[],
): Citation[] {
  const seen = new Set(exclude.filter((t): t is string => t !== null).map(compact))
  const citations: Citation[] = []
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(CITED)) {
      // The paragraph is repaired already; a space left inside 《》 separates joint issuers.
      const title = m[1]!.trim()
      const key = compact(title)
      if (seen.has(key)) continue
      seen.add(key)
      const number = m[2] ? (normalizeDocumentNumber(m[2])?.number ?? compact(m[2])) : null
      citations.push({ title, number, line: p.line })
    }
  }
  return citations
}
