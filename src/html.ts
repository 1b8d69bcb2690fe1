// Text put into HTML: search snippets and the index page.
import type { Excerpt } from './store/search.js'

/** The text with the characters HTML gives meaning to escaped, fit for content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  )
}

/** An excerpt as HTML: escaped, each match in <mark>…</mark>, an ellipsis where it was cut. */
export function snippetHtml(excerpt: Excerpt): string {
  let body = ''
  let from = 0
  for (const { start, length } of excerpt.matches) {
    body += `${escapeHtml(excerpt.text.slice(from, start))}<mark>${escapeHtml(excerpt.text.slice(start, start + length))}</mark>`
    from = start + length
  }
  body += escapeHtml(excerpt.text.slice(from))
  return `${excerpt.cutBefore ? '…' : ''}${body}${excerpt.cutAfter ? '…' : ''}`
}
