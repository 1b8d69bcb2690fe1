// The OpenAPI document, checked by a validator, and the docs page that must work offline.
import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { buildTestApp } from '../helper.js'

type Operation = {
  summary?: string
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
  t.ok(list.responses['200']!.content!['text/csv'], 'the list documents its CSV form')
  t.ok(list.responses['406'] && list.responses['429'] && list.responses['400'])
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
