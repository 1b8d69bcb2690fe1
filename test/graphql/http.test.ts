// GraphQL over HTTP: POST and GET, cacheable GETs with ETags, errors in GraphQL's shape with a
// status that says what went wrong, and the SDL at /schema.graphql.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { graphqlSchemaPath } from '../../src/paths.js'
import { buildTestApp } from '../helper.js'

const QUERY = '{ tasks(first: 2) { totalCount nodes { number } } }'

t.test(
  'GET /graphql?query= answers with a strong ETag, and 304 to a client that holds it',
  async (t) => {
    const app = await buildTestApp(t)
    const url = `/graphql?query=${encodeURIComponent(QUERY)}`
    const res = await app.inject(url)
    t.equal(res.statusCode, 200)
    t.match(res.json(), {
      data: { tasks: { totalCount: 29, nodes: [{ number: 1 }, { number: 2 }] } },
    })
    const etag = res.headers.etag as string
    t.match(etag, /^"[\w-]+"$/, 'a strong tag')
    t.match(res.headers['cache-control'], /public/)
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    t.equal(again.statusCode, 304)
    t.equal(again.body, '')
    const other = await app.inject(
      `/graphql?query=${encodeURIComponent('{ tasks(first: 3) { totalCount } }')}`,
    )
    t.not(other.headers.etag, etag, 'another query, another tag')
    const head = await app.inject({ method: 'HEAD', url })
    t.equal(head.statusCode, 200)

    const variables = encodeURIComponent(JSON.stringify({ n: 1 }))
    const withVariables = await app.inject(
      `/graphql?query=${encodeURIComponent('query ($n: Int) { tasks(first: $n) { nodes { number } } }')}&variables=${variables}`,
    )
    t.same(withVariables.json(), { data: { tasks: { nodes: [{ number: 1 }] } } })
  },
)

t.test('POST takes JSON and application/graphql; other methods get 405', async (t) => {
  const app = await buildTestApp(t)
  const json = await app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY } })
  t.equal(json.statusCode, 200)
  t.equal(json.headers['cache-control'], 'no-store', 'a POST is not cached')
  const raw = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/graphql' },
    payload: QUERY,
  })
  t.same(raw.json(), json.json())
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    const res = await app.inject({ method, url: '/graphql' })
    t.equal(res.statusCode, 405, method)
    t.equal(res.headers.allow, 'GET, HEAD, POST, OPTIONS')
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  }
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/graphql',
    headers: {
      origin: 'http://dashboard.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  })
  t.equal(preflight.statusCode, 204)
  t.match(preflight.headers['access-control-allow-methods'], /POST/)
})

t.test('broken requests get GraphQL errors with a 4xx, never a 5xx or a stack', async (t) => {
  const app = await buildTestApp(t)
  const cases: [
    string,
    { method: 'GET' | 'POST'; url: string; payload?: string; headers?: Record<string, string> },
  ][] = [
    [
      'syntax error',
      { method: 'POST', url: '/graphql', payload: JSON.stringify({ query: '{ tasks { ' }) },
    ],
    [
      'unknown field',
      { method: 'POST', url: '/graphql', payload: JSON.stringify({ query: '{ nope }' }) },
    ],
    ['no query', { method: 'POST', url: '/graphql', payload: '{}' }],
    ['malformed JSON', { method: 'POST', url: '/graphql', payload: '{"query": ' }],
    [
      'variables of the wrong type',
      {
        method: 'POST',
        url: '/graphql',
        payload: JSON.stringify({
          query: 'query ($n: Int) { tasks(first: $n) { totalCount } }',
          variables: { n: 'many' },
        }),
      },
    ],
    [
      'variables not JSON',
      { method: 'GET', url: `/graphql?query=${encodeURIComponent(QUERY)}&variables=%7Bx` },
    ],
    ['GET without query', { method: 'GET', url: '/graphql' }],
  ]
  for (const [name, request] of cases) {
    const res = await app.inject({
      ...request,
      headers: { 'content-type': 'application/json', ...request.headers },
    })
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${name}: ${res.statusCode}`)
    const body = res.json() as { errors?: { message: string }[] }
    t.ok(
      body.errors && body.errors.length > 0 && body.errors[0]!.message,
      `${name}: an error message`,
    )
    t.notMatch(res.body, /at .*\.(js|ts):\d+/, `${name}: no stack trace`)
  }
})

t.test('the SDL at /schema.graphql is schema.graphql itself', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/schema.graphql')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
  t.equal(res.body, readFileSync(graphqlSchemaPath, 'utf8'))
  t.ok(res.headers.etag)
})

t.test('GraphQL stays out of the REST API’s OpenAPI document', async (t) => {
  const app = await buildTestApp(t)
  const paths = Object.keys((await app.inject('/openapi.json')).json().paths)
  t.ok(paths.includes('/v1/tasks'))
  t.notOk(
    paths.some((p) => p.includes('graphql')),
    paths.join(' '),
  )
})

t.test('an operation that cannot be chosen is a 400, by GET as by POST', async (t) => {
  const app = await buildTestApp(t)
  const two = 'query A { __typename } query B { __typename }'
  const cases: [string, string | undefined][] = [
    ['{ __typename }', 'X'],
    ['{ __typename }', ''],
    [two, undefined],
    [two, 'C'],
  ]
  for (const [query, operationName] of cases) {
    const name = operationName === undefined ? '' : `&operationName=${operationName}`
    const get = await app.inject(`/graphql?query=${encodeURIComponent(query)}${name}`)
    t.equal(get.statusCode, 400, `GET ${query} ${operationName}`)
    t.match(get.json(), { data: null, errors: [{ message: /operation/ }] })
    const post = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, ...(operationName === undefined ? {} : { operationName }) },
    })
    t.equal(post.statusCode, 400, `POST ${query} ${operationName}`)
  }
  const chosen = await app.inject(`/graphql?query=${encodeURIComponent(two)}&operationName=B`)
  t.same(chosen.json(), { data: { __typename: 'Query' } })
})

t.test('requests refused as a whole are 400s, every time they are sent', async (t) => {
  const app = await buildTestApp(t)
  const badVariable = {
    query: 'query ($k: Int) { tasks(first: $k) { totalCount } }',
    variables: { k: 'x' },
  }
  // The second run of a query text is the one compiled by graphql-jit, which checks variables
  // its own way.
  for (let run = 1; run <= 3; run++) {
    const res = await app.inject({ method: 'POST', url: '/graphql', payload: badVariable })
    t.equal(res.statusCode, 400, `run ${run}`)
  }
  for (const query of ['mutation { x }', 'subscription { x }']) {
    const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query } })
    t.equal(res.statusCode, 400, query)
  }
  const mutation = await app.inject(
    `/graphql?query=${encodeURIComponent('mutation { setTaskStatus(taskId: "x", status: done, ifMatch: "*") { id } }')}`,
  )
  t.equal(mutation.statusCode, 405)
  t.equal(mutation.headers.allow, 'GET, HEAD, POST, OPTIONS')
})

t.test('a GET answer with errors is not kept by caches', async (t) => {
  const app = await buildTestApp(t)
  const [document] = (await app.inject('/v1/documents')).json().data as { id: string }[]
  const partial = `{ document(id: "${document!.id}") { tasks(first: 1000) { totalCount } } }`
  const res = await app.inject(`/graphql?query=${encodeURIComponent(partial)}`)
  t.equal(res.statusCode, 200)
  t.ok(res.json().errors)
  t.equal(res.headers['cache-control'], 'no-store')
})

t.test('variables nested past any input are a 400, not a 500', async (t) => {
  const app = await buildTestApp(t)
  // 10,000 levels in 20 KB, written as text: even JSON.stringify cannot walk them.
  const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
  const query = 'query ($f: TaskFilter) { tasks(filter: $f, first: 1) { totalCount } }'
  const variables = `{"f":${deep}}`
  for (const request of [
    {
      method: 'POST' as const,
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
    },
    {
      method: 'GET' as const,
      url: `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`,
    },
  ]) {
    const res = await app.inject(request)
    t.equal(res.statusCode, 400, request.method)
    t.match(res.json(), {
      data: null,
      errors: [
        { message: 'variables nest deeper than 32 levels', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    })
  }
  const shallow = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query, variables: { f: { agency: '市数据局' } } },
  })
  t.equal(shallow.statusCode, 200, 'a filter as the schema nests it')
})

t.test('a browser opening /graphql is sent to GraphiQL; programs get GraphQL', async (t) => {
  const app = await buildTestApp(t)
  const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
  const opened = await app.inject({ url: '/graphql', headers: { accept: browser } })
  t.equal(opened.statusCode, 302)
  t.equal(opened.headers.location, '/graphiql')
  const page = await app.inject({ url: '/graphiql', headers: { accept: browser } })
  t.match(page.headers['content-type'], /^text\/html/)
  // A program without a query still learns what is missing.
  const program = await app.inject({ url: '/graphql', headers: { accept: 'application/json' } })
  t.equal(program.statusCode, 400)
  // A browser following a link with a query gets the answer.
  const query = encodeURIComponent('{ tasks(first: 1) { totalCount } }')
  const asked = await app.inject({ url: `/graphql?query=${query}`, headers: { accept: browser } })
  t.equal(asked.statusCode, 200)
  t.ok(asked.json().data.tasks.totalCount > 0)
})
