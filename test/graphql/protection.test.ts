// The endpoint's protections as a client meets them over HTTP: GraphiQL's introspection passes,
// while deep, costly, aliased, huge or hand-built documents are refused with a 400 and a code
// that says why, before anything runs.
import { getIntrospectionQuery } from 'graphql'
import t from 'tap'
import { QUERY_LIMITS } from '../../src/graphql/limits.js'
import { bundledPlanPath, buildTestApp, tempDatabase } from '../helper.js'
import { graphql } from './client.js'

/** tasks → targets → tasks → … : valid against the schema, two levels of depth per step. */
function nested(levels: number): string {
  let selection = 'id'
  for (let i = 0; i < levels; i++) {
    // The outermost step, right under a task, is its targets.
    selection =
      (levels - i) % 2 === 1
        ? `targets { nodes { ${selection} } }`
        : `tasks { nodes { ${selection} } }`
  }
  return `{ tasks(first: 1) { nodes { ${selection} } } }`
}

t.test('GraphiQL’s introspection query passes every limit', async (t) => {
  const app = await buildTestApp(t)
  const query = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true })
  const res = await graphql<{ __schema: { types: { name: string }[] } }>(app, query)
  t.equal(res.status, 200)
  t.notOk(res.errors)
  t.ok(res.data!.__schema.types.some((type) => type.name === 'TaskConnection'))
})

t.test('refused before running, with a 400 and the reason', async (t) => {
  const app = await buildTestApp(t)
  const aliases = Array.from(
    { length: QUERY_LIMITS.aliases + 1 },
    (_, i) => `a${i}: tasks(first: 1) { totalCount }`,
  )
  const cases: [string, string, string][] = [
    ['a query 20 levels deep', nested(10), 'QUERY_TOO_DEEP'],
    [
      'first: 100 nested three times',
      '{ agencies(first: 100) { nodes { tasks(first: 100) { nodes { targets(first: 100) { nodes { id } } } } } } }',
      'QUERY_TOO_COSTLY',
    ],
    ['too many aliases', `{ ${aliases.join(' ')} }`, 'TOO_MANY_ALIASES'],
  ]
  for (const [name, query, code] of cases) {
    for (const method of ['POST', 'GET'] as const) {
      const res =
        method === 'POST'
          ? await app.inject({ method, url: '/graphql', payload: { query } })
          : await app.inject(`/graphql?query=${encodeURIComponent(query)}`)
      t.equal(res.statusCode, 400, `${name} (${method})`)
      const body = res.json() as {
        data: unknown
        errors: { message: string; extensions: { code: string } }[]
      }
      t.equal(body.data, null)
      t.equal(body.errors[0]!.extensions.code, code, `${name}: ${body.errors[0]!.message}`)
    }
  }
  const huge = `{ tasks { totalCount ${'nodes { id } '.repeat(QUERY_LIMITS.tokens / 4)} } }`
  const tooLong = await graphql(app, huge)
  t.equal(tooLong.status, 400)
  t.match(tooLong.errors?.[0]?.message, /more that 2000 tokens/)
})

t.test('the cost counts the variables a query is sent with', async (t) => {
  const app = await buildTestApp(t)
  const query = `query ($n: Int) { agencies(first: $n) { nodes {
    tasks(first: $n) { nodes { targets(first: $n) { nodes { id } } } } } } }`
  const small = await graphql(app, query, { n: 5 })
  t.equal(small.status, 200)
  t.notOk(small.errors)
  const large = await graphql(app, query, { n: 100 })
  t.equal(large.status, 400)
  t.match(large.errors, [{ extensions: { code: 'QUERY_TOO_COSTLY', cost: 1010100 } }])
  // Of two operations, the one named is measured.
  const named = `query Small { tasks(first: 1) { totalCount } } ${query.replace('query', 'query Large')}`
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: named, operationName: 'Small', variables: { n: 100 } },
  })
  t.equal(res.statusCode, 200, res.body)
})

t.test('a syntax tree sent as JSON text is refused, not validated', async (t) => {
  const app = await buildTestApp(t)
  const tree = JSON.stringify({
    kind: 'Document',
    definitions: [
      {
        kind: 'OperationDefinition',
        operation: 'query',
        selectionSet: {
          kind: 'SelectionSet',
          selections: [{ kind: 'Field', name: { kind: 'Name', value: '__typename' } }],
        },
      },
    ],
    loc: { start: 0, end: 10 },
  })
  const res = await graphql(app, tree)
  t.equal(res.status, 400)
  t.match(res.errors, [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }])
  // A location that claims a source is still JSON, not the parser's.
  const forged = JSON.parse(tree) as Record<string, unknown>
  forged.loc = { source: { body: '{ __typename }' } }
  for (const definitions of [forged.definitions, [{ kind: 'Bogus' }], 5]) {
    const sent = await graphql(app, JSON.stringify({ ...forged, definitions }))
    t.equal(sent.status, 400, JSON.stringify(definitions))
    t.match(sent.errors, [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }])
  }
})

t.test('several validation errors are still a 400', async (t) => {
  const app = await buildTestApp(t)
  const res = await graphql(app, '{ nope alsoNope tasks(first: "x") { totalCount } }')
  t.equal(res.status, 400)
  t.equal(res.errors?.length, 3)
})

t.test('a failure of our own is logged and answered without its details', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const logs: string[] = []
  const app = await buildTestApp(t, {
    db,
    logger: { level: 'error', stream: { write: (line: string) => logs.push(line) } },
  })
  db.close()
  const res = await graphql(app, '{ tasks { totalCount } }')
  t.equal(res.status, 500)
  t.match(res.errors, [
    { message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  ])
  t.notMatch(JSON.stringify(res.errors), /database|sqlite/i, 'nothing of the cause')
  t.match(logs.join(''), /database connection is not open/, 'the cause is in the log')
})

t.test("a client's mistake is logged as what it said, without a stack", async (t) => {
  const logs: string[] = []
  const app = await buildTestApp(t, {
    logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } },
  })
  const res = await graphql(app, '{ tasks(first: 1) { nope } }')
  t.equal(res.status, 400)
  const lines = logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.graphqlError !== undefined)
  t.equal(lines.length, 1, 'one line for the one error')
  t.match(lines[0], {
    level: 30,
    msg: /Cannot query field "nope"/,
    graphqlError: { messages: [/Cannot query field "nope"/] },
  })
  t.notMatch(logs.join(''), /"stack"|\n\s+at /, 'no stack trace anywhere in the log')
})
