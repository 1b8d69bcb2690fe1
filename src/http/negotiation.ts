// Which format a client wants. Media-type parameters other than q are ignored: a client asking
// for "application/json; charset=utf-8" or "text/csv; header=present" (what this API sends)
// wants JSON or CSV, whatever parameters the offer has.
import Negotiator from 'negotiator'
import { XLSX_TYPE } from './xlsx.js'

export type Format = 'json' | 'csv' | 'xlsx'

const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: XLSX_TYPE,
}

/**
 * The preferred of the `offered` formats (JSON and CSV unless a route says), JSON when the
 * client does not say; null when it accepts none of them. On equal weights, the first offered.
 */
export function preferredFormat(
  accept: string | undefined,
  offered: readonly Format[] = ['json', 'csv'],
): Format | null {
  if (accept === undefined || accept.trim() === '') return 'json'
  const cleaned = accept
    .split(',')
    .map((range) => {
      const [type, ...params] = range.split(';').map((p) => p.trim())
      return [type, ...params.filter((p) => /^q=/i.test(p))].join(';')
    })
    .join(',')
  const types = offered.map((format) => MEDIA_TYPES[format])
  const [best] = new Negotiator({ headers: { accept: cleaned } }).mediaTypes(types)
  return best === undefined ? null : offered[types.indexOf(best)]!
}

/** Whether a client prefers a page to JSON: a browser's navigation asks for text/html first. */
export function prefersHtml(headers: { accept?: string | undefined }): boolean {
  const [best] = new Negotiator({ headers }).mediaTypes(['application/json', 'text/html'])
  return best === 'text/html'
}
