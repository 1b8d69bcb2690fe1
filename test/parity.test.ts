// REST and GraphQL answer the same question with the same records in the same order: for each
// resource, every declared filter with values taken from the data, alone and combined, under
// every declared sort in both directions, paged to the end through both interfaces.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { RESOURCES, type ResourceName } from '../src/resources.js'
import { constantCase } from '../src/graphql/order.js'
import { graphql, type GraphQLResponse } from './graphql/client.js'
import { buildTestApp } from './helper.js'
import { progressDatabase } from './progress-data.js'

type Value = string | number | boolean
type Filter = Record<string, Value>
type Row = Record<string, unknown> & { id: string }

const names = Object.keys(RESOURCES) as ResourceName[]

/** Small pages, so that every list here takes several. */
const PAGE = 13

async function restIds(app: FastifyInstance, path: string, filter: Filter, sort: string) {
  const query = new URLSearchParams(
    Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)]),
  )
  if (sort) query.set('sort', sort)
  query.set('limit', String(PAGE))
  const ids: string[] = []
  for (let next: string | null = `${path}?${query.toString()}`; next !== null;) {
    const res = await app.inject(next)
    if (res.statusCode !== 200) throw new Error(`${next}: ${res.statusCode} ${res.body}`)
    const body = res.json() as { data: Row[]; links: { next: string | null } }
    ids.push(...body.data.map((r) => r.id))
    next = body.links.next
  }
  return ids
}

interface ListAnswer {
  list: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
}

async function graphqlIds(
  app: FastifyInstance,
  name: ResourceName,
  filter: Filter,
  orderBy: { field: string; direction: string }[],
) {
  const declared = RESOURCES[name]
  const sortable = declared.sorts.length > 0
  const query = `query ($after: String, $filter: ${declared.graphqlFilter}${
    sortable ? `, $orderBy: [${declared.graphqlType}Order!]` : ''
  }) {
    list: ${name}(first: ${PAGE}, after: $after, filter: $filter${sortable ? ', orderBy: $orderBy' : ''}) {
      nodes { id } pageInfo { hasNextPage endCursor }
    }
  }`
  const ids: string[] = []
  for (let after: string | null = null; ;) {
    const answer: GraphQLResponse<ListAnswer> = await graphql<ListAnswer>(app, query, {
      after,
      filter,
      ...(sortable ? { orderBy } : {}),
    })
    if (answer.errors) throw new Error(`${name} ${JSON.stringify(answer.errors)}`)
    ids.push(...answer.data!.list.nodes.map((n) => n.id))
    if (!answer.data!.list.pageInfo.hasNextPage) return ids
    after = answer.data!.list.pageInfo.endCursor
  }
}

/** Values of each filter, read from the records of the whole list (REST's JSON). */
function filterValues(name: ResourceName, rows: Row[], documents: Row[]): Record<string, Value[]> {
  const some = <T>(values: T[]) => [...new Set(values)].slice(0, 3)
  const documentRefs = [documents[0]!.id, documents[documents.length - 1]!.number as string]
  const field = (key: string) => some(rows.map((r) => r[key]).filter((v) => v !== null)) as Value[]
  switch (name) {
    case 'documents':
      return { number: field('number') }
    case 'sections':
      return {
        document: documentRefs,
        kind: ['part', 'chapter', 'item'],
        number: [1, 2, 5],
        parent: field('parentId'),
      }
    case 'tasks':
      return {
        document: documentRefs,
        agency: some(
          rows.flatMap((r) => (r.agencies as { id: string; name: string }[]).slice(0, 1)),
        ).flatMap((a) => [a.id, a.name]),
        item: some(rows.flatMap((r) => r.items as string[])),
        q: some(rows.map((r) => [...(r.text as string)].slice(2, 4).join(''))),
        status: ['not_started', 'in_progress', 'done', 'at_risk'],
      }
    case 'agencies':
      return { name: field('name'), kind: ['agency', 'collective'], document: documentRefs }
    case 'targets':
      return {
        document: documentRefs,
        year: field('deadlineYear'),
        unit: field('unit'),
        section: field('sectionId'),
        // Read from the tasks that restate the targets: see below.
        agency: [],
        withdrawn: [true, false],
        onTrack: [true, false],
      }
    case 'findings':
      return {
        document: documentRefs,
        severity: ['info', 'warning', 'error'],
        code: field('code'),
      }
  }
}

t.test('REST and GraphQL list the same records in the same order', async (t) => {
  const { db, store } = progressDatabase(t)
  const app = await buildTestApp(t, { db })
  const documents = (await app.inject('/v1/documents?limit=500')).json().data as Row[]
  // Targets by agency: the agencies of the tasks that restate a target.
  const agencyOfTargets = [...store.eachTarget({})]
    .flatMap((g) => g.taskIds)
    .map((id) => store.getTask(id)!.agencies[0]?.id)
    .filter((id): id is string => id !== undefined)

  for (const name of names) {
    const declared = RESOURCES[name]
    const everything = await restIds(app, declared.path, {}, '')
    const rows = (await app.inject(`${declared.path}?limit=500`)).json().data as Row[]
    t.equal(rows.length, everything.length, `${name}: the whole list is on one page of 500`)
    const values = filterValues(name, rows, documents)
    if (name === 'targets') values.agency = [...new Set(agencyOfTargets)].slice(0, 3)

    const filters: Filter[] = [{}]
    const filterNames = Object.keys(values)
    t.same(filterNames.sort(), Object.keys(declared.filters).sort(), `${name}: every filter`)
    for (const filter of filterNames) {
      t.ok(values[filter]!.length > 0, `${name} ${filter} has values to try`)
      for (const value of values[filter]!) filters.push({ [filter]: value })
    }
    // Pairs: the first value of each filter with the first of the next one.
    filterNames.forEach((filter, i) => {
      const other = filterNames[(i + 1) % filterNames.length]!
      if (other !== filter)
        filters.push({ [filter]: values[filter]![0]!, [other]: values[other]![0]! })
    })

    const sorts: { rest: string; graphql: { field: string; direction: string }[] }[] = [
      { rest: '', graphql: [] },
    ]
    for (const sort of declared.sorts as readonly string[]) {
      const field = constantCase(sort)
      sorts.push({ rest: sort, graphql: [{ field, direction: 'ASC' }] })
      sorts.push({ rest: `-${sort}`, graphql: [{ field, direction: 'DESC' }] })
    }
    if (declared.sorts.length > 1) {
      const [a, b] = declared.sorts as readonly string[]
      sorts.push({
        rest: `-${b},${a}`,
        graphql: [
          { field: constantCase(b!), direction: 'DESC' },
          { field: constantCase(a!), direction: 'ASC' },
        ],
      })
    }

    let narrowed = 0
    const unfiltered = new Map<string, string[]>()
    for (const filter of filters) {
      for (const sort of sorts) {
        const rest = await restIds(app, declared.path, filter, sort.rest)
        const answer = await graphqlIds(app, name, filter, sort.graphql)
        t.same(answer, rest, `${name} ${JSON.stringify(filter)} sort=${sort.rest}`)
        if (Object.keys(filter).length === 0 && sort.rest !== '') {
          t.same([...rest].sort(), [...everything].sort(), `sort=${sort.rest} keeps every record`)
          unfiltered.set(sort.rest, rest)
        }
        if (rest.length > 0 && rest.length < everything.length) narrowed += 1
      }
    }
    t.ok(narrowed > 0, `${name}: some filters narrow the list`)
    for (const sort of declared.sorts as readonly string[]) {
      t.not(
        unfiltered.get(sort)!.join(),
        unfiltered.get(`-${sort}`)!.join(),
        `${name}: ${sort} and -${sort} order it differently`,
      )
    }
  }
})

t.test('a cursor of one order is refused in another', async (t) => {
  const app = await buildTestApp(t)
  const query = (orderBy: string, after = '') =>
    `{ targets(first: 2${after ? `, after: "${after}"` : ''}, orderBy: ${orderBy}) { pageInfo { endCursor } } }`
  const first = await graphql<{ targets: { pageInfo: { endCursor: string } } }>(
    app,
    query('[{field: VALUE, direction: DESC}]'),
  )
  const cursor = first.data!.targets.pageInfo.endCursor
  const other = await graphql(app, query('[{field: DEADLINE_YEAR}]', cursor))
  t.match(other.errors?.[0], { message: /after/, extensions: { code: 'BAD_USER_INPUT' } })
  const same = await graphql(app, query('[{field: VALUE, direction: DESC}]', cursor))
  t.same(same.errors, undefined)
})
