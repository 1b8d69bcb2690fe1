// The reader thread's side: reads one file at a time for reader-thread.ts and answers with the
// text, or with the refusal's file, line and reason. A file is hostile input: whatever it does
// to this thread (a stray rejection of pdfjs, memory, time) ends here, not in the server.
import { parentPort } from 'node:worker_threads'
import { PlanParseError } from '../errors.js'
import { readFormat } from './read-format.js'
import type { ExtractedText, SourceFormat } from './types.js'

export interface ReadRequest {
  id: number
  bytes: Uint8Array
  file: string
  format: Exclude<SourceFormat, 'text'>
}

export type ReadAnswer =
  | { id: number; text: ExtractedText }
  | { id: number; refusal: { file: string; line: number | null; reason: string } }

// A reader's promise that rejects after its answer was sent has nothing left to spoil.
process.on('unhandledRejection', () => {})

parentPort!.on('message', async (request: ReadRequest) => {
  let answer: ReadAnswer
  try {
    answer = { id: request.id, text: await readFormat(request.bytes, request.file, request.format) }
  } catch (err) {
    const refusal =
      err instanceof PlanParseError
        ? { file: err.file, line: err.line, reason: err.reason }
        : {
            file: request.file,
            line: null,
            // A reader that breaks on a file has met one it cannot read: a refusal, not a crash.
            reason: `the file cannot be read (${String((err as Error)?.message ?? err)
              .split('\n')[0]!
              .slice(0, 120)})`,
          }
    answer = { id: request.id, refusal }
  }
  parentPort!.postMessage(answer)
})
