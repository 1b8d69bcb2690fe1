// POST /v1/documents and the file routes, over a real HTTP server and a real database file: an
// administrator loads plan files as published; anyone reads back the text each record's line
// counts in and the file as loaded.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { bundledPlanPath, readText, tempDatabase, buildTestApp } from '../helper.js'

const formats = join(projectRoot, 'test', 'fixtures', 'formats')
const fixture = (name: string) => readFileSync(join(formats, name))
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function serve(t: Test) {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'admin' }).secret
  const agencyId = (db.prepare('SELECT id FROM agencies LIMIT 1').get() as { id: string }).id
  const agency = createToken(db, { role: 'agency', agencyId, label: 'agency' }).secret
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${address}${path}`, { headers })
  const post = (body: Buffer | string | FormData, headers: Record<string, string>, query = '') =>
    fetch(`${address}/v1/documents${query}`, { method: 'POST', body, headers })
  const counts = () =>
    db
      .prepare(
        `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM tasks) AS tasks,
           (SELECT count(*) FROM document_files) AS files`,
      )
      .get()
  return { db, store, admin, agency, get, post, counts }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

t.test('the bundled text: its source is the file, and its records count lines in it', async (t) => {
  const { get, store } = await serve(t)
  const document = store.listDocuments({}, { limit: 1 }).items[0]!
  t.equal(document.source.format, 'text')
  const source = await get(`/v1/documents/${document.id}/source`)
  t.equal(source.status, 200)
  t.match(source.headers.get('content-type'), /^text\/plain; charset=utf-8/)
  t.equal(source.headers.get('x-content-type-options'), 'nosniff', 'never read as a page')
  const text = await source.text()
  t.equal(text, readText(bundledPlanPath).replace(/^\uFEFF/, ''))
  const lines = text.split(/\r\n|\r|\n/)
  const task = store.listTasks({ document: document.id }, { limit: 1 }).items[0]!
  t.ok(lines[task.source.line - 1]!.includes(task.text.slice(0, 8)), 'the task is on its line')
  t.equal(task.source.page, null, 'a text has no pages')

  const original = await get(`/v1/documents/${document.id}/original`)
  t.equal(original.status, 200)
  t.match(original.headers.get('content-type'), /^text\/plain/)
  t.match(original.headers.get('content-disposition'), /^attachment; filename="/)
  t.equal(sha256(new Uint8Array(await original.arrayBuffer())), document.source.sha256)

  const missing = await get('/v1/documents/doc-000000000000/source')
  t.equal(missing.status, 404)
  t.match(missing.headers.get('content-type'), /^application\/problem\+json/)
})

t.test('an administrator uploads a PDF: 201, its records keep page and line', async (t) => {
  const { admin, get, post } = await serve(t)
  const bytes = fixture('second-plan.pdf')
  const res = await post(bytes, {
    ...bearer(admin),
    'content-type': PDF,
    'content-disposition': 'attachment; filename="second-plan.pdf"',
  })
  t.equal(res.status, 201, await res.clone().text())
  const { data } = (await res.json()) as {
    data: Record<string, unknown> & {
      id: string
      source: Record<string, unknown>
      suppliedFields: string[]
    }
  }
  t.equal(res.headers.get('location'), `/v1/documents/${data.id}`)
  t.equal(data.number, '洛政办〔2024〕5号')
  t.same(data.source, {
    file: 'second-plan.pdf',
    sha256: sha256(bytes),
    url: null,
    format: 'pdf',
    mediaType: PDF,
  })

  const original = await get(`/v1/documents/${data.id}/original`)
  t.equal(original.headers.get('content-type'), PDF)
  t.equal(sha256(new Uint8Array(await original.arrayBuffer())), sha256(bytes), 'byte for byte')
  t.match(original.headers.get('content-security-policy'), /sandbox/)

  const lines = (await (await get(`/v1/documents/${data.id}/source`)).text()).split('\n')
  const tasks = (await (await get(`/v1/tasks?document=${data.id}&limit=500`)).json()) as {
    data: { text: string; source: { line: number; page: number | null } }[]
  }
  t.ok(tasks.data.length > 5)
  for (const task of tasks.data) {
    t.ok(
      lines[task.source.line - 1]!.replace(/\s/g, '').includes(
        task.text.replace(/\s/g, '').slice(0, 6),
      ),
      `task on line ${task.source.line}`,
    )
    t.ok(Number.isInteger(task.source.page) && task.source.page! >= 1, 'with its page')
  }
  const pages = tasks.data.map((task) => task.source.page!)
  t.ok(Math.max(...pages) > Math.min(...pages), 'the task list runs over pages')
  const sections = (await (await get(`/v1/sections?document=${data.id}&limit=1`)).json()) as {
    data: { source: { page: number } }[]
  }
  // The notice fills page 1 (pdftotext -f 1 -l 1 shows it ends there); the plan starts on page 2.
  t.equal(sections.data[0]!.source.page, 2, 'the outline starts on the page after the notice')
})

t.test('a re-upload of the same 发文字号 replaces the document, with an audit line', async (t) => {
  const { admin, post, counts, get } = await serve(t)
  const first = await post(fixture('second-plan.docx'), { ...bearer(admin), 'content-type': DOCX })
  t.equal(first.status, 201)
  const before = counts()
  const again = await post(fixture('second-plan.html'), {
    ...bearer(admin),
    'content-type': 'text/html; charset=gbk',
  })
  t.equal(again.status, 200, 'a replacement is not a new resource')
  const replaced = ((await again.json()) as { data: { id: string; source: { format: string } } })
    .data
  t.equal(replaced.id, ((await first.json()) as { data: { id: string } }).data.id)
  t.equal(replaced.source.format, 'html')
  t.same(counts(), before, 'one document for one 发文字号')
  const audit = (await (await get('/v1/audit', bearer(admin))).json()) as {
    data: { action: string; resource: string }[]
  }
  t.same(
    audit.data.slice(0, 2).map((e) => e.action),
    ['document.replace', 'document.create'],
  )
})

t.test('multipart: a file part and a meta part, as --meta', async (t) => {
  const { admin, post } = await serve(t)
  const form = new FormData()
  form.append('file', new Blob([fixture('xinzheng.docx')], { type: DOCX }), '新郑方案.docx')
  form.append('meta', JSON.stringify({ sourceUrl: 'https://example.gov.cn/plan.html' }))
  const res = await post(form, bearer(admin))
  // The bundled text is the same 发文字号: the DOCX replaces it.
  t.equal(res.status, 200, await res.clone().text())
  const { data } = (await res.json()) as {
    data: Record<string, unknown> & {
      id: string
      source: Record<string, unknown>
      suppliedFields: string[]
    }
  }
  t.equal(data.source.file, '新郑方案.docx')
  t.equal(data.source.url, 'https://example.gov.cn/plan.html')
  t.same(data.suppliedFields, ['sourceUrl'])

  const bad = new FormData()
  bad.append('file', new Blob([fixture('xinzheng.docx')], { type: DOCX }), 'x.docx')
  bad.append('meta', '{"issuedOn": "yesterday"}')
  const refused = await post(bad, bearer(admin))
  t.equal(refused.status, 422)
  t.match(
    ((await refused.json()) as { detail: string }).detail,
    /^meta: issuedOn yesterday is not a date/,
  )
})

t.test('refusals: 4xx problems, one line, and the database as it was', async (t) => {
  const { admin, agency, post, counts, store } = await serve(t)
  const before = counts()
  const version = store.dataVersion()
  const cases: [string, Promise<Response>, number, RegExp][] = [
    ['no token', post(fixture('second-plan.pdf'), { 'content-type': PDF }), 401, /Bearer/],
    [
      'an agency token',
      post(fixture('second-plan.pdf'), { ...bearer(agency), 'content-type': PDF }),
      403,
      /administrator/,
    ],
    [
      'a scanned PDF',
      post(fixture('scanned.pdf'), { ...bearer(admin), 'content-type': PDF }),
      422,
      /^upload\.pdf: .*text layer/,
    ],
    [
      'an encrypted PDF',
      post(fixture('encrypted.pdf'), { ...bearer(admin), 'content-type': PDF }),
      422,
      /password/,
    ],
    [
      'a page sent as a PDF',
      post(fixture('html-named.pdf'), { ...bearer(admin), 'content-type': PDF }),
      422,
      /Content-Type application\/pdf says a PDF but the file holds a web page/,
    ],
    [
      'a zip bomb as DOCX',
      post(fixture('bomb.docx'), { ...bearer(admin), 'content-type': DOCX }),
      422,
      /^upload\.docx: /,
    ],
    [
      'a page with no plan',
      post(fixture('not-a-plan.html'), { ...bearer(admin), 'content-type': 'text/html' }),
      422,
      /^upload\.html(:\d+)?: /,
    ],
    [
      'JSON',
      post('{"file": "x"}', { ...bearer(admin), 'content-type': 'application/json' }),
      415,
      /media type/,
    ],
    [
      'metadata that is no field',
      post(fixture('second-plan.pdf'), { ...bearer(admin), 'content-type': PDF }, '?author=x'),
      400,
      /author/,
    ],
    [
      'over 30 MB',
      post(Buffer.alloc(31 * 1024 * 1024, 0x20), {
        ...bearer(admin),
        'content-type': 'text/plain',
      }),
      413,
      /./,
    ],
  ]
  for (const [what, pending, status, detail] of cases) {
    const res = await pending
    t.equal(res.status, status, what)
    t.match(res.headers.get('content-type'), /^application\/problem\+json/, what)
    const body = (await res.json()) as { detail: string }
    t.match(body.detail, detail, what)
    t.notMatch(body.detail, /\n| {4}at /, `${what}: one line, no stack`)
  }
  t.same(counts(), before, 'nothing loaded')
  t.equal(store.dataVersion(), version, 'the data did not change')
})

t.test('/openapi.json describes the upload: a file as the body, or a form', async (t) => {
  const { get } = await serve(t)
  const document = (await (await get('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>
  }
  const content = document.paths['/v1/documents']!.post!.requestBody!.content
  t.match(content['application/pdf'], { schema: { type: 'string', format: 'binary' } })
  t.match(content['multipart/form-data'], {
    schema: { required: ['file'], properties: { file: { format: 'binary' } } },
  })
})
