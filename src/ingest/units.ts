// Responsible units as plans write them, in a table cell or in a clause of the body:
// 市商务局、市住建局 / 牵头单位：市生态环境局；配合单位：市住建局 / 市商务局牵头，市交通运输局、市住建局
// 配合 / 市水利局等按职责分工负责 / 市商务局（牵头）. Each name comes with its role: lead (牵头),
// support (配合, 参与, 协同) or responsible (the text makes no distinction).
import { readDue, type Due } from './dates.js'
import { isDivisionName } from './divisions.js'
import { compact, repair, splitList } from './text.js'

export type UnitRole = 'lead' | 'support' | 'responsible'

export interface NamedUnit {
  name: string
  role: UnitRole
}

export interface Responsibility {
  units: NamedUnit[]
  due: Due | null
  /** Whether the words said who leads or who is responsible (a label or a verb), not a bare list. */
  marked: boolean
}

/** What the label before a colon says the list after it is. */
const LABELS: [RegExp, UnitRole | 'due' | 'person'][] = [
  [/^(?:牵头(?:负责)?领导|责任领导|分管(?:市|县|区|省)?领导|负责人|责任人|联系人)$/, 'person'],
  [/^(?:牵头(?:责任)?(?:单位|部门|处室)?|主责(?:单位|部门)|主办单位)$/, 'lead'],
  [
    /^(?:配合(?:责任)?(?:单位|部门|处室)?|协同(?:责任)?(?:单位|部门)?|协办(?:单位|部门)|参与(?:单位|部门)?|协助(?:单位|部门)|支持单位|支撑单位)$/,
    'support',
  ],
  [
    /^(?:责任(?:单位|部门|处室|主体)|成员单位|推进单位|实施(?:单位|主体|部门)|承办(?:单位|部门)|落实(?:单位|部门)|负责(?:单位|部门)|主体责任单位|责任单位及分工)$/,
    'responsible',
  ],
  [/^(?:完成时限|完成时间|时间节点|时限|时间|进度安排|完成期限|时间要求|推进时限)$/, 'due'],
]

/** The role a column header or a label names, if it names units. */
export function roleOfLabel(label: string): UnitRole | 'due' | 'person' | null {
  const bare = compact(label).replace(/[：:]$/, '')
  return LABELS.find(([re]) => re.test(bare))?.[1] ?? null
}

/** Endings of the names of organs and bodies that take on tasks. */
const UNIT_END =
  /(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|领导小组|指挥部|专班|工作组|局|厅|委|部|院|署|中心|办|处|会|联|社|行|队|所|站|集团|公司|总公司|分公司|银行|海关|大学|学院|学校|校|医院|段|(?<!市)场|馆|团|台|园区|开发区|示范区|新区|街道|乡镇|镇|乡|单位|部门|机构|企业|科|组|室|党委|党组|工委|团委|妇联|残联|科协|总工会|红十字会|股份有限公司)$/

/** 各县（市、区）, 各有关部门, 相关单位, 市直各部门: many bodies under one name. */
const COLLECTIVE = /^(?:[市县区省]直|市级|县级|区级|省级)?(?:各|相关|有关|其他|其它)/

/** Words that end as organs' names do but name none: 布局, 全部, 社会, 进行, 平台, 教室. */
const NOT_AN_ORGAN =
  /(?:布局|格局|大局|全局|结局|当局|内部|外部|全部|局部|东部|西部|南部|北部|中部|干部|机会|社会|大会|聚会|场所|网站|车站|执行|进行|运行|实行|推行|试行|团队|举办|创办|承办|主办|大厅|教室|平台|学科|本科|专科|工作)$/

/** A name of an organ or a body, as opposed to a phrase of prose that happens to sit in a list. */
export function looksLikeUnit(name: string): boolean {
  const t = compact(name)
  if (t.length < 2 || t.length > 40 || NOT_AN_ORGAN.test(t)) return false
  if (/[。；;：:！？“”]/.test(t) || /\d{3,}/.test(t)) return false
  if (COLLECTIVE.test(t)) return true
  // The name without the bracket after it: 各县（市、区）人民政府, 市商务局（牵头）.
  const bare = t.replace(/[（(][^（）()]*[）)]$/, '')
  return (
    UNIT_END.test(bare) ||
    /[（(](?:市|县|区|市、区|县、区|县、市、区)[）)]$/.test(t) ||
    // A place in a list of units stands for its government: …、市住建局、越秀区.
    isDivisionName(bare)
  )
}

/** Role words after a list of units: 牵头, 配合, 按职责分工负责. */
const VERB_ROLE: [RegExp, UnitRole][] = [
  [/(?:牵头负责|牵头抓总|牵头组织|牵头落实|牵头)$/, 'lead'],
  [/(?:协同配合|配合落实|积极配合|共同配合|配合|参与|协助|协同|支持|支撑)$/, 'support'],
  [
    /(?:按(?:照)?职责(?:分工)?(?:抓好)?(?:落实|负责)|按职能(?:分工)?负责|分别负责|共同负责|具体负责|负责落实|组织实施|抓好落实|负责|指导|督导|统筹)$/,
    'responsible',
  ],
]

/** A marker in brackets after one name: 市商务局（牵头）. */
const MARKER = /[（(](牵头|配合|负责|责任|参与)[）)]$/

/** Splits a list of units (市商务局、市住建局等): names in order, the 等 and the 由 gone. */
/** 各市、县人民政府 names one collective (各市人民政府和各县人民政府), not 各市 and 县人民政府. */
function joinCollectives(items: string[]): string[] {
  const joined: string[] = []
  for (const item of items) {
    const last = joined[joined.length - 1]
    if (
      last !== undefined &&
      /^各(?:有关|相关)?(?:[省市州县区乡镇旗]、)*[省市州县区乡镇旗]$/.test(last) &&
      /^(?:县级市|[省市州县区乡镇旗])/.test(item)
    ) {
      joined[joined.length - 1] = `${last}、${item}`
    } else {
      joined.push(item)
    }
  }
  return joined
}

export function splitUnits(list: string): string[] {
  const names: string[] = []
  for (const item of joinCollectives(splitList(list.replace(/^由/, '')))) {
    // A converter may leave spaces where the list had 、: 市商务局 市住建局.
    for (const piece of item.split(/\s+/)) {
      for (const name of namesOf(piece)) names.push(name)
      // 省公安厅等有关部门: the others are named as a collective, a unit of their own.
      const others = /等((?:有关|相关|其他)(?:部门|单位|机构))$/.exec(piece)?.[1]
      if (others !== undefined) names.push(others)
    }
  }
  return names
}

/** The names in one piece of a list, without the 和 before or the 等 after them. */
function namesOf(piece: string): string[] {
  const name = piece
    .replace(/^(?:和|及|以及|与)/, '')
    .replace(/(?:等(?:有关|相关|其他)?(?:部门|单位|机构)?|等)$/, '')
    .trim()
  if (name === '') return []
  // 市商务局和市交通运输局: two names joined by 和 where each side is one.
  const joined = /^(.+?)(?:和|及|与)(.+)$/.exec(name)
  if (joined && looksLikeUnit(joined[1]!) && looksLikeUnit(joined[2]!)) {
    return [joined[1]!, joined[2]!]
  }
  // 技工院校内由人力资源社会保障行政部门: the unit is what follows 由.
  return [name.replace(/^.*由(?=.{2,})/, '')]
}

function unitsOf(list: string, role: UnitRole): NamedUnit[] {
  return splitUnits(list).flatMap((written) => {
    const marker = MARKER.exec(written)
    const name = marker ? written.slice(0, marker.index) : written
    if (!looksLikeUnit(name)) return []
    const markedRole: UnitRole | null = marker
      ? marker[1] === '牵头'
        ? 'lead'
        : marker[1] === '配合' || marker[1] === '参与'
          ? 'support'
          : 'responsible'
      : null
    return [{ name, role: markedRole ?? role }]
  })
}

/**
 * Reads who is responsible from a clause or a cell: labelled lists (牵头单位：…；配合单位：…),
 * lists followed by a role word (…牵头，…配合), a deadline among them (完成时限：2024年底前, or
 * 2024年底前完成). `defaultRole` is the role of a bare list (a table column's).
 */
export function readResponsibility(text: string, defaultRole: UnitRole): Responsibility {
  const units: NamedUnit[] = []
  let due: Due | null = null
  let marked = false
  // Segments end at ；。 or, before a new label or a role word's list, at ，.
  // A space after an organ's name is where a converter lost the 、 of a list.
  const listed = text.replace(
    /(?<=(?:局|委|办|厅|部|院|会|中心|政府|室|队|所|站|处|社|行|署))[ \t]+(?=[\u4e00-\u9fff])/g,
    '、',
  )
  const segments = repair(listed)
    .split(/[；;。]/)
    .flatMap((s) =>
      s.split(/[，,](?=[^，,]{0,12}[：:])|[，,](?=(?:由)?[^，,]+?(?:牵头|配合|参与|协助|负责)$)/),
    )
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const segment of segments) {
    // 列第一位者为牵头单位，下同: a note on how to read the lists, not a unit.
    if (FIRST_IS_LEAD.test(segment) || /^下同$/.test(segment)) continue
    const labelled = /^([^：:]{1,10})[：:](.*)$/.exec(segment)
    const label = labelled ? roleOfLabel(labelled[1]!) : null
    // Units are appended one by one: a list may name more than a call takes arguments.
    if (labelled && label !== null) {
      marked = true
      if (label === 'due') due ??= readDue(labelled[2]!) ?? { text: labelled[2]!, date: null }
      else if (label !== 'person') for (const u of unitsOf(labelled[2]!, label)) units.push(u)
      continue
    }
    // 市商务局牵头，市交通运输局、市住建局配合; 2024年底前完成 after the units in one segment.
    for (const part of segment.split(/[，,]/)) {
      const verb = VERB_ROLE.map(([re, role]) => ({ m: re.exec(part), role })).find((v) => v.m)
      if (verb) {
        marked = true
        for (const u of unitsOf(part.slice(0, verb.m!.index), verb.role)) units.push(u)
        continue
      }
      const deadline = readDue(part)
      if (deadline && !splitUnits(part).some(looksLikeUnit)) due ??= deadline
      else for (const u of unitsOf(part, defaultRole)) units.push(u)
    }
  }
  settleRoles(units)
  return { units, due, marked }
}

/**
 * A role read against the others named with it, in a clause or a table's header. Beside a lead,
 * the responsible are its support (牵头单位：甲；责任单位：乙, 甲牵头，乙负责); beside a support with
 * no lead named, the responsible lead (甲负责，乙配合; 甲指导，乙参与).
 */
export function roleBeside(role: UnitRole, present: readonly string[]): UnitRole {
  if (role !== 'responsible') return role
  if (present.includes('lead')) return 'support'
  if (present.includes('support')) return 'lead'
  return role
}

/** Settles the roles of the units of one clause against each other (roleBeside). */
export function settleRoles(units: NamedUnit[]): void {
  // Each role once: a clause listing thousands of units is read in time linear in them.
  const present = [...new Set(units.map((u) => u.role))]
  for (const u of units) u.role = roleBeside(u.role, present)
}

/**
 * The units of clauses read as one (牵头单位：甲 / 责任单位：乙), settled as each clause joins: the
 * roles settleRoles would give the units so far after every join, in one pass over them (settling
 * the whole list at every join was cubic over a line of thousands of joined clauses).
 */
export function joinClauses(clauses: NamedUnit[][]): NamedUnit[] {
  const units: NamedUnit[] = []
  let lead = false
  let support = false
  // Units still responsible: the only ones a later join can change, and each changes once.
  let unsettled: NamedUnit[] = []
  clauses.forEach((clause, k) => {
    for (const u of clause) {
      units.push(u)
      if (u.role === 'lead') lead = true
      else if (u.role === 'support') support = true
      else unsettled.push(u)
    }
    if (k === 0) return
    const role = roleBeside('responsible', lead ? ['lead'] : support ? ['support'] : [])
    if (role === 'responsible' || unsettled.length === 0) return
    for (const u of unsettled) u.role = role
    unsettled = []
    if (role === 'lead') lead = true
    else support = true
  })
  return units
}

/** 列第一位者为牵头单位: the note that makes the first unit of each list its lead. */
export const FIRST_IS_LEAD =
  /(?:列|排)(?:在)?第一(?:位|个)?(?:的)?(?:者|单位|部门)?为牵头(?:单位|部门)|第一(?:个|家)?单位为牵头(?:单位|部门)|首位(?:单位)?为牵头/

/** Applies the first-is-lead rule to a list read without a lead. */
export function firstIsLead(units: NamedUnit[]): NamedUnit[] {
  if (units.length === 0 || units.some((u) => u.role !== 'responsible')) return units
  return units.map((u, i) => ({ ...u, role: i === 0 ? 'lead' : 'support' }))
}
