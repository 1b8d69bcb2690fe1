// Each resource is declared once (src/resources.ts). The store's filters and sorts, the REST
// parameters and the GraphQL filter inputs are held to that declaration, by type where the
// compiler can see them, by the published descriptions (openapi.json, schema.graphql), and by
// asking both interfaces the same filtered question and comparing the totals.
import t from 'tap'
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLEnumType,
} from 'graphql'
import { RESOURCES, type FilterKind, type FilterName, type ResourceName } from '../src/resources.js'
import type {
  AgencyFilter,
  DocumentFilter,
  FindingFilter,
  SectionFilter,
  TargetFilter,
  TaskFilter,
} from '../src/store/index.js'
import { constantCase } from '../src/graphql/order.js'
import { graphql, schema } from './graphql/client.js'
import { buildTestApp, bundledPlanPath, secondPlanPath } from './helper.js'

/** True when A and B are the same set of names; false otherwise, and then `true` cannot be it. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// The store's filter types have exactly the declared filters. Checked by the compiler alone:
// a difference fails `npm run typecheck`, which the test command runs first.
export const storeFiltersAsDeclared: {
  [R in ResourceName]: true
} = {
  documents: true satisfies Same<keyof DocumentFilter, FilterName<'documents'>>,
  sections: true satisfies Same<keyof SectionFilter, FilterName<'sections'>>,
  tasks: true satisfies Same<keyof TaskFilter, FilterName<'tasks'>>,
  agencies: true satisfies Same<keyof AgencyFilter, FilterName<'agencies'>>,
  targets: true satisfies Same<keyof TargetFilter, FilterName<'targets'>>,
  findings: true satisfies Same<keyof FindingFilter, FilterName<'findings'>>,
}

const names = Object.keys(RESOURCES) as ResourceName[]

const GRAPHQL_TYPES: Record<'text' | 'id' | 'integer' | 'boolean', string> = {
  text: 'String',
  id: 'ID',
  integer: 'Int',
  boolean: 'Boolean',
}

function graphqlTypeOf(kind: FilterKind): string {
  return typeof kind === 'string' ? GRAPHQL_TYPES[kind] : kind.enum
}

t.test('GraphQL filters take the declared names and kinds of value', async (t) => {
  for (const name of names) {
    const declared = RESOURCES[name]
    const input = schema.getType(declared.graphqlFilter)
    if (!isInputObjectType(input)) throw new Error(`${declared.graphqlFilter} is not an input`)
    const aliases: Record<string, string> =
      'graphqlAliases' in declared ? declared.graphqlAliases : {}
    const expected = Object.fromEntries([
      ...Object.entries(declared.filters).map(([filter, kind]) => [filter, graphqlTypeOf(kind)]),
      ...Object.entries(aliases).map(([alias, filter]) => [
        alias,
        graphqlTypeOf(declared.filters[filter as keyof typeof declared.filters] as FilterKind),
      ]),
    ])
    const actual = Object.fromEntries(
      Object.values(input.getFields()).map((field) => [field.name, String(field.type)]),
    )
    t.same(actual, expected, `${declared.graphqlFilter}`)
    const list = schema.getQueryType()!.getFields()[name]
    t.ok(list, `Query.${name} lists ${declared.graphqlType}`)
    t.equal(list?.args.find((a) => a.name === 'filter')?.type.toString(), declared.graphqlFilter)
    const connection = getNamedType(list!.type)
    if (!isObjectType(connection)) throw new Error(`Query.${name} is not a connection`)
    const node = getNamedType(connection.getFields().nodes!.type)
    t.equal(node.name, declared.graphqlType)
    // Aggregates count by the declared facets, AGENCY for agency.
    const facetFields = schema.getType(`${declared.graphqlType}FacetField`) as GraphQLEnumType
    t.same(
      facetFields.getValues().map((v) => v.name),
      Object.keys(declared.facets).map(constantCase),
      `${declared.graphqlType}FacetField: the declared facets`,
    )
    t.equal(
      schema.getQueryType()!.getFields()[`${name}Aggregate`]?.type.toString(),
      `${declared.graphqlType}Aggregate!`,
    )
    // orderBy: the declared sorts, DEADLINE_YEAR for deadlineYear; none where REST sorts by none.
    const orderBy = list?.args.find((a) => a.name === 'orderBy')
    if (declared.sorts.length === 0) {
      t.notOk(orderBy, `Query.${name} has no orderBy`)
    } else {
      t.equal(orderBy?.type.toString(), `[${declared.graphqlType}Order!]`)
      const fields = schema.getType(`${declared.graphqlType}OrderField`) as GraphQLEnumType
      t.same(
        fields.getValues().map((v) => v.name),
        declared.sorts.map(constantCase),
        `${declared.graphqlType}OrderField: the declared sorts`,
      )
    }
  }
})

interface OpenApiParameter {
  name: string
  in: string
  schema: { type?: string; enum?: string[]; pattern?: string }
}

t.test('REST lists take the declared filters and sorts, with the same enums', async (t) => {
  const app = await buildTestApp(t)
  const openapi = (await app.inject('/openapi.json')).json() as {
    paths: Record<string, { get: { parameters: OpenApiParameter[] } }>
  }
  for (const name of names) {
    const declared = RESOURCES[name]
    const parameters = openapi.paths[declared.path]!.get.parameters.filter((p) => p.in === 'query')
    const byName = new Map(parameters.map((p) => [p.name, p]))
    const sortable = declared.sorts.length > 0 ? ['sort'] : []
    t.same(
      [...byName.keys()].sort(),
      [...Object.keys(declared.filters), ...sortable, 'limit', 'cursor', 'facet'].sort(),
      `${declared.path}: its parameters`,
    )
    for (const [filter, kind] of Object.entries(declared.filters) as [string, FilterKind][]) {
      const parameter = byName.get(filter)!
      if (typeof kind === 'object') {
        const values = (schema.getType(kind.enum) as GraphQLEnumType)
          .getValues()
          .map((v) => v.value)
        t.ok(isEnumType(schema.getType(kind.enum)))
        t.same(parameter.schema.enum, values, `${declared.path} ${filter}: GraphQL's ${kind.enum}`)
      } else {
        const type = kind === 'integer' || kind === 'boolean' ? kind : 'string'
        t.equal(parameter.schema.type, type, filter)
      }
    }
    if (declared.sorts.length > 0) {
      const pattern = new RegExp(byName.get('sort')!.schema.pattern!)
      for (const field of declared.sorts) {
        t.ok(pattern.test(field) && pattern.test(`-${field}`), `${declared.path} sorts by ${field}`)
      }
      t.notOk(pattern.test('undeclared'))
    }
  }
})

/** A value of this kind that no record has: a narrowing filter answers none with it. */
function valueMatchingNothing(kind: FilterKind, filter: string): string | number | null {
  if (kind === 'integer') return filter === 'year' ? 2199 : 99_999
  if (typeof kind === 'object' || kind === 'boolean') return null
  return 'no-such-value-无此项'
}

t.test('every filter narrows a list alike through REST and GraphQL', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  const documents = (await app.inject('/v1/documents')).json() as { data: { id: string }[] }
  const documentId = documents.data[0]!.id
  const restTotal = async (path: string, query: Record<string, string | number | boolean>) => {
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString()
    const res = await app.inject(`${path}?${search}`)
    t.equal(res.statusCode, 200, `${path}?${search}`)
    return (res.json() as { meta: { total: number } }).meta.total
  }
  for (const name of names) {
    const declared = RESOURCES[name]
    const everything = await restTotal(declared.path, {})
    t.ok(everything > 0, `${declared.path} lists something`)
    for (const [filter, kind] of Object.entries(declared.filters) as [string, FilterKind][]) {
      const values: (string | number | boolean)[] = []
      const nothing = valueMatchingNothing(kind, filter)
      if (nothing !== null) values.push(nothing)
      if (typeof kind === 'object') {
        values.push(
          ...(schema.getType(kind.enum) as GraphQLEnumType).getValues().map((v) => v.value),
        )
      }
      if (kind === 'boolean') values.push(true, false)
      if (filter === 'document') values.push(documentId)
      let sum = 0
      for (const value of values) {
        const rest = await restTotal(declared.path, { [filter]: value })
        const literal = typeof kind === 'object' ? String(value) : JSON.stringify(value)
        const answer = await graphql<Record<string, { totalCount: number }>>(
          app,
          `{ ${name}(filter: { ${filter}: ${literal} }) { totalCount } }`,
        )
        t.same(answer.errors, undefined, `${name} ${filter}=${value}`)
        t.equal(answer.data![name]!.totalCount, rest, `${name} ${filter}=${value}: the same total`)
        if (value === nothing) t.equal(rest, 0, `${declared.path} ${filter} narrows to none`)
        if (value === documentId) t.ok(rest > 0 && rest <= everything)
        if (typeof kind === 'object' && value !== nothing) sum += rest
      }
      if (typeof kind === 'object') {
        t.equal(sum, everything, `${declared.path}: the values of ${filter} part the list`)
      }
    }
  }
})
