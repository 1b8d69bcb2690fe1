// Whole-table exports (a list's CSV with no filter or sort: what portals harvest) kept per
// data version as files, with brotli and gzip copies made once at the levels kept answers get.
// A download then costs sending bytes, not the table's queries, serialization and compression
// again: at 1,000 plans the task CSV is 12 MB, 0.6 s of the event loop to write and 0.7 s of a
// core to compress with brotli. Files, so that memory is bounded whatever the tables weigh: up
// to HOLD_UP_TO bytes of them are held in memory as well, the rest read from the page cache.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { readFile, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { chooseCoding, encoder, type Coding } from './codings.js'
import { answerWith, sentAsIs } from './fastify-reads.js'
import { Representation } from './representation.js'
import { readHead, type ReadContent } from './read-head.js'

/** Bytes read from an export's file at a time (a stream's default is 64 KB). */
const READ_CHUNK = 1024 * 1024

/**
 * Bytes of exports held in memory by default, besides their files. Sent from memory, a download
 * costs what a bare server's costs; from a file, reading it costs more than sending it (a bare
 * node server sending a 12 MB file 1 MB at a time reached 0.6 of its rate from memory).
 * Compressed copies are held first (most clients ask for one, and they are a twelfth of the
 * CSV), then the CSVs, while they fit.
 */
const HOLD_UP_TO = 64 * 1024 * 1024

interface ExportFile {
  path: string
  size: number
  /** The file's bytes, when held in memory. */
  bytes?: Buffer
}

/** One export as made for a data version: its content headers, ETag and a file per coding. */
export class KeptExport implements ReadContent {
  /** Exports are text, and large: every client that accepts a coding gets it. */
  readonly compressible = true
  private held: Representation | undefined

  constructor(
    readonly headers: Record<string, string>,
    readonly etag: string,
    readonly files: Record<Coding, ExportFile>,
  ) {}

  /** Its files read into memory (where not held already), as an answer the cache can keep. */
  representation(route: string): Representation {
    this.held ??= new Representation({
      headers: this.headers,
      body: readFileSync(this.files.identity.path),
      etag: this.etag,
      route,
      effort: 'kept',
      coded: { br: bytesOf(this.files.br), gzip: bytesOf(this.files.gzip) },
    })
    return this.held
  }
}

function bytesOf(file: ExportFile): Buffer {
  return file.bytes ?? readFileSync(file.path)
}

/** Passes bytes through, hashing and counting them. */
function measuring(into: { size: number; hash: ReturnType<typeof createHash> }): Transform {
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
      into.hash.update(bytes)
      into.size += bytes.length
      done(null, bytes)
    },
  })
}

export interface ShelfOptions {
  /** The folder in which the shelf makes its own, when the first export is made. */
  parent?: string
  /**
   * Exports up to this many bytes are also answered from memory, so that the answer cache keeps
   * them and the hot path serves them like any other read (0: never).
   */
  inMemoryUpTo?: number
  /** Bytes of exports held in memory besides their files, all together (64 MB by default). */
  holdUpTo?: number
}

/** The exports of one process, in a folder of its own that closing removes. */
export class ExportShelf {
  private dir: string | null = null
  private readonly exports = new Map<string, { version: string; made: Promise<KeptExport> }>()
  private made = 0
  private readonly parent: string
  readonly inMemoryUpTo: number
  private readonly holdUpTo: number
  /** Bytes held in memory now. */
  private held = 0

  constructor({ parent = tmpdir(), inMemoryUpTo = 0, holdUpTo = HOLD_UP_TO }: ShelfOptions = {}) {
    this.parent = parent
    this.inMemoryUpTo = inMemoryUpTo
    this.holdUpTo = holdUpTo
  }

  /**
   * The export `name` (tasks.csv) at data `version`, written from `contents` once; requests
   * meanwhile wait for the same work. The files of the version before are removed once this one
   * is made: a request sending them holds its file open, so it is not cut.
   */
  kept(
    name: string,
    version: string,
    headers: Record<string, string>,
    contents: () => Readable,
  ): Promise<KeptExport> {
    const current = this.exports.get(name)
    if (current?.version === version) return current.made
    const made = this.make(name, headers, contents)
    this.exports.set(name, { version, made })
    made.then(
      () =>
        void current?.made.then(
          (old) => this.remove(old),
          () => {},
        ),
      // A failed export (a full disk) is tried again by the next request.
      () => {
        if (this.exports.get(name)?.made === made) this.exports.delete(name)
      },
    )
    return made
  }

  private async make(
    name: string,
    headers: Record<string, string>,
    contents: () => Readable,
  ): Promise<KeptExport> {
    this.dir ??= mkdtempSync(join(this.parent, 'plan-exports-'))
    const path = join(this.dir, `${++this.made}-${name}`)
    const identity = { size: 0, hash: createHash('sha256') }
    await pipeline(contents(), measuring(identity), createWriteStream(path))
    const copy = async (coding: Exclude<Coding, 'identity'>): Promise<ExportFile> => {
      const copied = `${path}.${coding}`
      await pipeline(createReadStream(path), encoder(coding, 'kept'), createWriteStream(copied))
      return { path: copied, size: statSync(copied).size }
    }
    const [br, gzip] = await Promise.all([copy('br'), copy('gzip')])
    const files = { identity: { path, size: identity.size }, br, gzip }
    for (const file of [br, gzip, files.identity]) await this.hold(file)
    const etag = `"${identity.hash.digest('base64url').slice(0, 27)}"`
    return new KeptExport(headers, etag, files)
  }

  /** Reads a file into memory if it fits in what the shelf may hold. */
  private async hold(file: ExportFile): Promise<void> {
    if (this.held + file.size > this.holdUpTo) return
    this.held += file.size
    file.bytes = await readFile(file.path)
  }

  private async remove(old: KeptExport): Promise<void> {
    for (const file of Object.values(old.files)) {
      if (file.bytes !== undefined) this.held -= file.size
    }
    await Promise.all(Object.values(old.files).map((file) => unlink(file.path).catch(() => {})))
  }

  /** Removes the folder and every export in it. */
  close(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Answers with a kept export in the client's coding: its length known, 304 when held. A small one
 * goes as an answer in memory, which the answer cache keeps like any other.
 */
export function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  shelf: ExportShelf,
  kept: KeptExport,
) {
  if (kept.files.identity.size <= shelf.inMemoryUpTo) {
    return answerWith(request, reply, kept.representation(request.routeOptions.url ?? ''))
  }
  const coding = chooseCoding(request.headers['accept-encoding'])
  const file = kept.files[coding]
  const head = readHead(request, kept, coding, file.size)
  reply.code(head.status).headers(head.headers)
  if (head.status === 304) return sentAsIs(request, reply, '')
  // Fastify's HEAD route drains a stream and keeps the length set; a string would reset it.
  if (request.method === 'HEAD') return sentAsIs(request, reply, Readable.from([]))
  if (file.bytes !== undefined) return sentAsIs(request, reply, file.bytes)
  // Opened now, in this turn: the file may be removed later, its content stays readable. Large
  // reads: each chunk is a hop to the thread pool and a write to the socket.
  const stream = createReadStream('', { fd: openSync(file.path, 'r'), highWaterMark: READ_CHUNK })
  return sentAsIs(request, reply, stream)
}
