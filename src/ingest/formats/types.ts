// What every format's reader gives the parser: the plan text as lines, whichever form the plan
// was published in. A saved portal page, a signed PDF and a Word file each become this; the
// parser after it does not know which it was given.

export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx'

export interface ExtractedText {
  format: SourceFormat
  /** The media type the original file is served with (GET /v1/documents/{id}/original). */
  mediaType: string
  /**
   * The plan text as the parser reads it, lines joined with \n. A paragraph is one line; a table
   * row is one line with its cells joined by \t, a merged cell repeated into each row it covers,
   * and a cell's own line breaks turned into spaces.
   */
  text: string
  /** For a PDF, the page (1-based) each line of `text` stands on, by index; null otherwise. */
  pageOfLine: number[] | null
}

export const MEDIA_TYPES: Record<SourceFormat, string> = {
  text: 'text/plain; charset=utf-8',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}
