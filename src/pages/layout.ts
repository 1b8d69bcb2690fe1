// What every page for people has around its content: the language, the viewport, the stylesheet
// served from this server, the link to the same data as JSON, and the way back to the index.
import { join } from 'node:path'
import { projectAsset, readOnce } from '../http/assets.js'
import { projectRoot } from '../paths.js'
import { html, type SafeHtml } from './html.js'

/** The pages' stylesheet, at a URL naming its content. */
export const STYLESHEET = projectAsset(
  '/assets',
  join(projectRoot, 'static', 'pages', 'pages.css'),
  'pages',
)
export const readStylesheet = readOnce(STYLESHEET)

/**
 * Nothing runs and nothing loads from elsewhere: the stylesheet comes from this server, the
 * charts are inline SVG with presentation attributes only (no style attribute, no <style>).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export interface PageParts {
  title: string
  /** The same data for programs: linked as rel="alternate" and in the page's data links. */
  json?: string
  /** Where the page sits: the links before the title, after the index. */
  trail?: { href: string; text: string }[]
  main: SafeHtml
}

/** A whole page; the icon is empty and inline, so the browser asks for no /favicon.ico. */
export function pageDocument({ title, json, trail = [], main }: PageParts): SafeHtml {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${STYLESHEET.url}" />
        ${json ? html`<link rel="alternate" type="application/json" href="${json}" />` : ''}
      </head>
      <body>
        <nav class="site" aria-label="站点">
          <a href="/">全部规划</a>
          ${trail.map((link) => html`<a href="${link.href}">${link.text}</a>`)}
          <a href="/docs">API 文档</a>
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <main>
          <h1>${title}</h1>
          ${main}
        </main>
        <footer>${json ? html`<p>本页数据：<a href="${json}">JSON</a></p>` : ''}</footer>
      </body>
    </html> `
}
