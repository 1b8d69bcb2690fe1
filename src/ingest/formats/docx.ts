// A plan published as a Word file (.docx), read into the plan text the parser reads: the body's
// paragraphs and table rows in order, with the list labels Word prints. Only three parts of the
// package are read (the styles, the list definitions and the body, in that order, since each
// needs the one before), one at a time and each bounded, and what is not a DOCX is refused with
// a reason a person can act on.
import { PlanParseError } from '../errors.js'
import { BodyText, MAX_TEXT_CHARS, TEXT_ELEMENTS } from './docx-body.js'
import { ListCounters, WordNumbering } from './docx-numbering.js'
import { WordStyles } from './docx-styles.js'
import { decodeXml, readWordXml, type PartReading } from './docx-xml.js'
import { MEDIA_TYPES, type ExtractedText } from './types.js'
import { openZipEntries } from './zip.js'

/** The most one part may inflate to: the body of a long plan is a few megabytes. */
export const MAX_PART_BYTES = 50 * 1024 * 1024

const DOCUMENT = 'word/document.xml'
const NUMBERING = 'word/numbering.xml'
const STYLES = 'word/styles.xml'

/** An OLE compound file: a Word 97–2003 .doc, or a .docx encrypted with a password. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const RTF_SIGNATURE = [...Buffer.from('{\\rtf')]

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, k) => bytes[k] === b)
}

export async function extractDocx(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const refuse = (reason: string) => new PlanParseError(file, null, reason)
  if (bytes.length === 0) throw refuse('the file is empty')
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw refuse(
      'a Word 97–2003 .doc or an encrypted document: save it as .docx without a password',
    )
  }
  // Portals often serve an RTF file under a Word name; Word opens it, this does not.
  if (startsWith(bytes, RTF_SIGNATURE)) {
    throw refuse('an RTF document, not a DOCX: save it as .docx')
  }

  const entries = await openZipEntries(bytes, file, [DOCUMENT, NUMBERING, STYLES], {
    maxEntryBytes: MAX_PART_BYTES,
  })
  if (!entries?.has(DOCUMENT)) {
    entries?.close()
    throw refuse('not a DOCX file (no word/document.xml)')
  }
  /** Reads a part, if the package has it, handing over what `reading` asks for. */
  const read = async (
    part: string,
    reading: Pick<PartReading, 'streams' | 'onChild' | 'textIn'>,
  ) => {
    if (!entries.has(part)) return
    // One part at a time: its bytes are let go once decoded, the string once parsed.
    readWordXml(decodeXml(await entries.read(part)), { part, file, ...reading })
  }

  const styles = new WordStyles()
  const numbering = new WordNumbering(styles)
  const body = new BodyText(styles, new ListCounters(numbering), () => {
    const most = (MAX_TEXT_CHARS / 1024 / 1024).toFixed(0)
    throw refuse(`the document's text runs over ${most} million characters; a plan has far fewer`)
  })
  try {
    await read(STYLES, { streams: (el) => el.name === 'w:styles', onChild: (el) => styles.add(el) })
    await read(NUMBERING, {
      streams: (el) => el.name === 'w:numbering',
      onChild: (el) => numbering.add(el),
    })
    await read(DOCUMENT, {
      streams: BodyText.streams,
      onChild: (el, parent) => body.add(el, parent),
      textIn: TEXT_ELEMENTS,
    })
  } finally {
    entries.close()
  }
  const lines = body.finish()
  if (lines.every((line) => line.trim() === '')) {
    throw refuse('the document has no text (a scan saved as Word is pictures, not text)')
  }
  return { format: 'docx', mediaType: MEDIA_TYPES.docx, text: lines.join('\n'), pageOfLine: null }
}
