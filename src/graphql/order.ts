// orderBy: [{field: DEADLINE_YEAR, direction: DESC}], GraphQL's spelling of REST's
// sort=-deadlineYear. The enum values are the declared sort fields (src/resources.ts) in
// constant case, so the two interfaces sort by the same fields in the same way, and a cursor
// names the order it was issued in either way.
import { RESOURCES, type ResourceName } from '../resources.js'
import type { SortRequest } from '../store/index.js'

export interface OrderInput {
  field: string
  direction?: 'ASC' | 'DESC' | null
}

/** deadlineYear as GraphQL spells an enum value: DEADLINE_YEAR. */
export function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
}

const SORT_OF_FIELD = Object.fromEntries(
  Object.entries(RESOURCES).map(([name, declared]) => [
    name,
    new Map((declared.sorts as readonly string[]).map((sort) => [constantCase(sort), sort])),
  ]),
) as Record<ResourceName, Map<string, string>>

/** The store's sort for a list's orderBy; none keeps the list's own order. */
export function sortOfOrder(
  resource: ResourceName,
  orderBy: readonly OrderInput[] | null | undefined,
): SortRequest[] | undefined {
  if (!orderBy || orderBy.length === 0) return undefined
  return orderBy.map(({ field, direction }) => {
    const sort = SORT_OF_FIELD[resource].get(field)
    // The schema's enum lets through only the declared fields: anything else is our bug.
    if (sort === undefined) throw new Error(`${resource} cannot be ordered by ${field}`)
    return { field: sort, descending: direction === 'DESC' }
  })
}
