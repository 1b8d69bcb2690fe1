// The metadata box of a government portal's page (索引号, 发文机关, 发文字号, 成文日期, 发布日期,
// 主题分类 …), copied above the text with it: a label and its value on one line, several pairs
// on one line separated by tabs, or a label and its value on lines of their own. Its lines are
// metadata, not the document's body; what it says fills what the text itself leaves out.
import { parseDate } from './dates.js'
import type { Line } from './decode.js'
import { isTitleLike } from './header.js'
import { compact, repair } from './text.js'

export interface PortalMetadata {
  number: string | null
  issuer: string | null
  /** 成文日期: the date the document was signed. */
  writtenOn: string | null
  /** 发布日期: the date the portal published it. */
  publishedOn: string | null
  title: string | null
  /** Indexes of the lines the box takes, labels, values and the numbering between them. */
  lines: Set<number>
}

type Field = 'number' | 'issuer' | 'writtenOn' | 'publishedOn' | 'title' | 'other'

/** Labels as portals print them (often letter-spaced: 索 引 号), and the field each fills. */
const LABELS: [RegExp, Field][] = [
  [/^(?:发文字号|文号|发文编号|文件编号)$/, 'number'],
  [/^(?:发文机关|发布机构|发文单位|发布机关|制发机关|发文部门|发布单位)$/, 'issuer'],
  [/^(?:成文日期|成文时间|发文日期|印发日期)$/, 'writtenOn'],
  [/^(?:发布日期|发布时间|公开日期|公布日期)$/, 'publishedOn'],
  [/^(?:标题|名称|文件名称|信息名称|文件标题)$/, 'title'],
  [
    /^(?:索引号|主题分类|主题词|法宝引证码|原文链接|文档类型|基本信息|效力级别|时效性|发布部门|类别|分类|体裁分类|组配分类|内容分类|服务对象|有效性|效力状态|时效|生效日期|实施日期|失效日期|废止日期|来源|信息来源|公开方式|公开范围|公开时限|所属机构|文种|关键词|信息类别|编号|统一编号|登记号|浏览次数|字号|检索时间|检索日期|检索关键词|采集时间|抓取时间|更新时间|附件)$/,
    'other',
  ],
]

/** Whether a cell's text is a label of the box (索 引 号, 发文字号：), colon and spacing aside. */
export function isPortalLabel(text: string): boolean {
  const label = text.replace(/\s+/g, '').replace(/[:：]$/, '')
  return LABELS.some(([re]) => re.test(label))
}

/** How far into the file a metadata box may start: it is copied from the top of the page. */
const SCAN_NON_BLANK = 60

/** A label with a colon, and what follows the colon. */
function readLabel(segment: string): { field: Field; value: string } | null {
  // 01.索引号：… : some portals number the fields of the box.
  const m = /^([^:：]{1,12}?)\s*[:：]\s*(.*)$/.exec(
    segment.trim().replace(/^\d{1,2}[.、．]\s*/, ''),
  )
  if (!m) return null
  const label = m[1]!.replace(/\s+/g, '')
  const found = LABELS.find(([re]) => re.test(label))
  return found ? { field: found[1], value: m[2]!.trim() } : null
}

/** The pairs of one line: label：value, possibly several separated by tabs or wide gaps. */
function pairsOf(text: string): { field: Field; value: string }[] | null {
  // Letter-spaced labels (索  引  号：, 文      号:) are one word; the gaps between pairs are not.
  const joined = text.replace(
    /((?:[\u4e00-\u9fff] +){1,5}[\u4e00-\u9fff])(\s*[:：])/g,
    (_, label: string, colon: string) => label.replace(/ +/g, '') + colon,
  )
  // 【法宝引证码】 CLI.12.4638041: a database export's label in brackets.
  const segments = joined
    .replace(/^【([^】]{2,8})】\s*/, '$1：')
    .split(/\t| {2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const pairs: { field: Field; value: string }[] = []
  for (let i = 0; i < segments.length; i++) {
    const label = readLabel(segments[i]!)
    if (!label) {
      // A value written after its label's cell: 发文字号：\t某府办〔2021〕8号
      const last = pairs[pairs.length - 1]
      if (last && last.value === '') last.value = segments[i]!
      else return null
      continue
    }
    pairs.push(label)
  }
  return pairs.length > 0 ? pairs : null
}

/** Lines between the fields of a box that carry nothing: 01., a lone colon, a rule. */
function isFiller(text: string): boolean {
  return /^(?:\d{1,2}[.．、]?|[:：]|[-—_=*·]+)$/.test(text.trim())
}

export function readPortalMetadata(lines: Line[]): PortalMetadata {
  const found: PortalMetadata = {
    number: null,
    issuer: null,
    writtenOn: null,
    publishedOn: null,
    title: null,
    lines: new Set(),
  }
  const values: Partial<Record<Field, string>> = {}
  let labels = 0
  let pending: Field | null = null
  let seen = 0
  let boxStarted = false
  const taken: number[] = []
  for (let i = 0; i < lines.length && seen < SCAN_NON_BLANK; i++) {
    const text = lines[i]!.text.trim()
    if (text === '') continue
    seen++
    const pairs = pairsOf(text)
    if (pairs) {
      boxStarted = true
      for (const pair of pairs) {
        labels++
        if (pair.value === '') pending = pair.field
        else {
          pending = null
          values[pair.field] ??= pair.value
        }
      }
      taken.push(i)
      continue
    }
    // A value under its label; an empty field (主题词：) does not take the title below it.
    if (pending !== null && (pending === 'title' || !isTitleLike(text))) {
      values[pending] ??= text
      pending = null
      taken.push(i)
      continue
    }
    pending = null
    if (boxStarted && isFiller(text)) {
      taken.push(i)
      continue
    }
    // The box ends at the first line that belongs to none of its fields.
    if (boxStarted) break
  }
  // One stray label (标题：) is a line of text; a box has several.
  if (labels < 2) return found
  for (const i of taken) found.lines.add(i)
  // 文件编号：无 : a field the page left empty.
  for (const field of Object.keys(values) as Field[]) {
    if (/^(?:无|暂无|-|—|\/)$/.test(compact(values[field]!))) delete values[field]
  }
  found.number = values.number ? compact(values.number) : null
  // 发布机构：上海市相关部门: a page's placeholder, not an organ.
  if (values.issuer && /(?:相关|有关)(?:部门|单位|机构)$/.test(compact(values.issuer))) {
    delete values.issuer
  }
  found.issuer = values.issuer ? repair(values.issuer).replace(/\s+/g, ' ') : null
  found.writtenOn = values.writtenOn ? parseDate(values.writtenOn) : null
  found.publishedOn = values.publishedOn ? parseDate(values.publishedOn) : null
  found.title = values.title ? compact(values.title) : null
  return found
}
