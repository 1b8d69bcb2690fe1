// A browser asking for a REST item gets a page for people with a link to its JSON; a program
// (curl's */*, an HTTP library's application/json, or no Accept) keeps getting the JSON, and
// PATH.json is the JSON whatever is asked. Answers say they vary by Accept, kept ones too.
import t from 'tap'
import { bundledPlanPath, buildTestApp, listenTestApp } from '../helper.js'
import { all, childrenOf, hrefsOf, parsePage, textOf } from './dom.js'

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

t.test('each resource’s item: a page for a browser, JSON for programs', async (t) => {
  const app = await buildTestApp(t, { files: [bundledPlanPath] })
  for (const resource of ['documents', 'sections', 'tasks', 'agencies', 'targets', 'findings']) {
    const first = (await app.inject(`/v1/${resource}?limit=1`)).json().data[0] as { id: string }
    const path = `/v1/${resource}/${first.id}`
    const page = await app.inject({ url: path, headers: { accept: BROWSER } })
    t.equal(page.statusCode, 200, `${path} for a browser`)
    t.match(page.headers['content-type'], /^text\/html/)
    t.match(page.headers.vary, /Accept/i)
    t.equal(page.headers.link, `<${path}.json>; rel="alternate"; type="application/json"`)
    const dom = parsePage(page.body)
    t.ok(hrefsOf(dom).includes(`${path}.json`), 'the page links its JSON')
    const data = (await app.inject(path)).json().data as Record<string, unknown>
    if (resource !== 'documents' && resource !== 'agencies') {
      // The record's fields, as the JSON has them: the first list of facts is the record's own.
      const facts = all(dom, 'dl')[0]!
      const shown = new Map<string, string>()
      const terms = childrenOf(facts)
      terms.forEach((term, i) => {
        const detail = terms[i + 1]
        if (term.name === 'dt' && detail?.name === 'dd') shown.set(textOf(term), textOf(detail))
      })
      for (const [key, value] of Object.entries(data)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          // An empty value is shown as a dash, not as nothing.
          const expected = value === '' ? '—' : String(value).replace(/\s+/g, ' ').trim()
          t.equal(shown.get(key), expected, `${resource}: ${key}`)
        }
      }
    }
    for (const accept of [undefined, '*/*', 'application/json']) {
      const json = await app.inject({ url: path, headers: accept ? { accept } : {} })
      t.match(json.headers['content-type'], /^application\/json/, `Accept: ${accept}`)
      t.equal(json.json().data.id, first.id)
    }
    const twin = await app.inject({ url: `${path}.json`, headers: { accept: BROWSER } })
    t.match(twin.headers['content-type'], /^application\/json/, `${path}.json`)
    t.same(twin.json(), (await app.inject(path)).json(), 'the same JSON')
    const missing = await app.inject({
      url: `/v1/${resource}/${first.id.replace(/[0-9a-f]{12}/, '000000000000')}`,
      headers: { accept: BROWSER },
    })
    t.equal(missing.statusCode, 404, 'an unknown id is a 404 for a browser too')
  }
})

t.test('a kept JSON answer is not served to a browser, nor a page to a program', async (t) => {
  const { url } = await listenTestApp(t)
  const task = (
    (await (await fetch(`${url}/v1/tasks?limit=1`)).json()) as { data: { id: string }[] }
  ).data[0]!.id
  for (let round = 0; round < 2; round++) {
    const json = await fetch(`${url}/v1/tasks/${task}`, { headers: { accept: 'application/json' } })
    t.match(json.headers.get('content-type'), /^application\/json/, `round ${round}: JSON`)
    const page = await fetch(`${url}/v1/tasks/${task}`, { headers: { accept: BROWSER } })
    t.match(page.headers.get('content-type'), /^text\/html/, `round ${round}: the page`)
    await Promise.all([json.arrayBuffer(), page.arrayBuffer()])
  }
})

t.test('a JSON ETag does not turn a browser’s page into a 304, nor the reverse', async (t) => {
  const app = await buildTestApp(t)
  const task = (await app.inject('/v1/tasks?limit=1')).json().data[0].id as string
  const json = await app.inject(`/v1/tasks/${task}`)
  const page = await app.inject({ url: `/v1/tasks/${task}`, headers: { accept: BROWSER } })
  t.not(json.headers.etag, page.headers.etag, 'the page and the JSON have their own tags')
  const pageWithJsonTag = await app.inject({
    url: `/v1/tasks/${task}`,
    headers: { accept: BROWSER, 'if-none-match': String(json.headers.etag) },
  })
  t.equal(pageWithJsonTag.statusCode, 200, 'the JSON’s tag is not the page’s')
  const jsonWithPageTag = await app.inject({
    url: `/v1/tasks/${task}`,
    headers: { 'if-none-match': String(page.headers.etag) },
  })
  t.equal(jsonWithPageTag.statusCode, 200, 'the page’s tag is not the JSON’s')
  const again = await app.inject({
    url: `/v1/tasks/${task}`,
    headers: { 'if-none-match': String(json.headers.etag) },
  })
  t.equal(again.statusCode, 304, 'while the JSON’s own tag still makes a 304')
})
