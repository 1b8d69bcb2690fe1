// GraphiQL at /graphiql must work on a network with no internet: the page and everything it loads
// come from this server, and a real browser that may reach nothing else runs a query with it.
// Swagger UI at /docs is held to the same standard.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import t from 'tap'
import { EXAMPLE_QUERIES } from '../../src/graphql/examples.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { launchBrowser, noChromium, offlinePage, skipBrowser } from '../browser.js'
import { buildTestApp, bundledPlanPath, tempDatabase } from '../helper.js'

const require = createRequire(import.meta.url)
function versionOf(name: string): string {
  const manifest = require.resolve(`${name}/package.json`)
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
}

t.test('/graphiql is a page of this server with a strict policy', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/graphiql')
  t.equal(res.statusCode, 200, 'the page is served')
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
  t.match(res.body, /<html lang="zh-CN">/, 'the page is in Chinese')
  t.match(res.body, /<title>[^<]*GraphiQL[^<]*<\/title>/, 'its title names GraphiQL')
  t.notMatch(res.body, /https?:\/\//, 'the page names no other host')

  const directives = new Map(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  )
  t.same(directives.get('default-src'), ["'self'"], 'by default, this server only')
  t.same(directives.get('script-src'), ["'self'"], 'no inline or evaluated script')
  t.same(directives.get('connect-src'), ["'self'"], 'queries go to this server only')
  t.same(directives.get('frame-ancestors'), ["'none'"], 'no other page may frame it')
  t.same(directives.get('base-uri'), ["'none'"], 'no <base> may redirect its relative URLs')
  for (const [name, values] of directives) {
    t.notOk(
      values.some((v) => /^(?:https?:|\*)/.test(v)),
      `${name} allows no other host`,
    )
  }
  t.notOk(directives.has('upgrade-insecure-requests'), 'plain http on an intranet still works')

  const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!)
  for (const attributes of scripts) {
    t.match(
      attributes,
      /src="|type="application\/json"/,
      `<script${attributes}> runs no inline code`,
    )
  }
  const config = JSON.parse(
    /<script type="application\/json" id="graphiql-config">([^<]*)<\/script>/.exec(res.body)![1]!,
  ) as { endpoint: string; examples: { query: string }[] }
  t.equal(config.endpoint, '/graphql', 'the page queries /graphql')
  t.same(
    config.examples.map((e) => e.query),
    EXAMPLE_QUERIES.map((e) => e.query),
    'the examples open as tabs',
  )

  const references = [...res.body.matchAll(/<(?:script|link)[^>]* (?:src|href)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((ref) => !ref.startsWith('data:'))
  for (const name of [
    `react-${versionOf('react')}.production.min.js`,
    `react-dom-${versionOf('react-dom')}.production.min.js`,
    `graphiql-${versionOf('graphiql')}.min.js`,
    `graphiql-${versionOf('graphiql')}.min.css`,
  ]) {
    t.ok(references.includes(`/graphiql/assets/${name}`), `the page loads ${name}`)
  }
  for (const ref of references) {
    t.match(ref, /^\/graphiql\/assets\//, `${ref} is on this server`)
    const asset = await app.inject(ref)
    t.equal(asset.statusCode, 200, `${ref} is served`)
    t.equal(asset.headers['content-type'], CONTENT_TYPES[ref.split('.').pop()!], `${ref} type`)
    t.equal(
      asset.headers['cache-control'],
      'public, max-age=31536000, immutable',
      `${ref} is kept for good: its URL changes with its content`,
    )
    const again = await app.inject({
      url: ref,
      headers: { 'if-none-match': String(asset.headers.etag) },
    })
    t.equal(again.statusCode, 304, `${ref} revalidates`)
  }
})

t.test('in a browser that can reach this server only', { skip: skipBrowser }, async (t) => {
  if (noChromium !== null) return t.fail(`${noChromium}; CI must run the browser tests`)
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const app = await buildTestApp(t, { store })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launchBrowser(t)

  t.test('GraphiQL opens with the examples and runs the first one', async (t) => {
    const { page, trouble } = await offlinePage(browser, t)
    const response = await page.goto(`${base}/graphiql`)
    if (!t.equal(response?.status(), 200, '/graphiql is served')) return
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30_000 })
    const tabs = await page.locator('.graphiql-tab').allInnerTexts()
    t.equal(tabs.length, EXAMPLE_QUERIES.length, 'a tab per example')
    t.match(tabs[0], /^\w+$/, 'the first tab is titled by its operation')

    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql')
    await page.click('.graphiql-execute-button')
    const answer = (await (await answered).json()) as { errors?: unknown }
    t.notOk(answer.errors, 'the query is answered without errors')
    const result = page.locator('.result-window')
    await result.filter({ hasText: /"totalCount": [1-9]/ }).waitFor({ timeout: 15_000 })
    const shown = /"totalCount": (\d+)/.exec(await result.innerText())
    t.ok(Number(shown?.[1]) > 0, 'the result pane shows how many records there are')

    // Dialogs insert <style> elements at run time: the policy must let them.
    await page.click('[aria-label="Open settings dialog"]')
    await page.waitForSelector('.graphiql-dialog', { timeout: 5_000 })

    t.same(trouble.blocked, [], 'nothing tried to reach another host')
    t.same(trouble.errors, [], 'no page error, console error or CSP violation')
  })

  t.test('Swagger UI at /docs lists the operations', async (t) => {
    const { page, trouble } = await offlinePage(browser, t)
    const response = await page.goto(`${base}/docs`)
    if (!t.equal(response?.status(), 200, '/docs is served')) return
    await page.waitForSelector('.opblock', { timeout: 30_000 })
    t.ok((await page.locator('.opblock').count()) > 10, 'the operations are listed')
    t.same(trouble.blocked, [], 'nothing tried to reach another host')
    t.same(trouble.errors, [], 'no page error, console error or CSP violation')
  })

  t.test('Swagger UI at /docs takes a token and tries a write with it', async (t) => {
    const token = createToken(db, { role: 'admin', agencyId: null, label: 'docs' }).secret
    const target = [...store.eachTarget({})][0]!
    const { page, trouble } = await offlinePage(browser, t)
    // Deep links open an operation by its operationId.
    await page.goto(`${base}/docs#/progress/reportObservation`)
    await page.click('.btn.authorize', { timeout: 30_000 })
    await page.fill('.modal-ux input[aria-label="auth-bearer-value"]', token)
    await page.click('.modal-ux .auth-btn-wrapper .authorize')
    await page.click('.modal-ux .btn-done')

    const operation = page.locator('#operations-progress-reportObservation')
    await operation.locator('.try-out__btn').click()
    await operation.locator('tr[data-param-name="id"] input').fill(target.id)
    const body = { value: 7, observedOn: '2024-06-30', note: 'from /docs' }
    await operation.locator('textarea.body-param__text').fill(JSON.stringify(body))
    const answered = page.waitForResponse((r) => r.request().method() === 'POST')
    await operation.locator('.execute').click()
    const answer = await answered
    t.equal(answer.request().headers().authorization, `Bearer ${token}`, 'the token is sent')
    t.equal(answer.url(), `${base}/v1/targets/${target.id}/observations`, 'to this server')
    t.equal(answer.status(), 201, 'the observation is reported')
    t.match(await answer.json(), { data: { targetId: target.id, value: 7 } })
    t.equal(store.getTarget(target.id)!.progress?.latestValue, 7, 'and it is in the store')
    t.same(trouble.blocked, [], 'nothing tried to reach another host')
    t.same(trouble.errors, [], 'no page error, console error or CSP violation')
  })
})
