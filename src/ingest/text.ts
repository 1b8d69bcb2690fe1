// Decoding a plan text and undoing what PDF extraction does to Chinese prose: stray spaces,
// half-width punctuation, full-width digits. Pure string functions; no knowledge of layout.
import { createHash } from 'node:crypto'
import { PlanParseError } from './errors.js'

export interface Line {
  /** 1-based, as an editor shows it. */
  n: number
  text: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The fingerprint a document's source keeps, and by which a bundled text is recognised. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Decodes a file's bytes, refusing what cannot be a plan text. */
export function decodePlanText(bytes: Uint8Array, file: string): Line[] {
  if (bytes.length === 0) throw new PlanParseError(file, null, 'the file is empty')
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new PlanParseError(file, lineOfFirstInvalidByte(bytes), 'the text is not valid UTF-8')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ n: i + 1, text: t }))
  for (const line of lines) {
    // Tabs separate table cells; any other control character means this is not text.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(line.text)) {
      throw new PlanParseError(file, line.n, 'binary data (control characters) in a text file')
    }
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

/** A page number the converter left between paragraphs: — 5 —, - 12 -. */
export function isPageNumber(text: string): boolean {
  return /^\s*[-—–－~～]\s*\d{1,3}\s*[-—–－~～]\s*$/.test(text)
}

/** Han characters, CJK and full-width punctuation: the script of the running text. */
const WIDE =
  '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026'
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const wideChar = new RegExp(`[${WIDE}]`)

export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && wideChar.test(ch)
}

/** A sentence, a clause or a paragraph ends here; anything else continues on the next line. */
export function endsSentence(text: string): boolean {
  return /[。；：！？;:!?…][”’」』）)]*$/.test(text.trimEnd())
}

/** Full-width digits and Latin letters are typographic variants; the data wants ASCII. */
function narrowAlphanumerics(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

const halfToFull: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }

/** Half-width punctuation that touches Chinese text is a conversion artifact. */
function widenPunctuation(s: string): string {
  let out = s.replace(/[,;:?!]/g, (c, i: number) =>
    isWide(s[i - 1]) || isWide(s[i + 1]) ? halfToFull[c]! : c,
  )
  // A bracket pair around or beside Chinese text: （街道、管委会）, （站）.
  out = out.replace(/\(([^()]*)\)/g, (whole, inner: string, i: number) =>
    new RegExp(`[${HAN}]`).test(inner) || isWide(out[i - 1]) ? `（${inner}）` : whole,
  )
  out = out.replace(/"([^"]*)"/g, (whole, inner: string) =>
    new RegExp(`[${HAN}]`).test(inner) ? `“${inner}”` : whole,
  )
  return out
}

/**
 * Removes spaces the PDF conversion put into Chinese text (到 2025 年 → 到2025年), keeping a space
 * between two Latin words and the one that separates joint issuers inside a cited title
 * (《教育部 河南省人民政府关于……》).
 */
function removeStraySpaces(s: string): string {
  let depth = 0
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '《') depth++
    if (c === '》') depth = Math.max(0, depth - 1)
    if (c !== ' ' && c !== '\u3000' && c !== '\u00a0') {
      out += c
      continue
    }
    let j = i
    while (j < s.length && /[ \u3000\u00a0]/.test(s[j]!)) j++
    const before = out[out.length - 1]
    const after = s[j]
    const bothWide = isWide(before) && isWide(after)
    const touchesWide = isWide(before) || isWide(after)
    // Inside 《》 a space after an organ's name separates joint issuers; any other is an artifact.
    const jointIssuers = depth > 0 && bothWide && /[厅室部委府会局院署办]$/.test(out)
    const keep = before === undefined || after === undefined || !touchesWide || jointIssuers
    if (keep && before !== undefined && after !== undefined) out += ' '
    i = j - 1
  }
  return out
}

/** Repairs one cell or paragraph of running text. */
export function repair(s: string): string {
  return removeStraySpaces(widenPunctuation(narrowAlphanumerics(s))).trim()
}

/** Titles never hold spaces between Chinese characters, even joint-issuer ones. */
export function repairTitle(s: string): string {
  return repair(s).replace(new RegExp(`(?<=[${WIDE}]) +(?=[${WIDE}])`, 'g'), '')
}

/** Whitespace-free form used to compare titles and names written with different spacing. */
export function compact(s: string): string {
  return repair(s).replace(/\s+/g, '')
}
