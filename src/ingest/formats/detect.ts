// Which format a file holds, read from its first bytes rather than its name: portals serve
// attachments as download.jsp?id=…, browsers save pages as .htm or .html, and a file named .pdf
// may be a page that only claims to be one. A name or media type that claims PDF or DOCX must
// then hold it; a plain text and a page are told apart by their content alone.
import { PlanParseError } from '../errors.js'
import type { SourceFormat } from './types.js'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** An OLE compound file: a Word 97–2003 .doc, or a DOCX encrypted with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

/** A tag a page starts with, after a byte-order mark, blanks and comments. */
const PAGE_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|meta|title|body|base)\b/i

/** The format of a file, from its bytes. */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  // PDF readers accept the header anywhere in the first kilobyte; so does this.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return 'docx'
  const text = head
    .replace(/^\u00ef\u00bb\u00bf|^\u00ff\u00fe|^\u00fe\u00ff/, '')
    .replace(/\0/g, '')
  if (PAGE_START.test(text)) return 'html'
  // A fragment copied from a page's source: its first line is a block tag.
  if (/^\s*<(?:div|p|table|article|section|h[1-6])\b[^>]*>/i.test(text)) return 'html'
  return 'text'
}

const FORMAT_OF_EXTENSION: Record<string, SourceFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  doc: 'docx',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  xhtml: 'html',
  txt: 'text',
}

const FORMAT_OF_MEDIA_TYPE: Record<string, SourceFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
}

/** The format a file's name claims, or null when its name says nothing known. */
export function formatOfName(name: string): SourceFormat | null {
  const m = /\.([a-z]+)$/i.exec(name)
  return m ? (FORMAT_OF_EXTENSION[m[1]!.toLowerCase()] ?? null) : null
}

/** The format a media type claims, or null for application/octet-stream and the like. */
export function formatOfMediaType(mediaType: string): SourceFormat | null {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase()
  return FORMAT_OF_MEDIA_TYPE[essence] ?? null
}

const NAME_OF_FORMAT: Record<SourceFormat, string> = {
  pdf: 'a PDF',
  docx: 'a DOCX document',
  html: 'a web page',
  text: 'plain text',
}

/**
 * The format to read a file as: what its bytes hold. A claim of PDF or DOCX that the bytes do
 * not bear out is refused (it was saved wrongly, or is not what its sender thinks: a portal's
 * error page saved as .pdf); any other claim yields to the bytes.
 */
export function formatToRead(
  bytes: Uint8Array,
  file: string,
  claim: { format: SourceFormat | null; as: string },
): SourceFormat {
  const found = sniffFormat(bytes)
  const binary = (f: SourceFormat | null) => f === 'pdf' || f === 'docx'
  if (claim.format !== null && claim.format !== found && binary(claim.format)) {
    throw new PlanParseError(
      file,
      null,
      `${claim.as} says ${NAME_OF_FORMAT[claim.format]} but the file holds ${NAME_OF_FORMAT[found]}`,
    )
  }
  return found
}
