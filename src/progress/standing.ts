// Where a target stands on a given day, for people following it up: reached, on track, at risk,
// overdue, not yet reported, or not to be judged from the text. Pure: the pages mark targets
// with it; the figures it reads are the ones Target.progress serves.
import type { TargetRecord } from '../store/targets.js'
import { reached } from './measure.js'

export type Standing = 'reached' | 'on_track' | 'at_risk' | 'overdue' | 'unreported' | 'unjudged'

/** In the order a follow-up office reads them: what needs action first. */
export const STANDINGS: readonly Standing[] = [
  'overdue',
  'at_risk',
  'unreported',
  'unjudged',
  'on_track',
  'reached',
]

export const STANDING_LABEL: Record<Standing, string> = {
  reached: '已达成',
  on_track: '按计划',
  at_risk: '有风险',
  overdue: '逾期',
  unreported: '未报告',
  unjudged: '无法判断',
}

type Judged = Pick<TargetRecord, 'comparator' | 'value' | 'deadlineYear' | 'progress'>

/**
 * The standing of a target on `today` (YYYY-MM-DD). Reached when the latest value satisfies the
 * target; overdue when the deadline year has ended without that; at risk when the latest value
 * is behind the time gone (Progress.onTrack false), or above a ceiling (不超过) it must come
 * under; on track when it is not; unreported before any observation; unjudged when the text
 * gives no figure (a target relative to another figure) or no way to judge the pace.
 */
export function standingOf(target: Judged, today: string): Standing {
  const { progress } = target
  if (target.value === null) return progress === null ? 'unreported' : 'unjudged'
  const value = target.value
  if (progress !== null && reached({ ...target, value }, progress.latestValue)) return 'reached'
  if (target.deadlineYear !== null && today > `${target.deadlineYear}-12-31`) return 'overdue'
  if (progress === null) return 'unreported'
  if (progress.onTrack === false) return 'at_risk'
  if (target.comparator === 'lte' || target.comparator === 'lt') return 'at_risk'
  if (progress.onTrack === true) return 'on_track'
  return 'unjudged'
}

/** Today as YYYY-MM-DD in China Standard Time, where the plans' deadlines fall. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
