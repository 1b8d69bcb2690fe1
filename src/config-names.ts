// Variables set in the environment that look like ours but are not: a misspelt RATE_LIMT_MAX
// would otherwise be ignored without a word, and the service run with the default.
import { ENVIRONMENT_VARIABLES } from './config.js'

/** Edits (insert, delete, replace, swap of neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
      }
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The names set in `env` that are not ours but within two edits of one of ours (names of six
 * characters or more, so that PATH or HOME never match PORT or HOST), each with the one meant.
 */
export function misspeltVariables(env: NodeJS.ProcessEnv): { name: string; meant: string }[] {
  const known = new Set<string>(ENVIRONMENT_VARIABLES)
  const found: { name: string; meant: string }[] = []
  for (const name of Object.keys(env)) {
    if (known.has(name) || name.length < 6) continue
    const meant = ENVIRONMENT_VARIABLES.find(
      (ours) => ours.length >= 6 && editDistance(name.toUpperCase(), ours) <= 2,
    )
    if (meant !== undefined) found.push({ name, meant })
  }
  return found
}
