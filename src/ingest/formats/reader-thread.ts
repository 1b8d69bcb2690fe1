// Files are read in a thread of their own, one at a time: a PDF or DOCX is input from anyone
// (an upload, a portal's attachment), and reading one is work without a natural bound. The
// thread has a memory limit and each file a time limit; past either, the thread is ended and
// the file refused with one line, and the server's own thread never stalls on a PDF. The
// thread stays for the next file (pdfjs takes seconds to load) but keeps no process alive.
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PlanParseError } from '../errors.js'
import type { ReadAnswer, ReadRequest } from './reader-worker.js'
import type { ExtractedText, SourceFormat } from './types.js'

export interface ReaderLimits {
  /** A file taking longer is refused and its thread ended. */
  timeMs: number
  /** The reader thread's heap; a file needing more is refused. */
  memoryMb: number
}

export const READER_LIMITS: ReaderLimits = { timeMs: 120_000, memoryMb: 1024 }

const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts'

/** The worker's module beside this one: .ts when run from source, .js when compiled. */
const workerUrl = new URL(`./reader-worker${fromSource ? '.ts' : '.js'}`, import.meta.url)

/**
 * Run from source (npm run ingest, the tests), the thread registers tsx itself before loading
 * the worker's module: tsx's loader, inherited from the command line, leaves worker threads out.
 */
function workerEntry(): URL {
  if (!fromSource) return workerUrl
  const bootstrap = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}`,
    'register()',
    `await import(${JSON.stringify(workerUrl.href)})`,
  ].join('\n')
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`)
}

export class ReaderThread {
  private worker: Worker | null = null
  private nextId = 1
  /** Files wait their turn: one thread reads one file at a time. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly limits: ReaderLimits = READER_LIMITS) {}

  read(
    bytes: Uint8Array,
    file: string,
    format: Exclude<SourceFormat, 'text'>,
  ): Promise<ExtractedText> {
    const turn = this.queue.then(() => this.readNow(bytes, file, format))
    this.queue = turn.catch(() => {})
    return turn
  }

  /** Ends the thread; the next read starts another. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private start(): Worker {
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    })
    worker.unref()
    this.worker = worker
    return worker
  }

  private readNow(
    bytes: Uint8Array,
    file: string,
    format: Exclude<SourceFormat, 'text'>,
  ): Promise<ExtractedText> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise<ExtractedText>((resolve, reject) => {
      const refuse = (reason: string) => reject(new PlanParseError(file, null, reason))
      const finish = () => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        // Idle, the thread must not keep a command's process from ending.
        worker.unref()
      }
      const end = () => {
        if (this.worker === worker) this.worker = null
        void worker.terminate()
      }
      const onMessage = (answer: ReadAnswer) => {
        if (answer.id !== id) return
        finish()
        if ('text' in answer) resolve(answer.text)
        else {
          const { file: name, line, reason } = answer.refusal
          reject(new PlanParseError(name, line, reason))
        }
      }
      const onError = (err: Error & { code?: string }) => {
        finish()
        end()
        refuse(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `reading the file needs more than ${this.limits.memoryMb} MB of memory`
            : `the file cannot be read (${err.message.split('\n')[0]})`,
        )
      }
      const onExit = () => {
        finish()
        if (this.worker === worker) this.worker = null
        refuse('the file cannot be read (its reader stopped)')
      }
      const timer = setTimeout(() => {
        finish()
        end()
        refuse(`reading the file takes longer than ${this.limits.timeMs / 1000} s`)
      }, this.limits.timeMs)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      worker.ref()
      const request: ReadRequest = { id, bytes: new Uint8Array(bytes), file, format }
      worker.postMessage(request, [request.bytes.buffer as ArrayBuffer])
    })
  }
}

/** The process's reader thread, started by the first file that needs one. */
export const readerThread = new ReaderThread()
