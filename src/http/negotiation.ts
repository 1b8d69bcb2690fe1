// Which format a client wants. Media-type parameters other than q are ignored: a client asking
// for "application/json; charset=utf-8" or "text/csv; header=present" (what this API sends)
// wants JSON or CSV, whatever parameters the offer has.
import Negotiator from 'negotiator'

export type Format = 'json' | 'csv'

const OFFERS: Record<string, Format> = { 'application/json': 'json', 'text/csv': 'csv' }

/** The preferred format, JSON when the client does not say; null when it accepts neither. */
export function preferredFormat(accept: string | undefined): Format | null {
  if (accept === undefined || accept.trim() === '') return 'json'
  const cleaned = accept
    .split(',')
    .map((range) => {
      const [type, ...params] = range.split(';').map((p) => p.trim())
      return [type, ...params.filter((p) => /^q=/i.test(p))].join(';')
    })
    .join(',')
  const [best] = new Negotiator({ headers: { accept: cleaned } }).mediaTypes(Object.keys(OFFERS))
  return best === undefined ? null : OFFERS[best]!
}

/** Whether a client prefers a page to JSON: a browser's navigation asks for text/html first. */
export function prefersHtml(headers: { accept?: string | undefined }): boolean {
  const [best] = new Negotiator({ headers }).mediaTypes(['application/json', 'text/html'])
  return best === 'text/html'
}
