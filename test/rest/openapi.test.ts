// The OpenAPI document, checked by a validator, and the docs page that must work offline.
import { Validator } from '@seriousme/openapi-schema-validator'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.js'

type Operation = {
  operationId?: string
  summary?: string
  description?: string
  security?: Record<string, string[]>[]
  tags?: string[]
  parameters?: { name: string; description?: string }[]
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>
}

t.test('/openapi.json is a valid OpenAPI 3.1 document of every route', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  const doc = res.json() as {
    openapi: string
    paths: Record<string, Record<string, Operation>>
    components: { schemas: Record<string, unknown> }
  }
  const validator = new Validator()
  const result = await validator.validate(doc)
  t.same(result.errors ?? [], [], 'no validation errors')
  t.ok(result.valid)
  t.equal(doc.openapi, '3.1.0')

  for (const resource of ['documents', 'sections', 'tasks', 'agencies', 'targets', 'findings']) {
    for (const path of [`/v1/${resource}`, `/v1/${resource}.csv`, `/v1/${resource}/{id}`]) {
      t.ok(doc.paths[path]?.get, `${path} is documented`)
    }
  }
  t.ok(doc.paths['/healthz']?.get && doc.paths['/readyz']?.get)
  for (const name of ['Document', 'Section', 'Task', 'Agency', 'Target', 'Finding', 'Problem']) {
    t.ok(doc.components.schemas[name], `component ${name}`)
  }
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const where = `${method.toUpperCase()} ${path}`
      t.ok(op.summary && op.tags?.length, `${where} has a summary and a tag`)
      for (const p of op.parameters ?? []) t.ok(p.description, `${where} ${p.name} is described`)
      for (const [status, response] of Object.entries(op.responses)) {
        t.ok(
          response.description && response.description !== 'Default Response',
          `${where} ${status}`,
        )
        if (Number(status) >= 400) {
          t.ok(response.content?.['application/problem+json'], `${where} ${status} is a problem`)
        }
      }
    }
  }
  const list = doc.paths['/v1/tasks']!.get!
  t.ok(list.responses['406'] && list.responses['429'] && list.responses['400'])
})

type Document = {
  servers?: { url: string }[]
  security?: unknown[]
  paths: Record<string, Record<string, Operation>>
  components: {
    schemas: Record<string, unknown>
    securitySchemes?: Record<string, { type: string; scheme?: string }>
  }
}

async function served(t: Test): Promise<Document> {
  const app = await buildTestApp(t)
  return (await app.inject('/openapi.json')).json() as Document
}

function operationsOf(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  )
}

const RESOURCES = {
  documents: 'Document',
  sections: 'Section',
  tasks: 'Task',
  agencies: 'Agency',
  targets: 'Target',
  findings: 'Finding',
}

t.test('every operation has a name of its own, the one clients call it by', async (t) => {
  const doc = await served(t)
  const named = new Map<string, string>()
  for (const { path, method, op } of operationsOf(doc)) {
    const where = `${method.toUpperCase()} ${path}`
    if (!t.match(op.operationId, /^[a-z][A-Za-z]+$/, `${where} has a camelCase operationId`)) {
      continue
    }
    t.notOk(named.has(op.operationId!), `${op.operationId} names ${named.get(op.operationId!)} too`)
    named.set(op.operationId!, where)
  }
  // Generated clients call these names: renaming one breaks them.
  for (const [plural, noun] of Object.entries(RESOURCES)) {
    const Plural = plural[0]!.toUpperCase() + plural.slice(1)
    t.equal(named.get(`list${Plural}`), `GET /v1/${plural}`)
    t.equal(named.get(`get${noun}`), `GET /v1/${plural}/{id}`)
    t.equal(named.get(`download${Plural}Csv`), `GET /v1/${plural}.csv`)
    t.equal(named.get(`download${Plural}Jsonl`), `GET /v1/${plural}.jsonl`)
  }
  t.equal(named.get('search'), 'GET /v1/search')
  t.equal(named.get('reportObservation'), 'POST /v1/targets/{id}/observations')
  t.equal(named.get('setTaskStatus'), 'PUT /v1/tasks/{id}/status')
  t.equal(named.get('uploadDocument'), 'POST /v1/documents')
  t.equal(named.get('listAuditEntries'), 'GET /v1/audit')
})

t.test('writes and the audit log name the bearer token; reads are public', async (t) => {
  const doc = await served(t)
  const schemes = doc.components.securitySchemes ?? {}
  t.same(Object.keys(schemes), ['token'], 'one scheme')
  t.match(schemes.token, { type: 'http', scheme: 'bearer', description: /npm run token/ })
  t.same(doc.security, [], 'public unless an operation says otherwise')
  const guarded: string[] = []
  for (const { path, method, op } of operationsOf(doc)) {
    const where = `${method.toUpperCase()} ${path}`
    const needsToken = (op.security ?? []).some((requirement) => 'token' in requirement)
    if (needsToken) guarded.push(where)
    // A 401 is what a missing token gets: the operations that answer it are those that need one.
    t.equal(needsToken, op.responses['401'] !== undefined, `${where}: token and 401 go together`)
    if (method !== 'get') t.ok(needsToken, `${where} is a write and needs the token`)
  }
  t.ok(guarded.includes('GET /v1/audit'), 'the audit log is for administrators')
  t.ok(guarded.length >= 4, guarded.join(', '))
})

t.test('a relative server, true behind any host', async (t) => {
  const doc = await served(t)
  t.same(
    doc.servers?.map((server) => server.url),
    ['/'],
  )
})

t.test(
  'a JSON answer is JSON alone, in a named envelope; CSV and JSON Lines have their own paths',
  async (t) => {
    const doc = await served(t)
    for (const { path, method, op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const types = Object.keys(response.content ?? {})
        if (!status.startsWith('2') || !types.includes('application/json')) continue
        // A second media type beside JSON makes a generated client's answer a union with a string.
        t.same(types, ['application/json'], `${method.toUpperCase()} ${path} ${status}`)
      }
    }
    const jsonOf = (path: string) =>
      doc.paths[path]!.get!.responses['200']!.content!['application/json'] as { schema: unknown }
    for (const [plural, noun] of Object.entries(RESOURCES)) {
      const list = doc.paths[`/v1/${plural}`]!.get!
      t.same(jsonOf(`/v1/${plural}`).schema, { $ref: `#/components/schemas/${noun}List` })
      t.same(jsonOf(`/v1/${plural}/{id}`).schema, { $ref: `#/components/schemas/${noun}Item` })
      t.match(list.description, `/v1/${plural}.csv`, `${plural}: the list points to its CSV`)
      t.match(list.description, `/v1/${plural}.jsonl`, `${plural}: and to its JSON Lines`)
      t.same(Object.keys(doc.paths[`/v1/${plural}.csv`]!.get!.responses['200']!.content!), [
        'text/csv',
      ])
      t.same(Object.keys(doc.paths[`/v1/${plural}.jsonl`]!.get!.responses['200']!.content!), [
        'application/x-ndjson',
      ])
    }
    for (const path of ['/v1/targets/{id}/observations.csv', '/v1/tasks/{id}/status-history.csv']) {
      t.same(Object.keys(doc.paths[path]!.get!.responses['200']!.content!), ['text/csv'], path)
    }
    t.match(doc.components.schemas.TaskList, {
      properties: { data: { items: { $ref: '#/components/schemas/Task' } } },
    })
    t.match(doc.components.schemas.SearchHitList, {
      properties: { meta: { properties: { totalIsLowerBound: { type: 'boolean' } } } },
    })
  },
)

t.test('every operation but the health checks documents its 4xx answers', async (t) => {
  const doc = await served(t)
  for (const { path, method, op } of operationsOf(doc)) {
    if (path === '/healthz' || path === '/readyz') continue
    t.ok(
      Object.keys(op.responses).some((status) => status.startsWith('4')),
      `${method.toUpperCase()} ${path}`,
    )
  }
})

t.test('the error answers match what the document says', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/v1/targets?year=abc')
  t.equal(res.statusCode, 400)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(res.json(), { type: '/problems/invalid-parameter', invalidParams: [{ name: 'year' }] })
})

t.test('/docs is served from this server alone', async (t) => {
  const app = await buildTestApp(t)
  const html = await app.inject('/docs/')
  t.equal(html.statusCode, 200)
  t.equal(html.headers['content-type'], 'text/html; charset=utf-8')
  const csp = html.headers['content-security-policy'] as string
  t.match(csp, /default-src 'self'/)
  t.notMatch(csp, /https:|swagger\.io|\*/, 'the browser may load nothing from another host')
  t.notMatch(csp, /upgrade-insecure-requests/, 'plain http on an intranet still loads the page')
  const references = [...html.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
  t.ok(references.length > 3)
  for (const ref of references) {
    t.notMatch(ref, /^(?:https?:)?\/\//, `${ref} is on this server`)
    const asset = await app.inject(new URL(ref, 'http://x/docs/').pathname)
    t.equal(asset.statusCode, 200, `${ref} is served`)
  }
  const init = await app.inject('/docs/static/swagger-initializer.js')
  t.match(init.body, /validatorUrl: null/)
  const json = await app.inject('/docs/json')
  t.same(json.json(), (await app.inject('/openapi.json')).json(), 'the page reads our document')
})
