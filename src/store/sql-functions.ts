// Functions the read queries call in SQL, registered on every connection: filters and counts
// must judge a record as the served record says, so they call the code that computes it.
import type { Database } from 'better-sqlite3'
import type { Basis, Comparator } from '../ingest/types.js'
import { progressOf } from '../progress/measure.js'

type SqlValue = number | string | bigint | null

/** target_on_track(comparator, value, basis, deadline_year, latest_value, observed_on, plan_year). */
function targetOnTrack(...args: SqlValue[]): number | null {
  const [comparator, value, basis, deadlineYear, latestValue, observedOn, planYear] = args
  if (latestValue === null || observedOn === null) return null
  const progress = progressOf(
    {
      comparator: comparator as Comparator,
      value: value === null ? null : Number(value),
      basis: basis as Basis,
      deadlineYear: deadlineYear === null ? null : Number(deadlineYear),
    },
    { value: Number(latestValue), observedOn: String(observedOn) },
    planYear === null ? null : Number(planYear),
  )
  const onTrack = progress?.onTrack ?? null
  return onTrack === null ? null : onTrack ? 1 : 0
}

export function registerSqlFunctions(db: Database): void {
  db.function('target_on_track', { deterministic: true, varargs: true }, targetOnTrack)
}
