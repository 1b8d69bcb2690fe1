// The pages for people in a real browser that may reach this server only: each loads with no
// console error, no CSP violation and no request elsewhere; axe finds no serious violation; a
// phone's width never makes the page scroll sideways; Chinese is drawn in a CJK font of the
// system; the dashboard's charts show the figures the API serves. Screenshots of each page are
// written to docs/screenshots/ for review (the README shows them): a change there is a change a
// person sees.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { cjkFontCheck, launchBrowser, noChromium, offlinePage, skipBrowser } from '../browser.js'
import { bundledPlanPath, listenTestApp, readPlan } from '../helper.js'
import { SHOWCASE_DAY, showcaseDatabase } from './showcase.js'

const SCREENSHOTS = join(projectRoot, 'docs', 'screenshots')

const DESKTOP = { viewport: { width: 1280, height: 860 } }
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** The serious and critical violations axe finds, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugger, which the page's CSP does not govern.
  await page.evaluate(AXE)
  const violations = (await page.evaluate(`axe
    .run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    .then((result) => result.violations)`)) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}

/** The families the browser drew the glyphs of the first element `selector` finds with. */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return fonts.map((f) => f.familyName)
}

const CJK_FONT = /CJK|Hei|PingFang|YaHei|Source Han|WenQuanYi|Droid Sans Fallback|Song|Kai/i

interface Shown {
  name: string
  path: string
  /** A screenshot at a phone's width too (every page is checked at it). */
  phone?: boolean
  /** An element whose text is Chinese; the page's h1 unless said. */
  chinese?: string
  /** The whole page in the screenshot, not only the first screen. */
  whole?: boolean
}

/** Opens a page as a person would and holds it to every rule above. */
async function visit(t: Test, browser: Browser, base: string, shown: Shown, phone: boolean) {
  const { page, trouble } = await offlinePage(browser, t, phone ? PHONE : DESKTOP)
  const response = await page.goto(`${base}${shown.path}`)
  const label = `${shown.name}${phone ? ' on a phone' : ''}`
  if (!t.equal(response?.status(), 200, `${label}: ${shown.path} answers`)) return page
  t.match(response!.headers()['content-type'], /^text\/html/, `${label}: a page`)
  t.same(await seriousViolations(page), [], `${label}: axe finds no serious violation`)
  // Strings, as they run in the page: this project's code has no DOM types.
  const overflow = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  t.equal(overflow, 0, `${label}: the page does not scroll sideways`)
  const fonts = await fontsOf(page, shown.chinese ?? 'h1')
  const cjk = cjkFontCheck()
  if (cjk.skip) t.comment(`skipped: ${label}: Chinese in a CJK font: ${cjk.skip}`)
  else {
    t.ok(
      fonts.some((family) => CJK_FONT.test(family)),
      `${label}: Chinese is drawn in a CJK font (${fonts.join(', ')}${cjk.missing ? `; ${cjk.missing}` : ''})`,
    )
  }
  mkdirSync(SCREENSHOTS, { recursive: true })
  if (!phone || shown.phone) {
    await page.screenshot({
      path: join(SCREENSHOTS, `${shown.name}${phone ? '-phone' : ''}.png`),
      fullPage: shown.whole === true && !phone,
    })
  }
  t.same(trouble.blocked, [], `${label}: nothing tried to reach another host`)
  t.same(trouble.errors, [], `${label}: no page error, console error or CSP violation`)
  return page
}

t.test(
  'the pages in a browser that can reach this server only',
  { skip: skipBrowser },
  async (t) => {
    if (noChromium !== null) return t.fail(`${noChromium}; CI must run the browser tests`)
    const { store } = showcaseDatabase(t)
    const { url: base } = await listenTestApp(t, { store, today: () => SHOWCASE_DAY })
    const get = async <T>(path: string) =>
      ((await (await fetch(`${base}${path}`)).json()) as { data: T }).data
    // The bundled plan, the one the README speaks of.
    const documents = await get<{ id: string; number: string | null }[]>('/v1/documents')
    const plan = documents.find((d) => d.number === readPlan(bundledPlanPath).number)!.id
    const [agency] = await get<{ id: string }[]>('/v1/agencies?sort=-taskCount&limit=1')
    const [task] = await get<{ id: string }[]>(`/v1/tasks?document=${plan}&limit=1`)
    const browser = await launchBrowser(t)

    const pages: Shown[] = [
      { name: 'index', path: '/', chinese: 'th' },
      { name: 'plan', path: `/plans/${plan}`, phone: true },
      { name: 'targets', path: `/plans/${plan}/targets`, phone: true, whole: true },
      { name: 'agency', path: `/agencies/${agency!.id}` },
      { name: 'task', path: `/v1/tasks/${task!.id}` },
    ]
    for (const shown of pages) {
      await t.test(shown.name, async (t) => {
        await visit(t, browser, base, shown, false)
        await visit(t, browser, base, shown, true)
      })
    }

    t.test('the dashboard’s charts show the figures the API serves', async (t) => {
      const { page } = await offlinePage(browser, t, DESKTOP)
      await page.goto(`${base}/plans/${plan}/targets`)
      const targets = await get<{ id: string; progress: unknown }[]>(
        `/v1/targets?document=${plan}&withdrawn=false&limit=500`,
      )
      let charts = 0
      for (const target of targets.filter((g) => g.progress !== null)) {
        const chart = page.locator(`#target-${target.id} svg[role="img"]`)
        if (!t.equal(await chart.count(), 1, `a chart for ${target.id}`)) continue
        const box = await chart.boundingBox()
        t.ok(box !== null && box.width > 200 && box.height > 100, 'drawn at a readable size')
        const written = await chart.locator('text').allTextContents()
        const observations = await get<{ value: number; observedOn: string }[]>(
          `/v1/targets/${target.id}/observations`,
        )
        for (const o of observations) {
          t.ok(written.includes(String(o.value)), `${target.id}: ${o.value} is shown`)
          t.ok(written.includes(o.observedOn), `${target.id}: ${o.observedOn} is shown`)
        }
        charts++
      }
      t.ok(charts > 0, `${charts} charts read`)
      // Each count of the table beside the standings chart is written on one of its bars.
      const summary = await page.locator('svg[data-chart="chart-standings"] text').allTextContents()
      const counts = (await page.evaluate(`[...document.querySelectorAll('table')]
      .filter((table) => table.caption?.textContent.trim() === '按期限统计')
      .flatMap((table) => [...table.tBodies[0].rows])
      .flatMap((row) => [...row.cells].slice(1, -1).map((cell) => cell.textContent.trim()))`)) as string[]
      t.ok(counts.length > 0, 'the table beside the chart has counts')
      for (const count of counts.filter((c) => c !== '0')) {
        t.ok(summary.includes(count), `the chart shows the count ${count}`)
      }
    })
  },
)
