// Whole-table exports (a list's CSV, JSON Lines or XLSX with no filter or sort: what portals
// harvest) kept per data version as files, with brotli and gzip copies (of text; an XLSX file is
// a zip already) made once, the first time a client asks for each, at the levels kept answers
// get. A download then costs sending bytes, not the table's queries, serialization and
// compression again: at 1,000 plans the task CSV is 12 MB, 0.6 s of the event loop to write and
// 0.7 s of a core to compress with brotli. Files, so that memory is bounded whatever the tables
// weigh: up to HOLD_UP_TO bytes of them are held in memory as well, the rest read from the page
// cache.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs'
import { readFile, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { chooseCoding, compressibleType, encoder, type Coding } from './codings.js'
import { answerWith, sentAsIs } from './fastify-reads.js'
import { Representation } from './representation.js'
import { readHead, type ReadContent } from './read-head.js'

/** Bytes read from an export's file at a time (a stream's default is 64 KB). */
const READ_CHUNK = 1024 * 1024

/**
 * Bytes of exports held in memory by default, besides their files. Sent from memory, a download
 * costs what a bare server's costs; from a file, reading it costs more than sending it (a bare
 * node server sending a 12 MB file 1 MB at a time reached 0.6 of its rate from memory).
 * Files are held in the order they are made, while they fit.
 */
const HOLD_UP_TO = 64 * 1024 * 1024

/** After an export failed to be made (a full disk), it is streamed for this long before a retry. */
const RETRY_AFTER_MS = 60_000

type Copy = Exclude<Coding, 'identity'>

interface ExportFile {
  path: string
  size: number
  /** The file's bytes, when held in memory. */
  bytes?: Buffer
}

/** One export as made for a data version: its content headers, ETag and files. */
export class KeptExport {
  /** Compressed copies, each made the first time a client asks for it. */
  readonly copies = new Map<Copy, Promise<ExportFile>>()
  private readonly variants = new Map<string, ReadContent>()
  private readonly representations = new Map<string, Representation>()
  /** Whether compressing it gains anything: not for an XLSX file, a zip already. */
  readonly compressible: boolean

  constructor(
    readonly name: string,
    readonly headers: Record<string, string>,
    readonly etag: string,
    readonly identity: ExportFile,
  ) {
    this.compressible = compressibleType(headers['content-type'])
  }

  /**
   * The content as a route sends it, with the route's Vary (Accept, where the list's path
   * negotiates CSV): a cache must not give the CSV to a client that asked for JSON.
   */
  variant(vary: string | undefined): ReadContent {
    const key = vary ?? ''
    let content = this.variants.get(key)
    if (content === undefined) {
      const headers = vary === undefined ? this.headers : { ...this.headers, vary }
      content = { headers, etag: this.etag, compressible: this.compressible }
      this.variants.set(key, content)
    }
    return content
  }

  /** A small export as an answer in memory, which the answer cache keeps and compresses. */
  async representation(route: string, vary: string | undefined): Promise<Representation> {
    const key = `${route}|${vary ?? ''}`
    let representation = this.representations.get(key)
    if (representation === undefined) {
      representation = new Representation({
        headers: this.variant(vary).headers,
        body: this.identity.bytes ?? (await readFile(this.identity.path)),
        etag: this.etag,
        route,
        effort: 'kept',
      })
      this.representations.set(key, representation)
    }
    return representation
  }
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

/** Writes a file from a stream; a file left half written by a failure is removed. */
async function writeFile(path: string, ...streams: (Readable | Transform)[]): Promise<number> {
  try {
    await pipeline([...streams, createWriteStream(path)])
    return statSync(path).size
  } catch (err) {
    await unlink(path).catch(() => {})
    throw err
  }
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
  private readonly failedAt = new Map<string, number>()
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
   * meanwhile wait for the same work. Every export of another version is stale then (they share
   * the data version): their files go, and the memory they held. A request sending one holds its
   * file open or its bytes, so it is not cut. Rejects while a failure is recent.
   */
  kept(
    name: string,
    version: string,
    headers: Record<string, string>,
    contents: () => Readable,
  ): Promise<KeptExport> {
    const current = this.exports.get(name)
    if (current?.version === version) return current.made
    this.dropOtherVersions(version)
    const failed = this.failedAt.get(name)
    if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) {
      return Promise.reject(new Error(`${name} failed to be kept less than a minute ago`))
    }
    const made = this.make(name, headers, contents)
    this.exports.set(name, { version, made })
    made.then(
      () => this.failedAt.delete(name),
      () => {
        this.failedAt.set(name, Date.now())
        if (this.exports.get(name)?.made === made) this.exports.delete(name)
      },
    )
    return made
  }

  /** Forgets an export whose file is gone (a temp folder cleaner): the next request makes it. */
  forget(name: string): void {
    const entry = this.exports.get(name)
    if (entry === undefined) return
    this.exports.delete(name)
    void entry.made.then(
      (old) => this.release(old),
      () => {},
    )
  }

  /** The file of `coding`: the export's own, or a compressed copy made the first time. */
  file(kept: KeptExport, coding: Coding): Promise<ExportFile> | ExportFile {
    if (coding === 'identity') return kept.identity
    let copy = kept.copies.get(coding)
    if (copy === undefined) {
      copy = this.copy(kept, coding)
      kept.copies.set(coding, copy)
      // A copy that failed is tried again by the next request that asks for it.
      copy.catch(() => kept.copies.delete(coding))
    }
    return copy
  }

  private dropOtherVersions(version: string): void {
    for (const [name, entry] of this.exports) {
      if (entry.version !== version) this.forget(name)
    }
  }

  private async make(
    name: string,
    headers: Record<string, string>,
    contents: () => Readable,
  ): Promise<KeptExport> {
    this.dir ??= mkdtempSync(join(this.parent, 'plan-exports-'))
    const path = join(this.dir, `${++this.made}-${name}`)
    const identity = { size: 0, hash: createHash('sha256') }
    await writeFile(path, contents(), measuring(identity))
    const file: ExportFile = { path, size: identity.size }
    await this.hold(file)
    const etag = `"${identity.hash.digest('base64url').slice(0, 27)}"`
    return new KeptExport(name, headers, etag, file)
  }

  private async copy(kept: KeptExport, coding: Copy): Promise<ExportFile> {
    const path = `${kept.identity.path}.${coding}`
    const size = await writeFile(
      path,
      createReadStream(kept.identity.path),
      encoder(coding, 'kept'),
    )
    const file: ExportFile = { path, size }
    await this.hold(file)
    return file
  }

  /** Reads a file into memory if it fits in what the shelf may hold. */
  private async hold(file: ExportFile): Promise<void> {
    if (this.held + file.size > this.holdUpTo) return
    const bytes = await readFile(file.path)
    if (this.held + file.size > this.holdUpTo) return
    this.held += file.size
    file.bytes = bytes
  }

  private async release(old: KeptExport): Promise<void> {
    const copies = await Promise.allSettled(old.copies.values())
    const files = [
      old.identity,
      ...copies.flatMap((copy) => (copy.status === 'fulfilled' ? [copy.value] : [])),
    ]
    for (const file of files) {
      if (file.bytes !== undefined) this.held -= file.size
      delete file.bytes
    }
    await Promise.all(files.map((file) => unlink(file.path).catch(() => {})))
  }

  /** Bytes held in memory now, for tests and metrics. */
  get heldBytes(): number {
    return this.held
  }

  /** Removes the folder and every export in it. */
  close(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Answers with a kept export in the client's coding: its length known, 304 when held. A small one
 * goes as an answer in memory, which the answer cache keeps like any other. Throws before any
 * header is set when the file cannot be opened.
 */
export async function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  shelf: ExportShelf,
  kept: KeptExport,
) {
  const vary = reply.getHeader('vary')
  const varies = typeof vary === 'string' ? vary : undefined
  if (kept.identity.size <= shelf.inMemoryUpTo) {
    const route = request.routeOptions.url ?? ''
    return answerWith(request, reply, await kept.representation(route, varies))
  }
  const coding = kept.compressible ? chooseCoding(request.headers['accept-encoding']) : 'identity'
  const file = await shelf.file(kept, coding)
  const head = readHead(request, kept.variant(varies), coding, file.size)
  // Fastify's HEAD route drains a stream and keeps the length set; a string would reset it.
  const body =
    head.status === 304
      ? ''
      : request.method === 'HEAD'
        ? Readable.from([])
        : (file.bytes ??
          // Opened now, in this turn: the file may be removed later, its content stays
          // readable. Large reads: each chunk is a hop to the thread pool and a socket write.
          createReadStream('', { fd: openSync(file.path, 'r'), highWaterMark: READ_CHUNK }))
  reply.code(head.status).headers(head.headers)
  return sentAsIs(request, reply, body)
}
