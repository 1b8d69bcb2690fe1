// The reader of each format, loaded when first needed: the PDF reader is large, and most
// processes never read a PDF. Run in the reader thread (reader-thread.ts), not in a server's.
import { extractHtml } from './html.js'
import type { ExtractedText, SourceFormat } from './types.js'

export async function readFormat(
  bytes: Uint8Array,
  file: string,
  format: Exclude<SourceFormat, 'text'>,
): Promise<ExtractedText> {
  switch (format) {
    case 'html':
      return extractHtml(bytes, file)
    case 'pdf': {
      const { extractPdf } = await import('./pdf.js')
      return extractPdf(bytes, file)
    }
    case 'docx': {
      const { extractDocx } = await import('./docx.js')
      return extractDocx(bytes, file)
    }
  }
}
