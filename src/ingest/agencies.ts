// Agencies: one per canonical full name within the document's jurisdiction. Names are resolved
// against the document's own agency table first, then through the curated alias dictionary
// (reference data in db/agency-aliases.json), then by the way Chinese organ names are abbreviated.
import { WorkBound } from './compare.js'
import { organPrefixOf, type Jurisdiction } from './divisions.js'
import { repair } from './text.js'
import type { AgencyKind, AgencyTableRow, ParsedAgency } from './types.js'

/** Short stems to full stems, without the level prefix: 人社局 → 人力资源和社会保障局. */
export interface AliasDictionary {
  stems: Record<string, string>
  /** Stems that hold only for one jurisdiction, keyed by its name. */
  jurisdictions?: Record<string, Record<string, string>>
}

/** Units that stand for many bodies: 各乡镇（街道、管委会）, 相关行业部门, 有关单位. */
const COLLECTIVE = /^(?:[市县区]直)?(各|相关|有关|其他|其它)/

/** A role written beside a unit: 区城管局（牵头）, 市水利局牵头. */
const ROLE = /(?:[（(](?:牵头|配合|负责|责任)[）)]|牵头)$/

/** The organ-type ending of a name; an abbreviation keeps it (发改委 is a 委员会). */
const SUFFIXES: [RegExp, string][] = [
  [/委员会$/, '委'],
  [/委$/, '委'],
  [/办公室$/, '办'],
  [/办$/, '办'],
  [/(局|院|中心|会|队|所|站|部|厅|处|社|行|公司)$/, ''],
]

function suffixOf(name: string): { stem: string; suffix: string } {
  for (const [re, canonical] of SUFFIXES) {
    const m = re.exec(name)
    if (m) return { stem: name.slice(0, m.index), suffix: canonical || m[1]! }
  }
  return { stem: name, suffix: '' }
}

/**
 * 人社局 abbreviates 人力资源和社会保障局: same organ type, same first character, and every
 * character of the short stem found in the long one. Names are kept by organ type and first
 * character, the only ones a short name can abbreviate.
 */
function abbreviationKey(name: { stem: string; suffix: string }): string {
  return `${name.suffix}|${name.stem[0] ?? ''}`
}

function abbreviates(short: { stem: string; suffix: string }, full: { stem: string }): boolean {
  if (short.stem.length < 2 || short.stem.length >= full.stem.length) return false
  return [...short.stem].every((c) => full.stem.includes(c))
}

/**
 * Names of an agency table tried as what a short name abbreviates, for a plan: a table lists a
 * few hundred organs; tens of thousands of names alike would take minutes (see WorkBound). Past
 * the bound a short name is kept as written, and reported as any name the table lacks.
 */
const MAX_ABBREVIATION_CHECKS = 2_000_000

export class AgencyResolver {
  /** The word this government's organs start with: 市 (市商务局), 县, 区, 省; none nationally. */
  private readonly level: string
  /** The place's own name without its division: 金水 of 郑州市金水区, 巩义 of 巩义市. */
  private readonly place: string
  private readonly jurisdiction: string
  private readonly stems: Record<string, string>
  readonly agencies: ParsedAgency[] = []
  private readonly byName = new Map<string, number>()
  /** The stems of agencies with a profile, by abbreviationKey: what short names may expand to. */
  private readonly profiled = new Map<string, { name: string; stem: string }[]>()
  private readonly abbreviationChecks = new WorkBound(MAX_ABBREVIATION_CHECKS)

  constructor(jurisdiction: Jurisdiction | null, dictionary: AliasDictionary) {
    this.jurisdiction = jurisdiction?.name ?? ''
    this.level = organPrefixOf(jurisdiction)
    const name = this.jurisdiction
    this.place = /([^省市县区州旗盟]{2,})[省市县区州旗盟]$/.exec(name)?.[1] ?? name
    this.stems = { ...dictionary.stems, ...(dictionary.jurisdictions?.[name] ?? {}) }
  }

  /** Spelling differences that never make a different name: brackets, spaces, the city's name. */
  normalize(asWritten: string): string {
    let name = repair(asWritten).replace(/\s+/g, '').replace(ROLE, '')
    if (
      this.jurisdiction !== '' &&
      this.level !== '' &&
      name.startsWith(this.jurisdiction) &&
      name.length > this.jurisdiction.length + 1
    ) {
      name = this.level + name.slice(this.jurisdiction.length)
    }
    return name
  }

  private withLevel(stem: string): string {
    return this.level + stem
  }

  /**
   * The stem of an organ of this government (市水利局 → 民政局, 科工信局 → 科工信局), or null
   * for a body of another level or a branch of one (团市委, 金水公安分局, 郑州海关).
   */
  private stemOf(name: string): string | null {
    // Organs of the national government, or of a government the text does not name, are
    // known by their names as written.
    if (this.level === '') return null
    if (name.startsWith(this.level)) return name.slice(this.level.length)
    if (name.startsWith(this.place) || /分局|支队|大队/.test(name)) return null
    return /[省市县区州旗]/.test(name) ? null : name
  }

  /** The canonical name a unit resolves to, before the agency is recorded. */
  canonicalName(asWritten: string): { name: string; kind: AgencyKind } {
    const name = this.normalize(asWritten)
    if (COLLECTIVE.test(name)) return { name, kind: 'collective' }
    if (this.byName.has(name)) return { name, kind: 'agency' }
    const stem = this.stemOf(name)
    if (stem === null) return { name, kind: 'agency' }
    const expanded = this.withLevel(this.stems[stem] ?? stem)
    if (this.byName.has(expanded)) return { name: expanded, kind: 'agency' }
    // The one agency of the table the stem abbreviates; none when it could be two.
    const short = suffixOf(stem)
    const known = this.profiled.get(abbreviationKey(short)) ?? []
    let match: string | null = null
    if (this.abbreviationChecks.allows(known.length)) {
      for (const candidate of known) {
        if (!abbreviates(short, candidate)) continue
        if (match !== null) return { name: expanded, kind: 'agency' }
        match = candidate.name
      }
    }
    return { name: match ?? expanded, kind: 'agency' }
  }

  /** Keeps an agency given a profile as one that short names may abbreviate. */
  private addProfiled(agency: ParsedAgency): void {
    if (agency.kind !== 'agency') return
    const stem = this.stemOf(agency.name)
    if (stem === null) return
    const full = suffixOf(stem)
    const key = abbreviationKey(full)
    const list = this.profiled.get(key)
    const entry = { name: agency.name, stem: full.stem }
    if (list) list.push(entry)
    else this.profiled.set(key, [entry])
  }

  /** Records an agency under its canonical name, with the spelling used as an alias. */
  resolve(asWritten: string, profile: AgencyTableRow | null = null): number {
    const { name, kind } = this.canonicalName(asWritten)
    let index = this.byName.get(name)
    if (index === undefined) {
      index = this.agencies.length
      this.agencies.push({ name, kind, aliases: [], profile: null })
      this.byName.set(name, index)
    }
    const agency = this.agencies[index]!
    // The first row of a duplicated table row wins; the duplicate is a finding, not new data.
    if (profile && !agency.profile) {
      agency.profile = profile
      this.addProfiled(agency)
    }
    const spelling = asWritten.trim()
    if (spelling !== agency.name && !agency.aliases.includes(spelling)) {
      agency.aliases.push(spelling)
      agency.aliases.sort()
    }
    return index
  }
}
