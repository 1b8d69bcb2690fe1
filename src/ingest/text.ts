// Undoing what PDF extraction does to Chinese prose: stray spaces, half-width punctuation,
// full-width digits. Pure string functions; no knowledge of layout.
import { createHash } from 'node:crypto'

export type { Line } from './decode.js'

/** The fingerprint a document's source keeps, and by which a bundled text is recognised. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Han characters, CJK and full-width punctuation: the script of the running text. */
const WIDE =
  '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026'
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const wideChar = new RegExp(`[${WIDE}]`)
const hanChar = new RegExp(`[${HAN}]`)

export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && wideChar.test(ch)
}

/** A sentence, a clause or a paragraph ends here; anything else continues on the next line. */
export function endsSentence(text: string): boolean {
  // The end is all that matters; a paragraph a page break cut many times must not cost more
  // each time it grows (a bracket left open further back than this is a typo).
  const t = text.slice(-300).trimEnd()
  // A bracket left open (（牵头单位：…；) continues on the next line.
  if ((t.match(/[（(]/g) ?? []).length > (t.match(/[）)]/g) ?? []).length) return false
  // ……。（市商务局牵头） : a bracket after the full stop closes the paragraph too, and so does
  // such a note on a line of its own ((责任单位：市数据局) under its paragraph, as PDFs set it).
  return (
    /[。；：！？;:!?…][”’」』）)]*$/.test(t) ||
    /(?:^|[。；！？])[（(](?:[^（）()]|[（(][^（）()]*[）)])*[）)]$/.test(t)
  )
}

/** Full-width digits and Latin letters are typographic variants; the data wants ASCII. */
function narrowAlphanumerics(s: string): string {
  // Most texts hold none: a test is cheaper than a replacement that finds nothing.
  if (!/[０-９Ａ-Ｚａ-ｚ％．﹒]/.test(s)) return s
  return s
    .replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/﹒/g, '.')
}

const halfToFull: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }

/** Half-width punctuation that touches Chinese text is a conversion artifact. */
function widenPunctuation(s: string): string {
  if (!/[,;:?!()"]/.test(s)) return s
  let out = s.replace(/[,;:?!]/g, (c, i: number) =>
    isWide(s[i - 1]) || isWide(s[i + 1]) ? halfToFull[c]! : c,
  )
  // A bracket pair around or beside Chinese text: （街道、管委会）, （站）.
  out = out.replace(/\(([^()]*)\)/g, (whole, inner: string, i: number) =>
    hanChar.test(inner) || isWide(out[i - 1]) ? `（${inner}）` : whole,
  )
  out = out.replace(/"([^"]*)"/g, (whole, inner: string) =>
    hanChar.test(inner) ? `“${inner}”` : whole,
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
  // Text is copied a stretch at a time, up to each run of spaces: copied a character at a time it
  // made a string per character, which a long line pays for in garbage.
  let copied = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '《') depth++
    if (c === '》') depth = Math.max(0, depth - 1)
    if (c !== ' ' && c !== '\u3000' && c !== '\u00a0') continue
    let j = i
    while (j < s.length && /[ \u3000\u00a0]/.test(s[j]!)) j++
    out += s.slice(copied, i)
    // A run of spaces is read whole: the character before it is never a space.
    const before = i > 0 ? s[i - 1] : undefined
    const after = s[j]
    const bothWide = isWide(before) && isWide(after)
    const touchesWide = isWide(before) || isWide(after)
    // Inside 《》 a space after an organ's name separates joint issuers; any other is an artifact.
    const jointIssuers = depth > 0 && bothWide && '厅室部委府会局院署办'.includes(before!)
    const keep = before === undefined || after === undefined || !touchesWide || jointIssuers
    if (keep && before !== undefined && after !== undefined) out += ' '
    copied = j
    i = j - 1
  }
  return out + s.slice(copied)
}

/** Repairs one cell or paragraph of running text. */
export function repair(s: string): string {
  return removeStraySpaces(widenPunctuation(narrowAlphanumerics(s))).trim()
}

/**
 * What paired marks enclose (《…》, “…”, 〔…〕), as /《[^》]*》|“[^”]*”/g finds it: from an opening
 * mark to the first closing one after it, then on after that. In one pass, where the expression
 * would search to the text's end again from every opening mark left unclosed.
 */
export function pairedSpans(
  text: string,
  pairs: Record<string, string>,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  // The next closing mark of each kind at or after where the search stands (-1: none is left).
  const nextClose = new Map<string, number>()
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text[i]!]
    if (close === undefined) continue
    let at = nextClose.get(close)
    if (at === undefined || (at >= 0 && at <= i)) {
      at = text.indexOf(close, i + 1)
      nextClose.set(close, at)
    }
    if (at < 0) continue
    spans.push({ start: i, end: at + 1 })
    i = at
  }
  return spans
}

/** Titles never hold spaces between Chinese characters, even joint-issuer ones. */
export function repairTitle(s: string): string {
  return repair(s).replace(new RegExp(`(?<=[${WIDE}]) +(?=[${WIDE}])`, 'g'), '')
}

/** Whitespace-free form used to compare titles and names written with different spacing. */
export function compact(s: string): string {
  return repair(s).replace(/\s+/g, '')
}

/**
 * Splits an enumeration on 、，, and ；, never inside brackets: 各乡镇（街道、管委会） is one name.
 * Trailing full stops are dropped.
 */
export function splitList(text: string): string[] {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const c of text) {
    if ('（(［[【〔'.includes(c)) depth++
    if ('）)］]】〕'.includes(c)) depth = Math.max(0, depth - 1)
    if (depth === 0 && '、，,；;'.includes(c)) {
      items.push(current)
      current = ''
    } else {
      current += c
    }
  }
  items.push(current)
  return items
    .map((s) =>
      s
        .trim()
        .replace(/[。.]+$/, '')
        .trim(),
    )
    .filter((s) => s !== '')
}
