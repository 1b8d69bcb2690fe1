// From a file's bytes to numbered lines of text: refuse what is not a plan text at all, and undo
// what copying from a web page leaves in one (HTML entities, no-break and ideographic spaces,
// zero-width characters, full-width letters and digits), keeping every line where it was so that
// a record's line number is the line an editor shows.
import { PlanParseError } from './errors.js'

export interface Line {
  /** 1-based, as an editor shows it. */
  n: number
  text: string
}

/** Plans run to a few hundred kilobytes; anything this large is not one, and would cost memory. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes a file's bytes, refusing what cannot be a plan text. `extracted` is set when the bytes
 * are the text a reader took out of the file (a page, PDF or DOCX), which the limit holds to
 * as well: a refusal then speaks of that text, not of the file.
 */
export function decodePlanText(bytes: Uint8Array, file: string, extracted = false): Line[] {
  if (bytes.length === 0) throw new PlanParseError(file, null, 'the file is empty')
  if (bytes.length > MAX_PLAN_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    const what = extracted ? 'the text read from the file' : 'the file'
    throw new PlanParseError(file, null, `${what} has ${mb} MB; a plan text has at most 5 MB`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new PlanParseError(file, lineOfFirstInvalidByte(bytes), 'the text is not valid UTF-8')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ n: i + 1, text: t }))
  for (const line of lines) {
    // Tabs separate table cells and a form feed is a page break of pdftotext; any other control
    // character means this is not text.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(line.text)) {
      throw new PlanParseError(file, line.n, 'binary data (control characters) in a text file')
    }
    line.text = normalizeLine(line.text)
  }
  if (lines.every((l) => l.text.trim() === '')) {
    throw new PlanParseError(file, null, 'the file holds only blank lines')
  }
  return lines
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x0a) line++
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1
    if (need < 0) return line
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return line
    }
    i += need
  }
  return line
}

/** The entities a web page's text keeps when copied as source: the common named ones. */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  times: '×',
  divide: '÷',
  deg: '°',
  permil: '‰',
  yen: '¥',
  bull: '•',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))
      // A code point a text could hold; a control character or a surrogate is left as written.
      return code >= 0x20 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

/**
 * One line as a reader sees it: entities decoded, every kind of space a single ASCII space
 * (a run of them stays a run, which separates table cells), zero-width characters and form
 * feeds gone, full-width ASCII letters, digits and % narrowed, spaces at the end dropped.
 */
export function normalizeLine(text: string): string {
  let out = text.includes('&') ? decodeEntities(text) : text
  // Markdown a crawler wrote: # headings, **bold**, - bullets, [text](link), --- rules.
  if (/[#*[\]-]/.test(out)) {
    out = out
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/\*\*/g, '')
      .replace(/^\s*[-*+]\s+(?=[^\d\s-])/, '')
      // (the text holds no [ either: from each of a run of unclosed [ the search would run on)
      .replace(/\[([^[\]]+)\]\([^)\s]+\)/g, '$1')
      .replace(/^\s*-{3,}\s*$/, '')
  }
  out = out
    .replace(/[\u200b-\u200d\u2060\ufeff\f]/g, '')
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[０-９Ａ-Ｚａ-ｚ％＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  // Trailing spaces are a copy's; a trailing tab is an empty last cell of a table row.
  return out.replace(/ +$/, '')
}

/** A page number the converter left between paragraphs: — 5 —, - 12 -, 第 3 页, 3/12. */
export function isPageNumber(text: string): boolean {
  return (
    /^\s*[-—–－~～]\s*\d{1,3}\s*[-—–－~～]\s*$/.test(text) ||
    /^\s*第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?\s*$/.test(text) ||
    /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/.test(text)
  )
}
