// Opening a PDF with pdfjs, and closing it whatever happens. pdfjs is loaded on first use, so that
// a server that never reads a PDF does not load it at start. Everything it needs (the CJK cMaps,
// the standard fonts) comes from its own package folder: no network, no eval, nothing printed.
// Its refusals become one-line reasons: a password, a damaged file.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PlanParseError } from '../errors.js'

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfjsLoaded: Promise<Pdfjs> | null = null

/** The exceptions pdfjs throws while it reads a file (its BaseException kinds). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'DNLMarkerError',
  'EOIMarkerError',
  'FormatError',
  'InvalidPDFException',
  'JpegError',
  'JpxError',
  'MissingDataException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
])

export function isPdfjsException(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false
  return PDFJS_EXCEPTIONS.has(reason.name) || /pdfjs-dist|pdf\.worker/.test(reason.stack ?? '')
}

/**
 * In Node pdfjs runs its worker in this thread, and on a damaged file some of the worker's
 * own promises reject with no one to catch them (the error also reaches us, and is reported):
 * left alone, an unhandled rejection ends the thread. The service reads PDFs in a reader thread
 * (reader-thread.ts), so this only matters where a PDF is read in a process's own thread, as
 * the reader's tests do. Those are let go here. Any other unhandled rejection is raised as Node would have raised it
 * had this listener not been added (when it is the only one).
 */
function ignoreStrayPdfjsRejections(): void {
  process.on('unhandledRejection', function strayPdfjsRejection(reason) {
    if (isPdfjsException(reason)) return
    if (process.listenerCount('unhandledRejection') === 1) throw reason
  })
}

export function loadPdfjs(): Promise<Pdfjs> {
  if (!pdfjsLoaded) {
    ignoreStrayPdfjsRejections()
    pdfjsLoaded = import('pdfjs-dist/legacy/build/pdf.mjs')
  }
  return pdfjsLoaded
}

/** The package folder's resources as pdfjs wants them: directory paths ending in '/'. */
function resourceDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return {
    cMapUrl: join(packageDir, 'cmaps') + '/',
    standardFontDataUrl: join(packageDir, 'standard_fonts') + '/',
  }
}

/** pdfjs's reasons run long and sometimes over lines; a short one is worth quoting. */
function shortReason(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0]!.trim()
  return line !== '' && line.length <= 80 ? line : null
}

/** The reason a PDF pdfjs could not read is refused. */
export function refusalOf(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') {
    return 'the PDF is password-protected: save it without a password first'
  }
  const reason = shortReason(error)
  return reason === null
    ? 'the PDF is damaged'
    : `the PDF is damaged (${reason.replace(/\.$/, '').toLowerCase()})`
}

/**
 * Opens the PDF, hands it to `read`, and destroys it afterwards, on success or failure alike (a
 * document left open keeps its worker and its memory). pdfjs's own errors become refusals;
 * a PlanParseError thrown by `read` goes through as it is.
 */
export async function withPdfDocument<T>(
  bytes: Uint8Array,
  file: string,
  read: (document: PDFDocumentProxy, pdfjs: Pdfjs) => Promise<T>,
): Promise<T> {
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    // pdfjs takes the buffer over (it is detached): give it a copy, the caller's bytes stay.
    data: new Uint8Array(bytes),
    ...resourceDirs(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    // Errors only, and those are thrown to us: pdfjs prints nothing of its own.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  try {
    const document = await task.promise
    return await read(document, pdfjs)
  } catch (error) {
    if (error instanceof PlanParseError) throw error
    throw new PlanParseError(file, null, refusalOf(error))
  } finally {
    await task.destroy()
  }
}
