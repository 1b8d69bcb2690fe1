// The limits of the public GraphQL endpoint, against the real schema: what legitimate clients send
// (GraphiQL's introspection, a page of tasks with their relations) passes, and deep, wide, costly
// or huge documents are refused with errors that say why.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
  type GraphQLObjectType,
  type IntrospectionOptions,
  type ValidationRule,
} from 'graphql'
import mercurius, { type MercuriusContext } from 'mercurius'
import t from 'tap'
import {
  QUERY_LIMITS,
  aliasLimitRule,
  assertQueryCost,
  costError,
  depthLimitRule,
  directiveLimitRule,
  limitRules,
  queryCost,
  withHttpStatus,
} from '../../src/graphql/limits.js'
import { projectRoot } from '../../src/paths.js'

const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))

/** Every validation error of a query: graphql's own rules and ours, as mercurius runs them. */
function errorsOf(query: string, rules: ValidationRule[] = limitRules()): readonly GraphQLError[] {
  return validate(schema, parse(query), [...specifiedRules, ...rules])
}

function codesOf(errors: readonly GraphQLError[]): unknown[] {
  return errors.map((error) => error.extensions['code'])
}

function cost(query: string, variables?: Record<string, unknown>, operationName?: string): number {
  return queryCost(schema, parse(query), variables, operationName)
}

/** The depth the depth rule measures, read from the error a limit of 0 produces. */
function depthOf(query: string): unknown {
  const [error] = validate(schema, parse(query), [depthLimitRule(0)])
  return error?.extensions['depth']
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query))
  let count = 0
  while (lexer.advance().kind !== TokenKind.EOF) count += 1
  return count
}

/** A query `levels` fields deep: tasks { nodes { document { tasks { … __typename } } } }. */
function nestedQuery(levels: number): string {
  const names = ['tasks', 'nodes', 'document']
  const path = Array.from({ length: levels - 1 }, (_, i) => names[i % names.length])
  return `{ ${path.map((name) => `${name} { `).join('')}__typename${' }'.repeat(levels - 1)} }`
}

const threeNestedHundreds =
  '{ agencies(first: 100) { nodes { tasks(first: 100) { nodes { targets(first: 100) { nodes { id } } } } } } }'

const fiftyTasks =
  '{ tasks(first: 50) { nodes { agencies { agency { name } } items { heading } targets { nodes { indicator } } } } }'

// GraphiQL 3.8.3 builds its introspection query with graphql's getIntrospectionQuery, passing its
// inputValueDeprecation and schemaDescription props (unset on mercurius' own GraphiQL page).
const introspectionQueries: Record<string, IntrospectionOptions | undefined> = {
  'getIntrospectionQuery()': undefined,
  'GraphiQL with inputValueDeprecation and schemaDescription': {
    inputValueDeprecation: true,
    schemaDescription: true,
  },
  'every option graphql 16 offers': {
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  },
}

t.test('introspection queries pass every limit', async (t) => {
  for (const [name, options] of Object.entries(introspectionQueries)) {
    const query = getIntrospectionQuery(options)
    t.same(errorsOf(query), [], `${name}: valid within the rules`)
    t.equal(depthOf(query), 15, `${name}: 15 fields deep`)
    t.ok(15 < QUERY_LIMITS.depth, 'below the depth limit')
    // Lists without first count 10 each: types × fields × args × the 10 objects of a type ref.
    t.equal(cost(query), 16_424, `${name}: costs 16,424`)
    t.equal(costError(schema, parse(query), {}, 'IntrospectionQuery', QUERY_LIMITS.cost), undefined)
    t.ok(tokenCount(query) < 200, `${name}: ${tokenCount(query)} tokens`)
    t.doesNotThrow(() => parse(query, { maxTokens: QUERY_LIMITS.tokens }))
  }
})

t.test('a page of 50 tasks with their agencies, items and targets passes', async (t) => {
  t.same(errorsOf(fiftyTasks), [])
  // 50 × (the task + 10 × (TaskAgency + Agency) + 10 items + 20 targets, the default page)
  t.equal(cost(fiftyTasks), 2_550)
  t.equal(costError(schema, parse(fiftyTasks), {}, undefined, QUERY_LIMITS.cost), undefined)
})

t.test('depth', async (t) => {
  t.equal(depthOf('{ documents { nodes { id } } }'), 3, 'counts fields, the leaf included')
  t.equal(depthOf(nestedQuery(16)), 16)
  t.same(errorsOf(nestedQuery(16)), [], 'the limit itself passes')

  const errors = errorsOf(nestedQuery(20))
  t.same(codesOf(errors), ['QUERY_TOO_DEEP'], '20 levels are refused')
  t.equal(
    errors[0]?.message,
    'query depth 20 exceeds the limit of 16; request nested lists in separate queries',
  )
  t.same(errors[0]?.extensions, { code: 'QUERY_TOO_DEEP', depth: 20, limit: 16 })
  t.same(errors[0]?.locations, [{ line: 1, column: 1 }], 'points at the operation')
  t.ok(cost(nestedQuery(20)) > QUERY_LIMITS.cost, 'and it would be too costly as well')

  t.equal(
    depthOf('{ tasks { nodes { ...deep } } } fragment deep on Task { document { id } }'),
    4,
    'a fragment adds its depth where it is spread',
  )
  t.equal(
    depthOf('{ node(id: "x") { ... on Task { document { ... on Document { id } } } } }'),
    3,
    'inline fragments are followed and add no level',
  )
  t.equal(
    depthOf(
      '{ ...a } fragment a on Query { ...b } fragment b on Query { __schema { types { name } } }',
    ),
    3,
    'chains of fragments are followed, and introspection counts',
  )
  t.equal(
    depthOf('query A { __typename } query B { tasks { nodes { id } } }'),
    1,
    'each operation is measured on its own (the first error is A)',
  )
  t.same(
    codesOf(errorsOf(`query A { __typename } query B ${nestedQuery(17)}`)),
    ['QUERY_TOO_DEEP'],
    'only the deep operation is refused',
  )
})

t.test('aliases', async (t) => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`
  t.same(errorsOf(aliased(30)), [], '30 pass')
  const errors = errorsOf(aliased(31))
  t.same(codesOf(errors), ['TOO_MANY_ALIASES'], '31 are refused')
  t.equal(errors[0]?.message, 'the query uses 31 aliases, more than the limit of 30')
  t.same(errors[0]?.extensions, { code: 'TOO_MANY_ALIASES', aliases: 31, limit: 30 })

  const fragment = `fragment ten on Query { ${aliased(10).slice(2, -2)} }`
  t.same(errorsOf(`{ ...ten ...ten ...ten } ${fragment}`), [], 'a fragment counts per spread: 30')
  t.same(
    errorsOf(`{ ...ten ...ten ... on Query { ...ten ...ten } } ${fragment}`)[0]?.extensions,
    { code: 'TOO_MANY_ALIASES', aliases: 40, limit: 30 },
    'a fragment counts per spread, inline fragments followed: 40',
  )
  t.same(errorsOf('{ tasks { nodes { id } } }', [aliasLimitRule(0)]), [], 'no alias, no count')
})

t.test('directives', async (t) => {
  const documentFields = [
    'id',
    'number',
    'issuer',
    'jurisdiction',
    'title',
    'planTitle',
    'issuedOn',
  ]
  const fields = documentFields.map((name) => `${name} @skip(if: false) @include(if: true)`)
  const fragment = `fragment marked on Document { ${fields.join(' ')} }`
  const spreads = (count: number) =>
    `{ document(id: "x") { ${'...marked '.repeat(count)}} } ${fragment}`
  t.same(errorsOf(spreads(3)), [], '3 spreads of 14 directives: 42 pass')
  const errors = errorsOf(spreads(4))
  t.same(codesOf(errors), ['TOO_MANY_DIRECTIVES'], '4 spreads: 56 are refused')
  t.same(errors[0]?.extensions, { code: 'TOO_MANY_DIRECTIVES', directives: 56, limit: 50 })
  t.equal(errors[0]?.message, 'the query uses 56 directives, more than the limit of 50')
  t.same(
    errorsOf('{ ...f @include(if: true) } fragment f on Query { __typename }', [
      directiveLimitRule(0),
    ])[0]?.extensions,
    { code: 'TOO_MANY_DIRECTIVES', directives: 1, limit: 0 },
    'directives on spreads count',
  )
})

t.test('cost', async (t) => {
  const document = parse(threeNestedHundreds)
  t.equal(queryCost(schema, document), 1_010_100, 'first: 100 nested three times')
  const refusal = costError(schema, document, {}, undefined, QUERY_LIMITS.cost)
  t.equal(
    refusal?.message,
    'this query could return up to 1,010,100 objects, more than the limit of 50,000; ' +
      'ask for fewer (first) or fewer nested lists',
  )
  t.same(refusal?.extensions, { code: 'QUERY_TOO_COSTLY', cost: 1_010_100, limit: 50_000 })
  t.same(refusal?.locations, [{ line: 1, column: 1 }], 'points at the operation')
  t.same(errorsOf(threeNestedHundreds), [], 'valid otherwise: cost is not a validation rule')

  t.equal(cost('{ tasks(first: 100) { nodes { id } } }'), 100, 'a page counts its nodes')
  t.equal(cost('{ tasks { nodes { id } } }'), 20, 'without first, the default page of 20')
  t.equal(cost('{ tasks(first: 10) { totalCount pageInfo { hasNextPage } } }'), 1, 'no nodes')
  t.equal(
    cost('{ tasks(first: 10) { nodes { id } edges { cursor node { id } } } }'),
    10 + 10 * 2,
    'nodes and edges { node } both count',
  )
  t.equal(
    cost('{ tasks(first: 10) { nodes { agencies { name } items { id } } } }'),
    10 * (1 + 10 + 10),
    'a list without first counts 10',
  )
  t.equal(cost('{ tasks(first: 10) { nodes { id number text } } }'), 10, 'scalars count nothing')
  t.equal(
    cost('{ a: tasks(first: 10) { nodes { id } } b: tasks(first: 10) { nodes { id } } }'),
    20,
    'aliases count separately',
  )
  t.equal(
    cost('{ tasks(first: 10) { nodes { id } } tasks(first: 10) { nodes { text } } }'),
    10,
    'a field selected twice under one name runs once',
  )
  t.equal(
    cost(
      '{ tasks(first: 10) { nodes { ...withAgencies } } } fragment withAgencies on Task { agencies { name } }',
    ),
    10 * (1 + 10),
    'fragments are followed',
  )
  t.equal(
    cost('{ node(id: "x") { ... on Task { agencies { name } } ... on Agency { name } } }'),
    1 + 10,
    'inline fragments are followed; on an interface the costliest type counts',
  )
  t.equal(
    cost(
      '{ search(q: "x", first: 5) { nodes { node { ...onTask } } } } fragment onTask on Task { items { id } }',
    ),
    5 * (1 + 1 + 10),
    'fragments on a concrete type under an interface',
  )
  t.equal(cost('{ __type(name: "Task") { fields { name } } }'), 1 + 10, 'introspection counts')

  const listWithFirst = buildSchema(
    'type Query { items(first: Int = 5): [Item!]! } type Item { id: ID }',
  )
  t.equal(
    queryCost(listWithFirst, parse('{ items { id } other: items(first: 3) { id } }')),
    5 + 3,
    'a list with a first argument holds first items',
  )

  const twoOperations = `query Cheap { tasks(first: 1) { nodes { id } } } query Costly ${threeNestedHundreds}`
  t.equal(cost(twoOperations, {}, 'Cheap'), 1, 'the named operation counts')
  t.equal(cost(twoOperations, {}, 'Costly'), 1_010_100)
  t.equal(cost(twoOperations), 1_010_100, 'without a name, the costliest')
})

t.test('variables decide page sizes', async (t) => {
  const query =
    'query Pages($n: Int) { agencies(first: $n) { nodes { tasks(first: $n) { nodes { targets(first: $n) { nodes { id } } } } } } }'
  t.equal(cost(query, { n: 5 }), 5 * (1 + 5 * (1 + 5)), 'n = 5: 155')
  t.equal(costError(schema, parse(query), { n: 5 }, 'Pages', QUERY_LIMITS.cost), undefined)
  t.equal(cost(query, { n: 100 }), 1_010_100, 'n = 100')
  t.same(costError(schema, parse(query), { n: 100 }, 'Pages', QUERY_LIMITS.cost)?.extensions, {
    code: 'QUERY_TOO_COSTLY',
    cost: 1_010_100,
    limit: 50_000,
  })
  t.equal(cost(query), 20 * (1 + 20 * (1 + 20)), 'unset: the argument default of 20')
  t.equal(cost(query.replace('$n: Int', '$n: Int = 7')), 7 * (1 + 7 * (1 + 7)), 'variable default')
  t.equal(cost(query.replace('$n: Int', '$n: Int = 7'), { n: 2 }), 2 * (1 + 2 * 3), 'given wins')
  for (const unusable of [1000, null, -1, 2.5, '5']) {
    t.equal(cost(query, { n: unusable }), 1_010_100, `n = ${JSON.stringify(unusable)} counts 100`)
  }
})

t.test('the cost refusal becomes HTTP 400 in mercurius', async (t) => {
  const thrown = t.throws(() =>
    assertQueryCost(schema, parse(threeNestedHundreds), {}, undefined, QUERY_LIMITS.cost),
  )
  t.ok(thrown instanceof GraphQLError, 'a GraphQLError')
  t.doesNotThrow(() => assertQueryCost(schema, parse(fiftyTasks), {}, undefined, QUERY_LIMITS.cost))

  // What mercurius' error handler does with an error thrown from the preExecution hook.
  const context = { app: { log: { info: () => undefined } } } as unknown as MercuriusContext
  const formatted = mercurius.defaultErrorFormatter({ errors: [thrown as GraphQLError] }, context)
  t.equal(formatted.statusCode, 400)
  t.same(formatted.response, {
    data: null,
    errors: [
      {
        message:
          'this query could return up to 1,010,100 objects, more than the limit of 50,000; ' +
          'ask for fewer (first) or fewer nested lists',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_COSTLY', cost: 1_010_100, limit: 50_000 },
      },
    ],
  })
  const plain = costError(schema, parse(threeNestedHundreds), {}, undefined, QUERY_LIMITS.cost)!
  t.equal(
    mercurius.defaultErrorFormatter({ errors: [plain] }, context).statusCode,
    200,
    'without withHttpStatus mercurius would answer 200',
  )
  t.equal(withHttpStatus(plain, 429).originalError?.['statusCode' as never], 429)
})

t.test('fragment cycles and fan-outs end', async (t) => {
  const direct = '{ ...a } fragment a on Query { ...b } fragment b on Query { ...a }'
  t.same(
    errorsOf(direct).map((error) => error.message),
    ['Cannot spread fragment "a" within itself via "b".'],
    'graphql reports the cycle; ours stop without a finding of their own',
  )
  t.same(validate(schema, parse(direct), limitRules()), [], 'ours stop on their own too')
  t.same(
    errorsOf('{ ...missing }').map((error) => error.message),
    ['Unknown fragment "missing".'],
    "an unknown fragment is graphql's to report",
  )

  const throughFields =
    '{ tasks { nodes { ...again } } } fragment again on Task { document { tasks { nodes { ...again } } } }'
  t.same(
    errorsOf(throughFields).map((error) => error.message),
    ['Cannot spread fragment "again" within itself.'],
    'a cycle through fields as well',
  )
  t.equal(cost(throughFields), Infinity, 'its cost is unbounded')
  const refusal = costError(schema, parse(throughFields), {}, undefined, QUERY_LIMITS.cost)
  t.equal(
    refusal?.message,
    'this query could return unboundedly many objects, more than the limit of 50,000; ' +
      'ask for fewer (first) or fewer nested lists',
  )
  t.same(refusal?.extensions, { code: 'QUERY_TOO_COSTLY', cost: null, limit: 50_000 })
  const zeroPages = throughFields.replace(
    'tasks { nodes { ...again',
    'tasks(first: 0) { nodes { ...again',
  )
  t.ok(costError(schema, parse(zeroPages), {}, undefined, QUERY_LIMITS.cost), 'even under first: 0')

  // Each fragment spreads the next twice: 2^30 paths, measured once per fragment.
  const count = 30
  const fragments = Array.from(
    { length: count },
    (_, i) => `fragment f${i} on Query { a${i}: __typename ...f${i + 1} ...f${i + 1} }`,
  )
  const fanOut = `{ ...f0 } ${fragments.join(' ')} fragment f${count} on Query { __typename }`
  t.same(
    errorsOf(fanOut).map((error) => error.extensions),
    [{ code: 'TOO_MANY_ALIASES', aliases: 2 ** count - 1, limit: 30 }],
  )
  t.equal(cost(fanOut), 0, 'only scalars')
})

t.test('the token limit', async (t) => {
  // A query for every field of a document and of each of its connections' nodes.
  const scalars = (type: GraphQLObjectType) =>
    Object.values(type.getFields())
      .filter((field) => isLeafType(getNamedType(field.type)))
      .map((field) => field.name)
      .join(' ')
  const documentType = schema.getType('Document') as GraphQLObjectType
  const connections = Object.values(documentType.getFields()).flatMap((field) => {
    const connection = getNamedType(field.type)
    if (!isObjectType(connection) || !connection.getFields()['nodes']) return []
    const node = getNamedType(connection.getFields()['nodes']!.type) as GraphQLObjectType
    return `${field.name}(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${scalars(node)} } }`
  })
  const everything = `query Everything($id: ID, $after: String) { document(id: $id) { ${scalars(documentType)} numberParts { agencyCode year serial } attachments { title } citations { title number line } source { file sha256 } ${connections.join(' ')} } }`
  t.same(errorsOf(everything), [])
  // About 200 tokens: the limit leaves room for queries many times longer than any useful one.
  const tokens = tokenCount(everything)
  t.ok(tokens > 150 && tokens * 5 < QUERY_LIMITS.tokens, `${tokens} tokens`)
  t.doesNotThrow(() => parse(everything, { maxTokens: QUERY_LIMITS.tokens }))

  const huge = `{ ${'__typename '.repeat(QUERY_LIMITS.tokens)}}`
  t.throws(() => parse(huge, { maxTokens: QUERY_LIMITS.tokens }), {
    message: `Syntax Error: Document contains more that ${QUERY_LIMITS.tokens} tokens. Parsing aborted.`,
  })
  t.doesNotThrow(() => parse(huge), 'parses without the limit')
})

t.test('limitRules', async (t) => {
  t.equal(limitRules().length, 3)
  const loose = { ...QUERY_LIMITS, depth: 30, aliases: 100 }
  t.same(errorsOf(nestedQuery(20), limitRules(loose)), [], 'takes other limits')
  t.same(codesOf(errorsOf(nestedQuery(20), limitRules())), ['QUERY_TOO_DEEP'])
})
