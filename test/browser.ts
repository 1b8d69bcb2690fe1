// A real browser for the tests of what people open: Debian's chromium through playwright-core,
// in profiles that may reach this machine only. Without chromium a browser test is skipped and
// says why; in CI, where it must run (.ci/run installs it), it fails.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { Test } from 'tap'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const noChromium = existsSync(chromiumPath) ? null : `chromium not found at ${chromiumPath}`

export const skipBrowser =
  noChromium !== null && !process.env.CI
    ? `${noChromium}; install Debian's chromium (apt-get install chromium) to run it`
    : false

/** Why Chinese cannot be drawn as a reader's browser draws it here, or null when it can. */
function missingCjkFont(): string | null {
  try {
    if (execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '') return null
  } catch {
    // No fontconfig: no font either.
  }
  return 'no CJK font is installed (apt-get install fonts-noto-cjk; .ci/run does it)'
}

/** A CJK font check: skipped with its reason on a machine without one, failed in CI. */
export function cjkFontCheck(): { skip: string | false; missing: string | null } {
  const missing = missingCjkFont()
  return { missing, skip: missing !== null && !process.env.CI ? missing : false }
}

/** Chromium, closed when the test ends however it ends. */
export async function launchBrowser(t: Test): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] })
  t.teardown(() => browser.close())
  return browser
}

/** Reasons a page did not work: errors it threw or logged, and requests that left this host. */
export interface Trouble {
  blocked: string[]
  errors: string[]
}

/**
 * Chromium logs most violations to the console itself; the event catches the rest. A string, as
 * it runs in the page, not here.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))`

/** A page in a fresh profile, allowed to reach this host only. */
export async function offlinePage(
  browser: Browser,
  t: Test,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; trouble: Trouble }> {
  const context = await browser.newContext(options)
  t.teardown(() => context.close())
  const trouble: Trouble = { blocked: [], errors: [] }
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
    trouble.blocked.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  const page = await context.newPage()
  await page.addInitScript({ content: REPORT_CSP_VIOLATIONS })
  page.on('pageerror', (error) => trouble.errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.errors.push(`console: ${message.text()}`)
  })
  return { page, trouble }
}
