// From a file as published to the plan text the parser reads: the format is read from the
// bytes (detect.ts), and each format has its reader (read-format.ts), run in the reader thread
// (reader-thread.ts). A plain text needs none: the parser reads its bytes as they are.
import { PlanParseError } from '../errors.js'
import { formatToRead } from './detect.js'
import { readerThread } from './reader-thread.js'
import type { ExtractedText, SourceFormat } from './types.js'

/**
 * The largest file taken: signed PDFs carry seals and scanned pages beside their text; the
 * text read from any file is then held to the plan text's own limit by the parser.
 */
export const MAX_FILE_BYTES = 30 * 1024 * 1024

/** Refuses a file of more than MAX_FILE_BYTES, from its size alone: none of it need be read. */
export function refuseOversizedFile(size: number, file: string): void {
  if (size <= MAX_FILE_BYTES) return
  const mb = (size / 1024 / 1024).toFixed(1)
  throw new PlanParseError(file, null, `the file has ${mb} MB; a plan file has at most 30 MB`)
}

/** What a file's name or media type says it is, for telling a wrong claim apart. */
export interface FormatClaim {
  format: SourceFormat | null
  /** How the claim is worded in a refusal: `the name x.pdf`, `Content-Type application/pdf`. */
  as: string
}

/** The file's text, or null for a plain text, which the parser reads as it is. */
export async function extractPlanText(
  bytes: Uint8Array,
  file: string,
  claim: FormatClaim,
): Promise<ExtractedText | null> {
  refuseOversizedFile(bytes.length, file)
  const format = formatToRead(bytes, file, claim)
  return format === 'text' ? null : readerThread.read(bytes, file, format)
}
