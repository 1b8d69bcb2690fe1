// Text put into HTML: search snippets and the index page.

/** The text with the characters HTML gives meaning to escaped, fit for content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  )
}
