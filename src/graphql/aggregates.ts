// tasksAggregate(filter) { totalCount facets(fields: [AGENCY]) counts(by: [AGENCY, STATUS]) }:
// the counts REST gives as meta.facets (facet=) and as /v1/tasks/counts, from the same store
// queries. Field names are the declared facets (src/resources.ts) in constant case.
import type { MercuriusContext } from 'mercurius'
import { RESOURCES, type ResourceName } from '../resources.js'
import { facetsOf, type FacetValue, type FilterOf, type Store } from '../store/index.js'
import { badInput } from './connection.js'
import { constantCase } from './order.js'

export interface Aggregate<R extends ResourceName = ResourceName> {
  resource: R
  filter: FilterOf[R]
}

const MAX_SIZE = 100
const MAX_BY = 3

const FACET_OF_FIELD = Object.fromEntries(
  Object.entries(RESOURCES).map(([name, declared]) => [
    name,
    new Map(Object.keys(declared.facets).map((facet) => [constantCase(facet), facet])),
  ]),
) as Record<ResourceName, Map<string, string>>

function facetNames(resource: ResourceName, fields: readonly string[]): string[] {
  return [...new Set(fields)].map((field) => {
    const facet = FACET_OF_FIELD[resource].get(field)
    // The schema's enum lets through only the declared facets: anything else is our bug.
    if (facet === undefined) throw new Error(`${resource} is not counted by ${field}`)
    return facet
  })
}

const text = (value: FacetValue) => (value === null ? null : String(value))

const groupsOf = (store: Store, { resource, filter }: Aggregate) =>
  store.groups.bind(store, resource, filter as never)

/** A root field: the filter, read once, for the aggregate's fields to count by. */
export function aggregateOf<R extends ResourceName, Input>(
  resource: R,
  filterOf: (input: Input | null | undefined) => FilterOf[R],
) {
  return (_root: unknown, args: { filter?: Input | null }): Aggregate<R> => ({
    resource,
    filter: filterOf(args.filter),
  })
}

const aggregateFields = {
  totalCount: (parent: Aggregate, _args: unknown, { store }: MercuriusContext) =>
    store.total(parent.resource, parent.filter as never),
  facets: (
    parent: Aggregate,
    args: { fields: string[]; size?: number | null },
    { store }: MercuriusContext,
  ) => {
    const size = args.size ?? 30
    if (size < 1 || size > MAX_SIZE) {
      throw badInput(`size must be between 1 and ${MAX_SIZE}, not ${size}`, { argument: 'size' })
    }
    const names = facetNames(parent.resource, args.fields)
    const facets = facetsOf(names, groupsOf(store, parent), size)
    return names.map((field) => ({
      field,
      truncated: facets[field]!.truncated,
      values: facets[field]!.values.map((v) => ({ ...v, value: text(v.value) })),
    }))
  },
  counts: (parent: Aggregate, args: { by: string[] }, { store }: MercuriusContext) => {
    const by = facetNames(parent.resource, args.by)
    if (by.length < 1 || by.length > MAX_BY) {
      throw badInput(`by must name 1 to ${MAX_BY} fields, not ${by.length}`, { argument: 'by' })
    }
    return groupsOf(
      store,
      parent,
    )({ by, order: 'value', limit: null }).map((group) => ({
      count: group.count,
      keys: group.keys.map((key, i) => ({
        field: by[i],
        value: text(key.value),
        label: key.label,
      })),
    }))
  },
}

/** The resolvers of every XAggregate type. */
export const aggregateResolvers = Object.fromEntries(
  Object.values(RESOURCES).map((declared) => [`${declared.graphqlType}Aggregate`, aggregateFields]),
) as Record<string, typeof aggregateFields>
