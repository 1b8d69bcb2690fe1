// Property tests over every REST parameter the OpenAPI document declares: whatever a client
// sends, the answer is never a 5xx, an error is always problem+json that says what is wrong, and
// the server is alive afterwards.
import fc from 'fast-check'
import t from 'tap'
import { bundledPlanPath, secondPlanPath, tempDatabase, buildTestApp } from '../helper.js'

interface Parameter {
  name: string
  in: 'query' | 'path'
  schema?: { enum?: unknown[]; type?: string }
}

/** Values a client might send by mistake or on purpose. */
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('', ' ', '-1', '0', '1e400', 'NaN', 'null', '[]', '{}', '%', '%00', '\u0000'),
  fc.constantFrom('9'.repeat(40), 'a'.repeat(5000), '-', ',', '-,', 'id,-id', '"', "'", '\\'),
)

const ACCEPTS = fc.constantFrom(
  undefined,
  'application/json',
  'text/csv',
  'text/html',
  'image/png',
  '*/*',
  'text/csv;q=0, application/json;q=0',
  ';;;',
)

function valueFor(parameter: Parameter) {
  const known = parameter.schema?.enum ?? []
  return known.length > 0
    ? fc.oneof(fc.constantFrom(...known.map(String)), hostileText)
    : hostileText
}

t.test('no parameter value makes a 5xx or an answer that is not problem+json', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  // A limit the fuzzing never reaches: every request must reach the routes.
  const app = await buildTestApp(t, { db, rateLimit: { max: 1e9, windowMs: 60_000 } })
  const openapi = (await app.inject('/openapi.json')).json() as {
    paths: Record<string, { get?: { parameters?: Parameter[] } }>
  }
  const routes = Object.entries(openapi.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({ path, parameters: item.get!.parameters ?? [] }))
  t.ok(routes.length > 15, `${routes.length} GET routes from the OpenAPI document`)

  const request = fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      values: fc.tuple(...route.parameters.map((p) => fc.option(valueFor(p)))),
      extra: fc.option(fc.tuple(fc.string({ minLength: 1 }), hostileText)),
      accept: ACCEPTS,
    }),
  )

  let checked = 0
  await fc.assert(
    fc.asyncProperty(request, async ({ route, values, extra, accept }) => {
      let path = route.path
      const query = new URLSearchParams()
      route.parameters.forEach((p, i) => {
        const value = values[i]
        if (p.in === 'path') {
          path = path.replace(`{${p.name}}`, encodeURIComponent(value ?? 'x'))
        } else if (value !== null && value !== undefined) {
          query.append(p.name, value)
        }
      })
      if (extra) query.append(extra[0], extra[1])
      const url = `${path}${query.size > 0 ? `?${query}` : ''}`
      const res = await app.inject({ url, headers: accept ? { accept } : {} })
      checked++
      if (res.statusCode >= 500)
        throw new Error(`${url} (accept ${accept}): ${res.statusCode} ${res.body}`)
      if (res.statusCode >= 400) {
        if (res.headers['content-type'] !== 'application/problem+json; charset=utf-8') {
          throw new Error(`${url}: ${res.statusCode} as ${res.headers['content-type']}`)
        }
        const body = res.json() as { status: number; detail: string; type: string }
        if (body.status !== res.statusCode || !body.detail || !body.type) {
          throw new Error(`${url}: a problem without status, type or detail: ${res.body}`)
        }
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 600), interruptAfterTimeLimit: 60_000 },
  )
  t.ok(checked > 0, `${checked} requests checked`)
  t.equal((await app.inject('/healthz')).statusCode, 200, 'alive afterwards')
  t.equal((await app.inject('/v1/tasks?limit=1')).statusCode, 200, 'and still serving')
})
