// The vocabulary of commitments in plan texts: comparators, verbs, and the words that mark a
// number as something other than a target (a baseline, a grant, a permission, a plan's parts).
// targets.ts applies it; new wording of the genre is added here.
import type { Comparator } from './types.js'

/** Comparators written before the number, longest first (不低于 before 低于). */
export const BEFORE: [string, Comparator][] = (
  [
    ['不低于', 'gte'],
    ['不少于', 'gte'],
    ['不小于', 'gte'],
    ['至少', 'gte'],
    ['最少', 'gte'],
    ['达到', 'gte'],
    ['提高到', 'gte'],
    ['提高至', 'gte'],
    ['提升到', 'gte'],
    ['提升至', 'gte'],
    ['增加到', 'gte'],
    ['增加至', 'gte'],
    ['增长到', 'gte'],
    ['扩大到', 'gte'],
    ['扩大至', 'gte'],
    ['保持在', 'gte'],
    ['保持', 'gte'],
    ['稳定在', 'gte'],
    ['超过', 'gt'],
    ['突破', 'gt'],
    ['高于', 'gt'],
    ['多于', 'gt'],
    ['大于', 'gt'],
    ['不超过', 'lte'],
    ['不高于', 'lte'],
    ['不多于', 'lte'],
    ['不大于', 'lte'],
    ['控制在', 'lte'],
    ['压缩至', 'lte'],
    ['压缩到', 'lte'],
    ['缩短至', 'lte'],
    ['缩短到', 'lte'],
    ['减少到', 'lte'],
    ['减少至', 'lte'],
    ['降低到', 'lte'],
    ['降低至', 'lte'],
    ['下降到', 'lte'],
    ['下降至', 'lte'],
    ['低于', 'lt'],
    ['少于', 'lt'],
    ['小于', 'lt'],
    ['大约', 'approx'],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length)

/** One-character comparators, read only straight before the number: 达5万人, 约50家. */
export const BEFORE_ADJACENT: Record<string, Comparator> = {
  达: 'gte',
  约: 'approx',
  近: 'approx',
  超: 'gt',
}

/** Written after the number and its unit. 以上 includes the number in Chinese legal usage. */
export const AFTER: [RegExp, Comparator][] = [
  [/^(?:及以上|以上)/, 'gte'],
  // 48小时内响应: 内 straight after a unit of time or count bounds it.
  [/^(?:以内|之内|以下|内)/, 'lte'],
  [/^(?:左右|上下)/, 'approx'],
  [/^(?:余|多)/, 'gt'],
]

/** Verbs that make a bare count a commitment: 建成2所, 培育十家. */
export const COMMITMENT_VERB =
  /(?:建成|建设|新建|新增|培育|打造|培养|办好|创建|引进|完成|组建|认定|设立|举办|改造|配备|建有|开展|形成|实现|招引|落地|开通|建立|布局|推出|争创|创成|遴选|评选|扶持|支持|发展|培训|吸引|招收|选树|储备|孵化|提供|覆盖|新开|开设|增加|增长|带动|服务|拓展|部署|推广|实施)$/

/** Units that count things, as opposed to measuring a size, an amount or a share. */
export const COUNT_UNITS = new Set(
  '个 家 所 名 门 项 座 条 张 户 人 人次 位 台 套 架 辆 艘 件 种 处 间 栋 块 支 只 株 棵 床 册 篇 场 次 期 届 头'.split(
    ' ',
  ),
)

export const NUMBER_QUALIFIERS = new Set(['至少', '最少', '大约', '约', '近'])
export const ONLY_VERB = new RegExp(`^${COMMITMENT_VERB.source}`)
export const VERB_ANYWHERE = new RegExp(COMMITMENT_VERB.source.replace(/\$$/, ''))

/** Counts of the plan's own parts (实施六大工程、18项重点任务): the plan's structure, not a target. */
export const PLAN_PART_NOUN =
  /^(?:大项|大|项|个)?(?:重点|专项|重大)?(?:任务|举措|行动|工程|措施|方面|领域|板块|工作)/

/**
 * Words that open a statement of the present, not a commitment: 截至2022年底, 目前, 已建成. 现有
 * after a verb (依托现有设施) says which means are used, not what exists.
 */
export const BASELINE =
  /(?<!依托|利用|盘活|整合|改造|提升|挖掘|发挥|用好|优化|在)现有(?!基础|水平)|已有|已建成(?!的)|已累计|已达|已经|目前|截至|截止|全市共有/g

/**
 * 到2025年, 至2027年, 2026年底前, 2022年9月底前, and a period 2023—2025年 (its last year). 在 and
 * 于 are not deadlines (在2020年基础上), nor is the 至 of 截至.
 */
export const DEADLINE =
  /(到|(?<!截)至|力争到)?\s*(?:(?:19|20)\d{2}\s*[—–\-－至到]\s*)?((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月)?(底|末)?(前|之前|以前)?(?![\d月日])/g
export const PERIOD = /(?:19|20)\d{2}\s*[—–\-－至到]\s*(?:19|20)\d{2}\s*年/

/** Measures stated against another measure: 年培训人次不低于在校生数. */
export const MEASURE_END =
  /(?:数|率|人次|比例|比重|规模|增速|速度|增幅|额|水平|占比|总量|量|资金|收入|产值|单产|投资|投入|经费)$/
export const RELATIVE =
  /^(.+?)(不低于|不少于|不高于|不超过|高于|低于|超过|快于|达到)([^\d，。；]+)$/
export const RELATIVE_COMPARATORS: Record<string, Comparator> = {
  不低于: 'gte',
  不少于: 'gte',
  达到: 'gte',
  高于: 'gt',
  超过: 'gt',
  快于: 'gt',
  不高于: 'lte',
  不超过: 'lte',
  低于: 'lt',
}

/** A permission, not a commitment: 可按投资额的30%抵免. */
export const PERMISSION = /^(?:可|可以)/

/** Scope and hedge words that open a clause but say nothing about what is measured. */
export const LEADING_WORDS =
  /^(?:力争|争取|确保|努力|全市|全区|全县|全省|我市|本市|其中|累计|同时|并且|并|且|每年|年均|完成|实现|可|按照|按|通过)+/
export const DEADLINE_PREFIX = /^(?:到|至|力争到)?(?:19|20)\d{2}年(?:底|末)?(?:前|之前)?/
