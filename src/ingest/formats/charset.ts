// The characters of a saved web page. Portals of the mainland still serve GB2312 or GBK pages
// and say so in a <meta> tag; a page saved by a browser keeps that tag and those bytes. The
// declared charset wins; without one, UTF-8 is tried and the GB18030 family is the fallback.
import { PlanParseError } from '../errors.js'

/** GB18030 decodes everything GB2312 and GBK encode, and the characters they lack. */
const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|gb_2312-80|cp936|windows-936|euc-cn|csgb2312)$/

/** The charset a page declares in its first bytes: <meta charset> or http-equiv Content-Type. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  const name = GB_FAMILY.test(label) ? 'gb18030' : label
  try {
    return new TextDecoder(name, { fatal: false })
  } catch {
    return null
  }
}

/** Decodes a page's bytes by its byte-order mark, its declared charset, or by trying UTF-8. */
export function decodePage(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const declared = declaredCharset(bytes)
  if (declared !== null) {
    const decoder = decoderFor(declared)
    if (decoder === null) {
      throw new PlanParseError(file, null, `the page declares charset ${declared}, unknown here`)
    }
    // A page declared UTF-8 that is not (saved by a tool that re-encoded it) is read as GBK,
    // which is what such pages turn out to be; a GBK page that is valid UTF-8 does not occur.
    if (decoder.encoding === 'utf-8' && !isUtf8(bytes)) {
      return new TextDecoder('gb18030').decode(bytes)
    }
    return decoder.decode(bytes)
  }
  return isUtf8(bytes)
    ? new TextDecoder('utf-8').decode(bytes)
    : new TextDecoder('gb18030').decode(bytes)
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}
