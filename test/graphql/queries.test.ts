// GraphQL serves the records REST serves, field for field, with the same filters, and links them
// both ways. REST is the reference: both call the same store, and this holds them together.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { join } from 'node:path'
import { projectRoot } from '../../src/paths.js'
import { MAX_WORDS } from '../../src/store/index.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, thirdPlanPath } from '../helper.js'
import { data, graphql, recordSelection } from './client.js'

/** Plans as published besides: no 发文字号, tasks stated in the body, a table one cell a line. */
const genre = (file: string) => join(projectRoot, 'test', 'fixtures', 'genre', 'tuning', file)
const PLANS = [
  bundledPlanPath,
  secondPlanPath,
  thirdPlanPath,
  genre('t07-sheshi-nongye.txt'),
  genre('t06-wenlv-kangyang.txt'),
]

type Record = { id: string; [field: string]: unknown }
interface Connection<T = Record> {
  totalCount: number
  nodes: T[]
  edges: { cursor: string; node: { id: string } }[]
  pageInfo: {
    hasNextPage: boolean
    hasPreviousPage: boolean
    startCursor: string | null
    endCursor: string | null
  }
}

/** Every record of a REST list with these parameters. */
async function restAll(app: FastifyInstance, path: string, query = ''): Promise<Record[]> {
  const res = await app.inject(`/v1/${path}?limit=500${query ? `&${query}` : ''}`)
  if (res.statusCode !== 200) throw new Error(`${path}?${query}: ${res.statusCode} ${res.body}`)
  return (res.json() as { data: Record[] }).data
}

/** Every record of a root connection, walked page by page with endCursor. */
async function graphqlAll(
  app: FastifyInstance,
  field: string,
  type: string,
  filter: string,
  first = 100,
): Promise<Record[]> {
  const extra = type === 'Task' ? 'items { id }' : ''
  const records: Record[] = []
  for (let after: string | null = null, more = true; more;) {
    const page: { [f: string]: Connection } = await data(
      app,
      `query ($after: String) {
        ${field}(first: ${first}, after: $after${filter ? `, filter: ${filter}` : ''}) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${recordSelection(type)} ${extra} }
        }
      }`,
      { after },
    )
    const connection = page[field]!
    records.push(...connection.nodes)
    more = connection.pageInfo.hasNextPage
    after = connection.pageInfo.endCursor
  }
  // REST gives a task's items as ids.
  return type === 'Task'
    ? records.map((r) => ({ ...r, items: (r.items as { id: string }[]).map((i) => i.id) }))
    : records
}

t.test('root lists equal the REST lists, filter for filter', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const agency = (await restAll(app, 'agencies', 'sort=-taskCount'))[0]!
  const items = await restAll(app, 'sections', 'kind=item')
  const chapter = (await restAll(app, 'sections', 'kind=chapter'))[1]!
  const document = (await restAll(app, 'documents'))[0]!
  const cases: [string, string, string, string, string][] = [
    ['documents', 'Document', 'documents', '', ''],
    [
      'documents',
      'Document',
      'documents',
      `{number: "${document.number}"}`,
      `number=${encodeURIComponent(String(document.number))}`,
    ],
    ['sections', 'Section', 'sections', '', ''],
    [
      'sections',
      'Section',
      'sections',
      `{kind: chapter, document: "${document.id}"}`,
      `kind=chapter&document=${document.id}`,
    ],
    ['sections', 'Section', 'sections', `{parent: "${chapter.id}"}`, `parent=${chapter.id}`],
    ['tasks', 'Task', 'tasks', '', ''],
    [
      'tasks',
      'Task',
      'tasks',
      `{agency: "${agency.name}"}`,
      `agency=${encodeURIComponent(String(agency.name))}`,
    ],
    ['tasks', 'Task', 'tasks', `{item: "${items[3]!.number}"}`, `item=${items[3]!.number}`],
    ['tasks', 'Task', 'tasks', '{search: "教育"}', `q=${encodeURIComponent('教育')}`],
    ['tasks', 'Task', 'tasks', '{q: "职业教育"}', `q=${encodeURIComponent('职业教育')}`],
    ['agencies', 'Agency', 'agencies', '', ''],
    ['agencies', 'Agency', 'agencies', `{kind: collective}`, 'kind=collective'],
    ['agencies', 'Agency', 'agencies', `{document: "${document.id}"}`, `document=${document.id}`],
    ['targets', 'Target', 'targets', '', ''],
    ['targets', 'Target', 'targets', '{year: 2025}', 'year=2025'],
    [
      'targets',
      'Target',
      'targets',
      `{agency: "${agency.id}", unit: "%"}`,
      `agency=${agency.id}&unit=%25`,
    ],
    [
      'targets',
      'Target',
      'targets',
      `{section: "${chapter.parentId}"}`,
      `section=${chapter.parentId}`,
    ],
    ['findings', 'Finding', 'findings', '', ''],
    ['findings', 'Finding', 'findings', '{severity: warning}', 'severity=warning'],
  ]
  for (const [field, type, path, filter, query] of cases) {
    const expected = await restAll(app, path, query)
    const got = await graphqlAll(app, field, type, filter, 7)
    t.same(got, expected, `${field}(filter: ${filter || 'none'}): ${expected.length} records`)
  }
  const nonEmpty = await restAll(app, 'targets', `agency=${agency.id}&unit=%25`)
  t.ok(nonEmpty.length > 0, 'the narrowest filter still selects records')
})

t.test('connections: totalCount, nodes, edges with cursors, pageInfo', async (t) => {
  const app = await buildTestApp(t)
  const query = `query ($first: Int, $after: String) {
    tasks(first: $first, after: $after) {
      totalCount nodes { id } edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`
  const first = (await data<{ tasks: Connection }>(app, query, { first: 5 })).tasks
  t.equal(first.totalCount, 29)
  t.same(
    first.edges.map((e) => e.node.id),
    first.nodes.map((n) => n.id),
  )
  t.same(first.pageInfo, {
    hasNextPage: true,
    hasPreviousPage: false,
    startCursor: first.edges[0]!.cursor,
    endCursor: first.edges[4]!.cursor,
  })
  // An edge's cursor continues right after its node.
  const fromThird = (
    await data<{ tasks: Connection }>(app, query, { first: 2, after: first.edges[2]!.cursor })
  ).tasks
  t.same(
    fromThird.nodes.map((n) => n.id),
    first.nodes.slice(3, 5).map((n) => n.id),
  )
  t.equal(fromThird.pageInfo.hasPreviousPage, true)

  const byDefault = (await data<{ tasks: Connection }>(app, query)).tasks
  t.equal(byDefault.nodes.length, 20, 'first is 20 unless given')
  const last = (await data<{ tasks: Connection }>(app, query, { first: 100 })).tasks
  t.equal(last.nodes.length, 29)
  t.same(last.pageInfo.hasNextPage, false)
  const empty = (await data<{ tasks: Connection }>(app, query, { first: 0 })).tasks
  t.same(empty.pageInfo, {
    hasNextPage: true,
    hasPreviousPage: false,
    startCursor: null,
    endCursor: null,
  })
})

t.test('bad paging arguments are the client’s mistake, with a 400', async (t) => {
  const app = await buildTestApp(t)
  for (const [args, argument] of [
    ['first: 101', 'first'],
    ['first: -1', 'first'],
    ['after: "not-a-cursor"', 'after'],
  ] as const) {
    const res = await graphql(app, `{ tasks(${args}) { totalCount } }`)
    t.equal(res.status, 400, args)
    t.equal(res.data, null)
    t.match(res.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument } }], args)
  }
  // A cursor of another list is refused, not read as a key of this one.
  const sections = await data<{ sections: Connection }>(
    app,
    '{ sections(first: 1) { pageInfo { endCursor } } }',
  )
  const res = await graphql(
    app,
    `{ targets(after: "${sections.sections.pageInfo.endCursor}") { totalCount } }`,
  )
  t.ok(res.errors?.length, 'a cursor of sections is refused by targets')
  const both = await graphql(app, '{ tasks(filter: {search: "a", q: "b"}) { totalCount } }')
  t.match(both.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument: 'filter.q' } }])
  const tooLong = await graphql(app, `{ search(q: "${'教'.repeat(201)}") { totalCount } }`)
  t.match(tooLong.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument: 'q' } }])
  // Characters are counted as REST counts them, by code point: 150 emoji are 300 UTF-16 units.
  const emoji = await graphql(app, `{ search(q: "${'😀'.repeat(150)}") { totalCount } }`)
  t.same(emoji.data, { search: { totalCount: 0 } })
  // A link with a bad argument fails up to the nearest field that may be null; the rest of the
  // answer stands, and so does its 200.
  const [document] = await restAll(app, 'documents')
  const nested = await graphql<{ document: null; tasks: { totalCount: number } }>(
    app,
    `{ document(id: "${document!.id}") { tasks(first: 1000) { totalCount } }
       tasks(first: 1) { totalCount } }`,
  )
  t.equal(nested.status, 200)
  t.same(nested.data, { document: null, tasks: { totalCount: 29 } })
  t.match(nested.errors, [{ path: ['document', 'tasks'] }])
})

t.test('links lead both ways and agree with the ids REST gives', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const restTasks = await restAll(app, 'tasks')
  const restTargets = await restAll(app, 'targets')
  // Three queries rather than one: all of it at once is more than the cost limit allows.
  type Ids = { nodes: { id: string }[] }
  const part = <T>(selection: string) =>
    data<{ tasks: { nodes: ({ id: string } & T)[] } }>(
      app,
      `{ tasks(first: 100) { nodes { id ${selection} } } }`,
    ).then((d) => d.tasks.nodes)
  const withAgencies = await part<{
    document: { id: string }
    agencies: { id: string; agency: { id: string; tasks: Ids } }[]
  }>('document { id } agencies { id agency { id tasks(first: 40) { nodes { id } } } }')
  const withItems = await part<{ items: { id: string; kind: string; tasks: Ids }[] }>(
    'items { id kind tasks(first: 40) { nodes { id } } }',
  )
  const withTargets = await part<{ targets: { nodes: { id: string; tasks: Ids }[] } }>(
    'targets(first: 10) { totalCount nodes { id tasks(first: 10) { nodes { id } } } }',
  )
  const tasks = {
    nodes: withAgencies.map((task, i) => ({ ...task, ...withItems[i]!, ...withTargets[i]! })),
  }
  t.equal(tasks.nodes.length, restTasks.length)
  let linkedTargets = 0
  for (const [i, task] of tasks.nodes.entries()) {
    const rest = restTasks[i]!
    t.equal(task.id, rest.id)
    t.equal(task.document.id, rest.documentId)
    t.same(
      task.agencies.map((a) => a.agency.id),
      (rest.agencies as { id: string }[]).map((a) => a.id),
    )
    t.same(
      task.items.map((s) => s.id),
      rest.items,
    )
    for (const unit of task.agencies) {
      t.ok(
        unit.agency.tasks.nodes.some((x) => x.id === task.id),
        'Agency.tasks leads back',
      )
    }
    for (const item of task.items) {
      t.equal(item.kind, 'item')
      t.ok(
        item.tasks.nodes.some((x) => x.id === task.id),
        'Section.tasks leads back',
      )
    }
    t.same(
      task.targets.nodes.map((g) => g.id),
      restTargets.filter((g) => (g.taskIds as string[]).includes(task.id)).map((g) => g.id),
    )
    for (const target of task.targets.nodes) {
      linkedTargets++
      t.ok(
        target.tasks.nodes.some((x) => x.id === task.id),
        'Target.tasks leads back',
      )
    }
  }
  t.ok(linkedTargets > 0, 'some task restates a target')

  const { targets } = await data<{
    targets: {
      nodes: { id: string; section: { id: string } | null; tasks: { nodes: { id: string }[] } }[]
    }
  }>(app, '{ targets(first: 100) { nodes { id section { id } tasks { nodes { id } } } } }')
  for (const [i, target] of targets.nodes.entries()) {
    t.equal(target.section?.id ?? null, restTargets[i]!.sectionId)
    t.same(
      target.tasks.nodes.map((x) => x.id),
      restTargets[i]!.taskIds,
    )
  }
})

t.test('a document with its lists, and sections with theirs', async (t) => {
  const app = await buildTestApp(t)
  const [document] = await restAll(app, 'documents')
  const counts = {
    sections: (await restAll(app, 'sections')).length,
    tasks: (await restAll(app, 'tasks')).length,
    agencies: (await restAll(app, 'agencies', `document=${document!.id}`)).length,
    targets: (await restAll(app, 'targets')).length,
    findings: (await restAll(app, 'findings')).length,
  }
  const got = await data<{
    document: Record & { [list: string]: { totalCount: number } }
  }>(
    app,
    `query ($number: String) { document(number: $number) { id
      sections { totalCount } tasks { totalCount } agencies { totalCount }
      targets { totalCount } findings { totalCount } } }`,
    { number: document!.number },
  )
  t.equal(got.document.id, document!.id)
  for (const [list, count] of Object.entries(counts)) {
    t.equal(got.document[list]!.totalCount, count, `Document.${list}`)
  }
  t.ok(counts.targets > 0 && counts.findings > 0)

  const parts = await data<{
    sections: {
      nodes: {
        id: string
        parent: null
        children: { nodes: { id: string; parent: { id: string } }[] }
        targets: { totalCount: number }
      }[]
    }
  }>(
    app,
    '{ sections(filter: {kind: part}) { nodes { id parent { id } children(first: 100) { nodes { id parent { id } } } targets { totalCount } } } }',
  )
  let targetsInParts = 0
  for (const part of parts.sections.nodes) {
    t.equal(part.parent, null)
    const children = await restAll(app, 'sections', `parent=${part.id}`)
    t.same(
      part.children.nodes.map((c) => c.id),
      children.map((c) => c.id),
    )
    for (const child of part.children.nodes) t.equal(child.parent.id, part.id)
    t.equal(part.targets.totalCount, (await restAll(app, 'targets', `section=${part.id}`)).length)
    targetsInParts += part.targets.totalCount
  }
  t.ok(targetsInParts > 0)
  const missing = await graphql(app, '{ document(number: "none") { id } }')
  t.same(missing.data, { document: null })
  // The field may be null, so the answer has data, and a 200 beside the error.
  const neither = await graphql(app, '{ document { id } }')
  t.same(neither.data, { document: null })
  t.match(neither.errors, [{ extensions: { code: 'BAD_USER_INPUT' } }])
})

t.test('node(id) finds every kind of record, and agency(name) takes aliases', async (t) => {
  const app = await buildTestApp(t)
  const kinds: [string, string][] = [
    ['documents', 'Document'],
    ['sections', 'Section'],
    ['tasks', 'Task'],
    ['agencies', 'Agency'],
    ['targets', 'Target'],
    ['findings', 'Finding'],
  ]
  for (const [path, type] of kinds) {
    const [record] = await restAll(app, path)
    const got = await data<{ node: { __typename: string; id: string } }>(
      app,
      'query ($id: ID!) { node(id: $id) { __typename id } }',
      { id: record!.id },
    )
    t.same(got.node, { __typename: type, id: record!.id })
  }
  for (const id of ['task-000000000000-1', 'nothing', '']) {
    t.same(await data(app, 'query ($id: ID!) { node(id: $id) { id } }', { id }), { node: null })
  }
  const agencies = await restAll(app, 'agencies')
  const aliased = agencies.find((a) => (a.aliases as string[]).length > 0)!
  const byAlias = await data<{ agency: { id: string } }>(
    app,
    'query ($name: String) { agency(name: $name) { id } }',
    { name: (aliased.aliases as string[])[0] },
  )
  t.equal(byAlias.agency.id, aliased.id)
})

t.test('a name two jurisdictions share is an error that names both', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const agencies = await restAll(app, 'agencies')
  const shared = agencies.find((a) => agencies.filter((b) => b.name === a.name).length > 1)
  if (!shared) return t.fail('the fixtures have a name in two jurisdictions')
  const res = await graphql(app, 'query ($name: String) { agency(name: $name) { id } }', {
    name: shared.name,
  })
  t.match(res.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument: 'name' } }])
  const ids = agencies.filter((a) => a.name === shared.name).map((a) => a.id)
  t.same(((res.errors![0]!.extensions!.candidates as string[]) ?? []).sort(), ids.sort())
})

t.test('spaces around a search are ignored, in GraphQL and REST alike', async (t) => {
  const app = await buildTestApp(t)
  const total = async (query: string) =>
    ((await app.inject(query)).json() as { meta: { total: number } }).meta.total
  const padded = encodeURIComponent(' 教育 ')
  const restTasks = await total(`/v1/tasks?q=${padded}`)
  t.ok(restTasks > 0)
  t.equal(restTasks, await total(`/v1/tasks?q=${encodeURIComponent('教育')}`))
  t.equal(
    await total(`/v1/search?q=${padded}`),
    await total(`/v1/search?q=${encodeURIComponent('教育')}`),
  )
  const got = await data<{ tasks: { totalCount: number }; search: { totalCount: number } }>(
    app,
    '{ tasks(filter: {search: " 教育 "}) { totalCount } search(q: " 教育 ") { totalCount } }',
  )
  t.equal(got.tasks.totalCount, restTasks)
  t.equal(got.search.totalCount, await total(`/v1/search?q=${padded}`))
})

t.test('search(q) gives what /v1/search gives', async (t) => {
  const app = await buildTestApp(t)
  for (const q of [
    '教',
    '职业',
    '职业教育',
    '职业 教育',
    '教育\u3000职业',
    '人社局',
    '〔2023〕17号',
  ]) {
    const rest = await restAll(app, 'search', `q=${encodeURIComponent(q)}`)
    const { search } = await data<{
      search: {
        totalCount: number
        nodes: (Record & { node: { __typename: string; id: string } })[]
      }
    }>(
      app,
      `query ($q: String!) { search(q: $q, first: 100) { totalCount
        nodes { type id documentId title snippet score node { __typename id } } } }`,
      { q },
    )
    t.equal(search.totalCount, rest.length, q)
    t.same(
      search.nodes.map(({ node, ...hit }) => ({ ...hit, idOfNode: node.id })),
      rest.map(({ link: _link, ...hit }) => ({ ...hit, idOfNode: hit.id })),
      q,
    )
    t.ok(
      search.nodes.every((h) => h.node.__typename.toLowerCase() === h.type),
      'each hit links to its record',
    )
  }
})

t.test('search finds agencies and documents, each word required, the best first', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
  type Hit = { type: string; id: string; score: number; node: Record & { __typename: string } }
  const search = async (args: string) =>
    (
      await data<{ search: { nodes: Hit[] } }>(
        app,
        `{ search(${args}, first: 100) { nodes { type id score node { __typename id
          ... on Agency { name aliases } ... on Document { number } } } } }`,
      )
    ).search.nodes
  const agencies = await search('q: "人社局", type: agency')
  t.ok(agencies.length > 0)
  for (const hit of agencies) {
    t.equal(hit.node.__typename, 'Agency')
    const names = [hit.node.name, ...(hit.node.aliases as string[])] as string[]
    t.ok(
      names.some((n) => n.includes('人社局')),
      `${hit.node.name as string} goes by 人社局`,
    )
  }
  const documents = await search('q: "〔2023〕17号", type: document')
  t.same(
    documents.map((h) => [h.node.__typename, h.node.number]),
    [['Document', '新政办〔2023〕17号']],
  )
  const both = await search('q: "职业 教育"')
  const tasks = await data<{ tasks: { nodes: { id: string; text: string }[] } }>(
    app,
    '{ tasks(filter: {search: "职业　教育"}, first: 100) { nodes { id text } } }',
  )
  t.ok(tasks.tasks.nodes.length > 0)
  t.ok(
    tasks.tasks.nodes.every((x) => x.text.includes('职业') && x.text.includes('教育')),
    'tasks hold both words',
  )
  t.same(
    tasks.tasks.nodes.map((x) => x.id).sort(),
    (await restAll(app, 'tasks', `q=${encodeURIComponent('职业 教育')}`)).map((x) => x.id).sort(),
    'the tasks REST finds',
  )
  t.same(
    both
      .filter((h) => h.type === 'task')
      .map((h) => h.id)
      .sort(),
    tasks.tasks.nodes.map((x) => x.id).sort(),
    'and search finds',
  )
  t.ok(
    both.every((h, i) => i === 0 || both[i - 1]!.score >= h.score),
    'the highest score first',
  )
})

t.test('a search without words or with too many is refused, naming its argument', async (t) => {
  const app = await buildTestApp(t)
  const eleven = Array.from({ length: 11 }, (_, i) => `词${i}`).join(' ')
  for (const [query, argument] of [
    ['{ search(q: "  ") { totalCount } }', 'q'],
    ['{ search(q: "\u3000\\t") { totalCount } }', 'q'],
    [`{ search(q: "${eleven}") { totalCount } }`, 'q'],
    ['{ tasks(filter: {search: " "}) { totalCount } }', 'filter.search'],
    [`{ tasks(filter: {q: "${eleven}"}) { totalCount } }`, 'filter.q'],
  ] as const) {
    const res = await graphql(app, query)
    t.match(res.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument } }], query)
  }
  const sdl = (await app.inject('/schema.graphql')).body
  t.match(sdl, `at most ${MAX_WORDS} words`, 'the SDL names the bound in force')
  t.match(sdl, 'Higher is better')
})

t.test('a bad argument on one alias fails that alias only', async (t) => {
  const app = await buildTestApp(t)
  const [agency] = await restAll(app, 'agencies', 'sort=-taskCount')
  // Three runs: the second and third are compiled by graphql-jit.
  for (let run = 1; run <= 3; run++) {
    const res = await graphql(
      app,
      'query ($id: ID) { agency(id: $id) { id good: tasks(first: 1) { totalCount } bad: tasks(after: "zz") { totalCount } } }',
      { id: agency!.id },
    )
    // bad is not nullable, so its error takes agency with it; the path names bad, not good.
    t.match(
      res.errors,
      [{ path: ['agency', 'bad'], extensions: { argument: 'after' } }],
      `run ${run}`,
    )
    t.equal(res.errors!.length, 1)
  }
  const both = await graphql<{ agencies: { nodes: { good: { totalCount: number } }[] } }>(
    app,
    `{ agencies(first: 3) { nodes { good: tasks(first: 1) { totalCount } } }
       one: agency(id: "${agency!.id}") { bad: tasks(first: 1000) { totalCount } } }`,
  )
  t.equal(both.status, 200)
  t.ok(
    both.data!.agencies.nodes.every((n) => n.good.totalCount > 0),
    'the good alias is served',
  )
  t.match(both.errors, [{ path: ['one', 'bad'] }])
})

t.test('a linked list’s cursor continues its own parent’s list, and no other’s', async (t) => {
  const app = await buildTestApp(t, { files: PLANS })
  const pagesOf = `query ($after: String) { documents { nodes { id
    tasks(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } } } }`
  type Documents = {
    documents: {
      nodes: { id: string; tasks: { nodes: { id: string }[]; pageInfo: { endCursor: string } } }[]
    }
  }
  const first = await data<Documents>(app, pagesOf)
  const [one, other] = first.documents.nodes
  const cursor = one!.tasks.pageInfo.endCursor
  const res = await graphql<Documents>(
    app,
    `
      query ($id: ID, $after: String) {
        document(id: $id) {
          tasks(first: 2, after: $after) {
            nodes {
              id
            }
          }
        }
      }
    `,
    { id: one!.id, after: cursor },
  )
  const restTasks = await restAll(app, 'tasks', `document=${one!.id}`)
  t.same(
    (res.data as unknown as { document: { tasks: { nodes: { id: string }[] } } }).document.tasks
      .nodes,
    restTasks.slice(2, 4).map((task) => ({ id: task.id })),
  )
  const elsewhere = await graphql(
    app,
    `
      query ($id: ID, $after: String) {
        document(id: $id) {
          tasks(first: 2, after: $after) {
            nodes {
              id
            }
          }
        }
      }
    `,
    { id: other!.id, after: cursor },
  )
  t.match(elsewhere.errors, [{ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }])
  // A cursor of one of the store's lists is not one of a linked list.
  const root = await data<{ tasks: { pageInfo: { endCursor: string } } }>(
    app,
    '{ tasks(first: 1) { pageInfo { endCursor } } }',
  )
  const crossed = await graphql(
    app,
    'query ($id: ID, $after: String) { document(id: $id) { tasks(after: $after) { totalCount } } }',
    { id: one!.id, after: root.tasks.pageInfo.endCursor },
  )
  t.match(crossed.errors, [{ extensions: { argument: 'after' } }])
  const infinite = Buffer.from('["t.document_id,t.position", "doc", 1e999]').toString('base64url')
  const forged = await graphql(app, `{ tasks(after: "${infinite}") { totalCount } }`)
  t.equal(forged.status, 400)
})
