// How far a target has come, from its latest observation. Pure: the store computes it as it
// reads a target, REST and GraphQL serve it as Target.progress.
import type { Basis, Comparator } from '../ingest/types.js'

export interface Progress {
  latestValue: number
  observedOn: string
  /** The latest value as a share of the target (1 is reached); null where it has no meaning. */
  share: number | null
  /** Reached, or far enough along for the time gone; null where the text gives no way to tell. */
  onTrack: boolean | null
}

export interface Measured {
  comparator: Comparator
  value: number | null
  basis: Basis
  deadlineYear: number | null
}

/** Whether a value satisfies the target as its wording states it. */
export function reached(
  target: Pick<Measured, 'comparator'> & { value: number },
  latest: number,
): boolean {
  switch (target.comparator) {
    case 'lte':
      return latest <= target.value
    case 'lt':
      return latest < target.value
    case 'gt':
      return latest > target.value
    // 达到, 不低于, a bare count, a range's lower bound and 左右 are all reached at the value.
    default:
      return latest >= target.value
  }
}

const lowerIsBetter = (c: Comparator) => c === 'lte' || c === 'lt'

/**
 * Progress of a target from its latest observation. A total with a deadline is on track when its
 * share is at least the share of the time gone from the plan's year to the end of the deadline
 * year; a ceiling (不超过) or a yearly figure is on track when it holds. Without a value (a
 * relative target) or a deadline, only a reached target says true.
 */
export function progressOf(
  target: Measured,
  latest: { value: number; observedOn: string } | null,
  planYear: number | null,
): Progress | null {
  if (latest === null) return null
  const base = { latestValue: latest.value, observedOn: latest.observedOn }
  if (target.value === null || target.value === 0) return { ...base, share: null, onTrack: null }
  const withValue = { ...target, value: target.value }
  const share = lowerIsBetter(target.comparator)
    ? latest.value <= target.value
      ? 1
      : target.value / latest.value
    : latest.value / target.value
  if (reached(withValue, latest.value)) return { ...base, share, onTrack: true }
  if (target.deadlineYear === null) return { ...base, share, onTrack: null }
  const deadlineEnd = Date.UTC(target.deadlineYear, 11, 31)
  const observed = Date.parse(`${latest.observedOn}T00:00:00Z`)
  if (observed > deadlineEnd) return { ...base, share, onTrack: false }
  if (target.basis !== 'total' || lowerIsBetter(target.comparator) || planYear === null) {
    return { ...base, share, onTrack: null }
  }
  const start = Date.UTC(planYear, 0, 1)
  const timeGone = Math.min(1, Math.max(0, (observed - start) / (deadlineEnd - start)))
  return { ...base, share, onTrack: share >= timeGone }
}
